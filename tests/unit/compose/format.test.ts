import { describe, expect, it } from 'vitest';
import { truncate } from '../../../src/lib/compose/format.ts';

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
