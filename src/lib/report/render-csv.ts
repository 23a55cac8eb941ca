/**
 * The report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), one row per segment, per segment × persona and for the total, for spreadsheets and BI tools.
 * Numbers are plain decimals (rates as fractions, not percent); z and p are empty where there is no test.
 */
import { csvRow } from '../csv.ts';
import { VERDICT_LABELS, type ConversionReport, type GroupRow, type Rate } from './aggregate.ts';
import { unknownSummary } from './format.ts';

export const CSV_COLUMNS = ['level', 'segment', 'persona', 'visits', 'leads', 'conversion_rate', 'ci_low', 'ci_high', 'z', 'p_value', 'verdict', 'note'] as const;

/**
 * Segment and persona ids come from the events file, which anyone who can load a page can write to:
 * they go to the CSV as text, which csvRow defuses when it could open as a formula. Our figures go
 * as numbers, written as they are.
 */
export function renderCsvReport(report: ConversionReport): string {
  const rows: unknown[][] = [[...CSV_COLUMNS]];
  for (const row of report.segments) rows.push(groupRow('segment', row));
  for (const row of report.pages) rows.push(groupRow('segment_persona', row));
  rows.push(['total', '', '', ...rateCells(report.total), '', '', '', '']);
  // Events of pages the content does not define are no row of their own: one `unknown_pages` row,
  // in the same columns, says how many and shows a few examples in `note`.
  const unknown = unknownSummary(report);
  if (unknown) rows.push(CSV_COLUMNS.map((column) => (column === 'level' ? 'unknown_pages' : column === 'note' ? unknown : '')));
  return rows.map(csvRow).join('');
}

function groupRow(level: string, row: GroupRow): unknown[] {
  return [
    level,
    row.segment,
    row.persona ?? '',
    ...rateCells(row),
    row.test ? round(row.test.z, 4) : '',
    row.test ? formatPValue(row.test.p) : '',
    VERDICT_LABELS[row.verdict],
    row.tooSmall ?? '',
  ];
}

function rateCells(rate: Rate): number[] {
  return [rate.visits, rate.leads, round(rate.rate, 6), round(rate.interval.low, 6), round(rate.interval.high, 6)];
}

/** Four significant digits; tiny values in exponent form (1.933e-6), which every spreadsheet reads. */
function formatPValue(p: number): number | string {
  return p >= 1e-4 || p === 0 ? Number(p.toPrecision(4)) : p.toExponential(3);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
