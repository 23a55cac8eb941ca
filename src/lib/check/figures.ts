/**
 * Figures in a sentence, as a reader would take them: "250 employees", "EUR 10 million", "€40m",
 * "2%", "72 hours", "seventy-two hours", "four business days". Names that hold digits are not
 * figures: NIS2, ISO 27001, ISO/IEC 27001:2022, SOC 2, Article 33, Section 404, Item 1.05, Form 8-K,
 * Directive (EU) 2022/2555. The copy check compares what this finds with the figures of a
 * regulation's entry, so that copy never restates them by hand.
 *
 * What counts as a figure:
 * - digits standing alone (not glued to letters, not part of `2022/2555` or `27001:2022`), with an
 *   optional currency before (`EUR`, `USD`, `GBP`, `CHF`, `€`, `$`, `£`), an optional scale after
 *   (`thousand`, `million`, `billion`, `k`, `m`, `mn`, `bn`) and an optional unit after (`%`, `per
 *   cent`, `hours`, `days`, `business days`, `weeks`, `months`, `years`, or a currency);
 * - numbers written as words ("seventy-two", "four", "ten million") only with a unit or a scale after
 *   them, so that "one platform" or "two teams" are never read as figures;
 * - not a number right after a word that names a rule or a part of one (Article, Art., Section, §,
 *   Item, Rule, Part, Title, Chapter, Annex, Schedule, Form, ISO, IEC, SOC, NIST, PCI DSS, Level,
 *   Tier, Phase, Version, No.), nor one followed by `-` and a letter (8-K, 10-Q).
 */

import { isCurrencyCode } from '../schemas/common.ts';

export type FigureUnit = 'percent' | 'money' | 'hours' | 'days' | 'business-days' | 'weeks' | 'months' | 'years';

export interface Figure {
  value: number;
  /** The figure as written, unit included. */
  text: string;
  /** Where it starts and ends in the sentence. */
  index: number;
  end: number;
  unit?: FigureUnit;
  /** Written in words ("seventy-two hours"). */
  spelled: boolean;
}

const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12 };

const CURRENCY_BEFORE = String.raw`(?:(?:EUR|USD|GBP|CHF)\s?|[€$£]\s?)`;
const DIGITS = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const SCALE = String.raw`(?:\s?(thousand|million|billion|trillion|bn|mn|m|k|b)(?![\p{L}\p{N}]))`;
const UNIT = String.raw`(?:\s?(%|per\s?cent\b|percent\b)|\s(business\s+days?|working\s+days?|calendar\s+days?|hours?|days?|weeks?|months?|years?)\b|\s?(EUR|USD|GBP|CHF|euros?|dollars?|pounds?)\b)`;

/** Digits with what may come before and after them. */
const DIGIT_FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,/:\-])(${CURRENCY_BEFORE})?${DIGITS}(?![\p{N}]|[.,]\p{N}|[/:]\p{N}|-\p{L})${SCALE}?(?![\p{L}\p{N}])${UNIT}?`,
  'giu',
);

/** Words before a number that make it part of a name, not a figure. */
const DESIGNATOR = /(?:\b(?:article|arts?|section|sec|sections|item|items|rule|part|title|chapter|annex|schedule|form|iso(?:\/iec)?|iec|soc|nist(?:\s+sp)?|sp|pci(?:\s+dss)?|dss|level|tier|phase|version|v|no|number|nr|cfr|u\.?s\.?c)\.?|§+)\s*(?:\((?:eu|ec)\)\s*)?$/i;
/** A regulation's own number: "Directive (EU) 2022/2555", "Regulation 2019/1937". */
const ACT_NUMBER_BEFORE = /\b(?:directive|regulation|decision|act|law|no)\s*(?:\((?:eu|ec)\)\s*)?$/i;

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const NUMBER_WORD = [...Object.keys(ONES), ...Object.keys(TENS), 'hundred', 'thousand', 'million', 'billion'].join('|');
/** A run of number words: "seventy-two", "one hundred and twenty", "ten million". */
const WORD_FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(${CURRENCY_BEFORE})?((?:${NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:${NUMBER_WORD}))*)(?![\p{L}\p{N}-])${UNIT}?`,
  'giu',
);

function unitOf(match: RegExpExecArray, first: number, currencyBefore: boolean): FigureUnit | undefined {
  const percent = match[first];
  const time = match[first + 1]?.toLowerCase().replace(/\s+/g, ' ');
  const currency = match[first + 2];
  if (percent) return 'percent';
  if (time) {
    if (/^(?:business|working) days?$/.test(time)) return 'business-days';
    if (/^calendar days?$/.test(time)) return 'days';
    const base = time.replace(/s$/, '');
    return (base === 'hour' ? 'hours' : base === 'day' ? 'days' : base === 'week' ? 'weeks' : base === 'month' ? 'months' : 'years') as FigureUnit;
  }
  if (currency || currencyBefore) return 'money';
  return undefined;
}

/** The value of a run of number words, or undefined when it is not one number ("two three"). */
export function wordsValue(words: string): number | undefined {
  let total = 0;
  let current = 0;
  let last: 'one' | 'ten' | 'hundred' | 'scale' | undefined;
  for (const word of words.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== 'and')) {
    if (word in ONES) {
      if (last === 'one' || (last === 'ten' && ONES[word]! >= 10) || (last === 'ten' && ONES[word] === 0)) return undefined;
      current += ONES[word]!;
      last = 'one';
    } else if (word in TENS) {
      if (last === 'one' || last === 'ten') return undefined;
      current += TENS[word]!;
      last = 'ten';
    } else if (word === 'hundred') {
      if (current === 0 || current >= 100) return undefined;
      current *= 100;
      last = 'hundred';
    } else {
      const scale = SCALES[word]!;
      total += (current || (total ? 0 : 1)) * scale;
      current = 0;
      last = 'scale';
    }
  }
  return total + current;
}

export function figuresIn(sentence: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of sentence.matchAll(DIGIT_FIGURE)) {
    const before = sentence.slice(Math.max(0, match.index - 24), match.index);
    if (DESIGNATOR.test(before) || ACT_NUMBER_BEFORE.test(before)) continue;
    const scale = match[3] ? SCALES[match[3].toLowerCase()]! : 1;
    figures.push({
      value: Number(match[2]!.replace(/,/g, '')) * scale,
      text: match[0].trim(),
      index: match.index,
      end: match.index + match[0].length,
      unit: unitOf(match, 4, Boolean(match[1])),
      spelled: false,
    });
  }
  const digits = figures.length;
  for (const match of sentence.matchAll(WORD_FIGURE)) {
    // "50 million" was read with its digits; a scale word alone ("millions of") is not a number.
    if (figures.slice(0, digits).some((f) => match.index < f.end && f.index < match.index + match[0].length)) continue;
    if (/^(?:hundred|thousand|million|billion)\b/i.test(match[2]!)) continue;
    const value = wordsValue(match[2]!);
    if (value === undefined) continue;
    const unit = unitOf(match, 3, Boolean(match[1]));
    const scaled = /\b(?:thousand|million|billion)\b/i.test(match[2]!);
    // A number in words is a figure only with a unit or a scale: "one platform" is not.
    if (!unit && !scaled) continue;
    figures.push({ value, text: match[0].trim(), index: match.index, end: match.index + match[0].length, unit, spelled: true });
  }
  return figures.sort((a, b) => a.index - b.index);
}

/** The unit a regulation entry gives a figure, read from its `unit` text ("EUR", "employees", "hours", "%"). */
export function unitOfFact(unit: string): FigureUnit | undefined {
  const u = unit.trim().toLowerCase();
  if (isCurrencyCode(unit.trim())) return 'money';
  if (u === '%' || /^per\s?cent$/.test(u) || u === 'percent') return 'percent';
  const match = /^(business|working|calendar)?\s*(hour|day|week|month|year)s?$/.exec(u);
  if (match) {
    if (match[1] === 'business' || match[1] === 'working') return 'business-days';
    return `${match[2]}s` as FigureUnit;
  }
  return undefined;
}

/**
 * Whether a figure in copy restates a fact's figure: the same value, and units that agree where
 * both have one. Figures under 10 with no unit ("3 steps", "2 teams") never count.
 */
export function restates(figure: Figure, fact: { value: number; unit?: FigureUnit }): boolean {
  if (!(fact.value > 0) || Math.abs(figure.value - fact.value) / fact.value >= 1e-9) return false;
  if (figure.unit && fact.unit && figure.unit !== fact.unit) return false;
  if (!figure.unit && figure.value < 10) return false;
  return true;
}
