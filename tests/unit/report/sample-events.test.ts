import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAggregator, type GroupRow } from '../../../src/lib/report/aggregate.ts';
import { loadKnownPages } from '../../../src/lib/report/known-pages.ts';
import { loadVariantFiles } from '../../../src/lib/report/variant-files.ts';
import { mulberry32 } from '../../../src/lib/report/random.ts';
import { readNdjson } from '../../../src/lib/report/read-events.ts';
import { generateSampleEvents, sampleEventLines, sampleLandingsFromSite, type SampleLanding, type SampleOptions } from '../../../src/lib/report/sample-events.ts';
import type { TrackingEvent } from '../../../src/lib/tracking/contract.ts';
import { build, PROJECT_ROOT, readTree } from '../helpers.ts';

const files = readTree(PROJECT_ROOT);
const landings = sampleLandingsFromSite(build(files));

const text = (options: SampleOptions) => [...sampleEventLines(options)].join('');
const sample = (seed: number, visits: number) => text({ seed, visits, landings });

/** A fixed, tiny site, so the pinned output does not change whenever the sample content does. */
const PAGE: SampleLanding = {
  pageType: 'landing',
  segment: 'small-finance',
  persona: 'cfo',
  vertical: 'finance',
  variant: 'default',
  contentVersion: 'abc123def456',
  path: '/small-finance/cfo/',
  faqIds: ['pricing'],
  next: [{ pageType: 'faq', segment: 'small-finance', persona: null, vertical: 'finance', variant: 'default', contentVersion: 'abc123def456', path: '/small-finance/faq/' }],
};

describe('the PRNG', () => {
  it('is mulberry32: the same numbers for the same seed on every machine', () => {
    const random = mulberry32(42);
    expect([random.uint32(), random.uint32(), random.uint32()]).toEqual([2581720956, 1925393290, 3661312704]);
    expect(mulberry32(42).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('sample events', () => {
  it('are byte-identical for the same seed and differ for another', () => {
    const first = sample(42, 300);
    expect(sample(42, 300)).toBe(first);
    expect(sample(43, 300)).not.toBe(first);
  });

  it('are pinned for a fixed input, so a change in the generator is a visible change', () => {
    const out = text({ seed: 7, visits: 40, landings: [PAGE], variants: [{ weight: 0.5, lift: 1 }, { name: 'short-form', weight: 0.5, lift: 1.3 }] });
    expect(createHash('sha256').update(out).digest('hex').slice(0, 16)).toMatchInlineSnapshot(`"448b73e4447ae952"`);
    expect(out.split('\n')[0]).toMatchInlineSnapshot(`"{"event":"page_view","page_type":"landing","segment":"small-finance","persona":"cfo","vertical":"finance","page_variant":"short-form","content_version":"abc123def456","page_locale":"en","page_path":"/small-finance/cfo/","visit_id":"7a4adef7-8690-4830-ae21-f91d40297317","event_id":"705ff3dd-7a3e-4a34-abbc-3a5300d27039","event_time":"2026-10-01T19:50:00.128Z","analytics_consent":"denied","utm_source":"linkedin","utm_medium":"paid-social","utm_campaign":"small-finance-prospecting","utm_content":"video-cfo-story"}"`);
  });

  it('cover the real landing pages with plausible campaign parameters, variants and times, in time order', () => {
    const events = [...generateSampleEvents({ seed: 1, visits: 2000, landings })];
    const landingViews = events.filter((e) => e.event === 'page_view' && e.page_type === 'landing');
    expect(landingViews).toHaveLength(2000);
    // The variant's views are at its own URL, beside its control's; the German visits of the EU
    // due-diligence segment on its /de/ pages, the variant's among them.
    const german = landings.filter((l) => l.segment === 'eu-due-diligence').map((l) => `/de${l.path}`);
    expect(german.length).toBeGreaterThan(1);
    expect(new Set(landingViews.map((e) => e.page_path))).toEqual(new Set([...landings.map((l) => l.path), '/eu-due-diligence/cpo/short-form/', ...german, '/de/eu-due-diligence/cpo/short-form/']));
    for (const e of events) expect(e.page_locale).toBe(e.page_path.startsWith('/de/') ? 'de' : 'en');
    const dueDiligence = landingViews.filter((e) => e.segment === 'eu-due-diligence');
    expect(dueDiligence.filter((e) => e.page_locale === 'de').length / dueDiligence.length).toBeCloseTo(0.4, 1);
    expect(landings.map((l) => l.path)).not.toContain('/eu-due-diligence/cpo/short-form/');
    for (const e of landingViews) expect(e.page_path.endsWith('/short-form/')).toBe(e.page_variant === 'short-form');
    const channelOf = (e: TrackingEvent) => `${e.utm_source ?? '(none)'}/${e.utm_medium ?? '(none)'}`;
    expect(new Set(landingViews.map(channelOf))).toEqual(new Set(['linkedin/paid-social', 'google/cpc', 'bing/cpc', 'newsletter/email', '(none)/(none)']));
    for (const e of landingViews) {
      if (e.utm_source === undefined) expect([e.utm_medium, e.utm_campaign, e.utm_content]).toEqual([undefined, undefined, undefined]);
      else if (e.utm_source === 'newsletter') expect(e.utm_campaign).toBe('newsletter-2026-10');
      else expect(e.utm_campaign).toMatch(new RegExp(`^${e.segment}-(prospecting|retargeting|search)$`));
      const own = landings.find((l) => l.path === e.page_path.replace(/^\/de\//, '/').replace(/short-form\/$/, ''))!.variant;
      // Only the page with a variant file is tested against short-form.
      expect(e.segment === 'eu-due-diligence' && e.persona === 'cpo' ? [own, 'short-form'] : [own]).toContain(e.page_variant);
    }
    expect(new Set(landingViews.map((e) => e.page_variant))).toEqual(new Set([...landings.map((l) => l.variant), 'short-form']));
    const tested = landingViews.filter((e) => e.segment === 'eu-due-diligence' && e.persona === 'cpo');
    expect(tested.filter((e) => e.page_variant === 'short-form').length / tested.length).toBeCloseTo(0.5, 1);
    const times = events.map((e) => e.event_time);
    expect(times).toEqual([...times].sort());
    expect(times[0]! >= '2026-10-01T00:00:00.000Z').toBe(true);
    expect(times.at(-1)! < '2026-10-29T01:00:00.000Z').toBe(true);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    const kinds = new Set(events.map((e: TrackingEvent) => e.event));
    expect(kinds).toEqual(new Set(['page_view', 'cta_click', 'faq_open', 'generate_lead']));
  });

  it('feed the report without a bad row, with segments, channels, campaigns and variants that differ', async () => {
    const aggregator = createAggregator();
    const visits = 20_000;
    const read = await readNdjson(Readable.from(sampleEventLines({ seed: 42, visits, landings })), (e) => aggregator.add(e));
    expect(read.badRowCount).toBe(0);
    const known = await loadKnownPages(PROJECT_ROOT);
    const variants = known.ok ? await loadVariantFiles(PROJECT_ROOT, known.pages) : undefined;
    const report = aggregator.report(variants?.ok ? { variants: variants.pages } : {});
    expect(report.total.visits).toBe(visits);
    expect(report.unattributedLeads).toBe(0);
    expect(report.duplicates).toBe(0);
    const rates = report.segments.map((s) => s.rate);
    expect(Math.min(...rates)).toBeLessThan(0.035);
    expect(Math.max(...rates)).toBeGreaterThan(0.07);
    expect(report.segments.some((s) => s.verdict === 'higher')).toBe(true);
    expect(report.segments.some((s) => s.verdict === 'lower')).toBe(true);
    // Summed over the pages, by the true lifts: newsletter and search above LinkedIn, direct lowest.
    const rateOf = (rows: GroupRow[]) => rows.reduce((a, r) => a + r.leads, 0) / rows.reduce((a, r) => a + r.visits, 0);
    const bySource = (source: string) => rateOf(report.channels.filter((r) => r.source === source));
    expect(bySource('newsletter')).toBeGreaterThan(bySource('linkedin'));
    expect(bySource('google')).toBeGreaterThan(bySource('linkedin'));
    expect(bySource('(none)')).toBeLessThan(bySource('linkedin'));
    const byCampaign = (suffix: string) => rateOf(report.campaigns.filter((r) => r.campaign!.endsWith(suffix)));
    expect(byCampaign('-retargeting')).toBeGreaterThan(byCampaign('-prospecting'));
    const byVariant = (variant: string) => rateOf(report.variants.filter((r) => r.segment === 'eu-due-diligence' && r.persona === 'cpo' && r.variant === variant));
    expect(byVariant('short-form')).toBeGreaterThan(byVariant('default'));
    // The A/B test runs in both languages, and is compared within each.
    expect(report.variantTests.map((c) => `${c.segment}/${c.persona} ${c.locale} ${c.variant} vs ${c.control}`)).toEqual(['eu-due-diligence/cpo de short-form vs default', 'eu-due-diligence/cpo en short-form vs default']);
    expect(report.locales.filter((r) => r.locale === 'de').map((r) => r.segment)).toEqual(['eu-due-diligence', 'eu-due-diligence', 'eu-due-diligence']);
    expect(report.channels.some((r) => r.verdict === 'higher') && report.channels.some((r) => r.verdict === 'lower')).toBe(true);
  });
});
