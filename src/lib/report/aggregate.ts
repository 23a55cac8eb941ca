/**
 * Turns events into conversion by segment, by segment × persona, by channel, by campaign, by
 * variant and by locale, with an interval for every rate and a test of every row against all other
 * visits, and each variant against its control within a locale.
 *
 * Counting (the shared definitions: the report, its SQL form and the CRM join follow the same rules):
 * 1. an event counts once per `event_id`: a later landing page_view or generate_lead with an event_id
 *    already seen is a replay and is dropped (counted in `duplicates`). An event without an event_id
 *    cannot be a replay;
 * 2. a visit of a page: a distinct visit_id with at least one `page_view` whose page_type is
 *    `landing`, for that page's segment × persona. A visit that saw several pages counts for each;
 * 3. the channel of a visit of a page (utm_source, utm_medium, utm_campaign, page_variant, page_locale)
 *    is that of its first landing page_view of the page: the smallest event_time (a view without one
 *    comes after every timed view), ties to the first in the file. A missing utm value is `(none)`, a
 *    missing page_variant `default`, a missing page_locale the site's default locale (exports from
 *    before events carried it);
 * 4. a lead of a page: a visit of the page with a `generate_lead` on the same segment × persona,
 *    whatever the order of the two in the file. A generate_lead of a visit with no landing page_view of
 *    that page in the export is an unattributed lead: counted once per visit × page in
 *    `unattributedLeads`, never in a row or a rate, so no rate can exceed 100 %;
 * 5. rate = leads / visits, with its Wilson 95 % interval;
 * 6. every row is compared with all other visits, as two independent samples: the other sample is
 *    every distinct visit of a known page that is not in the row, and one of those converts when it has
 *    a lead on any page. A visit sits in exactly one of the two samples.
 * Only the pages the content defines count (when the aggregator is given them): an event of any other
 * segment × persona is counted once in `unknown`, with a few examples, and never becomes a row.
 *
 * Memory: rows are bounded by the known pages and by the distinct utm values kept (MAX_DISTINCT_VALUES
 * per field: past it a new value counts as `(other)`, and the report says so). What grows with the file:
 * - per distinct visit, its visit_id as a 128-bit key in a typed-array table (IdMap: 20 bytes a slot,
 *   at most 70 % full) and for each known page it touched one 25-byte slot in typed arrays (the page, the
 *   time and channel of its first landing view, whether it viewed and whether it converted);
 * - per landing page_view and generate_lead of a known page that carries an event_id, the event_id as a
 *   128-bit key, to recognise replays.
 * No visit is ever closed, even in a file in time order: rule 4 counts a lead with its page view whatever
 * their order and distance in the file, and rule 1 drops a replay however late it comes, so any later
 * event may still touch any visit; memory grows with distinct visits, not with open ones.
 * The rows are computed in one pass over the visits at the end, without building any set. Measured
 * on the sample (with its event ids): about 100,000 visits 244 MB at the peak, 1,000,000 visits 360 MB, the
 * process itself 131 MB; about 140 bytes for each visit past the first 100,000 (docs/conversion-report.md has the figures). Bad rows, events of unknown pages and other events take no memory. So that an export
 * flooded with invented ids cannot take all the memory there is, the visits kept are capped
 * (`maxVisits`, default DEFAULT_MAX_VISITS) and the event ids kept at EVENT_IDS_PER_VISIT times as
 * many: past either the aggregator throws VisitLimitError, and the command says so instead of growing
 * without bound.
 */
import { hash, randomInt } from 'node:crypto';
import { EVENT_NAMES, type EventName } from '../tracking/contract.ts';
import { quote, type ReportEvent } from './events.ts';
import { isKnownPage, type KnownPages } from './known-pages.ts';
import type { PipelineLead } from './pipeline.ts';
import { rateOf, twoProportionZTest, type Rate, type ZTest } from './stats.ts';
import { compareVariants, type VariantComparison } from './variant-control.ts';
import { DEFAULT_VARIANT, type VariantsByPage } from './variant-files.ts';

export { DEFAULT_VARIANT, rateOf, type Rate };

/** Default of `--max-visits`: distinct visits kept in memory. */
export const DEFAULT_MAX_VISITS = 2_000_000;
/** Distinct event ids kept, per visit allowed by `maxVisits`: a real visit has one or two that count. */
export const EVENT_IDS_PER_VISIT = 4;
/** Distinct values kept per channel field (utm_source, utm_medium, utm_campaign, page_variant, page_locale). */
export const MAX_DISTINCT_VALUES = 1000;
/** A utm value the event does not carry. */
export const NO_VALUE = '(none)';
/** A value past MAX_DISTINCT_VALUES distinct ones of its field. */
export const OTHER_VALUE = '(other)';

/** More distinct visits (or event ids) than the aggregator may keep; `line` is the event that went past the cap. */
export class VisitLimitError extends Error {
  readonly line: number | undefined;
  readonly limit: number;
  readonly kind: 'visits' | 'event ids';

  constructor(limit: number, line: number | undefined, kind: 'visits' | 'event ids' = 'visits') {
    super(`more than ${limit} distinct ${kind}`);
    this.name = 'VisitLimitError';
    this.limit = limit;
    this.line = line;
    this.kind = kind;
  }
}

/** Default of `--min-visits`: below it a rate is too noisy to judge. */
export const DEFAULT_MIN_VISITS = 30;
/** Leads, and visits without a lead, each side of a test needs before the normal approximation holds (np ≥ 5 and n(1 − p) ≥ 5). */
export const MIN_EACH_OUTCOME = 5;
/** Significance level of the verdicts. */
export const ALPHA = 0.05;

export type Verdict = 'higher' | 'lower' | 'no-difference' | 'too-small';

export const VERDICT_LABELS: Record<Verdict, string> = {
  higher: 'higher than other visits',
  lower: 'lower than other visits',
  'no-difference': 'no clear difference',
  'too-small': 'too small to judge',
};

/** The tables of the report, as the CSV's `level` column names them. */
export const LEVELS = ['segment', 'segment_persona', 'segment_persona_channel', 'segment_campaign', 'segment_persona_variant', 'segment_persona_locale'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The arms of the variant comparisons: visits and leads per segment × persona × locale × variant. A
 * variant is compared with its control within one locale, as each locale's page is a page of its own
 * (its own copy, its own audience); not a table of the report.
 */
const ARMS = 'segment_persona_locale_variant';
type Tally = Level | typeof ARMS;
const TALLIES: readonly Tally[] = [...LEVELS, ARMS];

/** The locale of events without `page_locale` when the report is not told the site's (as content/site.yaml's `language` defaults). */
export const DEFAULT_LOCALE = 'en';

export interface GroupRow extends Rate {
  level: Level;
  segment: string;
  /** On every level but `segment`. */
  persona?: string;
  /** On `segment_persona_channel` rows. */
  source?: string;
  medium?: string;
  /** On `segment_campaign` rows. */
  campaign?: string;
  /** On `segment_persona_variant` rows. */
  variant?: string;
  /** On `segment_persona_locale` rows. */
  locale?: string;
  /** The other sample: every visit of a known page not in the row, and how many of them converted anywhere. */
  other: { visits: number; leads: number };
  /** The row against the other visits; absent when either is too small to judge. */
  test?: ZTest;
  verdict: Verdict;
  /** Why the row is too small to judge. */
  tooSmall?: string;
}

export interface ConversionReport {
  /** One row per segment, by segment id. */
  segments: GroupRow[];
  /** One row per segment × persona, by segment id then persona id. */
  pages: GroupRow[];
  /** One row per segment × persona × utm_source × utm_medium. */
  channels: GroupRow[];
  /** One row per segment × utm_campaign. */
  campaigns: GroupRow[];
  /** One row per segment × persona × page_variant. */
  variants: GroupRow[];
  /** One row per segment × persona × page_locale. */
  locales: GroupRow[];
  /** The locale counted for events without `page_locale`. */
  defaultLocale: string;
  /** Each variant of a page against the page's control in the same locale (see variant-control.ts), by segment, persona, locale, variant. */
  variantTests: VariantComparison[];
  /** Distinct visits of known pages, and how many of them have a lead on any page. */
  total: Rate;
  minVisits: number;
  /** Valid events read, by name (replays included). */
  events: Record<EventName, number>;
  /** First and last event_time (ISO 8601), when events carry one. */
  period?: { from: string; to: string };
  /** Landing page_views and generate_leads dropped because their event_id was seen before. */
  duplicates: number;
  /** Leads (visit × page) of visits with no landing page_view of that page in the export: in no row. */
  unattributedLeads: number;
  /** Visits that saw the landing pages of more than one segment: they count once in each. */
  visitsInSeveralSegments: number;
  /** Visits that saw more than one landing page: they count once for each page. */
  visitsOnSeveralPages: number;
  /** Landing page views and leads of pages the content does not define: not counted anywhere else. */
  unknown: UnknownPages;
  /** Channel fields that had more than MAX_DISTINCT_VALUES distinct values, and how many views carried a value past it. */
  overflow: { field: ChannelField; views: number }[];
}

export interface UnknownPages {
  /** How many events. */
  events: number;
  /** The first few, as `line 12: "segment" / "persona"`, values shortened and escaped for any output. */
  examples: string[];
}

/** How many unknown pages the report names as examples. */
export const UNKNOWN_EXAMPLES = 3;
/** How much of an unknown id an example shows. */
const EXAMPLE_ID_CHARS = 40;

export interface ReportOptions {
  /** Fewest visits a group needs to be judged (default 30). */
  minVisits?: number;
  /** Each page's control and the planned sizes of its variants; without it every control is `default` and no test is planned. */
  variants?: VariantsByPage;
}

export interface Aggregator {
  /** Counts one event; `line` (where it is in the file) is for the examples of unknown pages and the limit error. */
  add(event: ReportEvent, line?: number): void;
  report(options?: ReportOptions): ConversionReport;
  /**
   * Every lead of a page (rule 4) with its channel (rule 3) and the keys (`leadKey`) of its
   * generate_leads' event_ids, for the CRM join; empty unless the aggregator was made with `keepLeadIds`.
   */
  leads(): PipelineLead[];
}

export interface AggregatorOptions {
  /** The pages that count; without them every segment × persona in the events becomes a row. */
  pages?: KnownPages;
  /** Most distinct visits kept: past it `add` throws VisitLimitError (default DEFAULT_MAX_VISITS). */
  maxVisits?: number;
  /** Keep the key of each counted generate_lead's event_id (16 characters), for `leads()`. */
  keepLeadIds?: boolean;
  /** The locale of events without `page_locale`: the site's `language` (default DEFAULT_LOCALE). */
  defaultLocale?: string;
}

/** The key a lead's event_id is kept under, fixed in size like every id the report keeps: the CRM join looks lead ids up by it. */
export const leadKey = visitKey;

/**
 * A lead's event_id as the CRM join keeps it: a fixed-size hash of the id, so that memory does not
 * depend on what the export puts in the id. 96 bits: a collision is not expected before some 10^14 ids.
 */
export function visitKey(visitId: string): string {
  // Encoding 12 bytes, rather than slicing a longer string, leaves no parent string held behind the key.
  return hash('sha256', visitId, 'buffer').toString('base64url', 0, 12);
}

export const CHANNEL_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'page_variant', 'page_locale'] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];

/** Slot flags: the visit viewed the page; the visit sent a lead from it. */
const VIEWED = 1;
const LEAD = 2;
/** Ids of a value dictionary fit in 10 bits, so five of them make one channel number (50 bits: exact in a double). */
const VALUE_BITS = 1024;

/** The distinct values of one channel field, each given a small number; capped so hostile values cannot grow it. */
class ValueDictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Views whose value was past the cap. */
  overflow = 0;

  id(value: string): number {
    const known = this.ids.get(value);
    if (known !== undefined) return known;
    if (this.values.length >= MAX_DISTINCT_VALUES) {
      this.overflow++;
      // `(other)` itself takes the one place past the cap (ids stay below VALUE_BITS).
      return this.ids.get(OTHER_VALUE) ?? this.add(OTHER_VALUE);
    }
    return this.add(value);
  }

  private add(value: string): number {
    this.ids.set(value, this.values.length);
    this.values.push(value);
    return this.values.length - 1;
  }
}

/** A growable typed array. */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  data: T;
  private readonly make: (n: number) => T;
  constructor(make: (n: number) => T) {
    this.make = make;
    this.data = make(1024);
  }
  grow(size: number): void {
    if (size <= this.data.length) return;
    const bigger = this.make(Math.max(size, Math.ceil(this.data.length * 1.5)));
    bigger.set(this.data as never);
    this.data = bigger;
  }
}

/**
 * A set of ids, each kept as 128 bits in typed arrays (open addressing, linear probing) with a number
 * beside it: no string and no Map entry per id, so a million visits cost a few tens of MB and nothing for
 * the garbage collector to trace. A lowercase UUID is kept exactly (its 128 bits); any other id as the
 * first 128 bits of its SHA-256, in a second table so that the two kinds never meet (a collision there
 * is not expected before some 10^18 ids). Slots are spread by a hash seeded at random for each process,
 * so ids chosen to collide cannot turn lookups into a crawl.
 */
export class IdMap {
  private readonly tables = [new WordTable(), new WordTable()];
  private pendingTable = 0;
  private pendingSlot = 0;

  get size(): number {
    return this.tables[0]!.size + this.tables[1]!.size;
  }

  /** The number kept for `id`, or undefined; `insert` then adds `id` without looking it up again. */
  find(id: string): number | undefined {
    const words = ID_WORDS;
    let table = 0;
    if (!uuidWords(id, words)) {
      const digest = hash('sha256', id, 'buffer');
      for (let i = 0; i < 4; i++) words[i] = digest.readInt32LE(i * 4);
      table = 1;
    }
    this.pendingTable = table;
    const found = this.tables[table]!.find(words);
    this.pendingSlot = found.slot;
    return found.value;
  }

  /** Adds the id of the last `find`, which did not find it. */
  insert(value: number): void {
    this.tables[this.pendingTable]!.insert(this.pendingSlot, ID_WORDS, value);
  }
}

const ID_WORDS = new Int32Array(4);
const SEED = randomInt(0x7fffffff) | 1;

/** One open-addressing table of 128-bit keys (4 × 32 bits) and numbers. */
class WordTable {
  private keys = new Int32Array(4 * 1024);
  /** The number + 1; 0 marks an empty slot. */
  private values = new Int32Array(1024);
  private mask = 1023;
  size = 0;

  find(words: Int32Array): { slot: number; value: number | undefined } {
    const [w0, w1, w2, w3] = words as unknown as [number, number, number, number];
    let h = Math.imul(w0 ^ SEED, 0x9e3779b1) ^ Math.imul(w1, 0x85ebca6b) ^ Math.imul(w2, 0xc2b2ae35) ^ Math.imul(w3, 0x27d4eb2f);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    h ^= h >>> 13;
    const { keys, values, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const stored = values[slot]!;
      if (stored === 0) return { slot, value: undefined };
      const k = slot * 4;
      if (keys[k] === w0 && keys[k + 1] === w1 && keys[k + 2] === w2 && keys[k + 3] === w3) return { slot, value: stored - 1 };
    }
  }

  insert(slot: number, words: Int32Array, value: number): void {
    this.keys.set(words, slot * 4);
    this.values[slot] = value + 1;
    this.size++;
    // At most 70 % full, so probes stay short.
    if (this.size * 10 > this.values.length * 7) this.grow();
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldValues.length * 2);
    this.mask = this.values.length - 1;
    const words = new Int32Array(4);
    for (let slot = 0; slot < oldValues.length; slot++) {
      if (oldValues[slot] === 0) continue;
      words.set(oldKeys.subarray(slot * 4, slot * 4 + 4));
      const target = this.find(words).slot;
      this.keys.set(words, target * 4);
      this.values[target] = oldValues[slot]!;
    }
  }
}

/** The 128 bits of a lowercase UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) into `out`; false for any other text. */
function uuidWords(id: string, out: Int32Array): boolean {
  if (id.length !== 36 || id.charCodeAt(8) !== 45 || id.charCodeAt(13) !== 45 || id.charCodeAt(18) !== 45 || id.charCodeAt(23) !== 45) return false;
  let word = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    const c = id.charCodeAt(i);
    const nibble = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (nibble < 0) return false;
    value = (value << 4) | nibble;
    if (++digits === 8) {
      out[word++] = value;
      value = 0;
      digits = 0;
    }
  }
  return true;
}

/** Collects events one at a time (so a file can be streamed into it), then computes the report. */
export function createAggregator(options: AggregatorOptions = {}): Aggregator {
  const known = options.pages;
  const maxVisits = options.maxVisits ?? DEFAULT_MAX_VISITS;
  const maxEventIds = maxVisits * EVENT_IDS_PER_VISIT;
  const unknown: UnknownPages = { events: 0, examples: [] };
  const events = Object.fromEntries(EVENT_NAMES.map((n) => [n, 0])) as Record<EventName, number>;
  let first = Infinity;
  let last = -Infinity;
  let duplicates = 0;

  // Pages: segment -> persona -> page number.
  const pageIds = new Map<string, Map<string, number>>();
  const pages: { segment: string; persona: string }[] = [];
  const pageOf = (segment: string, persona: string): number => {
    let personas = pageIds.get(segment);
    if (!personas) pageIds.set(segment, (personas = new Map()));
    let id = personas.get(persona);
    if (id === undefined) {
      personas.set(persona, (id = pages.length));
      pages.push({ segment, persona });
    }
    return id;
  };

  const dictionaries = Object.fromEntries(CHANNEL_FIELDS.map((f) => [f, new ValueDictionary()])) as Record<ChannelField, ValueDictionary>;
  const defaultLocale = options.defaultLocale ?? DEFAULT_LOCALE;
  const channelOf = (event: ReportEvent): number =>
    dictionaries.utm_source.id(event.utm_source ?? NO_VALUE) +
    VALUE_BITS *
      (dictionaries.utm_medium.id(event.utm_medium ?? NO_VALUE) +
        VALUE_BITS * (dictionaries.utm_campaign.id(event.utm_campaign ?? NO_VALUE) + VALUE_BITS * (dictionaries.page_variant.id(event.page_variant ?? DEFAULT_VARIANT) + VALUE_BITS * dictionaries.page_locale.id(event.page_locale ?? defaultLocale))));

  const eventIds = new IdMap();
  const visits = new IdMap();
  const heads = new Column((n) => new Int32Array(n));
  // One slot per visit × page, chained per visit through `next` (-1 ends the chain).
  const slotPage = new Column((n) => new Int32Array(n));
  const slotNext = new Column((n) => new Int32Array(n));
  const slotTime = new Column((n) => new Float64Array(n));
  const slotChannel = new Column((n) => new Float64Array(n));
  const slotFlags = new Column((n) => new Uint8Array(n));
  const slotColumns = [slotPage, slotNext, slotTime, slotChannel, slotFlags];
  let slots = 0;
  // Slot -> keys of the event_ids of its generate_leads, kept only for the CRM join.
  const leadIds = options.keepLeadIds ? new Map<number, string[]>() : undefined;

  const slotOf = (visit: number, page: number): number => {
    let slot = heads.data[visit]!;
    while (slot !== -1) {
      if (slotPage.data[slot] === page) return slot;
      slot = slotNext.data[slot]!;
    }
    slot = slots++;
    for (const column of slotColumns) column.grow(slots);
    slotPage.data[slot] = page;
    slotNext.data[slot] = heads.data[visit]!;
    slotTime.data[slot] = Infinity;
    slotFlags.data[slot] = 0;
    heads.data[visit] = slot;
    return slot;
  };

  return {
    add(event, line) {
      events[event.event]++;
      if (event.time !== undefined) {
        if (event.time < first) first = event.time;
        if (event.time > last) last = event.time;
      }
      const isView = event.event === 'page_view' && event.page_type === 'landing';
      if (!isView && event.event !== 'generate_lead') return;
      // Event checking guarantees the ids of the two events that count.
      const segment = event.segment!;
      const persona = event.persona!;
      if (known && !isKnownPage(known, segment, persona)) {
        unknown.events++;
        if (unknown.examples.length < UNKNOWN_EXAMPLES) {
          unknown.examples.push(`${line === undefined ? '' : `line ${line}: `}${quote(segment, EXAMPLE_ID_CHARS)} / ${quote(persona, EXAMPLE_ID_CHARS)}`);
        }
        return;
      }
      if (event.event_id !== undefined) {
        if (eventIds.find(event.event_id) !== undefined) {
          duplicates++;
          return;
        }
        if (eventIds.size >= maxEventIds) throw new VisitLimitError(maxEventIds, line, 'event ids');
        eventIds.insert(0);
      }
      let visit = visits.find(event.visit_id);
      if (visit === undefined) {
        if (visits.size >= maxVisits) throw new VisitLimitError(maxVisits, line);
        visit = visits.size;
        visits.insert(visit);
        heads.grow(visit + 1);
        heads.data[visit] = -1;
      }
      const slot = slotOf(visit, pageOf(segment, persona));
      if (!isView) {
        slotFlags.data[slot]! |= LEAD;
        if (leadIds && event.event_id !== undefined) {
          const eventKey = leadKey(event.event_id);
          const keys = leadIds.get(slot);
          if (keys) keys.push(eventKey);
          else leadIds.set(slot, [eventKey]);
        }
        return;
      }
      const time = event.time ?? Infinity;
      // The first view decides the channel: the earliest, and of equal times the first in the file.
      if (!(slotFlags.data[slot]! & VIEWED) || time < slotTime.data[slot]!) {
        slotTime.data[slot] = time;
        slotChannel.data[slot] = channelOf(event);
      }
      slotFlags.data[slot]! |= VIEWED;
    },
    report(options = {}) {
      const period = first <= last ? { from: new Date(first).toISOString(), to: new Date(last).toISOString() } : undefined;
      const tallies = tallyVisits(visits.size, {
        head: (v) => heads.data[v]!,
        next: (s) => slotNext.data[s]!,
        page: (s) => slotPage.data[s]!,
        flags: (s) => slotFlags.data[s]!,
        channel: (s) => slotChannel.data[s]!,
      }, pages, (field, id) => dictionaries[field].values[id]!);
      const minVisits = options.minVisits ?? DEFAULT_MIN_VISITS;
      const rowsOf = (level: Level) => judge(level, tallies.rows.get(level)!, tallies.total, minVisits);
      const localeRows = rowsOf('segment_persona_locale');
      const arms = tallies.rows.get(ARMS)!.map((t) => ({ ...t.ids, visits: t.visits, leads: t.leads }));
      const report: ConversionReport = {
        segments: rowsOf('segment'),
        pages: rowsOf('segment_persona'),
        channels: rowsOf('segment_persona_channel'),
        campaigns: rowsOf('segment_campaign'),
        variants: rowsOf('segment_persona_variant'),
        locales: localeRows,
        defaultLocale,
        variantTests: compareVariants(arms, localeRows, options.variants, period),
        total: rateOf(tallies.total.leads, tallies.total.visits),
        minVisits,
        events: { ...events },
        duplicates,
        unattributedLeads: tallies.unattributedLeads,
        visitsInSeveralSegments: tallies.visitsInSeveralSegments,
        visitsOnSeveralPages: tallies.visitsOnSeveralPages,
        unknown: { events: unknown.events, examples: [...unknown.examples] },
        overflow: CHANNEL_FIELDS.filter((f) => dictionaries[f].overflow > 0).map((field) => ({ field, views: dictionaries[field].overflow })),
      };
      if (period) report.period = period;
      return report;
    },
    leads() {
      const out: PipelineLead[] = [];
      for (let slot = 0; slot < slots; slot++) {
        if ((slotFlags.data[slot]! & (VIEWED | LEAD)) !== (VIEWED | LEAD)) continue;
        const { segment, persona } = pages[slotPage.data[slot]!]!;
        const channel = slotChannel.data[slot]!;
        const source = dictionaries.utm_source.values[channelPart(channel, 'utm_source')]!;
        const medium = dictionaries.utm_medium.values[channelPart(channel, 'utm_medium')]!;
        out.push({ leadIds: leadIds?.get(slot) ?? [], segment, persona, source, medium });
      }
      return out;
    },
  };
}

/** Convenience for tests and small inputs: the report of a list of events. */
export function aggregateEvents(events: Iterable<ReportEvent>, options: ReportOptions & AggregatorOptions = {}): ConversionReport {
  const aggregator = createAggregator(options);
  for (const event of events) aggregator.add(event);
  return aggregator.report(options);
}

/** The ids of a row, as its GroupRow carries them. */
type RowIds = Pick<GroupRow, 'segment' | 'persona' | 'source' | 'medium' | 'campaign' | 'variant' | 'locale'>;

interface RowTally {
  ids: RowIds;
  visits: number;
  leads: number;
  /** Visits of the row with a lead on any page: they are not in the other sample. */
  convertedAnywhere: number;
}

/** The slots of each visit, as the aggregator holds them. */
interface VisitSlots {
  head(visit: number): number;
  next(slot: number): number;
  page(slot: number): number;
  flags(slot: number): number;
  channel(slot: number): number;
}

/** The value of one field of a channel number. */
function channelPart(channel: number, field: ChannelField): number {
  return Math.floor(channel / VALUE_BITS ** CHANNEL_FIELDS.indexOf(field)) % VALUE_BITS;
}

/**
 * One pass over the visits: each adds itself once to every row it belongs to. Rows are found by
 * numbers (page, segment and value numbers), so nothing from the file is parsed or joined again.
 */
function tallyVisits(visitCount: number, slots: VisitSlots, pages: readonly { segment: string; persona: string }[], valueOf: (field: ChannelField, id: number) => string) {
  const rows = new Map<Tally, Map<number, RowTally>>(TALLIES.map((level) => [level, new Map()]));
  const segmentNumbers = new Map<string, number>();
  const segmentOf = pages.map(({ segment }) => {
    if (!segmentNumbers.has(segment)) segmentNumbers.set(segment, segmentNumbers.size);
    return segmentNumbers.get(segment)!;
  });
  const total = { visits: 0, leads: 0 };
  let unattributedLeads = 0;
  let visitsInSeveralSegments = 0;
  let visitsOnSeveralPages = 0;
  // The rows of the current visit, each with whether the visit converted on one of its pages.
  const visitRows = new Map<RowTally, boolean>();
  const segmentsSeen = new Set<number>();

  const touch = (level: Tally, key: number, ids: () => RowIds, lead: boolean) => {
    const table = rows.get(level)!;
    let row = table.get(key);
    if (!row) table.set(key, (row = { ids: ids(), visits: 0, leads: 0, convertedAnywhere: 0 }));
    visitRows.set(row, (visitRows.get(row) ?? false) || lead);
  };

  for (let visit = 0; visit < visitCount; visit++) {
    visitRows.clear();
    segmentsSeen.clear();
    let pagesViewed = 0;
    for (let slot = slots.head(visit); slot !== -1; slot = slots.next(slot)) {
      const flags = slots.flags(slot);
      if (!(flags & VIEWED)) {
        if (flags & LEAD) unattributedLeads++;
        continue;
      }
      pagesViewed++;
      const lead = (flags & LEAD) !== 0;
      const page = slots.page(slot);
      const { segment, persona } = pages[page]!;
      const segmentNumber = segmentOf[page]!;
      const channel = slots.channel(slot);
      const source = channelPart(channel, 'utm_source');
      const medium = channelPart(channel, 'utm_medium');
      const campaign = channelPart(channel, 'utm_campaign');
      const variant = channelPart(channel, 'page_variant');
      const locale = channelPart(channel, 'page_locale');
      segmentsSeen.add(segmentNumber);
      touch('segment', segmentNumber, () => ({ segment }), lead);
      touch('segment_persona', page, () => ({ segment, persona }), lead);
      touch('segment_persona_channel', (page * VALUE_BITS + source) * VALUE_BITS + medium, () => ({ segment, persona, source: valueOf('utm_source', source), medium: valueOf('utm_medium', medium) }), lead);
      touch('segment_campaign', segmentNumber * VALUE_BITS + campaign, () => ({ segment, campaign: valueOf('utm_campaign', campaign) }), lead);
      touch('segment_persona_variant', page * VALUE_BITS + variant, () => ({ segment, persona, variant: valueOf('page_variant', variant) }), lead);
      touch('segment_persona_locale', page * VALUE_BITS + locale, () => ({ segment, persona, locale: valueOf('page_locale', locale) }), lead);
      touch(ARMS, (page * VALUE_BITS + locale) * VALUE_BITS + variant, () => ({ segment, persona, locale: valueOf('page_locale', locale), variant: valueOf('page_variant', variant) }), lead);
    }
    if (pagesViewed === 0) continue;
    let converted = false;
    for (const lead of visitRows.values()) converted ||= lead;
    total.visits++;
    if (converted) total.leads++;
    if (pagesViewed > 1) visitsOnSeveralPages++;
    if (segmentsSeen.size > 1) visitsInSeveralSegments++;
    for (const [row, lead] of visitRows) {
      row.visits++;
      if (lead) row.leads++;
      if (converted) row.convertedAnywhere++;
    }
  }
  const sorted = new Map(TALLIES.map((level) => [level, [...rows.get(level)!.values()].sort(compareRows)]));
  return { rows: sorted, total, unattributedLeads, visitsInSeveralSegments, visitsOnSeveralPages };
}

/** By segment, persona, source, medium, campaign, locale, variant: plain code-unit order, the same on every machine whatever its locale. */
function compareRows(a: RowTally, b: RowTally): number {
  for (const field of ['segment', 'persona', 'source', 'medium', 'campaign', 'locale', 'variant'] as const) {
    const x = a.ids[field] ?? '';
    const y = b.ids[field] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The other sample of a row: every visit not in it, and those of them with a lead on any page. */
export function otherVisits(row: { visits: number; convertedAnywhere: number }, total: { visits: number; leads: number }): { visits: number; leads: number } {
  return { visits: total.visits - row.visits, leads: total.leads - row.convertedAnywhere };
}

/** Tests every row against all other visits (rule 6). */
function judge(level: Level, rows: RowTally[], total: { visits: number; leads: number }, minVisits: number): GroupRow[] {
  return rows.map((tally): GroupRow => {
    const other = otherVisits(tally, total);
    const row = { level, ...tally.ids, ...rateOf(tally.leads, tally.visits), other };
    const tooSmall = smallSampleReason(row, other, minVisits);
    const test = tooSmall ? undefined : twoProportionZTest(row.leads, row.visits, other.leads, other.visits);
    if (!test) return { ...row, verdict: 'too-small', tooSmall: tooSmall ?? 'no variation to test' };
    const verdict = test.p >= ALPHA ? 'no-difference' : test.z > 0 ? 'higher' : 'lower';
    return { ...row, test, verdict };
  });
}

/**
 * The small-sample rule: a group is too small to judge when it has fewer than `minVisits` visits, or
 * fewer than 5 leads, or fewer than 5 visits without a lead; or when the other visits fail the same
 * rule. Below those counts the normal approximation behind the z-test is unreliable.
 */
export function smallSampleReason(group: { visits: number; leads: number }, other: { visits: number; leads: number }, minVisits: number): string | undefined {
  if (group.visits < minVisits) return `fewer than ${minVisits} visits`;
  if (group.leads < MIN_EACH_OUTCOME) return `fewer than ${MIN_EACH_OUTCOME} leads`;
  if (group.visits - group.leads < MIN_EACH_OUTCOME) return `fewer than ${MIN_EACH_OUTCOME} visits without a lead`;
  if (other.visits === 0) return 'no other visits to compare with';
  if (other.visits < minVisits || other.leads < MIN_EACH_OUTCOME || other.visits - other.leads < MIN_EACH_OUTCOME) return 'the other visits are too few to compare with';
  return undefined;
}
