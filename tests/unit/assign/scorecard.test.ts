import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderScorecardCsv, type Scorecard } from '../../../src/lib/assign/scorecard.ts';
import { defused, FORMULA_CELLS } from '../csv-hostile.ts';

const weights = { sizeAndGrowth: 2, competitiveIntensity: 1, companyFit: 2, structuralAttractiveness: 1, accessibility: 1, expectedResponse: 1 };

describe('the scorecard CSV', () => {
  it('writes names, periods and sources that would open as formulas as text, and its figures as numbers', () => {
    const card: Scorecard = {
      weights,
      rows: FORMULA_CELLS.map((cell, i) => ({
        rank: i + 1,
        id: `segment-${i + 1}`,
        name: cell,
        status: 'active',
        accounts: { assigned: i, matched: i },
        marketSize: { value: 1_000_000, currency: 'USD', year: 2026, source: cell },
        growth: { percent: -3.5, period: cell, year: 2026, source: 'Analyst note, Example Research' },
        score: 3.25,
      })),
    };
    const csv = renderScorecardCsv(card);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name)).toEqual(FORMULA_CELLS.map(defused));
    expect(rows.map((r) => r.market_size_source)).toEqual(FORMULA_CELLS.map(defused));
    expect(rows.map((r) => r.growth_period)).toEqual(FORMULA_CELLS.map(defused));
    expect(rows[0]).toMatchObject({ rank: '1', accounts_assigned: '0', market_size: '1000000', growth_percent: '-3.5', weighted_score: '3.3' });
    expect(csv.split('\r\n')[1]).toMatch(/,-3\.5,/);
  });
});
