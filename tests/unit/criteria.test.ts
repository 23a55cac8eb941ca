import { describe, expect, it } from 'vitest';
import { describeAnyOf, describeGroup, findOverlap, overlapExample } from '../../src/lib/criteria.ts';
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

describe('segment overlap with either-or tests', () => {
  const nis2 = criteria({ firmographic: { regions: ['European Union'], anyOf: [{ employees: { min: 250 } }, { revenue: { min: 50e6, currency: 'EUR' } }] } });

  it('overlaps when any combination of groups meets, and names the combination', () => {
    // Small companies are outside the employee group but can still pass the revenue group.
    expect(findOverlap(nis2, criteria({ firmographic: { employees: { max: 100 }, regions: ['European Union'] } }))).toEqual({
      example: 'an account with 1 employees, with EUR 50 million annual revenue and headquartered in European Union',
      groups: [1, undefined],
    });
    const a = criteria({ firmographic: { anyOf: [{ regions: ['United Kingdom'] }, { regions: ['France'] }] } });
    const b = criteria({ firmographic: { anyOf: [{ regions: ['Spain'] }, { regions: ['france'], employees: { min: 50 } }] } });
    expect(findOverlap(a, b)).toEqual({ example: 'an account with 50 employees and headquartered in France', groups: [1, 1] });
    expect(findOverlap(b, a)?.groups).toEqual([1, 1]);
  });

  it('finds no overlap when every combination is exclusive', () => {
    // Small on both counts: neither group of the size test can hold.
    expect(overlapExample(nis2, criteria({ firmographic: { employees: { max: 100 }, revenue: { max: 10e6, currency: 'EUR' } } }))).toBeUndefined();
    // Each group collides with one of the other's, but their own regions keep them apart.
    expect(overlapExample(nis2, criteria({ firmographic: { regions: ['North America'], anyOf: [{ employees: { min: 250 } }, { revenue: { min: 50e6, currency: 'EUR' } }] } }))).toBeUndefined();
  });

  it('counts every criterion as a separator, the industry of a group included', () => {
    const banks = criteria({ firmographic: { anyOf: [{ industries: ['Banking'] }, { industries: ['Insurance'], ownership: ['public'] }] } });
    expect(overlapExample(banks, criteria({ firmographic: { industries: ['Retail'] } }))).toBeUndefined();
    expect(overlapExample(banks, criteria({ firmographic: { industries: ['insurance'], ownership: ['private'] } }))).toBeUndefined();
    expect(overlapExample(banks, criteria({ firmographic: { industries: ['insurance'] } }))).toBe('an account in Insurance and public ownership');
  });

  it('compares revenue ranges of one currency only, across a segment and its groups', () => {
    const eur = criteria({ firmographic: { revenue: { min: 10e6, currency: 'EUR' }, anyOf: [{ revenue: { max: 5e6, currency: 'EUR' } }, { revenue: { min: 1e9, currency: 'USD' } }] } });
    expect(findOverlap(eur, criteria({}))).toEqual({ example: 'any account (neither segment restricts anything)', groups: [1, undefined] });
  });

  it('requires every usesAll system of both segments, none of which either rules out', () => {
    const erpAndSiem = criteria({ technographic: { uses: ['SAP S/4HANA', 'Oracle ERP Cloud'], usesAll: ['Splunk Enterprise Security'] } });
    expect(overlapExample(erpAndSiem, criteria({ technographic: { notUses: ['splunk enterprise security'] } }))).toBeUndefined();
    expect(overlapExample(erpAndSiem, criteria({ technographic: { usesAll: ['Oracle ERP Cloud'], notUses: ['SAP S/4HANA'] } }))).toBe('an account running Splunk Enterprise Security and Oracle ERP Cloud');
    expect(overlapExample(erpAndSiem, criteria({ technographic: { uses: ['Microsoft Sentinel'] } }))).toBe('an account running Splunk Enterprise Security, SAP S/4HANA and Microsoft Sentinel');
  });
});

describe('criteria in words', () => {
  it('describes each anyOf group and the test as a whole', () => {
    const groups = criteria({ firmographic: { anyOf: [{ employees: { min: 250 } }, { revenue: { min: 50e6, currency: 'EUR' } }, { industries: ['Banking', 'Insurance'], employees: { min: 10, max: 49 }, regions: ['Germany'] }, { revenue: { max: 2e6 }, ownership: ['public'] }] } }).firmographic.anyOf!;
    expect(groups.map(describeGroup)).toEqual(['250+ employees', 'revenue ≥ EUR 50 million', 'in Banking or Insurance and 10–49 employees and headquartered in Germany', 'revenue ≤ USD 2 million and publicly listed']);
    expect(describeAnyOf(groups.slice(0, 2))).toBe('250+ employees or revenue ≥ EUR 50 million');
  });
});
