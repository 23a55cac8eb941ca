import { describe, expect, it } from 'vitest';
import { arcsineVisitorsPerArm, comparisonAlpha, DEFAULT_DESIGN, detectableRate, exactVisitorsPerArm, liftedRate, planProblem, planTest, visitorsPerArm } from '../../../src/lib/plan/sample-size.ts';

describe('visitors per arm (Fleiss, no continuity correction)', () => {
  it('is 8,158 for 5% against 6% at α = 0.05 and 80% power', () => {
    // By hand: z = 1.959964 and 0.841621; p̄ = 0.055, 2p̄q̄ = 0.10395, √ = 0.322413;
    // p₁q₁ + p₂q₂ = 0.0475 + 0.0564 = 0.1039, √ = 0.322335;
    // (1.959964 × 0.322413 + 0.841621 × 0.322335)² / 0.01² = (0.631918 + 0.271284)² / 0.0001 = 8,157.73 → 8,158.
    expect(exactVisitorsPerArm(0.05, 0.06, 0.05, 0.8)).toBeCloseTo(8157.73, 2);
    expect(visitorsPerArm(0.05, 0.06)).toBe(8158);
  });

  it('is a little above the arcsine form of G*Power and statsmodels, as it should be', () => {
    // Cohen's h = 2·asin√0.06 − 2·asin√0.05 = 0.494934 − 0.451027 = 0.043907 (by hand);
    // n = 2 × (2.801585 / 0.043907)² = 8,142.6: statsmodels NormalIndPower().solve_power(h, alpha=0.05, power=0.8).
    const h = 2 * Math.asin(Math.sqrt(0.06)) - 2 * Math.asin(Math.sqrt(0.05));
    expect(h).toBeCloseTo(0.043907, 6);
    expect(arcsineVisitorsPerArm(0.05, 0.06, 0.05, 0.8)).toBeCloseTo(8142.6, 1);
    expect(Math.ceil(arcsineVisitorsPerArm(0.05, 0.06, 0.05, 0.8))).toBe(8143);
  });

  it('matches the textbook table for 10% against 15% (Fleiss: 686 without correction)', () => {
    // (1.959964·√(2·0.125·0.875) + 0.841621·√(0.09 + 0.1275))² / 0.05² = 685.6 → 686.
    expect(visitorsPerArm(0.1, 0.15)).toBe(686);
  });

  it('grows with power and a stricter α, and is the same either way round', () => {
    expect(visitorsPerArm(0.05, 0.06, { ...DEFAULT_DESIGN, power: 0.9 })).toBeGreaterThan(8158);
    expect(visitorsPerArm(0.05, 0.06, { ...DEFAULT_DESIGN, alpha: 0.01 })).toBeGreaterThan(8158);
    expect(visitorsPerArm(0.06, 0.05)).toBe(8158);
    expect(visitorsPerArm(0.05, 0.05)).toBe(Infinity);
  });

  it('splits α between the variants with more than two arms (Bonferroni)', () => {
    expect(comparisonAlpha({ ...DEFAULT_DESIGN, arms: 3 })).toBe(0.025);
    expect(visitorsPerArm(0.05, 0.06, { ...DEFAULT_DESIGN, arms: 3 })).toBe(Math.ceil(exactVisitorsPerArm(0.05, 0.06, 0.025, 0.8)));
  });
});

describe('the lift a number of visitors can detect', () => {
  it('is the formula solved for the variant’s rate', () => {
    expect(detectableRate(0.05, 8158)).toBeCloseTo(0.06, 4);
    const rate = detectableRate(0.05, 2000)!;
    expect(exactVisitorsPerArm(0.05, rate, 0.05, 0.8)).toBeCloseTo(2000, 3);
  });

  it('is none without visitors, or when not even 100% would be detected', () => {
    expect(detectableRate(0.05, 0)).toBeUndefined();
    expect(detectableRate(0.05, 1)).toBeUndefined();
  });
});

describe('a test plan', () => {
  it('gives visitors, total and weeks, and whether 26 weeks are enough', () => {
    const plan = planTest({ baseline: 0.05, lift: { kind: 'relative', value: 0.2 }, weeklyVisits: 1000 });
    expect(plan).toMatchObject({ target: 0.06, perArm: 8158, total: 16316, weeks: 16.316, feasible: true });
    expect(plan.detectable.map((d) => [d.weeks, d.perArm])).toEqual([
      [4, 2000],
      [8, 4000],
    ]);
    expect(plan.detectable[0]!.rate).toBeCloseTo(0.07113, 4);
  });

  it('says the traffic cannot support a test of more than 26 weeks, or with no visits', () => {
    expect(planTest({ baseline: 0.05, lift: { kind: 'relative', value: 0.2 }, weeklyVisits: 600 })).toMatchObject({ weeks: 16316 / 600, feasible: false });
    expect(planTest({ baseline: 0.05, lift: { kind: 'absolute', value: 0.01 }, weeklyVisits: 0 })).toMatchObject({ perArm: 8158, weeks: Infinity, feasible: false });
  });

  it('takes a relative or an absolute lift, and refuses rates it cannot plan', () => {
    expect(liftedRate(0.05, { kind: 'relative', value: 0.2 })).toBeCloseTo(0.06, 15);
    expect(liftedRate(0.05, { kind: 'absolute', value: 0.01 })).toBeCloseTo(0.06, 15);
    expect(planProblem(0, { kind: 'relative', value: 0.2 })).toBe('the baseline rate must be above 0% and below 100%, got 0%');
    expect(planProblem(0.9, { kind: 'absolute', value: 0.2 })).toBe('a baseline of 90% with that lift is 110%: a rate cannot reach 100%');
    expect(() => planTest({ baseline: 0.5, lift: { kind: 'relative', value: 1 } })).toThrow(RangeError);
  });
});
