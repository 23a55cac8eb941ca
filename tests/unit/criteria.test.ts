import { describe, expect, it } from 'vitest';
import { overlapExample } from '../../src/lib/criteria.ts';
import { segmentSchema, type SegmentCriteria } from '../../src/lib/schemas/index.ts';

const criteria = (input: unknown): SegmentCriteria =>
  segmentSchema.shape.criteria.parse(input) as SegmentCriteria;

describe('segment overlap', () => {
  it('finds no overlap when employee bands do not meet', () => {
    expect(overlapExample(criteria({ firmographic: { employees: { min: 200, max: 999 } } }), criteria({ firmographic: { employees: { min: 1000 } } }))).toBeUndefined();
  });

  it('describes an account both segments would claim', () => {
    const a = criteria({ firmographic: { employees: { min: 200, max: 1500 }, regions: ['North America', 'European Union'] }, needs: 'service' });
    const b = criteria({ firmographic: { employees: { min: 1000 }, regions: ['european union'], ownership: ['public'] } });
    expect(overlapExample(a, b)).toBe('an account with 1,000 employees, headquartered in European Union, public ownership and valuing service most');
  });

  it('separates segments by region, ownership, industry, tier, needs or sophistication', () => {
    const base = { firmographic: { employees: { min: 100 } } };
    const pairs: [unknown, unknown][] = [
      [{ firmographic: { regions: ['North America'] } }, { firmographic: { regions: ['European Union'] } }],
      [{ firmographic: { ownership: ['public'] } }, { firmographic: { ownership: ['private'] } }],
      [{ firmographic: { industries: ['Retail'] } }, { firmographic: { industries: ['Banking'] } }],
      [{ ...base, tier: 1 }, { ...base, tier: 2 }],
      [{ needs: 'price' }, { needs: 'quality' }],
      [{ sophistication: 'manual' }, { sophistication: 'competitor-suite' }],
    ];
    for (const [a, b] of pairs) expect(overlapExample(criteria(a), criteria(b)), JSON.stringify([a, b])).toBeUndefined();
  });

  it('separates a segment that requires a system from one that rules all of them out', () => {
    const a = criteria({ technographic: { uses: ['SAP S/4HANA', 'Oracle ERP Cloud'] } });
    expect(overlapExample(a, criteria({ technographic: { notUses: ['SAP S/4HANA', 'oracle erp cloud'] } }))).toBeUndefined();
    expect(overlapExample(a, criteria({ technographic: { notUses: ['SAP S/4HANA'] } }))).toBe('an account running Oracle ERP Cloud');
  });

  it('does not compare revenue across currencies', () => {
    const usd = criteria({ firmographic: { revenue: { min: 1e9, currency: 'USD' } } });
    const eur = criteria({ firmographic: { revenue: { max: 1e6, currency: 'EUR' } } });
    expect(overlapExample(usd, eur)).toBe('any account (neither segment restricts anything)');
    expect(overlapExample(usd, criteria({ firmographic: { revenue: { max: 1e6 } } }))).toBeUndefined();
  });
});
