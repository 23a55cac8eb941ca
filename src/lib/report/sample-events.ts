/**
 * Realistic, seeded sample events for the site's real landing pages: for demos of the conversion
 * report, for tests, and for timing the report on large exports. The same seed and inputs always
 * give byte-identical output; events come out in event_time order, visits interleaved as they would
 * be in a real export.
 *
 * A visit arrives on a landing page from one channel (LinkedIn ads, Google and Bing search ads, the
 * newsletter, or directly without campaign parameters), through one of the channel's campaigns and
 * creatives (utm_campaign, utm_content), and sees the page's own version or, on the one page with an
 * A/B test, `short-form`: a shorter form. It may open some questions and click the hero button,
 * converts with a probability that depends on its segment, persona, channel, campaign and variant, and
 * sometimes goes on to the segment's hub or FAQ page. Some visits of the EU due-diligence segment are in
 * German, on its `/de/` pages (SAMPLE_LOCALES), drawn from a random stream of their own so that the
 * other visits stay as they were. As on the real site, only visitors who granted analytics storage keep
 * their visit id (and campaign parameters) on the next page; the others get a new id.
 */
import type { LandingView, PageView } from '../compose/types.ts';
import type { SiteBuild } from '../site-build.ts';
import type { EventBase, PageType, TrackingEvent } from '../tracking/contract.ts';
import { DEFAULT_LOCALE } from './aggregate.ts';
import { mulberry32, type Random } from './random.ts';

/** What an event says about the page it happened on. */
export interface SamplePage {
  pageType: PageType;
  segment: string | null;
  persona: string | null;
  vertical: string | null;
  variant: string;
  contentVersion: string;
  /** page_path: the path with the base path, as the browser shows it. */
  path: string;
  /** page_locale: the page's locale (default DEFAULT_LOCALE). */
  locale?: string;
}

export interface SampleLanding extends SamplePage {
  /** Ids of the questions shown on the page (for faq_open). */
  faqIds: string[];
  /** Pages a visitor may go on to: the segment's hub and FAQ page. */
  next: SamplePage[];
  /** The page's live A/B variants: variant id -> its page_path, beside the control's. */
  variantPaths?: Readonly<Record<string, string>>;
  /** The site's base path (default `/`): another locale's pages are under `<base path><locale>/`. */
  basePath?: string;
}

/** Visits of some segments in another locale than the site's default, on that locale's pages. */
export interface SampleLocale {
  /** page_locale of those visits; their pages are under `/<locale lowercased>/`. */
  locale: string;
  /** Share of the segments' visits in this locale. */
  share: number;
  /** How much better (above 1) or worse than the page's rate these visits convert. */
  lift: number;
  /** The segments published in this locale. */
  segments: readonly string[];
}

/** Where sample visits come from. */
export interface SampleChannel {
  /** utm_source and utm_medium; both absent for visits that arrive without campaign parameters. */
  source?: string;
  medium?: string;
  /** Share of the visits, relative to the other channels (default 1). */
  weight?: number;
  /** How much better (above 1) or worse than the page's rate visits of this channel convert (default 1). */
  lift?: number;
  /** utm_campaign values (`{segment}` is replaced by the page's segment id), each with its share and lift; default none. */
  campaigns?: readonly { name: string; weight: number; lift: number }[];
  /** utm_content values: the creatives, one drawn per visit; default none. */
  creatives?: readonly string[];
}

/** A page variant of the sample's A/B test; `name` absent is the page's own variant. */
export interface SampleVariant {
  name?: string;
  weight: number;
  lift: number;
  /** The pages (`segment/persona`) that have this variant; absent: every page. */
  pages?: readonly string[];
}

/**
 * A B2B channel mix: search ads bring visitors with intent, the newsletter reaches people who know
 * the product, LinkedIn brings reach at a lower rate, direct visits convert least. Retargeting
 * campaigns convert better than prospecting ones.
 */
export const SAMPLE_CHANNELS: readonly SampleChannel[] = [
  {
    source: 'linkedin',
    medium: 'paid-social',
    weight: 0.3,
    lift: 0.9,
    campaigns: [
      { name: '{segment}-prospecting', weight: 0.7, lift: 0.8 },
      { name: '{segment}-retargeting', weight: 0.3, lift: 1.6 },
    ],
    creatives: ['carousel-benchmark', 'video-cfo-story', 'single-image-checklist'],
  },
  { source: 'google', medium: 'cpc', weight: 0.25, lift: 1.4, campaigns: [{ name: '{segment}-search', weight: 1, lift: 1 }], creatives: ['rsa-pain', 'rsa-proof'] },
  { source: 'bing', medium: 'cpc', weight: 0.07, lift: 1.2, campaigns: [{ name: '{segment}-search', weight: 1, lift: 1 }], creatives: ['rsa-pain'] },
  { source: 'newsletter', medium: 'email', weight: 0.13, lift: 1.8, campaigns: [{ name: 'newsletter-2026-10', weight: 1, lift: 1 }], creatives: ['hero-link', 'footer-link'] },
  { weight: 0.25, lift: 0.6, campaigns: [], creatives: [] },
];

/**
 * The sample's A/B test: on the page that has a variant file (content/variants/eu-due-diligence/cpo/
 * short-form.mdx), the page as it is against a shorter form that converts better; every other page
 * shows only its own version.
 */
export const SAMPLE_VARIANTS: readonly SampleVariant[] = [
  { weight: 0.5, lift: 1 },
  { name: 'short-form', weight: 0.5, lift: 1.3, pages: ['eu-due-diligence/cpo'] },
];

/**
 * The sample's German visits: the EU due-diligence segment is published in German too, and a good
 * part of its audience (buyers under the CSDDD and the LkSG) reads it in German, converting somewhat
 * better in their own language.
 */
export const SAMPLE_LOCALES: readonly SampleLocale[] = [{ locale: 'de', share: 0.4, lift: 1.15, segments: ['eu-due-diligence'] }];

/** Seed offset of the stream that deals visits their locale, so locales never shift the other draws. */
const LOCALE_STREAM = 0x10ca1e;

export interface SampleOptions {
  seed: number;
  /** Number of visits arriving on landing pages. */
  visits: number;
  landings: readonly SampleLanding[];
  /** Where visits come from (default SAMPLE_CHANNELS); without any, visits arrive without campaign parameters. */
  channels?: readonly SampleChannel[];
  /** Page variants each visit is dealt (default SAMPLE_VARIANTS). */
  variants?: readonly SampleVariant[];
  /** Locales some visits are in (default SAMPLE_LOCALES); the others are in their page's own locale. */
  locales?: readonly SampleLocale[];
  /** First day of the period, ISO 8601 date (default 2026-10-01). */
  start?: string;
  /** Length of the period in days (default 28). */
  days?: number;
}

export const SAMPLE_START = '2026-10-01';
export const SAMPLE_DAYS = 28;
/** Conversion rates of the segments before persona and channel effects: from the lowest to the highest segment. */
export const SEGMENT_RATE_RANGE = [0.02, 0.09] as const;

const DAY_MS = 86_400_000;
/** Visits by hour of day (UTC): a B2B audience reads in working hours. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 11, 12, 13, 13, 12, 9, 6, 4, 3, 2, 2, 1];
const WEEKEND_WEIGHT = 0.3;
/** Share of visitors who grant analytics storage. */
const CONSENT_RATE = 0.55;
const FORM_ID = 'lead-form';

/** The landing pages of a built site, with the pages a visitor can go on to, as the generator needs them. */
export function sampleLandingsFromSite(build: SiteBuild): SampleLanding[] {
  const byPath = new Map(build.routes.map((r) => [r.view.meta.path, r.view]));
  // The default locale's pages: visits in another locale are dealt its pages from these (SAMPLE_LOCALES).
  const landings = build.routes.map((r) => r.view).filter((v): v is LandingView => v.kind === 'landing' && v.tracking.locale === build.settings.language);
  // A variant is not a landing of its own: a visit of the control's page is dealt it, at the variant's URL.
  const variantPaths = new Map<string, Record<string, string>>();
  for (const view of landings) {
    if (view.control) variantPaths.set(view.control.path, { ...variantPaths.get(view.control.path), [view.tracking.variant]: view.meta.href });
  }
  return landings
    .filter((view) => !view.control)
    .map((view) => ({
      ...pageOf(view),
      faqIds: view.faqs.map((f) => f.id),
      next: [`/${view.segment.id}/`, `/${view.segment.id}/faq/`].flatMap((path) => {
        const page = byPath.get(path);
        return page ? [pageOf(page)] : [];
      }),
      ...(variantPaths.has(view.meta.path) ? { variantPaths: variantPaths.get(view.meta.path) } : {}),
      basePath: build.settings.basePath,
    }));
}

/** A page's path in another locale: `/eu-due-diligence/cpo/` → `/de/eu-due-diligence/cpo/`, after the base path. */
export function localePath(path: string, basePath: string, locale: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  return `${base}${locale.toLowerCase()}/${rest}`;
}

function pageOf(view: PageView): SamplePage {
  const t = view.tracking;
  return {
    pageType: t.pageType,
    segment: t.segment ?? null,
    persona: t.persona ?? null,
    vertical: t.vertical ?? null,
    variant: t.variant,
    contentVersion: t.contentVersion,
    path: view.meta.href,
    locale: t.locale,
  };
}

interface LandingPlan {
  landing: SampleLanding;
  weight: number;
  rate: number;
}

/** Segment rates spread evenly over SEGMENT_RATE_RANGE, dealt to the segments in an order the seed decides. */
function planLandings(random: Random, landings: readonly SampleLanding[]): LandingPlan[] {
  const segments = [...new Set(landings.map((l) => l.segment ?? ''))].sort();
  const [low, high] = SEGMENT_RATE_RANGE;
  const rates = segments.map((_, i) => (segments.length === 1 ? (low + high) / 2 : low + ((high - low) * i) / (segments.length - 1)));
  for (let i = rates.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [rates[i], rates[j]] = [rates[j]!, rates[i]!];
  }
  const segmentRate = new Map(segments.map((s, i) => [s, rates[i]!]));
  const segmentWeight = new Map(segments.map((s) => [s, 0.5 + random.next() * 1.5]));
  return landings.map((landing) => ({
    landing,
    weight: segmentWeight.get(landing.segment ?? '')! * (0.5 + random.next()),
    rate: segmentRate.get(landing.segment ?? '')! * (0.75 + random.next() * 0.5),
  }));
}

/**
 * Events of `options.visits` visits, in event_time order. A generator, so millions of events can be
 * written without holding them: only visits still in progress are kept.
 */
export function* generateSampleEvents(options: SampleOptions): Generator<TrackingEvent> {
  if (!Number.isInteger(options.visits) || options.visits < 0) throw new RangeError(`visits must be a whole number >= 0, got ${options.visits}`);
  if (options.landings.length === 0) throw new RangeError('there are no landing pages to generate visits for');
  const random = mulberry32(options.seed);
  const localeRandom = mulberry32((options.seed + LOCALE_STREAM) >>> 0);
  const start = Date.parse(`${options.start ?? SAMPLE_START}T00:00:00Z`);
  if (Number.isNaN(start)) throw new RangeError(`start must be a date like 2026-10-01, got ${options.start}`);
  const days = options.days ?? SAMPLE_DAYS;

  const landings = planLandings(random, options.landings);
  const channels = options.channels ?? SAMPLE_CHANNELS;
  const variants = options.variants ?? SAMPLE_VARIANTS;
  const locales = options.locales ?? SAMPLE_LOCALES;
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const weekday = new Date(start + d * DAY_MS).getUTCDay();
    return weekday === 0 || weekday === 6 ? WEEKEND_WEIGHT : 1;
  });
  const dayIndexes = dayWeights.map((_, i) => i);
  const hours = HOUR_WEIGHTS.map((_, i) => i);

  const arrivals = new Float64Array(options.visits);
  for (let i = 0; i < arrivals.length; i++) {
    const day = random.weighted(dayIndexes, dayWeights);
    const hour = random.weighted(hours, HOUR_WEIGHTS);
    arrivals[i] = start + day * DAY_MS + hour * 3_600_000 + Math.floor(random.next() * 3_600_000);
  }
  arrivals.sort();

  const pending = new EventQueue();
  for (const arrival of arrivals) {
    while (pending.size > 0 && pending.peekTime() <= arrival) yield pending.pop();
    for (const [time, event] of planVisit(random, localeRandom, arrival, landings, channels, variants, locales)) pending.push(time, event);
  }
  while (pending.size > 0) yield pending.pop();
}

/** One visit's events with their times, in the order they happen. */
function planVisit(random: Random, localeRandom: Random, arrival: number, landings: readonly LandingPlan[], channels: readonly SampleChannel[], variants: readonly SampleVariant[], locales: readonly SampleLocale[]): [number, TrackingEvent][] {
  const plan = random.weighted(landings, landings.map((l) => l.weight));
  // One draw per visit whatever the outcome, so the locales dealt do not depend on the landing pages drawn before.
  const draw = localeRandom.next();
  let cumulative = 0;
  const language = locales.find((l) => l.segments.includes(plan.landing.segment ?? '') && draw < (cumulative += l.share));
  const inLocale = <T extends SamplePage>(on: T): T => (language ? { ...on, locale: language.locale, path: localePath(on.path, plan.landing.basePath ?? '/', language.locale) } : on);
  const channel = channels.length ? random.weighted(channels, channels.map((c) => c.weight ?? 1)) : undefined;
  const campaigns = channel?.campaigns ?? [];
  const campaign = campaigns.length ? random.weighted(campaigns, campaigns.map((c) => c.weight)) : undefined;
  const key = `${plan.landing.segment ?? ''}/${plan.landing.persona ?? ''}`;
  const offered = variants.filter((v) => !v.pages || v.pages.includes(key));
  const variant = offered.length ? random.weighted(offered, offered.map((v) => v.weight)) : undefined;
  const variantPath = variant?.name === undefined ? undefined : plan.landing.variantPaths?.[variant.name];
  const page: SampleLanding = { ...inLocale({ ...plan.landing, variant: variant?.name ?? plan.landing.variant, ...(variantPath ? { path: variantPath } : {}) }), next: plan.landing.next.map(inLocale) };
  const consent = random.chance(CONSENT_RATE);
  const converts = random.chance(Math.min(0.5, plan.rate * (channel?.lift ?? 1) * (campaign?.lift ?? 1) * (variant?.lift ?? 1) * (language?.lift ?? 1)));
  const utm: Partial<EventBase> = {};
  if (channel?.source !== undefined) utm.utm_source = channel.source;
  if (channel?.medium !== undefined) utm.utm_medium = channel.medium;
  if (campaign) utm.utm_campaign = campaign.name.replaceAll('{segment}', page.segment ?? '');
  if (channel?.creatives?.length) utm.utm_content = random.pick(channel.creatives);
  let visit = random.uuid();
  let time = arrival;
  const events: [number, TrackingEvent][] = [];
  const base = (on: SamplePage, campaign: Partial<EventBase>): EventBase => ({
    event: 'page_view',
    page_type: on.pageType,
    segment: on.segment,
    persona: on.persona,
    vertical: on.vertical,
    page_variant: on.variant,
    content_version: on.contentVersion,
    page_locale: on.locale ?? DEFAULT_LOCALE,
    page_path: on.path,
    visit_id: visit,
    event_id: random.uuid(),
    event_time: new Date(time).toISOString(),
    analytics_consent: consent ? 'granted' : 'denied',
    ...campaign,
  });
  const later = (minSeconds: number, maxSeconds: number) => {
    time += random.between(minSeconds * 1000, maxSeconds * 1000);
  };

  events.push([time, { ...base(page, utm), event: 'page_view' }]);
  if (page.faqIds.length && random.chance(converts ? 0.5 : 0.3)) {
    const opened = new Set<string>();
    for (let n = random.between(1, 3); n > 0; n--) opened.add(random.pick(page.faqIds));
    for (const faq of opened) {
      later(10, 120);
      events.push([time, { ...base(page, utm), event: 'faq_open', faq_id: faq }]);
    }
  }
  if (random.chance(converts ? 0.6 : 0.15)) {
    later(3, 60);
    events.push([time, { ...base(page, utm), event: 'cta_click', cta_id: 'hero' }]);
  }
  if (converts || random.chance(0.01)) {
    later(40, 400);
    events.push([time, { ...base(page, utm), event: 'cta_click', cta_id: 'form' }]);
    if (converts) {
      later(1, 4);
      events.push([time, { ...base(page, utm), event: 'generate_lead', form_id: FORM_ID }]);
    }
  }
  if (page.next.length && random.chance(0.25)) {
    later(20, 600);
    // Without consent nothing is kept between page loads: a new visit id and no campaign parameters.
    if (!consent) visit = random.uuid();
    events.push([time, { ...base(random.pick(page.next), consent ? utm : {}), event: 'page_view' }]);
  }
  return events;
}

/** A binary min-heap of events by time; ties keep insertion order, so output is fully determined. */
class EventQueue {
  private times: number[] = [];
  private seqs: number[] = [];
  private events: TrackingEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.events.length;
  }

  peekTime(): number {
    return this.times[0]!;
  }

  push(time: number, event: TrackingEvent): void {
    this.times.push(time);
    this.seqs.push(this.seq++);
    this.events.push(event);
    let i = this.events.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): TrackingEvent {
    const top = this.events[0]!;
    const last = this.events.length - 1;
    this.swap(0, last);
    this.times.pop();
    this.seqs.pop();
    this.events.pop();
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.events.length && this.less(left, smallest)) smallest = left;
      if (right < this.events.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.times[a]! < this.times[b]! || (this.times[a] === this.times[b] && this.seqs[a]! < this.seqs[b]!);
  }

  private swap(a: number, b: number): void {
    [this.times[a], this.times[b]] = [this.times[b]!, this.times[a]!];
    [this.seqs[a], this.seqs[b]] = [this.seqs[b]!, this.seqs[a]!];
    [this.events[a], this.events[b]] = [this.events[b]!, this.events[a]!];
  }
}

/** NDJSON text of the events: one JSON object per line. */
export function* sampleEventLines(options: SampleOptions): Generator<string> {
  for (const event of generateSampleEvents(options)) yield `${JSON.stringify(event)}\n`;
}
