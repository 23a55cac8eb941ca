/**
 * The report as one self-contained HTML page: inline CSS, no script, nothing loaded from anywhere, so
 * it can be mailed or attached to a ticket; a Content-Security-Policy lets nothing else load or run.
 * Each chart has its numbers in a real table beside it.
 * Every string from the events file is escaped: the file is untrusted input (anyone who can load a
 * page can send events), so a segment id like `<script>` must show as text.
 */
import { createHash } from 'node:crypto';
import { plural } from '../diagnostics.ts';
import { VERDICT_LABELS, type ConversionReport, type GroupRow, type Rate } from './aggregate.ts';
import { breakdownTables, exclusionLines, formatCount, formatInterval, formatPercent, mainTables, NO_VARIANTS, printable, reportNotes, reportSummary, rowCells, shownComparisons, shownRows, shownValue, skippedSummary, trafficLines, unknownSummary, VARIANT_COLUMNS, VARIANT_ID_COLUMNS, VARIANT_TABLE_TITLE, variantCells, type ReportSource, type ReportTable } from './format.ts';

/**
 * Escapes text for HTML content and quoted attributes. Control characters and bidirectional
 * overrides are shown as `\uXXXX` escapes: the values shown are already escaped when read, this
 * keeps any that were not from reaching the page raw.
 */
export function escapeHtml(text: string): string {
  return printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; }
.summary, .excluded { margin: 0 0 1rem; color: #333; }
.shown { font-size: .9rem; color: #333; }
.breakdown .id { overflow-wrap: normal; white-space: nowrap; }
figure { margin: 0 0 1.5rem; }
figure svg { display: block; width: 100%; max-width: 56rem; height: auto; }
figcaption { font-size: .9rem; color: #333; margin-top: .25rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #c8c8c8; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
tfoot th, tfoot td { border-top: 2px solid #1a1a1a; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9rem; overflow-wrap: anywhere; }
.verdict-higher { color: #1b5e20; font-weight: 600; }
.verdict-lower { color: #b71c1c; font-weight: 600; }
.verdict-too-small { color: #555; }
.verdict-variant-better { color: #1b5e20; font-weight: 600; }
.verdict-control-better { color: #b71c1c; font-weight: 600; }
td[class^="verdict-"] { white-space: nowrap; }
.reason { display: block; font-size: .85rem; color: #555; }
.notes li, .skipped li { margin-bottom: .4rem; max-width: 60rem; }
.skipped code { font-family: ui-monospace, Menlo, Consolas, monospace; }
`;

/**
 * The page's Content-Security-Policy: nothing may load or run, only the one inline style (by its
 * hash), so that even a value that slipped through escaping could neither run a script nor send the
 * page anywhere. The meta form cannot carry frame-ancestors; a page opened from disk needs none.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Most rows of a breakdown the page shows (the CSV has every row). */
export const HTML_BREAKDOWN_ROWS = 200;

/** `sections`: more sections, already HTML (like the CRM pipeline's), placed before "How to read this". */
export function renderHtmlReport(report: ConversionReport, source: ReportSource, sections: readonly string[] = []): string {
  const skipped = skippedRowsSection(source);
  const [segments, pages] = mainTables(report) as [ReportTable, ReportTable];
  const unknown = unknownSummary(report);
  const excluded = exclusionLines(report).filter((line) => line !== unknown);
  const breakdowns = breakdownTables(report)
    .map((t) => {
      const shown = shownRows(t.rows, report.minVisits, HTML_BREAKDOWN_ROWS);
      return `
<section aria-labelledby="by-${t.id}" class="breakdown">
<h2 id="by-${t.id}">${escapeHtml(t.title.replace(/^Conversion by/, 'By'))}</h2>
<p class="shown">${escapeHtml(shown.note)}</p>
${shown.rows.length ? renderTable(t, shown.rows, undefined) : ''}
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conversion report: ${escapeHtml(source.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Conversion by segment</h1>
<p class="summary">${escapeHtml(reportSummary(report))} Source: <code>${escapeHtml(source.name)}</code>.</p>
${excluded.map((line) => `<p class="excluded">${escapeHtml(line)}</p>\n`).join('')}${unknown ? `<p class="unknown" id="unknown-pages">${escapeHtml(unknown)}</p>\n` : ''}
<section aria-labelledby="by-segment">
<h2 id="by-segment">By segment</h2>
${renderChart(report.segments, report.total, { id: 'chart-segments', title: 'Conversion rate by segment', label: (r) => r.segment })}
${renderTable(segments, segments.rows, report.total)}
</section>

<section aria-labelledby="by-page">
<h2 id="by-page">By segment and persona</h2>
${renderChart(report.pages, report.total, { id: 'chart-pages', title: 'Conversion rate by segment and persona', label: (r) => `${r.segment} / ${r.persona ?? ''}` })}
${renderTable(pages, pages.rows, report.total)}
</section>
${breakdowns}
${renderVariantSection(report)}

${sections.join('\n')}<section aria-labelledby="how-to-read">
<h2 id="how-to-read">How to read this</h2>
<ul class="notes">
${reportNotes(report)
  .map((note) => `<li>${escapeHtml(note)}</li>`)
  .join('\n')}
</ul>
</section>
${skipped}</main>
</body>
</html>
`;
}

/** Each variant against its control, and a line for each page whose traffic cannot reach the planned size. */
function renderVariantSection(report: ConversionReport): string {
  const comparisons = shownComparisons(report.variantTests, report.minVisits, HTML_BREAKDOWN_ROWS);
  const lines = trafficLines(comparisons.rows).map((line) => `<p class="traffic">${escapeHtml(line)}</p>`);
  const body = comparisons.rows
    .map((c) => {
      const cells = variantCells(c);
      const ids = cells.slice(0, VARIANT_ID_COLUMNS).map((v) => `<th scope="row" class="id">${escapeHtml(shownValue(v, 80))}</th>`);
      const rest = cells.slice(VARIANT_ID_COLUMNS, -1).map((v, i) => (VARIANT_COLUMNS[i + VARIANT_ID_COLUMNS] === 'Control' ? `<td class="id">${escapeHtml(v)}</td>` : `<td class="num">${escapeHtml(v)}</td>`));
      return `<tr>${ids.join('')}${rest.join('')}<td class="verdict-${c.verdict}">${escapeHtml(cells.at(-1)!)}</td></tr>`;
    })
    .join('\n');
  const note = comparisons.note ? `<p class="shown">${escapeHtml(comparisons.note)}</p>\n` : '';
  const table = comparisons.rows.length
    ? `${note}<div class="scroll" role="region" aria-labelledby="table-variant-tests-caption" tabindex="0">
<table id="table-variant-tests">
<caption id="table-variant-tests-caption">${escapeHtml(VARIANT_TABLE_TITLE)}</caption>
<thead><tr>${VARIANT_COLUMNS.map((h, i) => `<th scope="col"${i < VARIANT_ID_COLUMNS || h === 'Control' || h === 'Verdict' ? '' : ' class="num"'}>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`
    : `${note}${report.variantTests.length ? '' : `<p class="shown">${escapeHtml(NO_VARIANTS)}</p>`}`;
  return `
<section aria-labelledby="by-variant-test" class="breakdown">
<h2 id="by-variant-test">${escapeHtml(VARIANT_TABLE_TITLE.replace(/ within segment × persona × locale$/, ''))}</h2>
${table}
${lines.join('\n')}
</section>`;
}

/** A table of rows named by the table's id columns; with `total`, a footer row for all landing pages. */
function renderTable(table: ReportTable, rows: GroupRow[], total: Rate | undefined): string {
  const id = `table-${table.id}`;
  const numeric = ['Visits', 'Leads', 'Rate', '95% interval', 'z', 'p'];
  const body = rows
    .map((row) => {
      const c = rowCells(row);
      const ids = table.idColumns.map((column) => `<th scope="row" class="id">${escapeHtml(shownValue(column.value(row), 80))}</th>`).join('');
      const reason = row.tooSmall ? `<span class="reason">${escapeHtml(row.tooSmall)}</span>` : '';
      return `<tr>${ids}${[c.visits, c.leads, c.rate, c.interval, c.z, c.p].map((v) => `<td class="num">${escapeHtml(v)}</td>`).join('')}<td class="verdict-${row.verdict}">${escapeHtml(VERDICT_LABELS[row.verdict])}${reason}</td></tr>`;
    })
    .join('\n');
  const span = table.idColumns.length > 1 ? ` colspan="${table.idColumns.length}"` : '';
  const foot = total
    ? `\n<tfoot><tr><th scope="row"${span}>All landing pages</th>${[formatCount(total.visits), formatCount(total.leads), formatPercent(total.rate), formatInterval(total.interval), '', ''].map((v) => `<td class="num">${v}</td>`).join('')}<td></td></tr></tfoot>`
    : '';
  return `<div class="scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}">
<caption id="${id}-caption">${escapeHtml(table.title)}</caption>
<thead><tr>${table.idColumns.map((h) => `<th scope="col">${escapeHtml(h.title)}</th>`).join('')}${numeric.map((h) => `<th scope="col" class="num">${h}</th>`).join('')}<th scope="col">Verdict</th></tr></thead>
<tbody>
${body}
</tbody>${foot}
</table>
</div>`;
}

/** Colours chosen for at least 3:1 against the white background and against the black whiskers drawn over them. */
const BAR = '#3a7dbf';
const BAR_TOO_SMALL = '#8a8a8a';
const TOTAL_LINE = '#a34f00';
const INK = '#1a1a1a';

const ROW = 26;
const BAR_HEIGHT = 14;
const TOP = 34;
const BOTTOM = 34;
const WIDTH = 900;
const VALUE_AREA = 190;
const MAX_LABEL = 48;
const MAX_BARS = 60;

/**
 * Horizontal bars of the rates with their Wilson intervals as whiskers, and the overall rate as a
 * dashed line. An export full of junk ids could ask for thousands of bars: the chart then shows the
 * rows with the most visits and says so; the table always has every row.
 */
function renderChart(allRows: GroupRow[], total: Rate, options: { id: string; title: string; label: (row: GroupRow) => string }): string {
  const rows = allRows.length <= MAX_BARS ? allRows : topByVisits(allRows, MAX_BARS);
  const labels = rows.map((r) => options.label(r));
  const shown = labels.map((l) => (l.length > MAX_LABEL ? `${l.slice(0, MAX_LABEL - 1)}…` : l));
  const labelWidth = Math.min(360, Math.max(90, Math.max(0, ...shown.map((l) => l.length)) * 7.2 + 16));
  const plot = WIDTH - labelWidth - VALUE_AREA;
  const { max, ticks } = axis(Math.max(total.rate, ...rows.map((r) => r.interval.high)));
  const x = (rate: number) => round(labelWidth + (rate / max) * plot);
  const height = TOP + rows.length * ROW + BOTTOM;
  const axisY = TOP + rows.length * ROW;

  const grid = ticks
    .map((t) => `<line x1="${x(t)}" y1="${TOP - 6}" x2="${x(t)}" y2="${axisY}" stroke="#d9d9d9"/><text x="${x(t)}" y="${axisY + 16}" text-anchor="middle">${formatPercent(t, tickDigits(ticks))}</text>`)
    .join('');
  const bars = rows
    .map((row, i) => {
      const y = TOP + i * ROW;
      const mid = y + ROW / 2;
      const full = labels[i]!;
      const lo = x(row.interval.low);
      const hi = x(row.interval.high);
      const value = `${formatPercent(row.rate)} (${formatInterval(row.interval)})`;
      return [
        `<g>`,
        full !== shown[i] ? `<title>${escapeHtml(full)}</title>` : '',
        `<text x="${labelWidth - 8}" y="${mid + 4}" text-anchor="end">${escapeHtml(shown[i]!)}</text>`,
        `<rect x="${labelWidth}" y="${mid - BAR_HEIGHT / 2}" width="${round(x(row.rate) - labelWidth)}" height="${BAR_HEIGHT}" fill="${row.verdict === 'too-small' ? BAR_TOO_SMALL : BAR}"/>`,
        `<path d="M${lo} ${mid}H${hi}M${lo} ${mid - 5}V${mid + 5}M${hi} ${mid - 5}V${mid + 5}" stroke="${INK}" stroke-width="1.5" fill="none"/>`,
        `<text x="${WIDTH - VALUE_AREA + 10}" y="${mid + 4}">${escapeHtml(value)}</text>`,
        `</g>`,
      ].join('');
    })
    .join('\n');
  const totalX = x(total.rate);
  const totalLine = `<line x1="${totalX}" y1="${TOP - 8}" x2="${totalX}" y2="${axisY}" stroke="${TOTAL_LINE}" stroke-width="2" stroke-dasharray="5 4"/><text x="${totalX}" y="${TOP - 14}" text-anchor="middle" fill="${TOTAL_LINE}">all pages ${formatPercent(total.rate)}</text>`;
  const omitted = allRows.length - rows.length;
  const shownRows = omitted ? `the ${rows.length} rows with the most visits (of ${allRows.length})` : plural(rows.length, 'row');
  const desc = `Horizontal bars: conversion rate of ${shownRows}, from ${formatPercent(0, 0)} to ${formatPercent(max, tickDigits(ticks))}. A whisker across each bar spans its 95% Wilson interval; grey bars are too small to judge; the dashed line is the rate of all landing pages, ${formatPercent(total.rate)}. The table below gives every number.`;
  return `<figure>
<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" font-size="13" fill="${INK}">
<title id="${options.id}-title">${escapeHtml(options.title)}</title>
<desc id="${options.id}-desc">${escapeHtml(desc)}</desc>
${grid}
${bars}
${totalLine}
<line x1="${labelWidth}" y1="${axisY}" x2="${labelWidth + plot}" y2="${axisY}" stroke="${INK}"/>
</svg>
<figcaption>Bars show the conversion rate, whiskers the 95% interval; grey bars are too small to judge; the dashed line is all landing pages together.${omitted ? ` Only the ${rows.length} rows with the most visits are drawn; the table has all ${allRows.length}.` : ''}</figcaption>
</figure>`;
}

/** The `n` rows with the most visits, kept in table order. */
function topByVisits(rows: GroupRow[], n: number): GroupRow[] {
  const keep = new Set([...rows].sort((a, b) => b.visits - a.visits).slice(0, n));
  return rows.filter((r) => keep.has(r));
}

/** A round upper bound for the axis and the ticks up to it (steps of 1, 2, 2.5 or 5 × 10ⁿ). */
export function axis(highest: number): { max: number; ticks: number[] } {
  const top = highest > 0 ? highest : 0.01;
  const rough = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const count = Math.ceil(top / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1]!, ticks };
}

/** Decimals a tick label needs in percent: 0 for 2%, 1 for 2.5%, 2 for 0.25%. */
function tickDigits(ticks: number[]): number {
  for (const digits of [0, 1, 2]) {
    const f = 100 * 10 ** digits;
    if (ticks.every((t) => Math.abs(t * f - Math.round(t * f)) < 1e-6)) return digits;
  }
  return 3;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function skippedRowsSection(source: ReportSource): string {
  const read = source.read;
  const summary = skippedSummary(read);
  if (!summary && !read.stopped) return '';
  const items = read.badRows.map((row) => `<li>line ${row.line}: ${escapeHtml(row.reason)}</li>`);
  const rest = read.badRowCount - read.badRows.length;
  if (rest > 0) items.push(`<li>… and ${formatCount(rest)} more</li>`);
  const stopped = read.stopped
    ? `<p><strong>Reading stopped at line ${read.stopped.line}:</strong> ${escapeHtml(read.stopped.reason)}.${read.stopped.hint ? ` ${escapeHtml(read.stopped.hint)}` : ''}</p>`
    : '';
  return `
<section aria-labelledby="skipped" class="skipped">
<h2 id="skipped">Rows skipped</h2>
${summary ? `<p>${escapeHtml(summary)} in <code>${escapeHtml(source.name)}</code>. They are not counted above.</p>\n<ul>\n${items.join('\n')}\n</ul>` : ''}
${stopped}
</section>
`;
}
