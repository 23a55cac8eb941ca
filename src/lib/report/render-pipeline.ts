/**
 * The lead-to-pipeline join as text, CSV and an HTML section, all saying the same things in the same
 * words (pipelineNotes). Ids and values from the events and the CRM export are untrusted: shown only
 * through printable() and escapeHtml(), and written to CSV as text the CSV writer defuses.
 */
import { csvRow } from '../csv.ts';
import { formatDiagnosticText, plural } from '../diagnostics.ts';
import { textTable, type Align } from '../text-table.ts';
import type { CrmRead } from './crm-export.ts';
import { quote } from './events.ts';
import { formatCount, formatInterval, formatPercent, printable } from './format.ts';
import type { PipelineReport, PipelineTotals } from './pipeline.ts';
import { escapeHtml } from './render-html.ts';
import { wrap } from './render-text.ts';

/** `1,234,567`: values in whole currency units for tables (the CSV keeps the cents). */
export function formatMoney(value: number): string {
  const whole = Math.round(value);
  return whole < 0 ? `-${formatCount(-whole)}` : formatCount(whole);
}

/** `12,500.50`: an amount with its cents, for the lines that list amounts. */
function formatAmount(value: number): string {
  const [units, cents] = value.toFixed(2).split('.') as [string, string];
  return `${formatCount(Number(units))}.${cents}`;
}

/** How many skipped rows the notes name by line (the text and HTML list more, with their reasons). */
const SKIPPED_LINES = 5;

/** The lines under the table: how rows were joined, and every row that was not counted, with examples. */
export function pipelineNotes(report: PipelineReport, crm: { name: string; read: CrmRead }): string[] {
  const notes: string[] = [];
  const read = crm.read;
  const joined = report.matchedById + report.matchedByFields;
  notes.push(
    `Joined ${plural(joined, 'CRM row')} of ${formatCount(read.rows)} to the leads: ${formatCount(report.matchedById)} by lead id, ${formatCount(report.matchedByFields)} by segment, persona, source and medium (rows without a lead id).`,
  );
  if (report.unmatched.rows) {
    const more = report.unmatched.rows > report.unmatched.examples.length ? ` (and ${formatCount(report.unmatched.rows - report.unmatched.examples.length)} more)` : '';
    notes.push(`Unmatched CRM rows: ${plural(report.unmatched.rows, 'row')} match${report.unmatched.rows === 1 ? 'es' : ''} no lead of these events, not counted: ${report.unmatched.examples.join('; ')}${more}.`);
  }
  if (report.duplicates.rows) {
    const more = report.duplicates.rows > report.duplicates.examples.length ? ` (and ${formatCount(report.duplicates.rows - report.duplicates.examples.length)} more)` : '';
    notes.push(`Duplicate lead ids: ${plural(report.duplicates.rows, 'row')} name${report.duplicates.rows === 1 ? 's' : ''} a lead another row already names; each lead counts once, with its furthest stage: ${report.duplicates.examples.join('; ')}${more}.`);
  }
  for (const other of report.otherCurrencies) {
    notes.push(
      `Not summed: ${formatCount(other.opportunities)} ${other.opportunities === 1 ? 'opportunity' : 'opportunities'} in ${other.currency} (${formatAmount(other.amount)} ${other.currency}), counted as ${other.opportunities === 1 ? 'an opportunity' : 'opportunities'} but left out of the ${report.currency} values: line${other.lines.length === 1 ? '' : 's'} ${other.lines.join(', ')}${other.opportunities > other.lines.length ? ', …' : ''}.`,
    );
  }
  if (report.unknownStages.length) {
    const stages = report.unknownStages.map((s) => `${quote(s.stage)} (${plural(s.rows, 'row')})`).join(', ');
    notes.push(`Stages in none of the lists of the CRM mapping, counted as no opportunity: ${stages}. Add them under stages.open, stages.won or stages.lost in content/crm.yaml.`);
  }
  if (report.notFromSite) notes.push(`Not from a landing page: ${plural(report.notFromSite, 'row')} with neither a lead id nor a segment and persona, not counted.`);
  const absent = read.absent.filter((a) => a.field !== 'id');
  if (absent.length) notes.push(`The export has no column ${absent.map((a) => `"${a.column}"`).join(', ')}: ${absentMeaning(absent.map((a) => a.field), report.currency)}.`);
  if (read.skippedCount) {
    const lines = read.skipped.slice(0, SKIPPED_LINES).map((r) => r.line);
    const more = read.skippedCount > lines.length ? ', …' : '';
    notes.push(`Skipped: ${plural(read.skippedCount, 'row')} of ${crm.name} that cannot be read (an amount or currency not understood, a value too long, the wrong number of fields), not counted: line${read.skippedCount === 1 ? '' : 's'} ${lines.join(', ')}${more}.`);
  }
  notes.push(
    `Opportunity rate: leads whose CRM row has an open, won or lost stage, over the leads counted above. Pipeline: the amounts of those opportunities, in ${report.currency}. Win rate: won over closed (won or lost) opportunities; open ones are not decided yet. Intervals are 95% Wilson intervals.`,
  );
  return notes;
}

function absentMeaning(fields: readonly string[], currency: string): string {
  const parts: string[] = [];
  if (fields.includes('leadId')) parts.push('every row is joined by its segment, persona, source and medium');
  if (fields.some((f) => f === 'segment' || f === 'persona' || f === 'source' || f === 'medium')) parts.push('a row without a lead id cannot be joined');
  if (fields.includes('currency')) parts.push(`every amount is taken to be in ${currency}`);
  return parts.join('; ');
}

/** The skipped rows, one per line as `file:line reason`, and what stopped reading. */
export function renderCrmSkippedRows(name: string, read: CrmRead): string {
  const lines = read.skipped.map((row) => formatDiagnosticText({ severity: 'warning', rule: row.code, file: name, line: row.line, message: row.reason }));
  const rest = read.skippedCount - read.skipped.length;
  if (rest > 0) lines.push(`… and ${formatCount(rest)} more`);
  return lines.join('\n');
}

const COLUMNS: { title: string; align: Align }[] = [
  { title: 'Segment', align: 'left' },
  { title: 'Persona', align: 'left' },
  { title: 'Source', align: 'left' },
  { title: 'Medium', align: 'left' },
  { title: 'Leads', align: 'right' },
  { title: 'Opps', align: 'right' },
  { title: 'Opp rate', align: 'right' },
  { title: '95% interval', align: 'right' },
  { title: 'Pipeline', align: 'right' },
  { title: 'Won', align: 'right' },
  { title: 'Won value', align: 'right' },
  { title: 'Win rate', align: 'right' },
  { title: '95% interval', align: 'right' },
];

function metricCells(t: PipelineTotals): string[] {
  return [
    formatCount(t.leads),
    formatCount(t.opportunities),
    formatPercent(t.opportunityRate, 1),
    formatInterval(t.opportunityInterval, 1),
    formatMoney(t.pipelineValue),
    formatCount(t.won),
    formatMoney(t.wonValue),
    t.closed ? formatPercent(t.winRate, 1) : '–',
    t.closed ? formatInterval(t.winInterval, 1) : '',
  ];
}

export function renderPipelineText(report: PipelineReport, crm: { name: string; read: CrmRead }): string {
  const rows = report.rows.map((r) => [printable(r.segment), printable(r.persona), printable(r.source), printable(r.medium), ...metricCells(r)]);
  rows.push(['All leads', '', '', '', ...metricCells(report.total)]);
  const skipped = renderCrmSkippedRows(crm.name, crm.read);
  return [
    `From lead to pipeline (${printable(crm.name)}; values in ${report.currency})`,
    textTable(COLUMNS, rows, { total: true }),
    '',
    ...pipelineNotes(report, crm).map((note) => wrap(`- ${printable(note)}`, 100, '  ')),
    ...(skipped ? ['', skipped] : []),
  ].join('\n');
}

export const PIPELINE_CSV_COLUMNS = [
  'level',
  'segment',
  'persona',
  'utm_source',
  'utm_medium',
  'leads',
  'opportunities',
  'opportunity_rate',
  'opportunity_ci_low',
  'opportunity_ci_high',
  'pipeline_value',
  'won',
  'won_value',
  'lost',
  'closed',
  'win_rate',
  'win_ci_low',
  'win_ci_high',
  'currency',
  'note',
] as const;

/**
 * crm-pipeline.csv: one row per segment × persona × channel, a `total` row, and one `note` row per
 * line of pipelineNotes (unmatched rows, duplicates, other currencies…) with the sentence in `note`.
 */
export function renderPipelineCsv(report: PipelineReport, crm: { name: string; read: CrmRead }): string {
  const out: unknown[][] = [[...PIPELINE_CSV_COLUMNS]];
  const cells = (t: PipelineTotals) => [
    t.leads,
    t.opportunities,
    round(t.opportunityRate),
    round(t.opportunityInterval.low),
    round(t.opportunityInterval.high),
    t.pipelineValue,
    t.won,
    t.wonValue,
    t.lost,
    t.closed,
    t.closed ? round(t.winRate) : '',
    t.closed ? round(t.winInterval.low) : '',
    t.closed ? round(t.winInterval.high) : '',
    report.currency,
  ];
  for (const r of report.rows) out.push(['segment_persona_channel', r.segment, r.persona, r.source, r.medium, ...cells(r), '']);
  out.push(['total', '', '', '', '', ...cells(report.total), '']);
  for (const note of pipelineNotes(report, crm).slice(0, -1)) out.push(PIPELINE_CSV_COLUMNS.map((c) => (c === 'level' ? 'note' : c === 'note' ? note : '')));
  return out.map(csvRow).join('');
}

/** A section for the HTML report; it uses only the report page's own styles. */
export function renderPipelineHtml(report: PipelineReport, crm: { name: string; read: CrmRead }): string {
  const head = COLUMNS.map((c, i) => `<th scope="col"${c.align === 'right' ? ' class="num"' : ''}>${i === 8 || i === 10 ? `${c.title} (${escapeHtml(report.currency)})` : c.title}</th>`).join('');
  const body = report.rows
    .map((r) => `<tr>${[r.segment, r.persona, r.source, r.medium].map((id) => `<th scope="row" class="id">${escapeHtml(id)}</th>`).join('')}${metricCells(r).map((v) => `<td class="num">${escapeHtml(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const skipped = crm.read.skipped.map((row) => `<li>line ${row.line}: ${escapeHtml(row.reason)}</li>`);
  if (crm.read.skippedCount > crm.read.skipped.length) skipped.push(`<li>… and ${formatCount(crm.read.skippedCount - crm.read.skipped.length)} more</li>`);
  return `<section aria-labelledby="pipeline">
<h2 id="pipeline">From lead to pipeline</h2>
<p class="summary">Leads joined to the CRM export <code>${escapeHtml(crm.name)}</code>, per segment, persona and channel; values in ${escapeHtml(report.currency)}.</p>
<div class="scroll" role="region" aria-labelledby="table-pipeline-caption" tabindex="0">
<table id="table-pipeline">
<caption id="table-pipeline-caption">Opportunities, pipeline and wins by segment, persona and channel</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row" colspan="4">All leads</th>${metricCells(report.total).map((v) => `<td class="num">${escapeHtml(v)}</td>`).join('')}</tr></tfoot>
</table>
</div>
<ul class="notes">
${pipelineNotes(report, crm)
  .map((note) => `<li>${escapeHtml(note)}</li>`)
  .join('\n')}
</ul>
${skipped.length ? `<div class="skipped"><p>CRM rows skipped:</p>\n<ul>\n${skipped.join('\n')}\n</ul></div>\n` : ''}</section>
`;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
