import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/lib/load/project.ts';
import { createAggregator, VERDICT_LABELS, type GroupRow } from '../../../src/lib/report/aggregate.ts';
import { checkEvent } from '../../../src/lib/report/events.ts';
import { knownPagesOf, type KnownPages } from '../../../src/lib/report/known-pages.ts';
import { mulberry32 } from '../../../src/lib/report/random.ts';
import { generateSampleEvents, sampleLandingsFromSite } from '../../../src/lib/report/sample-events.ts';
import { compileReportSql, SQL_COLUMNS, type ReportSqlOptions } from '../../../src/lib/report/sql.ts';
import { VARIANT_VERDICT_WORDS, type VariantComparison } from '../../../src/lib/report/variant-control.ts';
import { loadVariantFiles } from '../../../src/lib/report/variant-files.ts';
import { twoProportionZTest, wilsonInterval } from '../../../src/lib/report/stats.ts';
import { EVENT_FIELDS, UTM_PARAMS, type TrackingEvent } from '../../../src/lib/tracking/contract.ts';
import { build, PROJECT_ROOT, readTree } from '../helpers.ts';

/** One row of the GA4 BigQuery export, with the columns the query reads (and a few it must ignore). */
interface Ga4Row {
  event_date: string;
  event_timestamp: number;
  event_name: string;
  user_pseudo_id: string | null;
  event_params: { key: string; value: { string_value: string | null; int_value: number | null; float_value: number | null; double_value: number | null } }[];
  collected_traffic_source: Record<(typeof COLLECTED)[number], string | null> | null;
}

const COLLECTED = ['manual_campaign_id', 'manual_campaign_name', 'manual_source', 'manual_medium', 'manual_term', 'manual_content', 'gclid'] as const;
const COLLECTED_OF: Partial<Record<(typeof UTM_PARAMS)[number], (typeof COLLECTED)[number]>> = {
  utm_id: 'manual_campaign_id',
  utm_campaign: 'manual_campaign_name',
  utm_source: 'manual_source',
  utm_medium: 'manual_medium',
  utm_term: 'manual_term',
  utm_content: 'manual_content',
};

const COLUMN_TYPES = {
  event_date: 'VARCHAR',
  event_timestamp: 'BIGINT',
  event_name: 'VARCHAR',
  user_pseudo_id: 'VARCHAR',
  event_params: 'STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT, float_value DOUBLE, double_value DOUBLE))[]',
  collected_traffic_source: `STRUCT(${COLLECTED.map((c) => `${c} VARCHAR`).join(', ')})`,
};

export interface Ga4Visit {
  user: string;
  session: number;
}

/**
 * An event of the contract as GA4 exports it when the Tag Manager tag sends the data layer's fields as
 * event parameters: the visit becomes user_pseudo_id + ga_session_id, every other field a string
 * parameter (null ids left out). `utmAs` says where the campaign values go: event parameters (the
 * documented tag), or only `collected_traffic_source` (a tag that does not send them).
 */
function ga4Row(event: TrackingEvent, visit: Ga4Visit, utmAs: 'params' | 'collected'): Ga4Row {
  const time = Date.parse(event.event_time);
  const params: Ga4Row['event_params'] = [
    { key: 'ga_session_id', value: { string_value: null, int_value: visit.session, float_value: null, double_value: null } },
    // GA4's own parameters, which the query must not mistake for ours.
    { key: 'page_location', value: { string_value: `https://example.com${event.page_path}`, int_value: null, float_value: null, double_value: null } },
    { key: 'engagement_time_msec', value: { string_value: null, int_value: 1200, float_value: null, double_value: null } },
  ];
  const record = event as unknown as Record<string, string | null | undefined>;
  for (const field of EVENT_FIELDS) {
    if (field === 'event' || field === 'visit_id' || field === 'event_time') continue;
    const value = record[field];
    if (value === null || value === undefined) continue;
    if ((UTM_PARAMS as readonly string[]).includes(field) && utmAs === 'collected') continue;
    params.push({ key: field, value: { string_value: value, int_value: null, float_value: null, double_value: null } });
  }
  let collected: Ga4Row['collected_traffic_source'] = null;
  if (utmAs === 'collected' && UTM_PARAMS.some((p) => record[p] !== undefined)) {
    collected = Object.fromEntries(COLLECTED.map((c) => [c, null])) as NonNullable<Ga4Row['collected_traffic_source']>;
    for (const p of UTM_PARAMS) if (COLLECTED_OF[p] && record[p] !== undefined) collected[COLLECTED_OF[p]!] = record[p]!;
  }
  return {
    event_date: event.event_time.slice(0, 10).replaceAll('-', ''),
    event_timestamp: time * 1000,
    event_name: event.event,
    user_pseudo_id: visit.user,
    event_params: params,
    collected_traffic_source: collected,
  };
}

type SqlRow = Record<(typeof SQL_COLUMNS)[number], string | number | null>;

/** Loads the rows into DuckDB as a table `events` with the export's column types and runs the duckdb query. */
async function runDuckdb(rows: readonly Ga4Row[], pages: KnownPages, options: Omit<ReportSqlOptions, 'dialect' | 'pages'> = {}): Promise<SqlRow[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'report-sql-')), 'ga4.ndjson');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = `{${Object.entries(COLUMN_TYPES).map(([name, type]) => `${name}: '${type}'`).join(', ')}}`;
    await connection.run(`CREATE TABLE events AS SELECT * FROM read_json('${file.replaceAll("'", "''")}', format = 'newline_delimited', columns = ${columns})`);
    const reader = await connection.runAndReadAll(compileReportSql({ dialect: 'duckdb', pages, ...options }));
    return (reader.getRowObjectsJS() as Record<string, unknown>[]).map(
      (row) => Object.fromEntries(SQL_COLUMNS.map((c) => [c, typeof row[c] === 'bigint' ? Number(row[c]) : (row[c] as string | number | null)])) as SqlRow,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A contract event for the hand-built cases. */
function event(name: TrackingEvent['event'], visit: string, minute: number, page: [string, string] | null, extra: Partial<Record<string, string>> = {}): TrackingEvent {
  const [segment, persona] = page ?? [null, null];
  return {
    event: name,
    page_type: page ? 'landing' : 'home',
    segment,
    persona,
    vertical: segment ? 'finance' : null,
    page_variant: 'default',
    content_version: 'abc123def456',
    page_path: page ? `/${segment}/${persona}/` : '/',
    visit_id: visit,
    event_id: `${visit}-${name}-${minute}`,
    event_time: new Date(Date.UTC(2026, 9, 1, 9, minute)).toISOString(),
    analytics_consent: 'granted',
    ...(name === 'generate_lead' ? { form_id: 'lead-form' } : {}),
    ...extra,
  } as TrackingEvent;
}

const LINKEDIN = { utm_source: 'linkedin', utm_medium: 'paid-social', utm_campaign: 'alpha', utm_content: 'cfo' };
const GOOGLE = { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'alpha-search', utm_content: 'it' };

describe('the report query on a small hand-built export, run by DuckDB', () => {
  const pages = knownPagesOf([
    { id: 'alpha', personas: ['cfo', 'it'] },
    { id: 'beta', personas: ['cfo'] },
  ]);
  const alphaCfo: [string, string] = ['alpha', 'cfo'];
  const alphaIt: [string, string] = ['alpha', 'it'];
  const betaCfo: [string, string] = ['beta', 'cfo'];
  const lead1 = event('generate_lead', 'v1', 5, alphaCfo, LINKEDIN);
  // Worked out by hand (visit: what it shows):
  // v1  two views of alpha/cfo (LinkedIn first, then Google) and a lead; the lead is replayed (same event_id)
  // v2  a view of alpha/cfo without campaign parameters, variant short-form
  // v3  views of alpha/it (LinkedIn) and beta/cfo (Google), a lead on beta/cfo only
  // v4  a lead on beta/cfo without any landing view: unattributed
  // v5  a view and a lead of gamma/cfo, which the content does not define
  // v6  a lead of alpha/it exported before its view (Google)
  // v7  the home page and a click: neither counts
  // v8  a view of alpha/cfo whose campaign GA4 read from the URL (collected_traffic_source) only
  const events: [TrackingEvent, 'params' | 'collected'][] = [
    [event('page_view', 'v1', 1, alphaCfo, LINKEDIN), 'params'],
    [event('page_view', 'v1', 3, alphaCfo, GOOGLE), 'params'],
    [lead1, 'params'],
    [event('page_view', 'v2', 2, alphaCfo, { page_variant: 'short-form' }), 'params'],
    [event('page_view', 'v3', 1, alphaIt, LINKEDIN), 'params'],
    [event('page_view', 'v3', 4, betaCfo, GOOGLE), 'params'],
    [event('generate_lead', 'v3', 6, betaCfo, GOOGLE), 'params'],
    [event('generate_lead', 'v4', 6, betaCfo), 'params'],
    [event('page_view', 'v5', 1, ['gamma', 'cfo']), 'params'],
    [event('generate_lead', 'v5', 2, ['gamma', 'cfo']), 'params'],
    [event('generate_lead', 'v6', 9, alphaIt, GOOGLE), 'params'],
    [event('page_view', 'v6', 2, alphaIt, GOOGLE), 'params'],
    [event('page_view', 'v7', 1, null), 'params'],
    [event('cta_click', 'v7', 2, null), 'params'],
    [event('page_view', 'v8', 1, alphaCfo, LINKEDIN), 'collected'],
    [lead1, 'params'],
  ];
  const sessions = new Map<string, Ga4Visit>();
  // Two visits of one browser: the same user_pseudo_id, so only ga_session_id tells them apart.
  const visitOf = (id: string) => sessions.get(id) ?? sessions.set(id, { user: id === 'v2' ? '111.222' : id === 'v1' ? '111.222' : `${id}.999`, session: 1_790_000_000 + sessions.size }).get(id)!;
  const rows = events.map(([e, utmAs]) => ga4Row(e, visitOf(e.visit_id), utmAs));

  it('counts visits, leads, channels and the odd cases as the counting rules say', async () => {
    const result = await runDuckdb(rows, pages);
    const brief = result.map((r) => [r.level, [r.segment, r.persona, r.utm_source, r.utm_medium, r.utm_campaign, r.page_locale, r.page_variant].filter((v) => v !== null).join('/'), r.visits, r.leads, r.other_visits, r.other_leads, r.events]);
    expect(brief).toEqual([
      ['segment', 'alpha', 5, 2, 0, 0, null],
      ['segment', 'beta', 1, 1, 4, 2, null],
      ['segment_persona', 'alpha/cfo', 3, 1, 2, 2, null],
      ['segment_persona', 'alpha/it', 2, 1, 3, 1, null],
      ['segment_persona', 'beta/cfo', 1, 1, 4, 2, null],
      ['segment_persona_channel', 'alpha/cfo/(none)/(none)', 1, 0, 4, 3, null],
      ['segment_persona_channel', 'alpha/cfo/linkedin/paid-social', 2, 1, 3, 2, null],
      ['segment_persona_channel', 'alpha/it/google/cpc', 1, 1, 4, 2, null],
      ['segment_persona_channel', 'alpha/it/linkedin/paid-social', 1, 0, 4, 2, null],
      ['segment_persona_channel', 'beta/cfo/google/cpc', 1, 1, 4, 2, null],
      ['segment_campaign', 'alpha/(none)', 1, 0, 4, 3, null],
      ['segment_campaign', 'alpha/alpha', 3, 1, 2, 1, null],
      ['segment_campaign', 'alpha/alpha-search', 1, 1, 4, 2, null],
      ['segment_campaign', 'beta/alpha-search', 1, 1, 4, 2, null],
      ['segment_persona_variant', 'alpha/cfo/default', 2, 1, 3, 2, null],
      ['segment_persona_variant', 'alpha/cfo/short-form', 1, 0, 4, 3, null],
      ['segment_persona_variant', 'alpha/it/default', 2, 1, 3, 1, null],
      ['segment_persona_variant', 'beta/cfo/default', 1, 1, 4, 2, null],
      // No event carries page_locale: every visit counts in the default locale.
      ['segment_persona_locale', 'alpha/cfo/en', 3, 1, 2, 2, null],
      ['segment_persona_locale', 'alpha/it/en', 2, 1, 3, 1, null],
      ['segment_persona_locale', 'beta/cfo/en', 1, 1, 4, 2, null],
      ['variant_vs_control', 'alpha/cfo/en/short-form', 1, 0, null, null, null],
      ['total', '', 5, 3, null, null, null],
      ['unattributed_leads', '', null, 1, null, null, null],
      ['duplicate_events', '', null, null, null, null, 1],
      ['unknown_pages', '', null, null, null, null, 2],
    ]);
  });

  it('gives the rate and the Wilson interval with the same digits as the report', async () => {
    const result = await runDuckdb(rows, pages);
    for (const row of result.filter((r) => r.visits !== null)) {
      const visits = row.visits as number;
      const leads = row.leads as number;
      expect([row.conversion_rate, row.ci_low, row.ci_high], `${row.level} ${row.segment}/${row.persona}`).toEqual([leads / visits, wilsonInterval(leads, visits).low, wilsonInterval(leads, visits).high]);
    }
  });

  it('judges none of these tiny rows, and says why', async () => {
    const result = await runDuckdb(rows, pages);
    expect(new Set(result.filter((r) => r.other_visits !== null).map((r) => `${r.verdict}: ${r.too_small}`))).toEqual(new Set([`${VERDICT_LABELS['too-small']}: fewer than 30 visits`]));
    expect(result.every((r) => r.z === null)).toBe(true);
  });
});

/**
 * Sample events of the site's real landing pages, with what real exports add: replayed events (the
 * same event_id again, later in the file and later in time, some of them altered), leads whose
 * landing view is missing, visits that go on to a second landing page (some converting there), a
 * second view of the same page from another channel, views without campaign parameters, campaign
 * values that GA4 only read from the URL, and events of a page the content does not define.
 */
function sampleExport(seed: number, visits: number): { events: TrackingEvent[]; utmAs: Map<string, 'params' | 'collected'> } {
  const files = readTree(PROJECT_ROOT);
  const landings = sampleLandingsFromSite(build(files));
  const random = mulberry32(seed + 1);
  // The sample's channel mix, campaigns, creatives and A/B variant.
  const generated = [...generateSampleEvents({ seed, visits, landings })];
  const index = new Map<string, number>();
  for (const e of generated) if (!index.has(e.visit_id)) index.set(e.visit_id, index.size);
  const later = (e: TrackingEvent, seconds: number, change: Partial<TrackingEvent> = {}): TrackingEvent =>
    ({ ...e, event_id: random.uuid(), event_time: new Date(Date.parse(e.event_time) + seconds * 1000).toISOString(), ...change }) as TrackingEvent;
  const landingView = (e: TrackingEvent) => e.event === 'page_view' && e.page_type === 'landing';
  const counts = (e: TrackingEvent) => e.event === 'generate_lead' || landingView(e);
  const converted = new Set(generated.filter((e) => e.event === 'generate_lead').map((e) => e.visit_id));

  const events: TrackingEvent[] = [];
  const replays: TrackingEvent[] = [];
  let counted = 0;
  for (const e of generated) {
    const i = index.get(e.visit_id)!;
    // A lead without its landing view: the export lost the view.
    if (landingView(e) && converted.has(e.visit_id) && i % 10 === 0) continue;
    let event = e;
    // Events from before pages sent their locale: counted in the default one.
    if (i % 11 === 5) {
      const { page_locale: _l, ...rest } = event;
      event = rest as TrackingEvent;
    }
    if (landingView(e) && i % 7 === 3) {
      const { utm_source: _s, utm_medium: _m, utm_campaign: _c, utm_content: _t, utm_id: _i, ...rest } = event;
      event = rest as TrackingEvent;
    }
    events.push(event);
    if (landingView(e)) {
      const page = landings[(landings.findIndex((l) => l.segment === e.segment && l.persona === e.persona) + 1 + (i % 3)) % landings.length]!;
      const other = { segment: page.segment, persona: page.persona, vertical: page.vertical, page_path: page.path };
      // The visit goes on to a second landing page from another channel, and sometimes converts there.
      if (i % 15 === 1) {
        events.push(later(e, 30, { ...other, utm_source: 'newsletter', utm_medium: 'email' }));
        if (i % 30 === 1) events.push(later(e, 90, { ...other, event: 'generate_lead', form_id: 'lead-form' } as Partial<TrackingEvent>));
      }
      // The same page again from another channel: the first view decides the channel.
      if (i % 9 === 4) events.push(later(e, 20, { utm_source: 'google', utm_medium: 'cpc' }));
    }
    if (counts(e) && ++counted % 40 === 0) {
      // A replay of the event, an hour late; every third one altered (another visit), still a replay.
      replays.push({ ...event, event_time: new Date(Date.parse(e.event_time) + 3_600_000).toISOString(), ...(counted % 120 === 0 ? { visit_id: 'replayed-elsewhere' } : {}) });
    }
  }
  const retired = { ...events.find(landingView)!, segment: 'retired-segment', persona: 'cfo', event_id: 'retired-1' };
  events.push(retired, { ...retired, event: 'generate_lead', event_id: 'retired-2', form_id: 'lead-form' } as TrackingEvent, ...replays);
  const utmAs = new Map([...index].map(([visit, i]) => [visit, i % 4 === 2 ? ('collected' as const) : ('params' as const)]));
  return { events, utmAs };
}

function ga4Rows(events: readonly TrackingEvent[], utmAs: ReadonlyMap<string, 'params' | 'collected'>): Ga4Row[] {
  const visits = new Map<string, Ga4Visit>();
  return events.map((e) => {
    let visit = visits.get(e.visit_id);
    if (!visit) {
      // Three visits per browser: only ga_session_id tells them apart.
      visits.set(e.visit_id, (visit = { user: `${1_000_000 + Math.floor(visits.size / 3)}.1790000000`, session: 1_790_000_000 + visits.size }));
    }
    return ga4Row(e, visit, utmAs.get(e.visit_id) ?? 'params');
  });
}

describe('the report query on 5,000 sample visits with the oddities of real exports, run by DuckDB', async () => {
  const { events, utmAs } = sampleExport(20261130, 5000);
  const pages = knownPagesOf(parseProject(readTree(PROJECT_ROOT)).project.segments.map((s) => ({ id: s.id, personas: s.data.personas.map((p) => p.id) })));
  const variantFiles = await loadVariantFiles(PROJECT_ROOT, pages);
  if (!variantFiles.ok) throw new Error('the sample content has bad variant files');
  // The sample's control of eu-due-diligence × cpo, and a planned size that one locale reaches and the other does not.
  const variants = new Map(variantFiles.pages);
  const planned = variants.get('eu-due-diligence/cpo')!;
  variants.set('eu-due-diligence/cpo', { ...planned, variants: new Map([...planned.variants].map(([id, file]) => [id, { ...file, plannedVisitorsPerArm: 50 }])) });
  const result = await runDuckdb(ga4Rows(events, utmAs), pages, { variants });
  const level = (name: string) => result.filter((r) => r.level === name);

  it('meets every oddity the data was made with', () => {
    expect(level('duplicate_events')[0]!.events).toBeGreaterThan(100);
    expect(level('unattributed_leads')[0]!.leads).toBeGreaterThan(5);
    expect(level('unknown_pages')[0]!.events).toBe(2);
    expect(level('segment_persona_channel').some((r) => r.utm_source === '(none)')).toBe(true);
    // Two locales, and the A/B test compared within each.
    expect(new Set(level('segment_persona_locale').map((r) => r.page_locale))).toEqual(new Set(['de', 'en']));
    const tested = level('variant_vs_control').filter((r) => r.segment === 'eu-due-diligence' && r.persona === 'cpo');
    expect(tested.map((r) => `${r.page_locale}/${r.page_variant}/${r.control_variant}`)).toEqual(['de/short-form/default', 'en/short-form/default']);
    // The planned 50 per arm: reached in English, not yet in German, whose verdict waits.
    expect(tested.map((r) => r.verdict === VARIANT_VERDICT_WORDS.collecting)).toEqual([true, false]);
    // Visits on two pages: the page rows hold more visits than there are visits.
    const pageVisits = level('segment_persona').reduce((sum, r) => sum + (r.visits as number), 0);
    expect(pageVisits).toBeGreaterThan(level('total')[0]!.visits as number);
    // Some rows are judged, some found different from the rest.
    expect(result.filter((r) => r.z !== null).length).toBeGreaterThan(3);
    expect(result.some((r) => r.verdict === VERDICT_LABELS.higher || r.verdict === VERDICT_LABELS.lower)).toBe(true);
  });

  it('gives exactly the report\'s rows, row by row, on the same events read from an export file', () => {
    const aggregator = createAggregator({ pages });
    events.forEach((e, i) => {
      const checked = checkEvent(JSON.parse(JSON.stringify(e)));
      if (!checked.ok) throw new Error(`event ${i}: ${checked.problem.reason}`);
      aggregator.add(checked.event, i + 1);
    });
    const report = aggregator.report({ variants });
    const none = Object.fromEntries(SQL_COLUMNS.map((c) => [c, null])) as SqlRow;
    const groupRow = (r: GroupRow): SqlRow => ({
      ...none,
      level: r.level,
      segment: r.segment,
      ...(r.persona === undefined ? {} : { persona: r.persona }),
      ...(r.source === undefined ? {} : { utm_source: r.source }),
      ...(r.medium === undefined ? {} : { utm_medium: r.medium }),
      ...(r.campaign === undefined ? {} : { utm_campaign: r.campaign }),
      ...(r.variant === undefined ? {} : { page_variant: r.variant }),
      ...(r.locale === undefined ? {} : { page_locale: r.locale }),
      visits: r.visits,
      leads: r.leads,
      conversion_rate: r.rate,
      ci_low: r.interval.low,
      ci_high: r.interval.high,
      other_visits: r.other.visits,
      other_leads: r.other.leads,
      z: r.test?.z ?? null,
      verdict: VERDICT_LABELS[r.verdict],
      too_small: r.tooSmall ?? null,
    });
    const variantRow = (c: VariantComparison): SqlRow => ({
      ...none,
      level: 'variant_vs_control',
      segment: c.segment,
      persona: c.persona,
      page_locale: c.locale,
      page_variant: c.variant,
      visits: c.variantRate.visits,
      leads: c.variantRate.leads,
      conversion_rate: c.variantRate.rate,
      ci_low: c.variantRate.interval.low,
      ci_high: c.variantRate.interval.high,
      verdict: VARIANT_VERDICT_WORDS[c.verdict],
      control_variant: c.control,
      control_visits: c.controlRate.visits,
      control_leads: c.controlRate.leads,
      control_rate: c.controlRate.rate,
      control_ci_low: c.controlRate.interval.low,
      control_ci_high: c.controlRate.interval.high,
      difference: c.difference,
      difference_ci_low: c.differenceInterval?.low ?? null,
      difference_ci_high: c.differenceInterval?.high ?? null,
      planned_visitors_per_arm: c.planned ?? null,
    });
    const summary = (level: string, values: Partial<SqlRow>): SqlRow => ({ ...none, level, ...values });
    const expected: SqlRow[] = [
      ...[...report.segments, ...report.pages, ...report.channels, ...report.campaigns, ...report.variants, ...report.locales].map(groupRow),
      ...report.variantTests.map(variantRow),
      summary('total', { visits: report.total.visits, leads: report.total.leads, conversion_rate: report.total.rate, ci_low: report.total.interval.low, ci_high: report.total.interval.high }),
      summary('unattributed_leads', { leads: report.unattributedLeads }),
      summary('duplicate_events', { events: report.duplicates }),
      summary('unknown_pages', { events: report.unknown.events }),
    ];
    expect(report.overflow).toEqual([]);
    expect(report.variantTests.length).toBeGreaterThanOrEqual(2);
    expect(report.locales.some((r) => r.locale === 'de')).toBe(true);
    expect(result.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expect(result[i], `row ${i}`).toEqual(expected[i]);
  });

  it('splits each page\'s visits and leads over its channels', () => {
    for (const page of level('segment_persona')) {
      const channels = level('segment_persona_channel').filter((r) => r.segment === page.segment && r.persona === page.persona);
      expect([channels.reduce((s, r) => s + (r.visits as number), 0), channels.reduce((s, r) => s + (r.leads as number), 0)]).toEqual([page.visits, page.leads]);
    }
  });

  it('gives every rate and interval with the same digits as the report', () => {
    for (const row of result.filter((r) => r.visits !== null)) {
      const interval = wilsonInterval(row.leads as number, row.visits as number);
      expect([row.conversion_rate, row.ci_low, row.ci_high]).toEqual([(row.leads as number) / (row.visits as number), interval.low, interval.high]);
    }
  });

  it("computes z and the verdict as the report's statistics do, from the row and all other visits", () => {
    for (const row of result.filter((r) => r.other_visits !== null)) {
      const test = twoProportionZTest(row.leads as number, row.visits as number, row.other_leads as number, row.other_visits as number);
      expect(row.other_visits! as number + (row.visits as number)).toBe(level('total')[0]!.visits);
      if (row.z === null) {
        expect(row.verdict).toBe(VERDICT_LABELS['too-small']);
        continue;
      }
      expect(row.z).toBe(test!.z);
      expect(row.verdict).toBe(VERDICT_LABELS[test!.p >= 0.05 ? 'no-difference' : test!.z > 0 ? 'higher' : 'lower']);
    }
  });
});
