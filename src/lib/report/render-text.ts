/** The report as plain text for a terminal: aligned tables, then how to read them. */
import { formatDiagnosticText } from '../diagnostics.ts';
import { VERDICT_LABELS, type ConversionReport, type GroupRow } from './aggregate.ts';
import { formatCount, formatInterval, formatPercent, printable, reportNotes, reportSummary, rowCells, skippedSummary, unknownSummary } from './format.ts';
import type { ReadSummary } from './read-events.ts';
import { textTable, type Align } from '../text-table.ts';

type Column = { title: string; align: Align };

const WRAP_WIDTH = 100;

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

  const segments = textTable(
    [{ title: 'Segment', align: 'left' }, ...metrics],
    [...report.segments.map((r) => [printable(r.segment), ...metricCells(r)]), ['All landing pages', ...totalCells]],
    { total: true },
  );
  const pages = textTable(
    [{ title: 'Segment', align: 'left' }, { title: 'Persona', align: 'left' }, ...metrics],
    [...report.pages.map((r) => [printable(r.segment), printable(r.persona ?? ''), ...metricCells(r)]), ['All landing pages', '', ...totalCells]],
    { total: true },
  );
  const unknown = unknownSummary(report);
  return [
    reportSummary(report),
    ...(unknown ? [unknown] : []),
    '',
    'Conversion by segment',
    segments,
    '',
    'Conversion by segment × persona',
    pages,
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
