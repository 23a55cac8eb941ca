import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregateEvents, createAggregator } from '../../../src/lib/report/aggregate.ts';
import { knownPagesOf } from '../../../src/lib/report/known-pages.ts';
import type { ReportEvent } from '../../../src/lib/report/events.ts';
import type { ReadSummary } from '../../../src/lib/report/read-events.ts';
import { CSV_COLUMNS, renderCsvReport } from '../../../src/lib/report/render-csv.ts';
import { axis, escapeHtml, renderHtmlReport, REPORT_CSP } from '../../../src/lib/report/render-html.ts';
import { renderTextReport } from '../../../src/lib/report/render-text.ts';
import { definitionNotes } from '../../../src/lib/report/format.ts';
import { defused, FORMULA_CELLS } from '../csv-hostile.ts';
import { PROJECT_ROOT } from '../helpers.ts';

/** `visits` visits to one page, the first `leads` of which convert. */
function traffic(segment: string, persona: string, visits: number, leads: number): ReportEvent[] {
  return Array.from({ length: visits }, (_, i) => {
    const base = { page_type: 'landing', segment, persona, visit_id: `${segment}|${persona}|${i}` };
    return i < leads ? [{ ...base, event: 'page_view' as const }, { ...base, event: 'generate_lead' as const }] : [{ ...base, event: 'page_view' as const }];
  }).flat();
}

const HOSTILE = '<script>alert(1)</script>';
const QUOTED = 'a,"b"\r\nc \'d\'';
const FORMULA = '=HYPERLINK("https://evil.example","x")';

const plain = aggregateEvents([...traffic('enterprise', 'cfo', 400, 12), ...traffic('enterprise', 'it', 300, 9), ...traffic('mid-market', 'cfo', 500, 45), ...traffic('startup', 'cfo', 25, 2)]);
const hostile = aggregateEvents([...traffic(HOSTILE, QUOTED, 200, 20), ...traffic(FORMULA, 'cfo', 300, 6), ...traffic('plain', 'cfo', 100, 5)]);
const read: ReadSummary = {
  format: 'ndjson',
  rows: 3,
  events: 2,
  badRows: [{ line: 2, code: 'event', reason: `unknown event "${HOSTILE}"` }],
  badRowCount: 1,
  badRowCodes: { event: 1 },
};

describe('the CSV report', () => {
  it('parses back to the same rows with csv-parse, the definitions first', () => {
    const all = parse(renderCsvReport(plain), { columns: true }) as Record<string, string>[];
    expect(Object.keys(all[0]!)).toEqual([...CSV_COLUMNS]);
    expect(all.filter((r) => r.level === 'definition').map((r) => r.note)).toEqual(definitionNotes(30));
    expect(all.slice(0, 7).every((r) => r.level === 'definition')).toBe(true);
    const rows = all.filter((r) => r.level !== 'definition');
    expect(rows.map((r) => `${r.level} ${r.segment} ${r.persona} ${r.source} ${r.medium} ${r.campaign} ${r.variant} ${r.locale} ${r.visits} ${r.leads} ${r.other_visits} ${r.other_leads} ${r.verdict}`)).toEqual([
      'segment enterprise       700 21 525 47 lower than other visits',
      'segment mid-market       500 45 725 23 higher than other visits',
      'segment startup       25 2 1200 66 too small to judge',
      'segment_persona enterprise cfo      400 12 825 56 lower than other visits',
      'segment_persona enterprise it      300 9 925 59 lower than other visits',
      'segment_persona mid-market cfo      500 45 725 23 higher than other visits',
      'segment_persona startup cfo      25 2 1200 66 too small to judge',
      'segment_persona_channel enterprise cfo (none) (none)    400 12 825 56 lower than other visits',
      'segment_persona_channel enterprise it (none) (none)    300 9 925 59 lower than other visits',
      'segment_persona_channel mid-market cfo (none) (none)    500 45 725 23 higher than other visits',
      'segment_persona_channel startup cfo (none) (none)    25 2 1200 66 too small to judge',
      'segment_campaign enterprise    (none)   700 21 525 47 lower than other visits',
      'segment_campaign mid-market    (none)   500 45 725 23 higher than other visits',
      'segment_campaign startup    (none)   25 2 1200 66 too small to judge',
      'segment_persona_variant enterprise cfo    default  400 12 825 56 lower than other visits',
      'segment_persona_variant enterprise it    default  300 9 925 59 lower than other visits',
      'segment_persona_variant mid-market cfo    default  500 45 725 23 higher than other visits',
      'segment_persona_variant startup cfo    default  25 2 1200 66 too small to judge',
      'segment_persona_locale enterprise cfo     en 400 12 825 56 lower than other visits',
      'segment_persona_locale enterprise it     en 300 9 925 59 lower than other visits',
      'segment_persona_locale mid-market cfo     en 500 45 725 23 higher than other visits',
      'segment_persona_locale startup cfo     en 25 2 1200 66 too small to judge',
      'total        1225 68   ',
    ]);
    const mid = rows[1]!;
    expect(Number(mid.conversion_rate)).toBe(0.09);
    expect(Number(mid.ci_low)).toBeCloseTo(plain.segments[1]!.interval.low, 6);
    expect(Number(mid.z)).toBeCloseTo(plain.segments[1]!.test!.z, 4);
    expect(Number(mid.p_value)).toBeCloseTo(plain.segments[1]!.test!.p, 8);
    expect(rows[2]).toMatchObject({ z: '', p_value: '', note: 'fewer than 30 visits' });
  });

  it('ends with one row each for duplicates, unattributed leads and values past the cap', () => {
    const odd = aggregateEvents([
      ...traffic('plain', 'cfo', 40, 6),
      { event: 'page_view', page_type: 'landing', segment: 'plain', persona: 'cfo', visit_id: 'plain|cfo|0', event_id: 'e1' },
      { event: 'page_view', page_type: 'landing', segment: 'plain', persona: 'cfo', visit_id: 'plain|cfo|0', event_id: 'e1' },
      { event: 'generate_lead', page_type: 'landing', segment: 'plain', persona: 'cfo', visit_id: 'nobody' },
    ]);
    const rows = parse(renderCsvReport({ ...odd, overflow: [{ field: 'utm_campaign', views: 3 }] }), { columns: true }) as Record<string, string>[];
    expect(rows.slice(-3).map((r) => [r.level, r.leads, r.note])).toEqual([
      ['duplicate_events', '', 'Duplicate events: 1 landing page view or lead repeats an event_id already seen; dropped as replays.'],
      ['unattributed_leads', '1', 'Unattributed leads: 1 lead (visit × page) came from visits with no landing page_view of that page in this export; not counted in any row or rate.'],
      ['other_values', '', 'Other values: past 1,000 distinct values of a field, further values are counted as (other): utm_campaign (3 views).'],
    ]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    const text = renderCsvReport(hostile);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain(`,"a,""b""\r\nc 'd'",`);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.level === 'segment_persona').map((r) => [r.segment, r.persona])).toEqual([
      [HOSTILE, QUOTED],
      [`'${FORMULA}`, 'cfo'],
      ['plain', 'cfo'],
    ]);
  });

  it('defuses ids a spreadsheet would run as formulas', () => {
    const text = renderCsvReport(hostile);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('writes every segment and persona id that would open as a formula as text, read back by csv-parse', () => {
    const report = aggregateEvents(FORMULA_CELLS.flatMap((cell) => traffic(cell, cell, 40, 4)));
    const rows = parse(renderCsvReport(report), { columns: true }) as Record<string, string>[];
    const pages = rows.filter((r) => r.level === 'segment_persona');
    expect(pages.map((r) => r.segment).sort()).toEqual(FORMULA_CELLS.map(defused).sort());
    expect(pages.every((r) => r.persona === r.segment)).toBe(true);
  });

  it('writes the figures it computes as numbers, negative ones too', () => {
    const text = renderCsvReport(plain);
    const enterprise = text.split('\r\n').find((line) => line.startsWith('segment,enterprise,'))!;
    expect(enterprise).toMatch(/^segment,enterprise,,,,,,,700,21,0\.03,[0-9.]+,[0-9.]+,525,47,-[0-9.]+,[0-9.e-]+,lower than other visits,,{10}$/);
  });
});

describe('the HTML report', () => {
  const html = renderHtmlReport(hostile, { name: 'exports/<b>events</b>.ndjson', read });

  it('shows hostile ids as text, never as markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a,&quot;b&quot;');
    expect(html).toContain('c &#39;d&#39;');
    expect(html).toContain('unknown event &quot;&lt;script&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('is one self-contained, accessible page', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<title>Conversion report: exports\/&lt;b&gt;events&lt;\/b&gt;\.ndjson<\/title>/);
    // Nothing to load: no scripts, links, images, fonts or imports.
    expect(html).not.toMatch(/\s(src|href|srcset)=|url\(|@import|<link|<iframe|<object|<img/i);
    for (const id of ['chart-segments', 'chart-pages']) {
      expect(html).toContain(`<svg viewBox=`);
      expect(html).toContain(`role="img" aria-labelledby="${id}-title ${id}-desc"`);
      expect(html).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>\\n<desc id="${id}-desc">[^<]+</desc>`));
    }
    expect(html.match(/<table /g)).toHaveLength(6);
    expect(html).toContain('<caption id="table-segments-caption">Conversion by segment</caption>');
    expect(html).toContain('<th scope="col" class="num">Visits</th>');
  });

  it('draws a bar and a whisker for every row', () => {
    const segmentsChart = html.slice(html.indexOf('id="chart-segments-title"'), html.indexOf('</svg>'));
    expect(segmentsChart.match(/<rect /g)).toHaveLength(hostile.segments.length);
    expect(segmentsChart.match(/<path d="M/g)).toHaveLength(hostile.segments.length);
  });

  it('draws at most 60 bars, the rows with the most visits, and keeps every row in the table', () => {
    const many = aggregateEvents(Array.from({ length: 70 }, (_, i) => traffic(`s${String(i).padStart(2, '0')}`, 'cfo', 10 + i, 1)).flat());
    const page = renderHtmlReport(many, { name: 'many.ndjson', read: { ...read, badRows: [], badRowCount: 0, badRowCodes: {} } });
    const chart = page.slice(page.indexOf('id="chart-segments-title"'), page.indexOf('</figure>'));
    expect(chart.match(/<rect /g)).toHaveLength(60);
    expect(chart).not.toContain('>s09<');
    expect(chart).toContain('>s10<');
    expect(chart).toContain('Only the 60 rows with the most visits are drawn; the table has all 70.');
    expect(page.match(/<th scope="row" class="id">s\d\d<\/th><td/g)).toHaveLength(70);
  });

  it('lists the skipped rows', () => {
    expect(html).toContain('<h2 id="skipped">Rows skipped</h2>');
    expect(html).toContain('<li>line 2: unknown event &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</li>');
  });
});

describe('the text report', () => {
  it('prints aligned tables with the total and the rules under them', () => {
    expect(renderTextReport(plain)).toMatchInlineSnapshot(`
      "1,225 visits and 68 leads on 4 landing pages of 3 segments; 1,293 events.

      Conversion by segment
      Segment            Visits  Leads   Rate  95% interval      z       p  Verdict
      -----------------  ------  -----  -----  ------------  -----  ------  -----------------------------------------
      enterprise            700     21  3.00%    1.97–4.54%  -4.50  <0.001  lower than other visits
      mid-market            500     45  9.00%   6.79–11.83%   4.38  <0.001  higher than other visits
      startup                25      2  8.00%   2.22–24.97%                 too small to judge (fewer than 30 visits)
      -----------------  ------  -----  -----  ------------  -----  ------  -----------------------------------------
      All landing pages   1,225     68  5.55%    4.40–6.98%

      Conversion by segment × persona
      Segment            Persona  Visits  Leads   Rate  95% interval      z       p  Verdict
      -----------------  -------  ------  -----  -----  ------------  -----  ------  -----------------------------------------
      enterprise         cfo         400     12  3.00%    1.72–5.17%  -2.72   0.007  lower than other visits
      enterprise         it          300      9  3.00%    1.59–5.60%  -2.22   0.026  lower than other visits
      mid-market         cfo         500     45  9.00%   6.79–11.83%   4.38  <0.001  higher than other visits
      startup            cfo          25      2  8.00%   2.22–24.97%                 too small to judge (fewer than 30 visits)
      -----------------  -------  ------  -----  -----  ------------  -----  ------  -----------------------------------------
      All landing pages            1,225     68  5.55%    4.40–6.98%

      Conversion by channel (utm_source / utm_medium) within segment × persona
      3 of 4 rows shown: those with at least 30 visits. The CSV has every row.
      Segment     Persona  Source  Medium  Visits  Leads   Rate  95% interval      z       p  Verdict
      ----------  -------  ------  ------  ------  -----  -----  ------------  -----  ------  ------------------------
      enterprise  cfo      (none)  (none)     400     12  3.00%    1.72–5.17%  -2.72   0.007  lower than other visits
      enterprise  it       (none)  (none)     300      9  3.00%    1.59–5.60%  -2.22   0.026  lower than other visits
      mid-market  cfo      (none)  (none)     500     45  9.00%   6.79–11.83%   4.38  <0.001  higher than other visits

      Conversion by campaign (utm_campaign) within segment
      2 of 3 rows shown: those with at least 30 visits. The CSV has every row.
      Segment     Campaign  Visits  Leads   Rate  95% interval      z       p  Verdict
      ----------  --------  ------  -----  -----  ------------  -----  ------  ------------------------
      enterprise  (none)       700     21  3.00%    1.97–4.54%  -4.50  <0.001  lower than other visits
      mid-market  (none)       500     45  9.00%   6.79–11.83%   4.38  <0.001  higher than other visits

      Conversion by page variant within segment × persona
      3 of 4 rows shown: those with at least 30 visits. The CSV has every row.
      Segment     Persona  Variant  Visits  Leads   Rate  95% interval      z       p  Verdict
      ----------  -------  -------  ------  -----  -----  ------------  -----  ------  ------------------------
      enterprise  cfo      default     400     12  3.00%    1.72–5.17%  -2.72   0.007  lower than other visits
      enterprise  it       default     300      9  3.00%    1.59–5.60%  -2.22   0.026  lower than other visits
      mid-market  cfo      default     500     45  9.00%   6.79–11.83%   4.38  <0.001  higher than other visits

      Conversion by locale (page_locale) within segment × persona
      3 of 4 rows shown: those with at least 30 visits. The CSV has every row.
      Segment     Persona  Locale  Visits  Leads   Rate  95% interval      z       p  Verdict
      ----------  -------  ------  ------  -----  -----  ------------  -----  ------  ------------------------
      enterprise  cfo      en         400     12  3.00%    1.72–5.17%  -2.72   0.007  lower than other visits
      enterprise  it       en         300      9  3.00%    1.59–5.60%  -2.22   0.026  lower than other visits
      mid-market  cfo      en         500     45  9.00%   6.79–11.83%   4.38  <0.001  higher than other visits

      Variant against its control within segment × persona × locale
      No page variant other than the control in this export.

      How to read this
      - Duplicate events: a landing page_view or generate_lead whose event_id was already seen is a replay
        and is dropped; an event without an event_id is never a replay.
      - Visit of a page: a distinct visit_id with at least one landing page_view of that segment ×
        persona; a visit that saw several pages counts once for each.
      - Channel of a visit: the utm_source, utm_medium, utm_campaign, page_variant and page_locale of its
        first landing page_view of the page (earliest event_time, a view without one after every timed
        view, ties to the first in the file); a missing utm value is (none), a missing page_variant
        default, a missing page_locale the site’s default locale, the language of content/site.yaml.
      - Lead of a page: a visit of that page with a generate_lead on the same segment × persona, in either
        order in the file, attributed to the visit’s channel. A generate_lead whose visit has no landing
        page_view of that page in the export is an unattributed lead: counted once per visit × page in one
        line, never in a row or a rate, so no rate exceeds 100%.
      - Rate: leads / visits, with its 95% Wilson score interval (the range the true rate most likely lies
        in).
      - Verdict: each row is compared with all other visits, as two independent samples: every distinct
        visit of a landing page of the content that is not in the row, converting when it has a lead on
        any page; a visit is in exactly one of the two. Pooled two-proportion z-test, two-sided: “higher
        than other visits” or “lower than other visits” when p < 0.05, otherwise “no clear difference”.
      - Too small to judge: fewer than 30 visits (--min-visits), fewer than 5 leads or fewer than 5 visits
        without a lead, in the row or in the other visits; the normal approximation behind the test is
        unreliable there, so no z or p is given.
      - Variant against its control: within each segment × persona × locale, every page_variant seen other
        than the page’s own version, its control (default, or the variant named by the page’s override
        file content/pages/<segment>/<persona>.mdx, custom when it names none), visits and leads counted
        as above. Difference: variant rate − control rate, with Newcombe’s 95% hybrid score interval
        (method 10). Verdict: not planned when the variant file has no plannedVisitorsPerArm; collecting
        (n of N per arm) until both arms have the planned visitors, whatever the rates meanwhile; then
        variant better or control better when the interval excludes 0, otherwise no difference detected.
      - 16 tests at p < 0.05: even if no group truly differed, about 0.8 of them would show a “difference”
        by chance alone. Treat a single borderline p as a reason to keep measuring, not as a result."
    `);
  });

  it('shows control characters in ids as escapes', () => {
    const sneaky = aggregateEvents(traffic('\u001b[31mred', 'cfo', 10, 1));
    const text = renderTextReport(sneaky);
    expect(text).toContain('\\u001b[31mred');
    expect(text).not.toContain('\u001b');
  });
});

describe('the chart axis', () => {
  it('rounds up to a step of 1, 2, 2.5 or 5 and ticks every step', () => {
    expect(axis(0.0872)).toEqual({ max: 0.1, ticks: [0, 0.02, 0.04, 0.06, 0.08, 0.1] });
    expect(axis(0.1068)).toEqual({ max: 0.125, ticks: [0, 0.025, 0.05, 0.075, 0.1, 0.125] });
    expect(axis(1)).toEqual({ max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(axis(0).max).toBeGreaterThan(0);
  });
});

describe('the events of unknown pages', () => {
  const pages = knownPagesOf([{ id: 'plain', personas: ['cfo'] }]);
  const aggregator = createAggregator({ pages });
  traffic('plain', 'cfo', 40, 6).forEach((e) => aggregator.add(e));
  aggregator.add({ event: 'page_view', page_type: 'landing', segment: 'evil\u0000\u001b[2J', persona: '<b>\u202e', visit_id: 'x' }, 7);
  aggregator.add({ event: 'generate_lead', page_type: 'landing', segment: 'ghost', persona: 'cfo', visit_id: 'y' }, 8);
  const report = aggregator.report();
  const line = 'Unknown pages: 2 landing page views and leads name a segment and persona the content does not define, not counted (segment / persona): line 7: "evil\\u0000\\u001b[2J" / "<b>\\u202e"; line 8: "ghost" / "cfo".';

  it('are one line of the text report, under the summary', () => {
    expect(renderTextReport(report).split('\n').slice(0, 2)).toEqual(['40 visits and 6 leads on 1 landing page of 1 segment; 48 events.', line]);
  });

  it('are one escaped paragraph of the HTML report', () => {
    const html = renderHtmlReport(report, { name: 'events.ndjson', read: { ...read, badRows: [], badRowCount: 0, badRowCodes: {} } });
    expect(html).toContain(`<p class="unknown" id="unknown-pages">${escapeHtml(line)}</p>`);
    expect(html).toContain('&quot;&lt;b&gt;\\u202e&quot;');
  });

  it('are a last CSV row in the same columns, with the sentence in the note', () => {
    const text = renderCsvReport(report);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows.at(-1)!)).toEqual([...CSV_COLUMNS]);
    expect(rows.at(-1)).toMatchObject({ level: 'unknown_pages', segment: '', persona: '', visits: '', leads: '', note: line });
    expect(rows.filter((r) => r.level !== 'unknown_pages')).toEqual(parse(renderCsvReport({ ...report, unknown: plain.unknown }), { columns: true }));
    expect(renderCsvReport(plain)).not.toContain('unknown_pages');
  });

  it('are not mentioned when there are none', () => {
    expect(renderTextReport(plain)).not.toContain('Unknown pages');
    expect(renderHtmlReport(plain, { name: 'e.ndjson', read })).not.toContain('unknown-pages');
  });
});

describe('what no output lets through', () => {
  const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('escapes control characters and bidi overrides in HTML as visible text', () => {
    expect(escapeHtml('a\u0000b\u009bc\u202ed\u2066e')).toBe('a\\u0000b\\u009bc\\u202ed\\u2066e');
    const sneaky = aggregateEvents(traffic('s\u0000\u0085\u2067', 'p\u001b', 10, 1));
    const html = renderHtmlReport(sneaky, { name: 'e.ndjson', read });
    expect(html).not.toMatch(CONTROLS);
    expect(renderTextReport(sneaky)).not.toMatch(CONTROLS);
  });

  it('shows utm values and variants from the file as text in every output, never as markup, formula or control character', () => {
    const utm = aggregateEvents(
      traffic('plain', 'cfo', 40, 6).map((e) => ({ ...e, utm_source: FORMULA, utm_medium: 'cpc\u001b[2J', utm_campaign: HOSTILE, page_variant: `${QUOTED}\u202e` })),
      { minVisits: 1 },
    );
    const rows = parse(renderCsvReport(utm), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.level === 'segment_persona_channel')).toMatchObject({ source: `'${FORMULA}`, medium: 'cpc\u241b[2J' });
    expect(rows.find((r) => r.level === 'segment_campaign')).toMatchObject({ campaign: HOSTILE });
    expect(rows.find((r) => r.level === 'segment_persona_variant')!.variant).toBe(`${QUOTED}\u202e`);
    const html = renderHtmlReport(utm, { name: 'e.ndjson', read });
    expect(html).not.toMatch(CONTROLS);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<th scope="row" class="id">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    const text = renderTextReport(utm);
    expect(text).not.toMatch(CONTROLS);
    expect(text).toContain('cpc\\u001b[2J');
  });

  it('gives the HTML page a strict CSP that allows its own style by hash and nothing else', () => {
    const html = renderHtmlReport(plain, { name: 'e.ndjson', read });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(REPORT_CSP).toBe(`default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    // Inline style attributes would need 'unsafe-inline': the page has none.
    expect(html).not.toMatch(/\sstyle=/);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });
});

describe('the definitions', () => {
  it('are written in the conversion report guide in the very words of the outputs', () => {
    const guide = readFileSync(join(PROJECT_ROOT, 'docs', 'conversion-report.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## Conversion report')).replace(/\s+/g, ' ');
    for (const definition of definitionNotes(30)) expect(section).toContain(definition);
  });

  it('are in every output', () => {
    const html = renderHtmlReport(plain, { name: 'e.ndjson', read });
    const text = renderTextReport(plain).replace(/\s+/g, ' ');
    for (const definition of definitionNotes(30)) {
      expect(html).toContain(escapeHtml(definition));
      expect(text).toContain(definition);
    }
  });
});
