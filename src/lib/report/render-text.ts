/** The report as plain text for a terminal: aligned tables, then how to read them. */
import { formatDiagnosticText } from '../diagnostics.ts';
import { VERDICT_LABELS, type ConversionReport, type GroupRow } from './aggregate.ts';
import { breakdownTables, exclusionLines, formatCount, formatInterval, formatPercent, mainTables, NO_VARIANTS, reportNotes, reportSummary, rowCells, shownComparisons, shownRows, shownValue, skippedSummary, trafficLines, VARIANT_COLUMNS, VARIANT_ID_COLUMNS, VARIANT_TABLE_TITLE, variantCells, type ReportTable } from './format.ts';
import type { ReadSummary } from './read-events.ts';
import { textTable, type Align } from '../text-table.ts';

type Column = { title: string; align: Align };

const WRAP_WIDTH = 100;

/** Most rows of a breakdown the text shows (the CSV and HTML have more). */
export const TEXT_BREAKDOWN_ROWS = 40;

export function renderTextReport(report: ConversionReport): string {
  const metrics: Column[] = [
    { title: 'Visits', align: 'right' },
    { title: 'Leads', align: 'right' },
    { title: 'Rate', align: 'right' },
    { title: '95% interval', align: 'right' },
    { title: 'z', align: 'right' },
    { title: 'p', align: 'right' },
    { title: 'Verdict', align: 'left' },
  ];
  const total = report.total;
  const totalCells = [formatCount(total.visits), formatCount(total.leads), formatPercent(total.rate), formatInterval(total.interval), '', '', ''];
  const table = (t: ReportTable, rows: GroupRow[], withTotal: boolean) =>
    textTable(
      [...t.idColumns.map((c): Column => ({ title: c.title, align: 'left' })), ...metrics],
      [...rows.map((r) => [...t.idColumns.map((c) => shownValue(c.value(r))), ...metricCells(r)]), ...(withTotal ? [['All landing pages', ...t.idColumns.slice(1).map(() => ''), ...totalCells]] : [])],
      { total: withTotal },
    );
  const sections: string[] = [];
  for (const t of mainTables(report)) sections.push('', t.title, table(t, t.rows, true));
  for (const t of breakdownTables(report)) {
    const shown = shownRows(t.rows, report.minVisits, TEXT_BREAKDOWN_ROWS);
    sections.push('', t.title, wrap(shown.note, WRAP_WIDTH, ''));
    if (shown.rows.length) sections.push(table(t, shown.rows, false));
  }
  sections.push('', VARIANT_TABLE_TITLE);
  const comparisons = shownComparisons(report.variantTests, report.minVisits, TEXT_BREAKDOWN_ROWS);
  if (report.variantTests.length === 0) sections.push(NO_VARIANTS);
  if (comparisons.note) sections.push(wrap(comparisons.note, WRAP_WIDTH, ''));
  if (comparisons.rows.length) {
    const columns = VARIANT_COLUMNS.map((title, i): Column => ({ title, align: i < VARIANT_ID_COLUMNS || title === 'Control' || title === 'Verdict' ? 'left' : 'right' }));
    sections.push(textTable(columns, comparisons.rows.map((c) => variantCells(c).map((cell, i) => (i < VARIANT_ID_COLUMNS ? shownValue(cell) : cell)))));
  }
  for (const line of trafficLines(comparisons.rows)) sections.push(wrap(line, WRAP_WIDTH, '  '));
  return [
    reportSummary(report),
    ...exclusionLines(report),
    ...sections,
    '',
    'How to read this',
    ...reportNotes(report).map((note) => wrap(`- ${note}`, WRAP_WIDTH, '  ')),
  ].join('\n');
}

function metricCells(row: GroupRow): string[] {
  const cells = rowCells(row);
  const verdict = row.tooSmall ? `${VERDICT_LABELS[row.verdict]} (${row.tooSmall})` : VERDICT_LABELS[row.verdict];
  return [cells.visits, cells.leads, cells.rate, cells.interval, cells.z, cells.p, verdict];
}

/** Word-wraps a paragraph, indenting continuation lines. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent + word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join('\n');
}

/**
 * The rows that were skipped, one per line as `file:line reason` (the first few; the rest counted),
 * and the problem that stopped reading, if one did.
 */
export function renderSkippedRows(name: string, read: ReadSummary): string {
  const lines: string[] = [];
  const summary = skippedSummary(read);
  if (summary) {
    lines.push(`${summary}${read.badRows.length < read.badRowCount ? `; the first ${read.badRows.length}:` : ':'}`);
    for (const row of read.badRows) lines.push(formatDiagnosticText({ severity: 'warning', rule: row.code, file: name, line: row.line, message: row.reason }));
    const rest = read.badRowCount - read.badRows.length;
    if (rest > 0) lines.push(`… and ${formatCount(rest)} more`);
  }
  if (read.stopped) {
    lines.push(formatDiagnosticText({ severity: 'error', rule: 'stopped', file: name, line: read.stopped.line, message: read.stopped.reason, hint: read.stopped.hint }));
  }
  return lines.join('\n');
}
