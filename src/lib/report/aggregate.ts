/**
 * Turns events into conversion by segment and by segment × persona, with an interval for every rate
 * and a test of every group against the rest of the traffic.
 *
 * Counting (visit_id is the unit, so duplicate events and events out of order change nothing):
 * - a visit of a page: a distinct visit_id with a `page_view` whose page_type is `landing`, counted
 *   for that page's segment and persona;
 * - a lead: a distinct visit_id with a `generate_lead`, counted for that event's segment and persona
 *   (the page the form was on). A lead proves the visit: when its page_view is missing from the export
 *   the visit is counted anyway, and the report says how often that happened, so that a rate can never
 *   exceed 100 %.
 * - only the pages the content defines count (when the aggregator is given them): an event of any
 *   other segment × persona is counted once in `unknown`, with a few examples, and never becomes a row.
 *
 * Memory: the rows are bounded by the known pages; what grows with the file is the set of distinct
 * visits of known pages, each held as a 16-character hash of its visit_id whatever the length of the
 * id: about 400 bytes a visit at the peak, while the segment and total sets are built (measured: 200,000
 * visits 205 MB, 600,000 visits 370 MB, the process itself 140 MB). Bad rows, events of unknown pages
 * and other events take no memory. So that an export flooded with invented visit ids cannot take
 * all the memory there is, the visits kept are capped (`maxVisits`, default DEFAULT_MAX_VISITS, about
 * 1 GB): past the cap the aggregator throws VisitLimitError, and the command says so instead of
 * growing without bound.
 */
import { hash } from 'node:crypto';
import { EVENT_NAMES, type EventName } from '../tracking/contract.ts';
import { quote, type ReportEvent } from './events.ts';
import { isKnownPage, type KnownPages } from './known-pages.ts';
import { twoProportionZTest, wilsonInterval, type Interval, type ZTest } from './stats.ts';

/** Default of `--max-visits`: distinct visits kept in memory (about 400 bytes each at the peak). */
export const DEFAULT_MAX_VISITS = 2_000_000;

/** More distinct visits than the aggregator may keep; `line` is the event that went past the cap. */
export class VisitLimitError extends Error {
  readonly line: number | undefined;
  readonly limit: number;

  constructor(limit: number, line: number | undefined) {
    super(`more than ${limit} distinct visits`);
    this.name = 'VisitLimitError';
    this.limit = limit;
    this.line = line;
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
  higher: 'higher than the rest',
  lower: 'lower than the rest',
  'no-difference': 'no clear difference',
  'too-small': 'too small to judge',
};

export interface Rate {
  visits: number;
  leads: number;
  /** leads / visits; 0 when there are no visits. */
  rate: number;
  /** Wilson 95 % interval of the rate. */
  interval: Interval;
}

export interface GroupRow extends Rate {
  segment: string;
  /** Absent on segment rows. */
  persona?: string;
  /** The group against the rest of the same table; absent when the group is too small to judge. */
  test?: ZTest;
  verdict: Verdict;
  /** Why the group is too small to judge. */
  tooSmall?: string;
}

export interface ConversionReport {
  /** One row per segment, by segment id. */
  segments: GroupRow[];
  /** One row per segment × persona, by segment id then persona id. */
  pages: GroupRow[];
  /** Distinct visits and leads over every landing page. */
  total: Rate;
  minVisits: number;
  /** Valid events read, by name. */
  events: Record<EventName, number>;
  /** First and last event_time (ISO 8601), when events carry one. */
  period?: { from: string; to: string };
  /** Leads whose visit had no landing page_view on the same page in the export. */
  leadsWithoutPageView: number;
  /** Visits that saw the landing pages of more than one segment: they count once in each. */
  visitsInSeveralSegments: number;
  /** Visits that saw more than one landing page: they count once for each page. */
  visitsOnSeveralPages: number;
  /** Landing page views and leads of pages the content does not define: not counted anywhere else. */
  unknown: UnknownPages;
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
}

interface Tally {
  visits: Set<string>;
  leads: Set<string>;
}

function newTally(): Tally {
  return { visits: new Set(), leads: new Set() };
}

export interface Aggregator {
  /** Counts one event; `line` (where it is in the file) is for the examples of unknown pages. */
  add(event: ReportEvent, line?: number): void;
  report(options?: ReportOptions): ConversionReport;
}

export interface AggregatorOptions {
  /** The pages that count; without them every segment × persona in the events becomes a row. */
  pages?: KnownPages;
  /** Most visits (and leads) kept, counted per page: past it `add` throws VisitLimitError (default DEFAULT_MAX_VISITS). */
  maxVisits?: number;
}

/**
 * A visit as the report keeps it: a fixed-size hash of its id, so that memory per visit does not
 * depend on what the export puts in visit_id. 96 bits: a collision is not expected before some
 * 10^14 visits.
 */
export function visitKey(visitId: string): string {
  // Encoding 12 bytes, rather than slicing a longer string, leaves no parent string held behind the key.
  return hash('sha256', visitId, 'buffer').toString('base64url', 0, 12);
}

/** Collects events one at a time (so a file can be streamed into it), then computes the report. */
export function createAggregator(options: AggregatorOptions = {}): Aggregator {
  const known = options.pages;
  const maxVisits = options.maxVisits ?? DEFAULT_MAX_VISITS;
  let kept = 0;
  const unknown: UnknownPages = { events: 0, examples: [] };
  const pages = new Map<string, Map<string, Tally>>();
  const events = Object.fromEntries(EVENT_NAMES.map((n) => [n, 0])) as Record<EventName, number>;
  let first = Infinity;
  let last = -Infinity;

  const tallyOf = (segment: string, persona: string): Tally => {
    let personas = pages.get(segment);
    if (!personas) pages.set(segment, (personas = new Map()));
    let tally = personas.get(persona);
    if (!tally) personas.set(persona, (tally = newTally()));
    return tally;
  };

  return {
    add(event, line) {
      events[event.event]++;
      if (event.time !== undefined) {
        if (event.time < first) first = event.time;
        if (event.time > last) last = event.time;
      }
      const isVisit = event.event === 'page_view' && event.page_type === 'landing';
      if (!isVisit && event.event !== 'generate_lead') return;
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
      const tally = tallyOf(segment, persona);
      const visits = isVisit ? tally.visits : tally.leads;
      const before = visits.size;
      visits.add(visitKey(event.visit_id));
      if (visits.size > before && ++kept > maxVisits) throw new VisitLimitError(maxVisits, line);
    },
    report(options = {}) {
      const period = first <= last ? { from: new Date(first).toISOString(), to: new Date(last).toISOString() } : undefined;
      return computeReport(pages, events, period, options.minVisits ?? DEFAULT_MIN_VISITS, { events: unknown.events, examples: [...unknown.examples] });
    },
  };
}

/** Convenience for tests and small inputs: the report of a list of events. */
export function aggregateEvents(events: Iterable<ReportEvent>, options: ReportOptions & AggregatorOptions = {}): ConversionReport {
  const aggregator = createAggregator(options);
  for (const event of events) aggregator.add(event);
  return aggregator.report(options);
}

function computeReport(
  pages: Map<string, Map<string, Tally>>,
  events: Record<EventName, number>,
  period: ConversionReport['period'],
  minVisits: number,
  unknown: UnknownPages,
): ConversionReport {
  let leadsWithoutPageView = 0;
  const all = newTally();
  const segmentTallies = new Map<string, Tally>();
  const pageTallies: { segment: string; persona: string; tally: Tally }[] = [];
  const pagesSeen = new Map<string, number>();
  const segmentsSeen = new Map<string, number>();

  for (const segment of sortedKeys(pages)) {
    const personas = pages.get(segment)!;
    const segmentTally = newTally();
    for (const persona of sortedKeys(personas)) {
      const tally = personas.get(persona)!;
      for (const visit of tally.leads) {
        if (!tally.visits.has(visit)) {
          tally.visits.add(visit);
          leadsWithoutPageView++;
        }
      }
      for (const visit of tally.visits) {
        segmentTally.visits.add(visit);
        pagesSeen.set(visit, (pagesSeen.get(visit) ?? 0) + 1);
      }
      for (const visit of tally.leads) segmentTally.leads.add(visit);
      pageTallies.push({ segment, persona, tally });
    }
    for (const visit of segmentTally.visits) {
      all.visits.add(visit);
      segmentsSeen.set(visit, (segmentsSeen.get(visit) ?? 0) + 1);
    }
    for (const visit of segmentTally.leads) all.leads.add(visit);
    segmentTallies.set(segment, segmentTally);
  }

  const segments = judge(
    [...segmentTallies].map(([segment, tally]) => ({ segment, ...rateOf(tally.leads.size, tally.visits.size) })),
    minVisits,
  );
  const pageRows = judge(
    pageTallies.map(({ segment, persona, tally }) => ({ segment, persona, ...rateOf(tally.leads.size, tally.visits.size) })),
    minVisits,
  );
  const report: ConversionReport = {
    segments,
    pages: pageRows,
    total: rateOf(all.leads.size, all.visits.size),
    minVisits,
    events,
    leadsWithoutPageView,
    visitsInSeveralSegments: countAbove(segmentsSeen, 1),
    visitsOnSeveralPages: countAbove(pagesSeen, 1),
    unknown,
  };
  if (period) report.period = period;
  return report;
}

/** Plain code-unit order, the same on every machine whatever its locale. */
function sortedKeys(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function countAbove(counts: Map<string, number>, limit: number): number {
  let n = 0;
  for (const c of counts.values()) if (c > limit) n++;
  return n;
}

export function rateOf(leads: number, visits: number): Rate {
  return { visits, leads, rate: visits > 0 ? leads / visits : 0, interval: wilsonInterval(leads, visits) };
}

/** Tests every row against the sum of the other rows of the same table. */
function judge(rows: (Rate & { segment: string; persona?: string })[], minVisits: number): GroupRow[] {
  const visits = rows.reduce((sum, r) => sum + r.visits, 0);
  const leads = rows.reduce((sum, r) => sum + r.leads, 0);
  return rows.map((row): GroupRow => {
    const rest = { visits: visits - row.visits, leads: leads - row.leads };
    const tooSmall = smallSampleReason(row, rest, minVisits);
    const test = tooSmall ? undefined : twoProportionZTest(row.leads, row.visits, rest.leads, rest.visits);
    if (!test) return { ...row, verdict: 'too-small', tooSmall: tooSmall ?? 'no variation to test' };
    const verdict = test.p >= ALPHA ? 'no-difference' : test.z > 0 ? 'higher' : 'lower';
    return { ...row, test, verdict };
  });
}

/**
 * The small-sample rule: a group is too small to judge when it has fewer than `minVisits` visits, or
 * fewer than 5 leads, or fewer than 5 visits without a lead; or when the rest of the traffic fails
 * the same rule. Below those counts the normal approximation behind the z-test is unreliable.
 */
export function smallSampleReason(group: { visits: number; leads: number }, rest: { visits: number; leads: number }, minVisits: number): string | undefined {
  if (group.visits < minVisits) return `fewer than ${minVisits} visits`;
  if (group.leads < MIN_EACH_OUTCOME) return `fewer than ${MIN_EACH_OUTCOME} leads`;
  if (group.visits - group.leads < MIN_EACH_OUTCOME) return `fewer than ${MIN_EACH_OUTCOME} visits without a lead`;
  if (rest.visits === 0) return 'no other traffic to compare with';
  if (rest.visits < minVisits || rest.leads < MIN_EACH_OUTCOME || rest.visits - rest.leads < MIN_EACH_OUTCOME) return 'the rest of the traffic is too small to compare with';
  return undefined;
}
