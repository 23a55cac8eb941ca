import { describe, expect, it } from 'vitest';
import { erf, erfc, newcombeInterval, normalCdf, twoProportionZTest, wilsonInterval, Z_95 } from '../../../src/lib/report/stats.ts';

/** Relative difference, for values in the far tails where absolute closeness says nothing. */
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('the normal distribution', () => {
  it('matches tabulated values of Φ', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951482205, 12);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 12);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 12);
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 12);
  });

  it('keeps its relative accuracy in the tails, where p-values live', () => {
    expect(relative(normalCdf(-5), 2.866515718791939e-7)).toBeLessThan(1e-9);
    expect(relative(normalCdf(-10), 7.619853024160527e-24)).toBeLessThan(1e-9);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('computes erf and erfc on both sides of the switch between methods', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(2.5)).toBeCloseTo(0.999593047982555, 14);
    expect(erf(2.5000001)).toBeCloseTo(0.9995930482003834, 14);
    expect(erf(-1)).toBe(-erf(1));
    expect(relative(erfc(3), 2.209049699858544e-5)).toBeLessThan(1e-10);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });
});

describe('the Wilson score interval', () => {
  const fixed = (i: { low: number; high: number }) => [i.low.toFixed(4), i.high.toFixed(4)];

  it('gives 5.52–17.44 % for 10 leads in 100 visits', () => {
    expect(fixed(wilsonInterval(10, 100))).toEqual(['0.0552', '0.1744']);
  });

  it('still gives an upper bound with no leads: 0–27.75 % for 0 in 10', () => {
    // With x = 0 the upper bound is z² / (n + z²) = 3.8415 / 13.8415.
    expect(fixed(wilsonInterval(0, 10))).toEqual(['0.0000', '0.2775']);
    expect(wilsonInterval(0, 10).low).toBe(0);
  });

  it('is the mirror image when every visit converts: 72.25–100 % for 10 in 10', () => {
    expect(fixed(wilsonInterval(10, 10))).toEqual(['0.7225', '1.0000']);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });

  it('knows nothing without visits', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('narrows as visits grow, around the same rate', () => {
    const small = wilsonInterval(5, 100);
    const large = wilsonInterval(500, 10_000);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });
});

describe('the pooled two-proportion z-test', () => {
  it('matches a worked example: 30 of 200 against 20 of 400', () => {
    // Pooled rate 50/600 = 0.083333; SE = √(0.083333 × 0.916667 × (1/200 + 1/400)) = √0.00057292 = 0.023936;
    // z = (0.15 − 0.05) / 0.023936 = 4.1779; p = 2 × (1 − Φ(4.1779)) = 2.94e-5.
    const test = twoProportionZTest(30, 200, 20, 400)!;
    expect(test.z).toBeCloseTo(4.177864, 5);
    expect(test.p).toBeCloseTo(2.9426e-5, 8);
  });

  it('matches a worked example near the threshold: 12 of 100 against 60 of 1000', () => {
    // Pooled 72/1100 = 0.065455; SE = √(0.065455 × 0.934545 × 0.011) = 0.025940; z = 0.06 / 0.025940 = 2.3130; p = 0.0207.
    const test = twoProportionZTest(12, 100, 60, 1000)!;
    expect(test.z).toBeCloseTo(2.313049, 5);
    expect(test.p).toBeCloseTo(0.02072, 5);
  });

  it('is symmetric and finds no difference between equal rates', () => {
    const a = twoProportionZTest(5, 100, 50, 1000)!;
    expect(a.z).toBe(0);
    expect(a.p).toBe(1);
    expect(twoProportionZTest(20, 400, 30, 200)!.z).toBeCloseTo(-4.177864, 5);
  });

  it('has nothing to test without visits on a side or without any variation', () => {
    expect(twoProportionZTest(1, 10, 0, 0)).toBeUndefined();
    expect(twoProportionZTest(0, 10, 0, 20)).toBeUndefined();
    expect(twoProportionZTest(10, 10, 20, 20)).toBeUndefined();
  });
});

describe('the Newcombe interval of a difference of rates', () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score, no
  // continuity correction), to the four decimals published.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i is %f to %f', (x1, n1, x2, n2, low, high) => {
    const interval = newcombeInterval(x1, n1, x2, n2)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('turns round with the two samples, and is undefined without trials', () => {
    const ab = newcombeInterval(20, 100, 12, 120)!;
    const ba = newcombeInterval(12, 120, 20, 100)!;
    expect(ba.low).toBeCloseTo(-ab.high, 14);
    expect(ba.high).toBeCloseTo(-ab.low, 14);
    expect(newcombeInterval(1, 0, 1, 10)).toBeUndefined();
  });
});
