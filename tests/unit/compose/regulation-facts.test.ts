import { describe, expect, it } from 'vitest';
import { composeRegulation, formatDeadline, formatPenalty, regulationFacts } from '../../../src/lib/compose/regulation.ts';
import { regulationSchema } from '../../../src/lib/schemas/index.ts';

/** A cybersecurity rule with clocks and fines, as the entry of a regulated vertical holds them. */
const NIS2 = regulationSchema.parse({
  officialName: 'Directive (EU) 2022/2555',
  shortName: 'EU NIS2',
  jurisdiction: 'European Union',
  authority: 'National competent authorities',
  status: 'in-force',
  summary: 'Essential and important entities manage cyber risk and report significant incidents in stages.',
  appliesTo: 'Medium-sized and larger entities in listed sectors.',
  keyDates: [{ date: '2024-10-18', label: 'Member States apply their laws' }],
  obligations: [
    { what: 'Early warning to the national CSIRT', within: { amount: 24, unit: 'hours' }, from: 'becoming aware of a significant incident' },
    { what: 'Final report', who: 'Essential and important entities', within: { amount: 1, unit: 'months' }, from: 'the incident notification' },
  ],
  penalties: [
    { who: 'Essential entities', upTo: { amount: 10_000_000, currency: 'EUR' }, turnoverShare: 2, whicheverIs: 'higher' },
    { who: 'Important entities', upTo: { amount: 7_000_000, currency: 'EUR' }, turnoverShare: 1.4, whicheverIs: 'higher', note: 'set by each Member State within these limits' },
  ],
  documentation: ['Risk-management measures'],
  sources: [{ title: 'EUR-Lex', url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj', retrieved: '2026-11-20' }],
  lastVerified: '2026-11-20',
  reviewBy: '2027-11-20',
});

describe('regulation facts in words', () => {
  it('words a deadline with the event that starts its clock', () => {
    expect(NIS2.obligations.map(formatDeadline)).toEqual(['within 24 hours of becoming aware of a significant incident', 'within one month of the incident notification']);
    expect(formatDeadline({ what: '8-K', within: { amount: 4, unit: 'business-days' }, from: 'determining that the incident is material' })).toBe(
      'within 4 business days of determining that the incident is material',
    );
  });

  it('words a penalty as a maximum, with which of two limits applies', () => {
    expect(NIS2.penalties.map(formatPenalty)).toEqual([
      'up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher',
      'up to EUR 7 million or 1.4% of worldwide annual turnover, whichever is higher',
    ]);
    expect(formatPenalty({ turnoverShare: 4 })).toBe('up to 4% of worldwide annual turnover');
    expect(formatPenalty({ upTo: { amount: 1_500_000, currency: 'USD' } })).toBe('up to USD 1.5 million');
  });

  it('puts deadlines and penalties in the facts an FAQ answer carries', () => {
    const { text } = regulationFacts(composeRegulation('eu-nis2', NIS2));
    expect(text).toContain('Early warning to the national CSIRT: within 24 hours of becoming aware of a significant incident');
    expect(text).toContain('Final report, by essential and important entities: within one month of the incident notification');
    expect(text).toContain('Maximum penalty for essential entities: up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher');
    expect(text).toContain('(set by each Member State within these limits)');
  });

  it('says calendar days where a deadline counts plain days, as pages show them beside business days', () => {
    expect(formatDeadline({ what: 'Notice to individuals', within: { amount: 60, unit: 'days' }, from: 'discovering the breach' })).toBe('within 60 calendar days of discovering the breach');
    expect(formatDeadline({ what: 'Notice', within: { amount: 1, unit: 'days' }, from: 'the request' })).toBe('within one calendar day of the request');
  });

  it('never words the deadlines of a law awaiting its rules, or a proposal, as duties that apply today', () => {
    const awaiting = composeRegulation('us-circia', { ...NIS2, status: 'awaiting-rules' });
    expect(awaiting.statusLabel).toBe('Enacted, awaiting implementing rules');
    expect(awaiting.obligations[0]!.deadline).toBe('within 24 hours of becoming aware of a significant incident, once the implementing rules take effect');
    expect(regulationFacts(awaiting).text).toContain('Status: Enacted, awaiting implementing rules');
    expect(regulationFacts(awaiting).text).not.toMatch(/amendment pending/i);
    expect(composeRegulation('x', { ...NIS2, status: 'proposed' }).penalties[0]!.text).toBe('up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher, as proposed');
    expect(composeRegulation('x', NIS2).obligations[0]!.deadline).toBe('within 24 hours of becoming aware of a significant incident');
    expect(composeRegulation('x', { ...NIS2, status: 'pending-amendment' }).obligations[0]!.deadline).toBe('within 24 hours of becoming aware of a significant incident');
  });

  it('refuses a penalty without a maximum, and two limits without saying which applies', () => {
    const base = { ...NIS2, lastVerified: '2026-11-20' };
    const issues = (penalty: object) => regulationSchema.safeParse({ ...base, penalties: [penalty] }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ who: 'Everyone' })).toEqual(['penalties.0: give upTo, turnoverShare or both']);
    expect(issues({ upTo: { amount: 10, currency: 'EUR' }, turnoverShare: 2 })).toEqual(['penalties.0.whicheverIs: give whicheverIs exactly when both upTo and turnoverShare are set']);
  });
});
