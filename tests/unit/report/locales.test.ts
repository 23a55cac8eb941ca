import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregateEvents, DEFAULT_LOCALE, type ConversionReport } from '../../../src/lib/report/aggregate.ts';
import { checkCsvEvent, checkEvent, type ReportEvent } from '../../../src/lib/report/events.ts';
import { knownPagesOf, readSiteLanguage } from '../../../src/lib/report/known-pages.ts';
import { renderCsvReport } from '../../../src/lib/report/render-csv.ts';
import { renderHtmlReport } from '../../../src/lib/report/render-html.ts';
import { renderTextReport } from '../../../src/lib/report/render-text.ts';

/**
 * A known small export in two locales (worked out by hand):
 * - a1–a4 view small-finance × cfo in English, a1 converts;
 * - b1–b3 view it in German, b1 and b2 convert; b3 sees the short-form variant;
 * - d1 views it first in German, then in English, and converts: a German visit (its first view);
 * - c1, c2 view small-finance × controller in an export from before events carried page_locale, c1 converts.
 */
const pages = knownPagesOf([{ id: 'small-finance', personas: ['cfo', 'controller'] }]);
let minute = 0;
function event(name: 'page_view' | 'generate_lead', visit: string, persona: string, fields: Record<string, string> = {}): ReportEvent {
  const checked = checkEvent({ event: name, page_type: 'landing', segment: 'small-finance', persona, visit_id: visit, event_id: `${visit}-${minute}`, event_time: new Date(Date.UTC(2026, 9, 1, 9, minute++)).toISOString(), ...fields });
  if (!checked.ok) throw new Error(checked.problem.reason);
  return checked.event;
}
const en = { page_locale: 'en' };
const de = { page_locale: 'de' };
const events: ReportEvent[] = [
  ...['a1', 'a2', 'a3', 'a4'].map((v) => event('page_view', v, 'cfo', en)),
  event('generate_lead', 'a1', 'cfo', en),
  event('page_view', 'b1', 'cfo', de),
  event('page_view', 'b2', 'cfo', de),
  event('page_view', 'b3', 'cfo', { ...de, page_variant: 'short-form' }),
  event('generate_lead', 'b1', 'cfo', de),
  event('generate_lead', 'b2', 'cfo', de),
  event('page_view', 'd1', 'cfo', de),
  event('page_view', 'd1', 'cfo', en),
  event('generate_lead', 'd1', 'cfo', en),
  event('page_view', 'c1', 'controller'),
  event('page_view', 'c2', 'controller'),
  event('generate_lead', 'c1', 'controller'),
];

const brief = (report: ConversionReport) => report.locales.map((r) => `${r.segment}/${r.persona}/${r.locale} ${r.visits} ${r.leads}`);

describe('the report by locale, on a known export in two locales', () => {
  const report = aggregateEvents(events, { pages, minVisits: 1 });

  it('counts each visit of a page in the locale of its first landing view', () => {
    expect(brief(report)).toEqual(['small-finance/cfo/de 4 3', 'small-finance/cfo/en 4 1', 'small-finance/controller/en 2 1']);
    // The locale splits the page's visits: it adds none.
    expect(report.pages.map((r) => `${r.persona} ${r.visits} ${r.leads}`)).toEqual(['cfo 8 4', 'controller 2 1']);
    expect(report.total).toMatchObject({ visits: 10, leads: 5 });
  });

  it('sets a variant against its control within the same locale', () => {
    expect(report.variantTests.map((c) => [c.segment, c.persona, c.locale, c.variant, c.control, c.variantRate.visits, c.variantRate.leads, c.controlRate.visits, c.controlRate.leads])).toEqual([
      ['small-finance', 'cfo', 'de', 'short-form', 'default', 1, 0, 3, 3],
    ]);
  });

  it('shows the locale table in the text, the HTML and the CSV', () => {
    const text = renderTextReport(report);
    expect(text.split('\n')[0]).toBe('10 visits and 5 leads on 2 landing pages of 1 segment in 2 locales (de, en); 16 events from 2026-10-01 to 2026-10-01.');
    const table = text.slice(text.indexOf('Conversion by locale'), text.indexOf('Variant against its control'));
    expect(table).toContain('Segment        Persona     Locale  Visits  Leads');
    expect(table).toMatch(/small-finance {2}cfo {9}de +4 +3 +75\.00%/);
    expect(table).toMatch(/small-finance {2}controller {2}en +2 +1 +50\.00%/);
    expect(text).toMatch(/small-finance {2}cfo {6}de {6}short-form +1 +0 +0\.00%.*default +3 +3 +100\.00%.*not planned/);

    const html = renderHtmlReport(report, { name: 'events.ndjson', read: { rows: 19, events: 19, badRowCount: 0, badRowCodes: {}, badRows: [] } as never });
    expect(html).toContain('<h2 id="by-locales">By locale (page_locale) within segment × persona</h2>');
    expect(html).toContain('<caption id="table-locales-caption">Conversion by locale (page_locale) within segment × persona</caption>');
    expect(html).toContain('<th scope="col">Locale</th>');

    const rows = parse(renderCsvReport(report), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.level === 'segment_persona_locale').map((r) => `${r.persona} ${r.locale} ${r.visits} ${r.leads}`)).toEqual(['cfo de 4 3', 'cfo en 4 1', 'controller en 2 1']);
    expect(rows.filter((r) => r.level === 'variant_vs_control').map((r) => `${r.persona} ${r.locale} ${r.variant} ${r.control_visits}`)).toEqual(['cfo de short-form 3']);
    // Every other level leaves the locale empty.
    expect(rows.filter((r) => r.level === 'segment_persona').every((r) => r.locale === '')).toBe(true);
  });
});

describe('exports from before events carried page_locale', () => {
  const old = events.map(({ page_locale: _locale, ...rest }) => rest);

  it('count every visit in the default locale, en unless told the site’s', () => {
    expect(DEFAULT_LOCALE).toBe('en');
    const report = aggregateEvents(old, { pages });
    expect(brief(report)).toEqual(['small-finance/cfo/en 8 4', 'small-finance/controller/en 2 1']);
    expect(report.defaultLocale).toBe('en');
    // One locale: the summary line says nothing of locales, as before.
    expect(renderTextReport(report).split('\n')[0]).toBe('10 visits and 5 leads on 2 landing pages of 1 segment; 16 events from 2026-10-01 to 2026-10-01.');
  });

  it('count in the site’s language when the report is given it', () => {
    const report = aggregateEvents(old, { pages, defaultLocale: 'de' });
    expect(brief(report)).toEqual(['small-finance/cfo/de 8 4', 'small-finance/controller/de 2 1']);
    // Mixed: the old events in the site's language beside the new ones.
    const mixed = aggregateEvents(events, { pages, defaultLocale: 'de' });
    expect(brief(mixed)).toEqual(['small-finance/cfo/de 4 3', 'small-finance/cfo/en 4 1', 'small-finance/controller/de 2 1']);
  });

  it('read from CSV without a page_locale column as from NDJSON', () => {
    const checked = checkCsvEvent({ event: 'page_view', page_type: 'landing', segment: 'small-finance', persona: 'cfo', visit_id: 'x' });
    expect(checked.ok && checked.event.page_locale).toBe(undefined);
    const withLocale = checkCsvEvent({ event: 'page_view', page_type: 'landing', segment: 'small-finance', persona: 'cfo', visit_id: 'x', page_locale: 'de' });
    expect(withLocale.ok && withLocale.event.page_locale).toBe('de');
  });
});

describe('page_locale as the event checks read it', () => {
  it('must be text when present, and empty is absent', () => {
    expect(checkEvent({ event: 'page_view', page_type: 'landing', segment: 's', persona: 'p', visit_id: 'v', page_locale: 7 })).toEqual({ ok: false, problem: { code: 'type', reason: 'page_locale: expected a string, found the number 7' } });
    const empty = checkEvent({ event: 'page_view', page_type: 'landing', segment: 's', persona: 'p', visit_id: 'v', page_locale: '' });
    expect(empty.ok && empty.event.page_locale).toBe(undefined);
  });
});

describe('the site’s language, as the report reads it', () => {
  const root = (siteYaml?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'report-locale-'));
    if (siteYaml !== undefined) {
      mkdirSync(join(dir, 'content'));
      writeFileSync(join(dir, 'content', 'site.yaml'), siteYaml);
    }
    return dir;
  };

  it('is content/site.yaml’s language, whatever else the file says', async () => {
    expect(await readSiteLanguage(root('name: Acme\nlanguage: de-AT\n'))).toBe('de-AT');
    expect(await readSiteLanguage(root('language: de\nurl: [not, a, url]\n'))).toBe('de');
  });

  it('is the schema’s default, en, without a file, without the field or with a value that is no language tag', async () => {
    expect(await readSiteLanguage(root())).toBe('en');
    expect(await readSiteLanguage(root('name: Acme\n'))).toBe('en');
    expect(await readSiteLanguage(root('language: German\n'))).toBe('en');
    expect(await readSiteLanguage(root('language: [de\n'))).toBe('en');
  });
});
