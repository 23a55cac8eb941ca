/**
 * The report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled): one flat table for spreadsheets and BI tools, whose `level` column says what each row is:
 * - `definition` rows first, the definitions in `note` (the same words as docs/conversion-report.md and the other outputs);
 * - one row per segment, per segment × persona, per segment × persona × channel, per segment × campaign,
 *   per segment × persona × variant and per segment × persona × locale (`segment_persona_locale`), every
 *   row whatever its size; the id columns a level does not use are empty;
 * - one `variant_vs_control` row per variant of a page against the page's control in the same locale: the variant's
 *   numbers in the usual columns, the control's and the difference in the `control_*` and
 *   `difference*` columns (empty on every other level), the planned size when there is one;
 * - the `total`, then one row each for duplicate events, unattributed leads, values past the cap and
 *   unknown pages when there were any, the sentence in `note` (unattributed leads counted in `leads`).
 * Numbers are plain decimals (rates as fractions, not percent); z and p are empty where there is no test.
 */
import { csvRow } from '../csv.ts';
import { VERDICT_LABELS, type ConversionReport, type GroupRow, type Rate } from './aggregate.ts';
import { definitionNotes, duplicatesSummary, overflowSummary, trafficLine, unattributedSummary, unknownSummary } from './format.ts';
import { VARIANT_CONTROL_COLUMNS, variantVerdictLabel, type VariantComparison } from './variant-control.ts';

export const CSV_COLUMNS = [
  'level',
  'segment',
  'persona',
  'source',
  'medium',
  'campaign',
  'variant',
  'locale',
  'visits',
  'leads',
  'conversion_rate',
  'ci_low',
  'ci_high',
  'other_visits',
  'other_leads',
  'z',
  'p_value',
  'verdict',
  'note',
  ...VARIANT_CONTROL_COLUMNS,
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Ids and utm values come from the events file, which anyone who can load a page can write to: they
 * go to the CSV as text, which csvRow defuses when it could open as a formula. Our figures go as
 * numbers, written as they are.
 */
export function renderCsvReport(report: ConversionReport): string {
  const rows: unknown[][] = [[...CSV_COLUMNS]];
  const line = (cells: Partial<Record<CsvColumn, unknown>>) => rows.push(CSV_COLUMNS.map((column) => cells[column] ?? ''));
  for (const note of definitionNotes(report.minVisits)) line({ level: 'definition', note });
  for (const row of [...report.segments, ...report.pages, ...report.channels, ...report.campaigns, ...report.variants, ...report.locales]) line(groupRow(row));
  for (const comparison of report.variantTests) line(variantRow(comparison));
  line({ level: 'total', ...rateCells(report.total) });
  const duplicates = duplicatesSummary(report);
  if (duplicates) line({ level: 'duplicate_events', note: duplicates });
  const unattributed = unattributedSummary(report);
  if (unattributed) line({ level: 'unattributed_leads', leads: report.unattributedLeads, note: unattributed });
  const overflow = overflowSummary(report);
  if (overflow) line({ level: 'other_values', note: overflow });
  // Events of pages the content does not define are no row of their own: one `unknown_pages` row,
  // in the same columns, says how many and shows a few examples in `note`.
  const unknown = unknownSummary(report);
  if (unknown) line({ level: 'unknown_pages', note: unknown });
  return rows.map(csvRow).join('');
}

function groupRow(row: GroupRow): Partial<Record<CsvColumn, unknown>> {
  return {
    level: row.level,
    segment: row.segment,
    persona: row.persona,
    source: row.source,
    medium: row.medium,
    campaign: row.campaign,
    variant: row.variant,
    locale: row.locale,
    ...rateCells(row),
    other_visits: row.other.visits,
    other_leads: row.other.leads,
    z: row.test ? round(row.test.z, 4) : '',
    p_value: row.test ? formatPValue(row.test.p) : '',
    verdict: VERDICT_LABELS[row.verdict],
    note: row.tooSmall ?? '',
  };
}

/** A variant against its control: the variant's numbers in the usual columns, the control's and the difference in their own. */
function variantRow(c: VariantComparison): Partial<Record<CsvColumn, unknown>> {
  return {
    level: 'variant_vs_control',
    segment: c.segment,
    persona: c.persona,
    variant: c.variant,
    locale: c.locale,
    ...rateCells(c.variantRate),
    verdict: variantVerdictLabel(c),
    note: trafficLine(c) ?? '',
    control_variant: c.control,
    control_visits: c.controlRate.visits,
    control_leads: c.controlRate.leads,
    control_rate: round(c.controlRate.rate, 6),
    control_ci_low: round(c.controlRate.interval.low, 6),
    control_ci_high: round(c.controlRate.interval.high, 6),
    difference: round(c.difference, 6),
    difference_ci_low: c.differenceInterval ? round(c.differenceInterval.low, 6) : '',
    difference_ci_high: c.differenceInterval ? round(c.differenceInterval.high, 6) : '',
    planned_visitors_per_arm: c.planned ?? '',
  };
}

function rateCells(rate: Rate): Partial<Record<CsvColumn, number>> {
  return { visits: rate.visits, leads: rate.leads, conversion_rate: round(rate.rate, 6), ci_low: round(rate.interval.low, 6), ci_high: round(rate.interval.high, 6) };
}

/** Four significant digits; tiny values in exponent form (1.933e-6), which every spreadsheet reads. */
function formatPValue(p: number): number | string {
  return p >= 1e-4 || p === 0 ? Number(p.toPrecision(4)) : p.toExponential(3);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
