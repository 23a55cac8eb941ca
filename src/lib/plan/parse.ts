/**
 * The numbers a test plan is given on the command line, read strictly: a rate as `5%` or `0.05`, a
 * lift as `20%` (relative to the baseline) or `1pp` (percentage points added to it). Anything else
 * gets a sentence saying what was expected, never a silent guess.
 */
import type { Lift } from './sample-size.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const PERCENT = new RegExp(`^${NUMBER}\\s*%$`);
const POINTS = new RegExp(`^${NUMBER}\\s*pp$`, 'i');
const FRACTION = new RegExp(`^${NUMBER}$`);

/**
 * A rate strictly between 0 and 1: `5%`, `0.5%` or the fraction `0.05`. A bare number of 1 or more
 * (`5`) is refused rather than read as 5 % or 500 %.
 */
export function parseRate(text: string, option: string): Parsed<number> {
  const t = text.trim();
  const percent = PERCENT.exec(t);
  const value = percent ? Number(percent[1]) / 100 : FRACTION.test(t) ? Number(t) : NaN;
  if (Number.isNaN(value)) return { ok: false, problem: `${option} "${text}" is not a rate: write it as a percentage like 5% or a fraction like 0.05` };
  if (!percent && value >= 1) return { ok: false, problem: `${option} "${text}" is ambiguous: write ${t}% for a percentage, or a fraction below 1 like 0.05` };
  if (!(value > 0 && value < 1)) return { ok: false, problem: `${option} must be above 0% and below 100%, got "${text}"` };
  return { ok: true, value };
}

/** `20%`: relative to the baseline (a rate 1.2 times it); `1pp`: one percentage point added to it. */
export function parseLift(text: string): Parsed<Lift> {
  const t = text.trim();
  const percent = PERCENT.exec(t);
  if (percent) {
    const value = Number(percent[1]) / 100;
    return value > 0 ? { ok: true, value: { kind: 'relative', value } } : { ok: false, problem: `--lift must be above 0, got "${text}": the smallest improvement worth detecting` };
  }
  const points = POINTS.exec(t);
  if (points) {
    const value = Number(points[1]) / 100;
    if (!(value > 0)) return { ok: false, problem: `--lift must be above 0, got "${text}": the smallest improvement worth detecting` };
    if (value >= 1) return { ok: false, problem: `--lift "${text}" is 100 percentage points or more: no rate can rise that far` };
    return { ok: true, value: { kind: 'absolute', value } };
  }
  return { ok: false, problem: `--lift "${text}" is not a lift: write 20% for a relative lift (the variant converts 1.2 times as often) or 1pp for an absolute one (one percentage point more)` };
}

/** A whole number of at least `min`. */
export function parseWholeNumber(text: string, option: string, min: number): Parsed<number> {
  const t = text.trim().replace(/[,_](?=\d{3}(\D|$))/g, '');
  const value = Number(t);
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(value) || value < min) return { ok: false, problem: `${option} must be a whole number of at least ${min}, got "${text}"` };
  return { ok: true, value };
}

/** A number of visits a week, whole or not (an average): 0 or more. */
export function parseWeeklyVisits(text: string): Parsed<number> {
  const t = text.trim().replace(/[,_](?=\d{3}(\D|$))/g, '');
  if (!FRACTION.test(t)) return { ok: false, problem: `--weekly-visits must be a number of visits a week like 1200, got "${text}"` };
  return { ok: true, value: Number(t) };
}
