/**
 * The playbook as one static HTML page. Every value from content is escaped by `html`; only markup
 * written here is trusted. No scripts, no external resources: the file opens from disk or a share.
 */
import { escapeHtml } from '../compose/format.ts';
import type { CampaignPlanRow, PlaceView } from './campaign-plan.ts';
import type { BarChart, FigureView, PlaybookSegment, PlaybookView, SourceView } from './types.ts';

/** Markup that is already safe; anything else interpolated into `html` is escaped. */
class Markup {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

type Value = Markup | string | number | false | null | undefined | readonly Value[];

function part(value: Value): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value)).replace(/'/g, '&#39;');
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]!) : ''), ''));
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1, h2, h3 { line-height: 1.2; }
.banner { background: #fff4d6; border: 1px solid #e0b44c; padding: 0.6rem 0.9rem; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid #d5d9de; }
.scroll { overflow-x: auto; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.3rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.muted { color: #57606a; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; }
svg { font-size: 13px; width: 100%; height: auto; }
.tick line { stroke: #d5d9de; }
.bar rect { fill: #2f6fb3; }
section.segment { border-top: 2px solid #d5d9de; margin-top: 2rem; }
`;

export function renderPlaybookHtml(view: PlaybookView): string {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>${view.title}</title>
<style>${new Markup(STYLE)}</style>
</head>
<body data-content-version="${view.contentVersion}">
<p class="banner"><strong>Internal.</strong> How ${view.siteName} targets its segments: not for customers, prospects or the public site. Content version ${view.contentVersion}.</p>
<h1>Segment playbook</h1>
${scorecard(view)}
${accounts(view)}
${charts(view.charts)}
<h2 id="segments">Segments</h2>
${view.segments.map(segment)}
${campaignPlan(view.campaignPlan)}
</body>
</html>
`;
  return page.value;
}

function scorecard(view: PlaybookView): Markup {
  const s = view.scorecard;
  return html`<h2 id="scorecard">Scorecard</h2>
<div class="scroll"><table>
<thead><tr>${s.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${s.rows.map((row) => html`<tr>${row.map((cell, i) => (i === 1 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>
`)}</tbody>
</table></div>
${s.notes.map((n) => html`<p class="muted">${n}</p>
`)}`;
}

function accounts(view: PlaybookView): Markup {
  if (!view.accounts) return html``;
  return html`<h2 id="accounts">CRM accounts</h2>
${view.accounts.notes.map((n) => html`<p>${n}</p>
`)}${view.accounts.stale && html`<p><strong>Out of date:</strong> ${view.accounts.stale}</p>
`}`;
}

function charts(list: BarChart[]): Markup {
  if (!list.length) return html``;
  return html`<h2 id="charts">At a glance</h2>
<div class="charts">${list.map((c, i) => barChart(c, `chart-${i}`))}</div>
`;
}

function barChart(chart: BarChart, id: string): Markup {
  const labelWidth = 230;
  const barArea = 300;
  const rowHeight = 34;
  const top = 8;
  const height = top + chart.bars.length * rowHeight + 24;
  const width = labelWidth + barArea + 60;
  const x = (value: number) => labelWidth + (chart.max === 0 ? 0 : (value / chart.max) * barArea);
  return html`<figure>
<figcaption><strong>${chart.title}</strong></figcaption>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${chart.title}</title>
<desc id="${id}-desc">${chart.description} ${chart.bars.map((b) => `${b.label}: ${b.valueLabel}.`).join(' ')}</desc>
${chart.ticks.map((t) => html`<g class="tick"><line x1="${x(t)}" x2="${x(t)}" y1="${top - 4}" y2="${height - 20}"/><text x="${x(t)}" y="${height - 6}" text-anchor="middle">${`${t}${chart.unit}`}</text></g>
`)}${chart.bars.map((bar, i) => html`<g class="bar"><text x="${labelWidth - 8}" y="${top + i * rowHeight + 20}" text-anchor="end">${bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}</text><rect x="${labelWidth}" y="${top + i * rowHeight + 6}" width="${Math.max(1, x(bar.value) - labelWidth)}" height="${rowHeight - 14}" rx="3"/><text x="${x(bar.value) + 6}" y="${top + i * rowHeight + 20}">${bar.valueLabel}</text></g>
`)}</svg>
<p class="muted">${chart.description}</p>
</figure>
`;
}

function source(s: SourceView): Markup {
  const text = [s.title, s.publisher].filter(Boolean).join(', ');
  return s.url ? html`<a href="${s.url}">${text}</a>` : html`${text}`;
}

function figureLine(label: string, f: FigureView): Markup {
  return html`<dt>${label}</dt><dd>${f.value}. Source: ${source(f.source)}.${f.note && html` <span class="muted">${f.note}</span>`}</dd>
`;
}

function list(title: string, items: readonly string[]): Markup {
  return items.length ? html`<h4>${title}</h4><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>
` : html``;
}

function segment(s: PlaybookSegment): Markup {
  return html`<section class="segment" id="segment-${s.id}" aria-labelledby="segment-${s.id}-heading">
<h3 id="segment-${s.id}-heading">${s.name}${s.status !== 'active' && html` <span class="muted">(${s.status}: not published)</span>`}</h3>
<p class="muted">${s.file}${s.publicUrl && html` · public page: <a href="${s.publicUrl}">${s.publicUrl}</a>`}${s.reviewed && html` · reviewed ${s.reviewed}`}</p>
<dl>
<dt>Priority score</dt><dd>${s.priority !== undefined ? s.priority.toFixed(1) : 'not scored'}${s.scores.length > 0 && html` <span class="muted">(${s.scores.map((x) => `${x.label} ${x.score}`).join(', ')})</span>`}</dd>
${s.rationale && html`<dt>Why these scores</dt><dd>${s.rationale}</dd>
`}${s.accounts && html`<dt>CRM accounts</dt><dd>${s.accounts}</dd>
`}${s.criteria.map((c) => html`<dt>${c.label}</dt><dd>${c.value}</dd>
`)}${s.marketSize && figureLine(`Market size (${s.marketSize.year})`, s.marketSize)}${s.growthRate && figureLine(`Growth (${s.growthRate.period})`, s.growthRate)}</dl>
${list('Themes to stress', s.emphasis)}${list('Key trends', s.profile.keyTrends)}${list('Major challenges', s.profile.majorChallenges)}${list('Emerging opportunities', s.profile.emergingOpportunities)}${s.profile.dataSources.length > 0 && html`<h4>Data sources</h4><ul>${s.profile.dataSources.map((d) => html`<li>${source(d)}</li>`)}</ul>
`}</section>
`;
}

function places(title: string, items: readonly PlaceView[]): Markup {
  return items.length
    ? html`<dt>${title}</dt><dd><ul>${items.map((p) => html`<li>${p.url ? html`<a href="${p.url}">${p.name}</a>` : p.name}${p.note && html` <span class="muted">(${p.note})</span>`}</li>`)}</ul></dd>
`
    : html``;
}

function campaignPlan(rows: readonly CampaignPlanRow[]): Markup {
  if (!rows.length) return html``;
  return html`<h2 id="campaign-plan">Campaign plan</h2>
<p class="muted">Who to target, what to say and where, for every published landing page. <code>linkedin-audiences.csv</code> beside this page has one LinkedIn Campaign Manager audience per row.</p>
${rows.map(
  (r) => html`<section class="segment" id="plan-${r.segment}-${r.persona}" aria-labelledby="plan-${r.segment}-${r.persona}-heading">
<h3 id="plan-${r.segment}-${r.persona}-heading">${r.segmentName} · ${r.personaName}</h3>
<dl>
<dt>Landing page</dt><dd><a href="${r.landingUrl}">${r.landingUrl}</a></dd>
<dt>Job titles</dt><dd>${r.jobTitles.length ? r.jobTitles.join(', ') : 'none: add titles to the persona file'}</dd>
${r.audiences.map((a, i) => html`${a.group && html`<dt>LinkedIn audience ${i + 1} of ${r.audiences.length}</dt><dd>${a.group} <span class="muted">(one campaign per audience: LinkedIn cannot combine them with “or”)</span></dd>
`}${a.regions.length > 0 && html`<dt>Regions</dt><dd>${a.regions.join(', ')}</dd>
`}${a.industries.length > 0 && html`<dt>Industries</dt><dd>${a.industries.join(', ')}</dd>
`}${a.employees && html`<dt>Company size</dt><dd>${a.employees}; LinkedIn sizes ${a.companySizes.join(', ')}${!a.sizesExact && html` <span class="muted">(LinkedIn's buckets also reach companies just outside the range)</span>`}</dd>
`}${a.untargeted.length > 0 && html`<dt>Not targetable on LinkedIn</dt><dd>${a.untargeted.join('; ')}</dd>
`}`)}${r.angles.length > 0 && html`<dt>In their words</dt><dd><ul>${r.angles.map((a) => html`<li>${a}</li>`)}</ul></dd>
`}${r.themes.length > 0 && html`<dt>Themes to stress</dt><dd><ul>${r.themes.map((a) => html`<li>${a}</li>`)}</ul></dd>
`}${places('Events', r.where.events)}${places('Publications', r.where.publications)}${places('Marketplaces', r.where.marketplaces)}${places('Analyst coverage', r.where.analystCoverage)}${r.where.social.map((s) => html`<dt>${s.platform} titles (vertical)</dt><dd>${s.titles.join(', ')}</dd>
`)}${r.channels.length > 0 && html`<dt>Campaign URLs</dt><dd><ul>${r.channels.map((c) => html`<li>${c.label}: <a href="${c.url}">${c.url}</a></li>`)}</ul></dd>
`}</dl>
</section>
`,
)}`;
}
