import { describe, expect, it } from 'vitest';
import { matchAccount, revenueSource, type Account, type MatchContext } from '../../../src/lib/criteria.ts';
import { segmentSchema, type SegmentCriteria } from '../../../src/lib/schemas/index.ts';

const criteria = (input: unknown): SegmentCriteria => segmentSchema.shape.criteria.parse(input) as SegmentCriteria;
const account = (fields: Partial<Account>): Account => ({ id: 'A1', regions: [], systems: [], ...fields });
const ctx: MatchContext = { exchangeRates: { USD: 1, EUR: 1.08 }, revenuePerEmployee: { amount: 250000, currency: 'USD' } };
const reasons = (a: Account, c: SegmentCriteria, context = ctx) => matchAccount(a, c, context).checks.map((x) => `${x.ok ? 'ok' : 'FAIL'} ${x.criterion}: ${x.reason}`);

describe('matching an account against a segment', () => {
  it('gives a reason in words for every criterion it checks', () => {
    const listed = criteria({ firmographic: { employees: { min: 1000, max: 4999 }, regions: ['North America'], ownership: ['public'] }, technographic: { uses: ['SAP S/4HANA', 'Oracle ERP Cloud'] } });
    const a = account({ employees: 1200, country: 'US', regions: ['North America'], ownership: 'public', systems: ['Coupa', 'sap s/4hana'] });
    expect(matchAccount(a, listed, ctx).matched).toBe(true);
    expect(reasons(a, listed)).toEqual([
      'ok employees: employees 1,200 within 1,000–4,999',
      'ok region: headquartered in North America (US)',
      'ok ownership: ownership public',
      'ok systems: runs SAP S/4HANA',
    ]);
  });

  it('names the criterion that failed, and still checks the others', () => {
    const c = criteria({ firmographic: { industries: ['Manufacturing', 'Chemicals'], employees: { min: 5000 }, regions: ['North America', 'United Kingdom'] }, tier: 1, needs: 'partnership', sophistication: 'competitor-suite' });
    const a = account({ industry: 'Retail', employees: 800, country: 'DE', regions: ['European Union'], tier: 2, needs: 'service', sophistication: 'manual' });
    expect(matchAccount(a, c, ctx).matched).toBe(false);
    expect(reasons(a, c)).toEqual([
      'FAIL industry: industry Retail, not Manufacturing or Chemicals',
      'FAIL employees: employees 800, below the minimum of 5,000',
      'FAIL region: headquartered in European Union (DE), not North America or United Kingdom',
      'FAIL tier: value tier 2, not 1',
      'FAIL needs: buying focus service, not partnership',
      'FAIL sophistication: sophistication manual, not competitor-suite',
    ]);
  });

  it('treats an empty list or an absent range as "any" and checks nothing', () => {
    const open = criteria({ firmographic: { employees: {}, revenue: { currency: 'EUR' } } });
    expect(matchAccount(account({}), open, ctx)).toEqual({ matched: true, checks: [] });
  });

  it('never lets an unknown value satisfy a restriction', () => {
    const c = criteria({ firmographic: { industries: ['Retail'], employees: { max: 999 }, regions: ['European Union'], ownership: ['public'] }, tier: 3, needs: 'price', sophistication: 'manual' });
    expect(reasons(account({}), c, { exchangeRates: {} })).toEqual([
      'FAIL industry: industry unknown: needs Retail',
      'FAIL employees: employees unknown: needs at most 999',
      'FAIL region: country unknown: needs European Union',
      'FAIL ownership: ownership unknown: needs public',
      'FAIL tier: value tier unknown: needs 3',
      'FAIL needs: buying focus unknown: needs price',
      'FAIL sophistication: sophistication unknown: needs manual',
    ]);
  });

  it('compares text without regard to case, and ranges with both ends included', () => {
    const c = criteria({ firmographic: { industries: ['Food & Beverage'], employees: { min: 200, max: 999 }, regions: ['european union'] } });
    for (const employees of [200, 999]) expect(matchAccount(account({ industry: 'FOOD & beverage', employees, country: 'nl', regions: ['European Union'] }), c, ctx).matched).toBe(true);
    expect(matchAccount(account({ industry: 'Food & Beverage', employees: 1000, country: 'NL', regions: ['European Union'] }), c, ctx).matched).toBe(false);
  });

  it('accepts a country cell that names the segment region itself, and says when the mapping does not know a country', () => {
    const c = criteria({ firmographic: { regions: ['Germany'] } });
    expect(reasons(account({ country: 'germany' }), c)).toEqual(['ok region: headquartered in germany']);
    expect(reasons(account({ country: 'Atlantis' }), c)).toEqual(['FAIL region: headquartered in Atlantis, which is in no region of the mapping: needs Germany']);
  });

  it('excludes on systems only on evidence: no systems on record passes notUses and fails uses', () => {
    const c = criteria({ technographic: { uses: ['SAP S/4HANA'], notUses: ['Coupa', 'SAP Ariba'] } });
    expect(reasons(account({}), c)).toEqual(['FAIL systems: no systems on record: needs SAP S/4HANA', 'ok excludedSystems: does not run Coupa or SAP Ariba']);
    expect(reasons(account({ systems: ['SAP S/4HANA', 'coupa'] }), c)).toEqual(['ok systems: runs SAP S/4HANA', 'FAIL excludedSystems: runs Coupa, which rules it out']);
    expect(reasons(account({ systems: ['NetSuite'] }), c)[0]).toBe('FAIL systems: runs NetSuite, none of SAP S/4HANA');
  });
});

describe('revenue', () => {
  const band = criteria({ firmographic: { revenue: { min: 100e6, max: 500e6, currency: 'USD' } } });

  it('estimates revenue from employees where there is none, and says so', () => {
    const a = account({ employees: 1200 });
    expect(revenueSource(a, ctx)).toBe('estimated');
    expect(reasons(a, band)).toEqual(['ok revenue: revenue estimated from employees: 1,200 × USD 250,000 = USD 300 million within USD 100 million–USD 500 million']);
    expect(reasons(account({ employees: 100 }), band)).toEqual([
      'FAIL revenue: revenue estimated from employees: 100 × USD 250,000 = USD 25 million, below the minimum of USD 100 million',
    ]);
  });

  it('prefers reported revenue, converted into the segment currency', () => {
    const a = account({ employees: 1200, revenue: { amount: 200e6, currency: 'EUR' } });
    expect(revenueSource(a, ctx)).toBe('reported');
    expect(reasons(a, band)).toEqual(['ok revenue: revenue EUR 200 million (USD 216 million) within USD 100 million–USD 500 million']);
  });

  it('fails, without estimating, when reported revenue cannot be converted', () => {
    expect(reasons(account({ employees: 1200, revenue: { amount: 9e9, currency: 'JPY' } }), band)).toEqual([
      'FAIL revenue: revenue JPY 9 billion, with no exchange rate for JPY in the mapping: needs USD 100 million–USD 500 million',
    ]);
  });

  it('cannot estimate without employees, or without a revenue per employee', () => {
    expect(reasons(account({}), band)).toEqual(['FAIL revenue: revenue and employees unknown: needs USD 100 million–USD 500 million']);
    expect(revenueSource(account({ employees: 10 }), { exchangeRates: {} })).toBeUndefined();
    expect(reasons(account({ employees: 1200 }), band, { exchangeRates: {} })).toEqual(['FAIL revenue: revenue unknown: needs USD 100 million–USD 500 million']);
  });

  it('converts an estimate into the segment currency too', () => {
    const eur = criteria({ firmographic: { revenue: { max: 300e6, currency: 'EUR' } } });
    expect(reasons(account({ employees: 1000 }), eur)).toEqual(['ok revenue: revenue estimated from employees: 1,000 × USD 250,000 = EUR 231.48 million, at most EUR 300 million']);
  });
});
