import { describe, expect, it } from 'vitest';
import { aggregateEvents, createAggregator, EVENT_IDS_PER_VISIT, IdMap, MAX_DISTINCT_VALUES, smallSampleReason, visitKey, type GroupRow } from '../../../src/lib/report/aggregate.ts';
import { knownPagesOf } from '../../../src/lib/report/known-pages.ts';
import type { ReportEvent } from '../../../src/lib/report/events.ts';
import { twoProportionZTest } from '../../../src/lib/report/stats.ts';
import type { EventName } from '../../../src/lib/tracking/contract.ts';

function event(name: EventName, visit: string, segment: string | null, persona: string | null, pageType = 'landing'): ReportEvent {
  return { event: name, page_type: pageType, segment, persona, visit_id: visit };
}
const view = (visit: string, segment: string, persona: string) => event('page_view', visit, segment, persona);
const lead = (visit: string, segment: string, persona: string) => event('generate_lead', visit, segment, persona);

/** `segment/persona visits/leads` per row, the way the counts are worked out by hand below. */
const counts = (rows: GroupRow[]) => rows.map((r) => `${r.segment}${r.persona ? `/${r.persona}` : ''} ${r.visits}/${r.leads}`);

describe('counting visits and leads', () => {
  // Worked out by hand:
  // alpha/cfo  visits v1 v2        leads v1        → 2/1
  // alpha/it   visits v3 v7        leads v7        → 2/1  (v7's lead comes before its view in the file)
  // beta/cfo   visits v3           leads v3        → 1/1  (v4 has leads but no page_view: unattributed)
  // alpha      visits v1 v2 v3 v7  leads v1 v7     → 4/2
  // beta       visits v3           leads v3        → 1/1
  // total      visits v1 v2 v3 v7, leads v1 v3 v7  → 4/3
  const events: ReportEvent[] = [
    view('v1', 'alpha', 'cfo'),
    view('v1', 'alpha', 'cfo'), // reload: still one visit
    lead('v1', 'alpha', 'cfo'),
    view('v2', 'alpha', 'cfo'),
    event('cta_click', 'v2', 'alpha', 'cfo'),
    view('v3', 'alpha', 'it'),
    view('v3', 'beta', 'cfo'), // the same visit moves on to another segment's page and converts there
    lead('v3', 'beta', 'cfo'),
    lead('v4', 'beta', 'cfo'),
    lead('v4', 'beta', 'cfo'), // double submit: one unattributed lead
    event('page_view', 'v5', null, null, 'home'),
    event('page_view', 'v6', 'alpha', null, 'faq'),
    lead('v7', 'alpha', 'it'), // out of order in the export
    view('v7', 'alpha', 'it'),
  ];
  const report = aggregateEvents(events);

  it('counts distinct visits and leads per segment × persona, per segment and in total', () => {
    expect(counts(report.pages)).toEqual(['alpha/cfo 2/1', 'alpha/it 2/1', 'beta/cfo 1/1']);
    expect(counts(report.segments)).toEqual(['alpha 4/2', 'beta 1/1']);
    expect(report.total).toMatchObject({ visits: 4, leads: 3, rate: 0.75 });
  });

  it('says how often the data was odd', () => {
    expect(report.unattributedLeads).toBe(1);
    expect(report.duplicates).toBe(0);
    expect(report.visitsInSeveralSegments).toBe(1);
    expect(report.visitsOnSeveralPages).toBe(1);
    expect(report.events).toEqual({ page_view: 8, cta_click: 1, faq_open: 0, generate_lead: 5 });
  });

  it('judges none of these tiny groups', () => {
    expect(report.segments.map((r) => [r.verdict, r.tooSmall, r.test])).toEqual([
      ['too-small', 'fewer than 30 visits', undefined],
      ['too-small', 'fewer than 30 visits', undefined],
    ]);
    const lowered = aggregateEvents(events, { minVisits: 1 });
    expect(lowered.segments.map((r) => r.tooSmall)).toEqual(['fewer than 5 leads', 'fewer than 5 leads']);
  });

  it('orders rows by segment id, then persona id, the same on every machine', () => {
    const shuffled = aggregateEvents([view('1', 'b', 'z'), view('2', 'a', 'y'), view('3', 'B', 'x'), view('4', 'a', 'X')]);
    expect(counts(shuffled.pages)).toEqual(['B/x 1/0', 'a/X 1/0', 'a/y 1/0', 'b/z 1/0']);
  });

  it('reports the period the events cover', () => {
    const timed = aggregateEvents([
      { ...view('v1', 'a', 'x'), time: Date.parse('2026-10-03T10:00:00Z') },
      { ...view('v2', 'a', 'x'), time: Date.parse('2026-10-01T08:00:00Z') },
      view('v3', 'a', 'x'),
    ]);
    expect(timed.period).toEqual({ from: '2026-10-01T08:00:00.000Z', to: '2026-10-03T10:00:00.000Z' });
    expect(report.period).toBeUndefined();
  });
});

/** `visits` visits to one page, the first `leads` of which convert. */
function traffic(segment: string, persona: string, visits: number, leads: number): ReportEvent[] {
  return Array.from({ length: visits }, (_, i) => {
    const visit = `${segment}-${persona}-${i}`;
    return i < leads ? [view(visit, segment, persona), lead(visit, segment, persona)] : [view(visit, segment, persona)];
  }).flat();
}

describe('judging each group against the other visits', () => {
  const report = aggregateEvents([
    ...traffic('high', 'cfo', 200, 40), // 20 %
    ...traffic('low', 'cfo', 400, 10), // 2.5 %
    ...traffic('mid', 'cfo', 300, 20),
    ...traffic('mid', 'it', 300, 25), // mid: 45 / 600 = 7.5 %
    ...traffic('tiny', 'cfo', 20, 3),
  ]);

  it('says higher, lower, no clear difference or too small', () => {
    expect(report.segments.map((r) => [r.segment, r.verdict, r.tooSmall])).toEqual([
      ['high', 'higher', undefined],
      ['low', 'lower', undefined],
      ['mid', 'no-difference', undefined],
      ['tiny', 'too-small', 'fewer than 30 visits'],
    ]);
  });

  it('tests a group against the other visits, here (each visit on one page) the sum of the other rows', () => {
    const mid = report.segments.find((r) => r.segment === 'mid')!;
    // The other visits: 200 + 400 + 20 visits, 40 + 10 + 3 leads.
    expect(mid.test).toEqual(twoProportionZTest(45, 600, 53, 620));
    const midIt = report.pages.find((r) => r.segment === 'mid' && r.persona === 'it')!;
    expect(midIt.test).toEqual(twoProportionZTest(25, 300, 73, 920));
  });

  it('gives each rate its Wilson interval', () => {
    const high = report.segments.find((r) => r.segment === 'high')!;
    expect(high.rate).toBe(0.2);
    expect(high.interval.low).toBeCloseTo(0.1505, 4);
    expect(high.interval.high).toBeCloseTo(0.2609, 4);
  });
});

describe('the small-sample rule', () => {
  const enough = { visits: 1000, leads: 50 };

  it('needs enough visits, leads and visits without a lead on both sides', () => {
    expect(smallSampleReason({ visits: 29, leads: 10 }, enough, 30)).toBe('fewer than 30 visits');
    expect(smallSampleReason({ visits: 500, leads: 4 }, enough, 30)).toBe('fewer than 5 leads');
    expect(smallSampleReason({ visits: 40, leads: 36 }, enough, 30)).toBe('fewer than 5 visits without a lead');
    expect(smallSampleReason({ visits: 500, leads: 20 }, { visits: 0, leads: 0 }, 30)).toBe('no other visits to compare with');
    expect(smallSampleReason({ visits: 500, leads: 20 }, { visits: 100, leads: 2 }, 30)).toBe('the other visits are too few to compare with');
    expect(smallSampleReason({ visits: 30, leads: 5 }, enough, 30)).toBeUndefined();
  });

  it('judges nothing when there is only one segment', () => {
    const single = aggregateEvents(traffic('only', 'cfo', 500, 50));
    expect(single.segments[0]).toMatchObject({ verdict: 'too-small', tooSmall: 'no other visits to compare with' });
  });
});

describe('counting only the pages the content defines', () => {
  const pages = knownPagesOf([{ id: 'alpha', personas: ['cfo', 'it'] }]);

  it('counts events of other pages in one place, with a few escaped examples, never as rows', () => {
    const aggregator = createAggregator({ pages });
    const events = [view('v1', 'alpha', 'cfo'), view('v2', 'alpha', 'ceo'), lead('v3', 'beta', 'cfo'), view('v4', 'x\u0000<b>\u202e'.padEnd(60, 'y'), 'cfo'), view('v5', 'gamma', 'it'), event('cta_click', 'v6', 'delta', 'cfo')];
    events.forEach((e, i) => aggregator.add(e, i + 1));
    const report = aggregator.report({ minVisits: 1 });
    expect(counts(report.pages)).toEqual(['alpha/cfo 1/0']);
    expect(counts(report.segments)).toEqual(['alpha 1/0']);
    expect(report.total.visits).toBe(1);
    expect(report.unknown).toEqual({ events: 4, examples: ['line 2: "alpha" / "ceo"', 'line 3: "beta" / "cfo"', 'line 4: "x\\u0000<b>\\u202eyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…" / "cfo"'] });
    expect(report.events.cta_click).toBe(1);
  });

  it('keeps the rows and the examples the same however many invented ids arrive', () => {
    const few = createAggregator({ pages });
    const many = createAggregator({ pages });
    for (const a of [few, many]) a.add(view('v1', 'alpha', 'cfo'));
    for (let i = 0; i < 3; i++) few.add(view(`u${i}`, `seg-${i}`, 'cfo'));
    for (let i = 0; i < 20_000; i++) many.add(view(`u${i}`, `seg-${i}`, 'cfo'));
    const [a, b] = [few.report(), many.report()];
    expect(b.pages).toEqual(a.pages);
    expect(b.unknown.examples).toEqual(a.unknown.examples);
    expect(b.unknown.events).toBe(20_000);
  });
});

describe('holding visits', () => {
  it('keys a visit by a hash of the same size whatever the length of its id', () => {
    expect(visitKey('v1')).toHaveLength(16);
    expect(visitKey('v'.repeat(100))).toHaveLength(16);
    expect(visitKey('v1')).toBe(visitKey('v1'));
    expect(visitKey('v1')).not.toBe(visitKey('v2'));
  });

  it('finds every id it was given, UUIDs and other ids alike, as its tables grow', () => {
    const ids = new IdMap();
    const uuid = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${(i * 7919).toString(16).padStart(12, '0')}`;
    for (let i = 0; i < 5000; i++) {
      expect(ids.find(uuid(i))).toBeUndefined();
      ids.insert(2 * i);
      expect(ids.find(`visit-${i}`)).toBeUndefined();
      ids.insert(2 * i + 1);
    }
    expect(ids.size).toBe(10_000);
    for (let i = 0; i < 5000; i++) {
      expect(ids.find(uuid(i))).toBe(2 * i);
      expect(ids.find(`visit-${i}`)).toBe(2 * i + 1);
    }
    // Ids are text: the same UUID in capitals, or with one digit changed, is another visit.
    expect(ids.find(uuid(1).toUpperCase())).toBeUndefined();
    expect(ids.find(uuid(1).replace(/.$/, '0'))).toBeUndefined();
    expect(ids.find(uuid(1).slice(0, 35))).toBeUndefined();
  });

  it('counts the same whether visit and event ids are UUIDs or any other text', () => {
    const withIds = (name: (i: number) => string) => {
      const aggregator = createAggregator();
      for (let i = 0; i < 200; i++) {
        const visit = name(i % 70);
        aggregator.add({ ...view(visit, i % 2 ? 'alpha' : 'beta', 'cfo'), event_id: name(1000 + (i % 150)) });
        if (i % 3 === 0) aggregator.add({ ...lead(visit, i % 2 ? 'alpha' : 'beta', 'cfo'), event_id: name(2000 + i) });
      }
      return aggregator.report();
    };
    const uuids = withIds((i) => `${i.toString(16).padStart(8, 'a')}-1234-4abc-8def-0123456789ab`);
    const plain = withIds((i) => `id-${i}`);
    expect(uuids).toEqual(plain);
    expect(uuids.duplicates).toBe(50);
    expect(counts(uuids.pages)).toEqual(counts(plain.pages));
  });

  it('keeps at most maxVisits visits, and says at which line it went past', () => {
    const aggregator = createAggregator({ maxVisits: 2 });
    // A repeated visit, its leads and its views of other pages take no new visit.
    aggregator.add(view('v1', 'a', 'p'), 1);
    aggregator.add(view('v1', 'a', 'p'), 2);
    aggregator.add(lead('v1', 'a', 'p'), 3);
    aggregator.add(view('v1', 'b', 'p'), 4);
    aggregator.add(view('v2', 'a', 'p'), 5);
    expect(() => aggregator.add(view('v3', 'a', 'p'), 6)).toThrow(expect.objectContaining({ name: 'VisitLimitError', limit: 2, line: 6, kind: 'visits' }));
  });

  it(`keeps at most ${EVENT_IDS_PER_VISIT} event ids per visit allowed, so a flood of ids on one visit stops too`, () => {
    const aggregator = createAggregator({ maxVisits: 2 });
    const limit = 2 * EVENT_IDS_PER_VISIT;
    for (let i = 1; i <= limit; i++) aggregator.add({ ...view('v1', 'a', 'p'), event_id: `e${i}` }, i);
    // A replay takes no room: it is dropped.
    aggregator.add({ ...view('v1', 'a', 'p'), event_id: 'e1' }, limit + 1);
    expect(() => aggregator.add({ ...view('v1', 'a', 'p'), event_id: 'new' }, limit + 2)).toThrow(expect.objectContaining({ limit, line: limit + 2, kind: 'event ids' }));
  });
});

describe('holding channel values', () => {
  it(`keeps ${MAX_DISTINCT_VALUES} distinct values of a field and counts any further one as (other)`, () => {
    const events = Array.from({ length: MAX_DISTINCT_VALUES + 5 }, (_, i) => ({ ...view(`v${i}`, 'a', 'p'), utm_campaign: `c${String(i).padStart(4, '0')}` }));
    const report = aggregateEvents(events);
    expect(report.campaigns).toHaveLength(MAX_DISTINCT_VALUES + 1);
    expect(report.campaigns[0]).toMatchObject({ campaign: '(other)', visits: 5 });
    expect(report.campaigns.at(-1)).toMatchObject({ campaign: 'c0999', visits: 1 });
    expect(report.overflow).toEqual([{ field: 'utm_campaign', views: 5 }]);
    expect(report.channels.map((r) => `${r.source}/${r.medium} ${r.visits}`)).toEqual([`(none)/(none) ${MAX_DISTINCT_VALUES + 5}`]);
  });
});
