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

describe('matching an either-or test (firmographic.anyOf)', () => {
  // The NIS2 size test: 250+ employees, or EUR 50 million revenue, on top of the segment's own region.
  const nis2 = criteria({ firmographic: { regions: ['European Union'], anyOf: [{ employees: { min: 250 } }, { revenue: { min: 50e6, currency: 'EUR' } }] } });
  const eu = { country: 'DE', regions: ['European Union'] };
  const eur = (amount: number) => ({ amount, currency: 'EUR' });

  it('matches by either group, and says which one held', () => {
    expect(reasons(account({ ...eu, employees: 400, revenue: eur(20e6) }), nis2)).toEqual([
      'ok region: headquartered in European Union (DE)',
      'ok employees: 250+ employees or revenue ≥ EUR 50 million: matched by 250+ employees (employees 400, at least 250)',
    ]);
    expect(reasons(account({ ...eu, employees: 120, revenue: eur(80e6) }), nis2)).toEqual([
      'ok region: headquartered in European Union (DE)',
      'ok revenue: 250+ employees or revenue ≥ EUR 50 million: matched by revenue ≥ EUR 50 million (revenue EUR 80 million, at least EUR 50 million)',
    ]);
  });

  it('names the first group that holds when both do', () => {
    const both = matchAccount(account({ ...eu, employees: 900, revenue: eur(300e6) }), nis2, ctx);
    expect(both.matched).toBe(true);
    expect(both.checks.map((c) => c.criterion)).toEqual(['region', 'employees']);
  });

  it('fails when no group holds, however many of the other criteria do', () => {
    const none = matchAccount(account({ ...eu, employees: 80, revenue: eur(12e6) }), nis2, ctx);
    expect(none.matched).toBe(false);
    expect(reasons(account({ ...eu, employees: 80, revenue: eur(12e6) }), nis2)).toEqual([
      'ok region: headquartered in European Union (DE)',
      'FAIL employees: 250+ employees or revenue ≥ EUR 50 million: none met, closest 250+ employees (employees 80, below the minimum of 250)',
    ]);
    // A group that holds does not make up for the segment's own fields.
    expect(matchAccount(account({ country: 'US', regions: ['North America'], employees: 900 }), nis2, ctx).matched).toBe(false);
  });

  it('reports the group missed by the fewest criteria, so the closest segment is judged by its best group', () => {
    const c = criteria({ firmographic: { anyOf: [{ industries: ['Banking'], employees: { min: 1000 } }, { ownership: ['public'] }] } });
    expect(reasons(account({ industry: 'Retail', employees: 50, ownership: 'private' }), c)).toEqual(['FAIL ownership: in Banking and 1,000+ employees or publicly listed: none met, closest publicly listed (ownership private, not public)']);
    // On a tie the first group stands for the test: it lists only its failed checks' criteria.
    expect(matchAccount(account({ industry: 'Banking', employees: 50 }), c, ctx).checks.map((x) => `${x.criterion} ${x.ok}`)).toEqual(['industry true', 'employees false']);
  });

  it('estimates revenue for a group as for the segment’s own range', () => {
    // 230 × USD 250,000 = USD 57.5 million = EUR 53.2 million.
    expect(matchAccount(account({ ...eu, employees: 230 }), nis2, ctx).checks[1]!.reason).toBe(
      '250+ employees or revenue ≥ EUR 50 million: matched by revenue ≥ EUR 50 million (revenue estimated from employees: 230 × USD 250,000 = EUR 53.24 million, at least EUR 50 million)',
    );
  });
});

describe('matching systems that must all be on record (technographic.usesAll)', () => {
  const erpAndSiem = criteria({ technographic: { uses: ['SAP S/4HANA', 'Oracle ERP Cloud'], usesAll: ['Splunk Enterprise Security'] } });

  it('needs one of `uses` and every one of `usesAll`, in one systems check', () => {
    expect(reasons(account({ systems: ['oracle erp cloud', 'Splunk Enterprise Security'] }), erpAndSiem)).toEqual(['ok systems: runs Oracle ERP Cloud and Splunk Enterprise Security']);
    expect(reasons(account({ systems: ['Oracle ERP Cloud'] }), erpAndSiem)).toEqual(['FAIL systems: runs Oracle ERP Cloud, not Splunk Enterprise Security']);
    expect(reasons(account({ systems: ['Splunk Enterprise Security'] }), erpAndSiem)).toEqual(['FAIL systems: runs Splunk Enterprise Security, none of SAP S/4HANA or Oracle ERP Cloud']);
    expect(reasons(account({}), erpAndSiem)).toEqual(['FAIL systems: no systems on record: needs SAP S/4HANA or Oracle ERP Cloud, and Splunk Enterprise Security']);
  });

  it('needs every system when usesAll stands alone', () => {
    const all = criteria({ technographic: { usesAll: ['SAP S/4HANA', 'Splunk Enterprise Security'] } });
    expect(matchAccount(account({ systems: ['SAP S/4HANA'] }), all, ctx).matched).toBe(false);
    expect(reasons(account({}), all)).toEqual(['FAIL systems: no systems on record: needs all of SAP S/4HANA and Splunk Enterprise Security']);
    expect(matchAccount(account({ systems: ['Splunk Enterprise Security', 'SAP S/4HANA'] }), all, ctx).matched).toBe(true);
  });
});
