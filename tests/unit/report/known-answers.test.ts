/**
 * The counting rules on a hand-built export, tests/fixtures/events/known-answers.ndjson, read through
 * the real reader. Every number below was worked out by hand from the file before the report ran:
 *
 *   content: alpha (personas cfo, it), beta (persona cfo); gamma is no segment of the content
 *   A1–A12   view alpha/cfo; A1–A6 send a lead there
 *   B1–B12   view beta/cfo; B1–B6 send a lead there (B2's lead comes before its view in the file)
 *   X1–X6    view alpha/cfo and beta/cfo; X1–X4 send a lead on beta/cfo;
 *            X5 sends a lead on alpha/it, a page it never viewed
 *   I1–I3    view alpha/it (events without event_id); I1 sends a lead there
 *   U1       sends a lead on beta/cfo without any view
 *   V1       views gamma/cfo and sends a lead there
 *   replays  A2's view again (same event_id); A1's lead's event_id again, now carrying visit A7
 *   others   a cta_click and a home page view of A1
 *
 *   alpha/cfo  visits A1–12, X1–6 = 18   leads A1–6 = 6        (A7 gets no lead: the replay is dropped)
 *   alpha/it   visits I1–3 = 3           leads I1 = 1          (X5's lead is unattributed)
 *   beta/cfo   visits B1–12, X1–6 = 18   leads B1–6, X1–4 = 10 (U1's lead is unattributed)
 *   alpha      visits A, X, I = 21       leads A1–6, I1 = 7
 *   beta       visits B, X = 18          leads 10
 *   total      distinct visits A, B, X, I = 33; with a lead on any page A1–6, B1–6, X1–4, I1 = 17
 *
 * The other visits of a row: every one of the 33 not in it, converting when it has a lead anywhere.
 *   alpha:     not in alpha: B1–12 = 12, leads B1–6 = 6          → 7/21 against 6/12
 *   beta:      not in beta: A1–12, I1–3 = 15, leads A1–6, I1 = 7 → 10/18 against 7/15
 *   alpha/cfo: B1–12, I1–3 = 15, leads B1–6, I1 = 7 (X1–4 convert, but on beta/cfo: they are in the
 *              row, as visits without a lead of this page, and not in the other sample)  → 6/18 against 7/15
 *   beta/cfo:  A1–12, I1–3 = 15, leads 7                          → 10/18 against 7/15
 * z for alpha: pooled 13/33 = 0.393939; SE = √(0.393939 × 0.606061 × (1/21 + 1/12)) = 0.176820;
 * z = (0.333333 − 0.5) / 0.176820 = −0.942582; p = 2(1 − Φ(0.942582)) = 0.345895.
 * z for beta/cfo: pooled 17/33 = 0.515152; SE = √(0.515152 × 0.484848 × (1/18 + 1/15)) = 0.174714;
 * z = (0.555556 − 0.466667) / 0.174714 = 0.508747; p = 0.610930.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAggregator, type ConversionReport, type GroupRow } from '../../../src/lib/report/aggregate.ts';
import { knownPagesOf } from '../../../src/lib/report/known-pages.ts';
import { readNdjson } from '../../../src/lib/report/read-events.ts';
import { twoProportionZTest } from '../../../src/lib/report/stats.ts';
import { FIXTURES } from '../helpers.ts';

const pages = knownPagesOf([
  { id: 'alpha', personas: ['cfo', 'it'] },
  { id: 'beta', personas: ['cfo'] },
]);

async function knownAnswers(): Promise<ConversionReport> {
  const aggregator = createAggregator({ pages });
  const read = await readNdjson(createReadStream(join(FIXTURES, 'events', 'known-answers.ndjson')), (event, line) => aggregator.add(event, line));
  expect(read.badRowCount).toBe(0);
  return aggregator.report({ minVisits: 10 });
}

const counts = (rows: GroupRow[]) => rows.map((r) => `${r.segment}${r.persona ? `/${r.persona}` : ''} ${r.visits}/${r.leads} other ${r.other.visits}/${r.other.leads}`);

describe('the counting rules on a hand-built export', async () => {
  const report = await knownAnswers();

  it('counts each event_id once, dropping replays whatever they say', () => {
    expect(report.duplicates).toBe(2);
    expect(report.events).toEqual({ page_view: 42, cta_click: 1, faq_open: 0, generate_lead: 21 });
  });

  it('counts visits per page and leads only of visits that viewed the page', () => {
    expect(counts(report.pages)).toEqual(['alpha/cfo 18/6 other 15/7', 'alpha/it 3/1 other 30/16', 'beta/cfo 18/10 other 15/7']);
    expect(counts(report.segments)).toEqual(['alpha 21/7 other 12/6', 'beta 18/10 other 15/7']);
    expect(report.total).toMatchObject({ visits: 33, leads: 17 });
  });

  it('puts a lead without a landing view of its page in one unattributed count, never in a row', () => {
    expect(report.unattributedLeads).toBe(2);
    expect(report.unknown.events).toBe(2);
    expect(report.visitsInSeveralSegments).toBe(6);
    expect(report.visitsOnSeveralPages).toBe(6);
  });

  it('never lets a rate exceed 100%, and puts every visit in exactly one of the two samples', () => {
    for (const row of [...report.segments, ...report.pages]) {
      expect(row.leads).toBeLessThanOrEqual(row.visits);
      expect(row.visits + row.other.visits).toBe(report.total.visits);
    }
  });

  it('compares each row with the other visits, as worked out by hand', () => {
    const alpha = report.segments[0]!;
    expect(alpha.test!.z).toBeCloseTo(-0.942582, 5);
    expect(alpha.test!.p).toBeCloseTo(0.345895, 5);
    expect(alpha.verdict).toBe('no-difference');
    const betaCfo = report.pages[2]!;
    expect(betaCfo.test!.z).toBeCloseTo(0.508747, 5);
    expect(betaCfo.test!.p).toBeCloseTo(0.61093, 5);
    expect(report.pages[0]!.test).toEqual(twoProportionZTest(6, 18, 7, 15));
    expect(report.pages[1]).toMatchObject({ verdict: 'too-small', tooSmall: 'fewer than 10 visits' });
  });

  it('differs from "the rest" as the sum of the other rows when visits span segments', () => {
    // The sum of the other rows of the segment table, as the report once compared: for alpha, the beta row.
    const [alpha, beta] = report.segments as [GroupRow, GroupRow];
    const sumOfOthers = { visits: beta.visits, leads: beta.leads };
    expect(sumOfOthers).toEqual({ visits: 18, leads: 10 });
    // X1–X6 are in both rows: the sum counts them in alpha's sample and again in "the rest"...
    expect(alpha.visits + sumOfOthers.visits).toBe(39);
    expect(report.total.visits).toBe(33);
    // ...and X1–X4 count as leads of the rest while they sit in alpha as visits without a lead.
    const old = twoProportionZTest(alpha.leads, alpha.visits, sumOfOthers.leads, sumOfOthers.visits)!;
    expect(old.z).toBeCloseTo(-1.395179, 5);
    expect(old.p).toBeCloseTo(0.162962, 5);
    // Compared with the other visits (B1–B12 only), the difference is smaller and the samples independent.
    expect(alpha.other).toEqual({ visits: 12, leads: 6 });
    expect(alpha.test!.z).not.toBeCloseTo(old.z, 2);
    expect(Math.abs(alpha.test!.z)).toBeLessThan(Math.abs(old.z));
  });
});

/**
 * The channel rules on a second hand-built export, tests/fixtures/events/channels.ndjson (pages alpha/cfo
 * and beta/cfo), again worked out by hand before the report ran:
 *
 *   C1  views at 10:05 (linkedin / paid-social, camp-a) then at 10:00 (google / cpc, camp-b, short-form):
 *       the earlier view decides, though later in the file → google / cpc, camp-b, short-form; lead
 *   C2  two views at 10:00, google then bing: a tie, the first in the file decides → google / cpc, camp-b
 *   C3  a view without event_time (newsletter), then one at 12:00 (linkedin, camp-a): a timed view comes
 *       first → linkedin / paid-social, camp-a; lead (the lead's own utm values change nothing)
 *   C4  a view without any utm value or variant → (none) / (none), (none), default; lead
 *   C5  a view with utm_source linkedin only → linkedin / (none), (none)
 *   C6  alpha/cfo by google (camp-b), beta/cfo by linkedin (camp-a); the lead is on beta/cfo only
 *   C7  a view at 11:00 (linkedin, camp-a) and its replay (same event_id) claiming 08:00, google,
 *       short-form: the replay is dropped → linkedin / paid-social, camp-a
 *   C8  two views without event_time, bing then google: a tie → bing / cpc, camp-c; lead
 *
 *   alpha/cfo by channel: (none)/(none) C4 1/1; bing/cpc C8 1/1; google/cpc C1 C2 C6 3/1;
 *                         linkedin/(none) C5 1/0; linkedin/paid-social C3 C7 2/1
 *   beta/cfo by channel:  linkedin/paid-social C6 1/1
 *   alpha by campaign: (none) C4 C5 2/1; camp-a C3 C7 2/1; camp-b C1 C2 C6 3/1; camp-c C8 1/1
 *   beta by campaign:  camp-a C6 1/1
 *   alpha/cfo by variant: default C2–C8 7/3; short-form C1 1/1.   beta/cfo: default C6 1/1
 *   total: 8 visits; with a lead anywhere C1 C3 C4 C6 C8 = 5.
 *   Other visits of alpha/cfo google/cpc: 8 − 3 = 5, of which 5 − 2 (C1, C6 convert) = 3 convert.
 */
describe('the channel of a visit and the breakdowns, on a hand-built export', async () => {
  const aggregator = createAggregator({ pages: knownPagesOf([{ id: 'alpha', personas: ['cfo'] }, { id: 'beta', personas: ['cfo'] }]) });
  const read = await readNdjson(createReadStream(join(FIXTURES, 'events', 'channels.ndjson')), (event, line) => aggregator.add(event, line));
  const report = aggregator.report({ minVisits: 1 });
  const rows = (list: GroupRow[], name: (r: GroupRow) => string) => list.map((r) => `${name(r)} ${r.visits}/${r.leads}`);

  it('takes the channel of the first landing view of the page: earliest time, then the first in the file', () => {
    expect(read.badRowCount).toBe(0);
    expect(report.duplicates).toBe(1);
    expect(rows(report.channels, (r) => `${r.segment}/${r.persona} ${r.source}/${r.medium}`)).toEqual([
      'alpha/cfo (none)/(none) 1/1',
      'alpha/cfo bing/cpc 1/1',
      'alpha/cfo google/cpc 3/1',
      'alpha/cfo linkedin/(none) 1/0',
      'alpha/cfo linkedin/paid-social 2/1',
      'beta/cfo linkedin/paid-social 1/1',
    ]);
  });

  it('counts campaigns within a segment and variants within a page', () => {
    expect(rows(report.campaigns, (r) => `${r.segment} ${r.campaign}`)).toEqual(['alpha (none) 2/1', 'alpha camp-a 2/1', 'alpha camp-b 3/1', 'alpha camp-c 1/1', 'beta camp-a 1/1']);
    expect(rows(report.variants, (r) => `${r.segment}/${r.persona} ${r.variant}`)).toEqual(['alpha/cfo default 7/3', 'alpha/cfo short-form 1/1', 'beta/cfo default 1/1']);
    expect(report.total).toMatchObject({ visits: 8, leads: 5 });
  });

  it('compares each breakdown row with all other visits too', () => {
    const google = report.channels.find((r) => r.source === 'google')!;
    expect(google.other).toEqual({ visits: 5, leads: 3 });
    for (const row of [...report.channels, ...report.campaigns, ...report.variants]) expect(row.visits + row.other.visits).toBe(8);
  });
});
