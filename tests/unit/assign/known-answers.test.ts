import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAssignText, renderRowProblems } from '../../../src/lib/assign/render-text.ts';
import { buildSummary } from '../../../src/lib/assign/summary.ts';
import { assignmentSummarySchema } from '../../../src/lib/schemas/index.ts';
import { ACCOUNTS, assignFile, setupFor } from './helpers.ts';

/**
 * tests/fixtures/accounts/known-answers.csv against the segments of tests/fixtures/accounts, worked
 * out by hand. Ranking (site weights all 1): enterprise-sap 4.5, eu-manufacturers 4.0, then
 * growth-anywhere and uk-private at 3.0, in id order. Mapping: USD 250,000 revenue per employee,
 * 1 EUR = 1.08 USD, 1 GBP = 1.25 USD, no rate for NZD or CAD.
 */
const CSV = join(ACCOUNTS, 'known-answers.csv');

const EXPECTED: [line: number, id: string, segment: string, matched: string, revenue: string][] = [
  // 6,000 people in the US on SAP S/4HANA, tier A; USD 3 billion is EUR 2.78 billion, above eu-manufacturers' range anyway.
  [2, 'A01', 'enterprise-sap', 'enterprise-sap', 'reported'],
  // A German manufacturer with EUR 400 million; 1,200 people is too many for growth-anywhere.
  [3, 'A02', 'eu-manufacturers', 'eu-manufacturers', 'reported'],
  // UK, private, 500 people, no revenue: estimated USD 125 million. Both 3.0 segments match: growth-anywhere wins on its id.
  [4, 'A03', 'growth-anywhere', 'growth-anywhere;uk-private', 'estimated from employees'],
  // "manufacturing" in lower case; EUR 100 million is USD 108 million, within growth-anywhere too: the higher score wins.
  [5, 'A04', 'eu-manufacturers', 'eu-manufacturers;growth-anywhere', 'reported'],
  // 150 people is below growth-anywhere's band, and uk-private wants the UK.
  [6, 'A05', '', '', 'reported'],
  // New Zealand is in no region; NZD 40 million has no exchange rate, and reported revenue is never replaced by an estimate.
  [7, 'A06', '', '', 'reported'],
  // Line 8 has no account id: not read.
  // Headcount "n/a": employees unknown, so no estimate either.
  [9, 'A08', '', '', ''],
  // Everything enterprise-sap wants, but headquartered in the UK.
  [10, 'A09', '', '', 'reported'],
  // Canada is North America; " sap s/4hana " matches SAP S/4HANA; tier "a" is A is 1. CAD has no rate, which only eu-manufacturers needed.
  [11, 'A10', 'enterprise-sap', 'enterprise-sap', 'reported'],
  // No revenue: 2,000 × USD 250,000 = USD 500 million = EUR 462.96 million, within EUR 50 million–2 billion.
  [12, 'A11', 'eu-manufacturers', 'eu-manufacturers', 'estimated from employees'],
  // Government owned: only the draft public-bodies wants it.
  [13, 'A12', '', '', 'estimated from employees'],
  // Line 14 has three fields: not read.
  // Runs Coupa, which uk-private rules out; GBP 60 million is USD 75 million, within growth-anywhere.
  [15, 'A14', 'growth-anywhere', 'growth-anywhere', 'reported'],
  // USD 260 million is above growth-anywhere's USD 200 million.
  [16, 'A15', '', '', 'reported'],
];

describe('assigning the known-answer accounts', async () => {
  const setup = await setupFor(ACCOUNTS);
  const { run, rows } = await assignFile(CSV, setup, 'known-answers.csv');

  it('assigns every account as worked out by hand', () => {
    expect(rows.map((r) => [Number(r.line), r.account_id, r.segment, r.matched_segments, r.revenue_source])).toEqual(EXPECTED);
  });

  it('counts segments, overlaps, gaps and unreadable rows', () => {
    expect(run.segments.map((s) => [s.segment.id, s.segment.score, s.assigned, s.matched])).toEqual([
      ['enterprise-sap', 4.5, 2, 2],
      ['eu-manufacturers', 4, 3, 3],
      ['growth-anywhere', 3, 2, 3],
      ['uk-private', 3, 0, 1],
    ]);
    expect(run).toMatchObject({ rows: 15, read: 13, assigned: 7, unassigned: 6, overlapping: 2, revenueEstimated: 3 });
    expect(run.overlaps).toEqual([
      { segments: ['eu-manufacturers', 'growth-anywhere'], accounts: 1 },
      { segments: ['growth-anywhere', 'uk-private'], accounts: 1 },
    ]);
    // Each unassigned account, by the segment it misses by the fewest criteria (the higher-ranked on a tie).
    expect(run.gaps).toEqual([
      { closest: 'growth-anywhere', failed: ['revenue'], accounts: 2 }, // A06 (no NZD rate), A15 (too much revenue)
      { closest: 'enterprise-sap', failed: ['region'], accounts: 1 }, // A09
      { closest: 'growth-anywhere', failed: ['employees'], accounts: 1 }, // A05
      { closest: 'uk-private', failed: ['ownership'], accounts: 1 }, // A12
      { closest: 'uk-private', failed: ['region'], accounts: 1 }, // A08
    ]);
  });

  it('explains each account: every check of its segment, or what it misses for the closest one', () => {
    const byId = new Map(rows.map((r) => [r.account_id, r]));
    expect(byId.get('A11')!.reasons).toBe(
      'in Manufacturing; revenue estimated from employees: 2,000 × USD 250,000 = EUR 462.96 million within EUR 50 million–EUR 2 billion; headquartered in European Union (Germany)',
    );
    expect(byId.get('A04')!.reasons).toBe(
      'in manufacturing; revenue EUR 100 million within EUR 50 million–EUR 2 billion; headquartered in European Union (NL); also matches growth-anywhere, which ranks lower',
    );
    expect(byId.get('A10')!.reasons).toBe('employees 7,000, at least 5,000; headquartered in North America (Canada); runs SAP S/4HANA; value tier 1');
    expect(byId.get('A01')!.match_reasons).toBe(
      'enterprise-sap: matches | eu-manufacturers: fails revenue, region | growth-anywhere: fails employees, revenue | uk-private: fails region, ownership, excludedSystems',
    );
    // Unassigned: the words for the closest segment; match_reasons names what every segment misses.
    expect(byId.get('A06')!.reasons).toBe('matches no segment; closest is growth-anywhere: revenue NZD 40 million, with no exchange rate for NZD in the mapping: needs at most USD 200 million');
    expect(byId.get('A06')!.match_reasons).toBe('enterprise-sap: fails employees, region, systems, tier | eu-manufacturers: fails industry, revenue, region | growth-anywhere: fails revenue | uk-private: fails region');
    expect(byId.get('A06')!.notes).toBe('HQ Country: "New Zealand" is in no region of content/workbench.yaml');
  });

  it('prints what it found', () => {
    expect(renderAssignText(run, { csvName: 'known-answers.csv', seconds: '0.1', counted: 'active segments' })).toMatchInlineSnapshot(`
      "Read 13 accounts from known-answers.csv (15 rows) and matched them against 4 active segments in 0.1 s.

      Accounts per segment, highest priority first. An account matching several segments is assigned to the first.
      Rank  Segment           Score  Assigned  Matched
      ----  ----------------  -----  --------  -------
         1  enterprise-sap      4.5         2        2
         2  eu-manufacturers    4.0         3        3
         3  growth-anywhere     3.0         2        3
         4  uk-private          3.0         0        1
      ----  ----------------  -----  --------  -------
            All segments                    7

      Matching more than one segment: 2 accounts, each assigned to the first segment listed.
             1  eu-manufacturers + growth-anywhere
             1  growth-anywhere + uk-private
        For example:
          line 4, A03 (Brightwater Foods Ltd): growth-anywhere, uk-private
          line 5, A04 (Halden Plastics B.V.): eu-manufacturers, growth-anywhere

      Matching no segment: 6 accounts. By the segment each comes closest to, and what it misses:
             2  growth-anywhere: revenue
             1  enterprise-sap: region
             1  growth-anywhere: employees
             1  uk-private: ownership
             1  uk-private: region
        For example:
          line 6, A05 (Ridgeway Logistics Inc.): closest growth-anywhere, employees 150, below the minimum of 200
          line 7, A06 (Kiwi Agritech Ltd): closest growth-anywhere, revenue NZD 40 million, with no exchange rate for NZD in the mapping: needs at most USD 200 million
          line 9, A08 (Lakeside Clinics): closest uk-private, headquartered in North America (US), not United Kingdom
          line 10, A09 (Summit Energy plc): closest enterprise-sap, headquartered in United Kingdom (GB), not North America
          line 13, A12 (County of Westshire): closest uk-private, ownership government, not private or family-owned

      Revenue estimated from employees (no revenue in the row): 3 accounts."
    `);
    expect(renderRowProblems(run, 'known-answers.csv')).toMatchInlineSnapshot(`
      "2 values not understood; each account was assigned as if the cell were blank:
      known-answers.csv:7 HQ Country: "New Zealand" is in no region of content/workbench.yaml
      known-answers.csv:9 Headcount: "n/a" is not a number
      Values the mapping does not know, most frequent first: HQ Country "New Zealand" (1).

      2 rows not read:
      known-answers.csv:8 no account id (the "Account Id" cell is blank)
      known-answers.csv:14 expected 10 fields as in the header, found 3"
    `);
  });

  it('summarises the run in a small JSON record the schema accepts', () => {
    const summary = buildSummary({ run, fileName: 'known-answers.csv', mappingFile: 'content/workbench.yaml', contentVersion: setup.contentVersion, criteriaVersion: setup.criteriaVersion, includeDrafts: false });
    expect(assignmentSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toEqual({
      input: { file: 'known-answers.csv', rows: 15 },
      mapping: 'content/workbench.yaml',
      contentVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
      criteriaVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
      includeDrafts: false,
      accounts: { read: 13, assigned: 7, overlapping: 2, unassigned: 6, unreadable: 2, revenueEstimated: 3 },
      segments: [
        { id: 'enterprise-sap', score: 4.5, assigned: 2, matched: 2 },
        { id: 'eu-manufacturers', score: 4, assigned: 3, matched: 3 },
        { id: 'growth-anywhere', score: 3, assigned: 2, matched: 3 },
        { id: 'uk-private', score: 3, assigned: 0, matched: 1 },
      ],
      overlaps: run.overlaps,
      gaps: run.gaps,
    });
  });
});

describe('draft segments', async () => {
  it('count only when asked for, ranked by their score like any other', async () => {
    const setup = await setupFor(ACCOUNTS, { includeDrafts: true });
    expect(setup.segments.map((s) => s.id)).toEqual(['public-bodies', 'enterprise-sap', 'eu-manufacturers', 'growth-anywhere', 'uk-private']);
    const { run, rows } = await assignFile(CSV, setup);
    expect(rows.find((r) => r.account_id === 'A12')).toMatchObject({ segment: 'public-bodies', matched_segments: 'public-bodies' });
    expect(run).toMatchObject({ assigned: 8, unassigned: 5, overlapping: 2 });
    expect(setup.criteriaVersion).not.toBe((await setupFor(ACCOUNTS)).criteriaVersion);
  });
});
