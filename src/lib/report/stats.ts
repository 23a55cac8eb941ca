/**
 * The statistics behind the conversion report: a confidence interval for one conversion rate and a
 * test of one group against all other visits. Pure functions, no dependencies.
 */

/** The 97.5th percentile of the standard normal distribution: two-sided 95 %. */
export const Z_95 = 1.959963984540054;

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/**
 * Where the power series hands over to the continued fraction. Below it the series needs few terms
 * and, every term being positive, loses no precision; above it the continued fraction converges fast.
 */
const SERIES_LIMIT = 2.5;

/**
 * erf(x) for 0 <= x <= SERIES_LIMIT from the series 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)),
 * accurate to a few units in the last place.
 */
function erfSeries(x: number): number {
  const x2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/**
 * erfc(x) for x > SERIES_LIMIT from the continued fraction
 * e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the tail; keeps its
 * relative accuracy far into the tail, where 1 − erf(x) would be all rounding error.
 */
function erfcFraction(x: number): number {
  let tail = x;
  for (let k = 60; k >= 1; k--) tail = x + k / 2 / tail;
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / tail;
}

/** The error function, accurate to about 1e-15 (far better than the 1e-7 a report needs). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  const value = a <= SERIES_LIMIT ? erfSeries(a) : 1 - erfcFraction(a);
  return x < 0 ? -value : value;
}

/** The complementary error function 1 − erf(x), with good relative accuracy in the tails. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  return x <= SERIES_LIMIT ? 1 - erfSeries(x) : erfcFraction(x);
}

/** Φ(x): the standard normal cumulative distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for `successes` out of `trials`: unlike the textbook p ± z·√(p(1−p)/n), it
 * stays inside [0, 1] and is honest at 0 and at n successes, which small segments hit often.
 * With no trials nothing is known: the interval is all of [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= trials ? 1 : Math.min(1, centre + half),
  };
}

/** A conversion rate with its counts. */
export interface Rate {
  visits: number;
  leads: number;
  /** leads / visits; 0 when there are no visits. */
  rate: number;
  /** Wilson 95 % interval of the rate. */
  interval: Interval;
}

export function rateOf(leads: number, visits: number): Rate {
  return { visits, leads, rate: visits > 0 ? leads / visits : 0, interval: wilsonInterval(leads, visits) };
}

export interface ZTest {
  /** Positive when the group converts better than the other sample. */
  z: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Pooled two-proportion z-test of x1/n1 against x2/n2. Undefined when either side has no trials or
 * the pooled rate is 0 or 1 (no variation: nothing to test).
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | undefined {
  if (n1 <= 0 || n2 <= 0) return undefined;
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return undefined;
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return { z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/**
 * The 95 % interval of the difference of two rates x1/n1 − x2/n2: Newcombe's hybrid score interval
 * (R. G. Newcombe, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890, method 10), built from the
 * Wilson interval (l, u) of each rate:
 *   low  = d − √((p1 − l1)² + (u2 − p2)²),  high = d + √((u1 − p1)² + (p2 − l2)²).
 * Unlike the Wald interval it stays inside [−1, 1] and keeps its coverage for small counts and rates
 * near 0. Undefined when either side has no trials.
 */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z = Z_95): Interval | undefined {
  if (n1 <= 0 || n2 <= 0) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}
