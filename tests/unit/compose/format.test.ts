import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatInteger, formatPercent, formatQuantity, formatThresholdValue, intlLocaleOf, localeFormat, truncate } from '../../../src/lib/compose/format.ts';
import { deadlineText, penaltyText } from '../../../src/lib/compose/regulation.ts';
import { de } from '../../../src/lib/i18n/ui-de.ts';
import { en } from '../../../src/lib/i18n/ui-en.ts';
import { uiStringsFor } from '../../../src/lib/i18n/ui.ts';

const MAX = 160;
const sentence = (words: number, start = 'Word') => `${start} ${Array.from({ length: words - 1 }, (_, i) => `w${i}`).join(' ')}.`;

/** The cut ends where a word ends: the next character of the source is a space or the end. */
function endsOnWordBoundary(cut: string, source: string): boolean {
  const kept = cut.replace(/…$/, '');
  return source.startsWith(kept) && (source.length === kept.length || /[\s,;:.]/.test(source[kept.length]!));
}

describe('meta description cut (truncate)', () => {
  it('keeps text that fits, with whitespace collapsed', () => {
    expect(truncate('  Short   text.\n', MAX)).toBe('Short text.');
    const exact = 'x'.repeat(MAX);
    expect(truncate(exact, MAX)).toBe(exact);
  });

  it('ends at the last sentence that fits when it ends past half the limit', () => {
    const first = sentence(20, 'First');
    const second = sentence(12, 'Second');
    const text = `${first} ${second} Third sentence that goes far beyond the limit of a meta description and keeps going.`;
    const cut = truncate(text, MAX);
    expect(cut).toBe(`${first} ${second}`);
    expect(cut.length).toBeLessThanOrEqual(MAX);
    expect(cut).not.toContain('…');
  });

  it('cuts at a word with an ellipsis when the only sentence that fits is short', () => {
    const text = `Yes. ${'Long words keep coming without any full stop '.repeat(6)}`;
    const cut = truncate(text, MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(MAX);
    expect(endsOnWordBoundary(cut, text.replace(/\s+/g, ' '))).toBe(true);
  });

  it('never cuts mid-word, whatever the word lengths', () => {
    for (let wordLength = 1; wordLength <= 14; wordLength++) {
      const text = Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(wordLength)).join(' ');
      const cut = truncate(text, MAX);
      expect(cut.length, `words of ${wordLength}`).toBeLessThanOrEqual(MAX);
      expect(endsOnWordBoundary(cut, text), `words of ${wordLength}: ${cut}`).toBe(true);
    }
  });

  it('does not end a sentence at an abbreviation or a decimal point', () => {
    const text = `Covers companies with more than EUR 1.5 billion turnover, e.g. the largest groups in the EU, and their suppliers in every tier of the chain, wherever they sit in the world today.`;
    const cut = truncate(text, MAX);
    expect(cut).not.toMatch(/1\.$|e\.g\.$/);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    const text = `${'a'.repeat(150)} bbbbbbb, ccccccccccccccccc`;
    expect(truncate(text, MAX)).toBe(`${'a'.repeat(150)} bbbbbbb…`);
  });

  it('counts a sentence that closes with a quote or bracket', () => {
    const text = `${'Quoted words here '.repeat(5)}“and the end.” ${'More words after the quote '.repeat(5)}`;
    expect(truncate(text, MAX)).toMatch(/“and the end\.”$/);
  });

  it('cuts a single word longer than the limit, the one case with no boundary to cut at', () => {
    expect(truncate('y'.repeat(200), MAX)).toBe(`${'y'.repeat(MAX - 1)}…`);
  });

  it('does not end the word cut on a joining word', () => {
    const text = `${'Evidence '.repeat(15)}for auditors and regulators, and for the board of the company as a whole, every year.`;
    expect(truncate(text, MAX)).toBe(`${'Evidence '.repeat(15)}for auditors…`);
    expect(truncate(`${'Evidence '.repeat(15)}for auditors and the board`, MAX)).toBe(`${'Evidence '.repeat(15)}for auditors…`);
  });
});

describe('dates and numbers in a locale (localeFormat)', () => {
  const english = localeFormat('en', en);
  const german = localeFormat('de', de);

  it('writes bare English as British English, as the site always has', () => {
    expect(english.intlLocale).toBe('en-GB');
    expect(english.date('2024-07-25')).toBe('25 July 2024');
    expect(english.date('2026-01-01')).toBe('1 January 2026');
    expect([1_500_000_000, 450_000_000, 36_000_000, 1_250_000, 75_000, 1234.5].map(english.amount)).toEqual(['1.5 billion', '450 million', '36 million', '1.25 million', '75,000', '1,234.5']);
    expect(english.quantity(10_000_000, 'EUR')).toBe('EUR 10 million');
    expect(english.quantity(5000, 'employees')).toBe('5,000 employees');
    expect(english.percent(3)).toBe('3%');
    expect(english.percent(0.5)).toBe('0.5%');
    expect(english.threshold({ label: 'Public float', comparison: 'between', value: 75_000_000, upTo: 700_000_000, unit: 'USD' })).toBe('from USD 75 million to less than USD 700 million');
    expect(english.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(english.either(['a', 'b'])).toBe('a or b');
  });

  it('keeps the English helpers the playbook and workbench use', () => {
    expect(formatDate('2024-07-25')).toBe('25 July 2024');
    expect(formatInteger(75_000)).toBe('75,000');
    expect(formatAmount(1_500_000_000)).toBe('1.5 billion');
    expect(formatQuantity(36_000_000, 'GBP')).toBe('GBP 36 million');
    expect(formatPercent(2)).toBe('2%');
    expect(formatThresholdValue({ label: 'x', comparison: 'more-than', value: 5000, unit: 'employees' })).toBe('more than 5,000 employees');
  });

  it('writes German dates, numbers and units as German typography has them', () => {
    expect(german.intlLocale).toBe('de');
    expect(german.date('2024-07-25')).toBe('25. Juli 2024');
    expect([1_500_000_000, 450_000_000, 1_000_000, 75_000].map(german.amount)).toEqual(['1,5 Milliarden', '450 Millionen', '1 Million', '75.000']);
    expect(german.quantity(10_000_000, 'EUR')).toBe('10 Millionen EUR');
    expect(german.quantity(5000, 'employees')).toBe('5.000 employees');
    expect(german.percent(3)).toBe('3\u00a0%');
    expect(german.threshold({ label: 'Börsenwert', comparison: 'between', value: 75_000_000, upTo: 700_000_000, unit: 'USD' })).toBe('ab 75 Millionen USD bis unter 700 Millionen USD');
    expect(german.threshold({ label: 'Beschäftigte', comparison: 'more-than', value: 5000, unit: 'Beschäftigte' })).toBe('mehr als 5.000 Beschäftigte');
    expect(german.list(['a', 'b', 'c'])).toBe('a, b und c');
  });

  it('words deadlines and penalties in German', () => {
    const ui = uiStringsFor('de');
    expect(deadlineText({ what: 'Meldung', within: { amount: 72, unit: 'hours' }, from: 'Kenntnis des Vorfalls' }, ui, german)).toBe('innerhalb von 72 Stunden nach Kenntnis des Vorfalls');
    expect(deadlineText({ what: 'Meldung', within: { amount: 1, unit: 'months' }, from: 'der Frühwarnung' }, ui, german)).toBe('innerhalb von einem Monat nach der Frühwarnung');
    expect(deadlineText({ what: 'Meldung', within: { amount: 30, unit: 'days' }, from: 'dem Antrag' }, ui, german)).toBe('innerhalb von 30 Kalendertagen nach dem Antrag');
    expect(penaltyText({ upTo: { amount: 10_000_000, currency: 'EUR' }, turnoverShare: 2, whicheverIs: 'higher' }, ui, german)).toBe(
      'bis zu 10 Millionen EUR oder 2\u00a0% des weltweiten Jahresumsatzes, je nachdem, welcher Betrag höher ist',
    );
  });

  it('gives US style to en-US and falls back to British English for a locale Intl does not know', () => {
    expect(localeFormat('en-US', en).date('2024-07-25')).toBe('July 25, 2024');
    expect(intlLocaleOf('de-AT')).toBe('de-AT');
    expect(intlLocaleOf('qq')).toBe('en-GB');
  });
});
