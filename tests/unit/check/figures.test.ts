import { describe, expect, it } from 'vitest';
import { figuresIn, restates, unitOfFact, wordsValue } from '../../../src/lib/check/figures.ts';

const read = (sentence: string) => figuresIn(sentence).map((f) => `${f.text} = ${f.value}${f.unit ? ` ${f.unit}` : ''}`);

describe('figures in copy', () => {
  it('reads digits with currency, scale and unit', () => {
    expect(read('Companies with 250 employees and EUR 50 million turnover, or €43m on the balance sheet.')).toEqual([
      '250 = 250',
      'EUR 50 million = 50000000 money',
      '€43m = 43000000 money',
    ]);
    expect(read('Fines reach 2% of turnover; report within 72 hours and file within 4 business days.')).toEqual([
      '2% = 2 percent',
      '72 hours = 72 hours',
      '4 business days = 4 business-days',
    ]);
    expect(read('Above GBP 85,000, or 85k, or £85000 or 1.5 billion.')).toEqual(['GBP 85,000 = 85000 money', '85k = 85000', '£85000 = 85000 money', '1.5 billion = 1500000000']);
  });

  it('reads numbers written in words only when a unit or a scale follows', () => {
    expect(read('Notify within seventy-two hours, file within four business days and report within one month.')).toEqual([
      'seventy-two hours = 72 hours',
      'four business days = 4 business-days',
      'one month = 1 months',
    ]);
    expect(read('Fines of up to ten million euros.')).toEqual(['ten million euros = 10000000 money']);
    expect(read('One platform for two teams and three regions.')).toEqual([]);
  });

  it('does not read names as figures', () => {
    const names = [
      'NIS2 applies to essential entities.',
      'We hold ISO 27001 and ISO/IEC 27001:2022 certificates and a SOC 2 report.',
      'GDPR Article 33 and Art. 34 set the rules.',
      'Form 8-K Item 1.05 asks for a filing; so do 10-Q reports.',
      'SOX Section 404 and § 302 need controls.',
      'Directive (EU) 2022/2555 replaces the first one.',
      'NIST SP 800-61 describes incident handling.',
    ];
    for (const sentence of names) expect(read(sentence), sentence).toEqual([]);
  });

  it('adds up number words', () => {
    expect(wordsValue('one hundred and twenty')).toBe(120);
    expect(wordsValue('ten million')).toBe(10_000_000);
    expect(wordsValue('twenty-four')).toBe(24);
    expect(wordsValue('two three')).toBeUndefined();
  });

  it('matches a fact only with the same value and agreeing units', () => {
    const [hours] = figuresIn('within 72 hours');
    expect(restates(hours!, { value: 72, unit: 'hours' })).toBe(true);
    expect(restates(hours!, { value: 72, unit: 'days' })).toBe(false);
    expect(restates(hours!, { value: 72 })).toBe(true);
    const [two] = figuresIn('our 2 teams');
    expect(restates(two!, { value: 2, unit: 'percent' })).toBe(false);
    expect(restates(two!, { value: 2 })).toBe(false);
    expect(unitOfFact('EUR')).toBe('money');
    expect(unitOfFact('employees')).toBeUndefined();
    expect(unitOfFact('business days')).toBe('business-days');
    expect(unitOfFact('%')).toBe('percent');
  });
});
