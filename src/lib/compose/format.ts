import { fill, type UiStrings } from '../i18n/ui.ts';
import { en } from '../i18n/ui-en.ts';
import { isCurrencyCode } from '../schemas/common.ts';
import type { Threshold } from '../schemas/index.ts';

/**
 * Dates, numbers and lists in one locale's conventions, through `Intl` with pinned options: a build
 * reads nothing from the machine's locale or time zone, so the same content gives the same bytes
 * (Node ships full ICU). The words around the numbers come from the locale's `UiStrings`.
 */
export interface LocaleFormat {
  /** The `Intl` locale used: the page's, with bare `en` as `en-GB` (day month year, "1.5 billion"). */
  intlLocale: string;
  /** `2024-07-25` → `25 July 2024`, `25. Juli 2024`. */
  date(iso: string): string;
  /** Grouped, every decimal kept: `75,000`, `75.000`, `1,234.5`. */
  number(value: number): string;
  /** 1500000000 → `1.5 billion`, `1,5 Milliarden`; below a million as `number`. */
  amount(value: number): string;
  /** `EUR 10 million`, `5,000 employees`: a three-letter upper-case unit is a currency code. */
  quantity(value: number, unit: string): string;
  /** `2%`, `2 %`. */
  percent(value: number): string;
  /** `more than 5,000 employees`, `from USD 75 million to less than USD 700 million`. */
  threshold(t: Threshold): string;
  /** `a, b and c`, `a, b und c`. */
  list(items: readonly string[]): string;
  /** `a or b`, `a oder b`. */
  either(items: readonly string[]): string;
}

/** The `Intl` locale for a page locale: bare `en` is British English (today's output); an unknown tag falls back to its language, then to `en-GB`. */
export function intlLocaleOf(locale: string): string {
  if (locale.toLowerCase() === 'en') return 'en-GB';
  for (const candidate of [locale, locale.split('-')[0]!]) {
    if (Intl.NumberFormat.supportedLocalesOf(candidate).length && Intl.DateTimeFormat.supportedLocalesOf(candidate).length) return candidate;
  }
  return 'en-GB';
}

const formats = new WeakMap<UiStrings, Map<string, LocaleFormat>>();

/** The formatter of a locale with its interface text; made once per pair. */
export function localeFormat(locale: string, ui: UiStrings): LocaleFormat {
  const byLocale = formats.get(ui) ?? new Map<string, LocaleFormat>();
  formats.set(ui, byLocale);
  const known = byLocale.get(locale);
  if (known) return known;
  const intlLocale = intlLocaleOf(locale);
  const dates = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' });
  const numbers = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 20, numberingSystem: 'latn' });
  const compact = new Intl.NumberFormat(intlLocale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2, numberingSystem: 'latn' });
  const percents = new Intl.NumberFormat(intlLocale, { style: 'unit', unit: 'percent', maximumFractionDigits: 2, numberingSystem: 'latn' });
  const and = new Intl.ListFormat(intlLocale, { type: 'conjunction', style: 'long' });
  const or = new Intl.ListFormat(intlLocale, { type: 'disjunction', style: 'long' });
  const amount = (value: number) => (value >= 1e6 ? compact.format(value) : numbers.format(value));
  const quantity = (value: number, unit: string) => (isCurrencyCode(unit) ? fill(ui.number.currency, { currency: unit, amount: amount(value) }) : fill(ui.number.unit, { amount: amount(value), unit }));
  const format: LocaleFormat = {
    intlLocale,
    date(iso) {
      const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
      return dates.format(new Date(Date.UTC(year, month - 1, day)));
    },
    number: (value) => numbers.format(value),
    amount,
    quantity,
    percent: (value) => percents.format(value),
    threshold(t) {
      const lower = `${ui.thresholdComparison[t.comparison]} ${quantity(t.value, t.unit)}`;
      return t.comparison === 'between' && t.upTo !== undefined ? fill(ui.regulations.thresholdRange, { lower, upper: quantity(t.upTo, t.unit) }) : lower;
    },
    list: (items) => and.format(items),
    either: (items) => or.format(items),
  };
  byLocale.set(locale, format);
  return format;
}


/** English as the site speaks it by default, for the internal playbook, the workbench and messages, which are English only. */
const english = localeFormat('en', en);

/** `2024-07-25` → `25 July 2024`. */
export const formatDate = english.date;
/** `75000` → `75,000`. */
export const formatInteger = english.number;
/** 1500000000 → `1.5 billion`, 450000000 → `450 million`, 36000000 → `36 million`, 75000 → `75,000`. */
export const formatAmount = english.amount;
export const formatQuantity = english.quantity;
/** `more than 5,000 employees`, `at least GBP 36 million`, `from USD 75 million to less than USD 700 million`. */
export const formatThresholdValue = english.threshold;
export const formatPercent = english.percent;

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
