import type { Threshold } from '../schemas/index.ts';
import { THRESHOLD_COMPARISON_LABELS } from './labels.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-07-25` → `25 July 2024`. Written out by hand so output never depends on the build machine's locale data. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Thousands separators without Intl, for byte-identical builds everywhere. */
export function formatInteger(value: number): string {
  const [whole, fraction] = String(value).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** 1500000000 → `1.5 billion`, 450000000 → `450 million`, 36000000 → `36 million`, 75000 → `75,000`. */
export function formatAmount(value: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [size, word] of scales) {
    if (value >= size) return `${trimNumber(value / size)} ${word}`;
  }
  return formatInteger(value);
}

function trimNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

export function formatQuantity(value: number, unit: string): string {
  return isCurrency(unit) ? `${unit} ${formatAmount(value)}` : `${formatAmount(value)} ${unit}`;
}

/** `more than 5,000 employees`, `at least GBP 36 million`, `from USD 75 million to less than USD 700 million`. */
export function formatThresholdValue(t: Threshold): string {
  const first = `${THRESHOLD_COMPARISON_LABELS[t.comparison]} ${formatQuantity(t.value, t.unit)}`;
  return t.comparison === 'between' && t.upTo !== undefined ? `${first} to less than ${formatQuantity(t.upTo, t.unit)}` : first;
}

export function formatPercent(value: number): string {
  return `${trimNumber(value)}%`;
}

/** Where a sentence ends: see `truncate`. */
const SENTENCE_END = /[.!?][”’"')\]]*(?= [\p{Lu}\p{N}“‘"'(])/gu;

/**
 * Splits text after its first sentence, by the same sentence rule as `truncate`, whitespace collapsed:
 * `{ first: 'One.', rest: 'Two. Three.' }`. Text without a sentence end is all `first`.
 */
export function splitFirstSentence(text: string): { first: string; rest: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const end = clean.matchAll(SENTENCE_END).next().value;
  if (!end) return { first: clean, rest: '' };
  const at = end.index + end[0].length;
  return { first: clean.slice(0, at), rest: clean.slice(at).trim() };
}

/**
 * Shortens text to at most `max` characters for meta descriptions. Whole sentences when the last
 * sentence that ends within `max` ends past half of it; otherwise the words that fit, then `…`.
 * A sentence ends at `.`, `!` or `?` (closing quotes and brackets included) followed by a space and
 * a capital letter, a digit or an opening quote, so `e.g. the` and `1.5 billion` do not end one.
 * The word cut drops joining words left at its end (`and`, `of the`). Only a single word longer than
 * `max` is cut inside the word: there is no boundary to cut at.
 */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let sentenceEnd = 0;
  for (const m of clean.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > max) break;
    sentenceEnd = end;
  }
  if (sentenceEnd > max / 2) return clean.slice(0, sentenceEnd);
  const space = clean.lastIndexOf(' ', max - 1);
  const words = space > 0 ? clean.slice(0, space) : clean.slice(0, max - 1);
  // Nor end on a word that promises more ("…and…", "…of the…"): drop trailing joining words first.
  const trimmed = words.replace(/(?:[\s,;:.(“‘–—-]+(?:and|or|but|nor|so|the|a|an|to|of|for|with|in|on|at|by|as|your|our|their|its))+$/iu, '');
  return `${(trimmed || words).replace(/[\s,;:.(“‘–—-]+$/u, '')}…`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Joins `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
