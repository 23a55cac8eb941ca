/**
 * How many visitors an A/B test of a conversion rate needs, and what a given number of visitors can
 * detect. The sample size is the standard one for comparing two proportions, in the form of Fleiss
 * (J. L. Fleiss, B. Levin, M. C. Paik, "Statistical Methods for Rates and Proportions", 3rd ed., 2003,
 * eq. 4.14, without the continuity correction), for a two-sided test at level α with power 1 − β:
 *
 *   n per arm = (z₁₋α/₂ · √(2·p̄·q̄) + z₁₋β · √(p₁q₁ + p₂q₂))² / (p₂ − p₁)²,
 *   p̄ = (p₁ + p₂) / 2, q = 1 − p,
 *
 * rounded up. For p₁ = 5 %, p₂ = 6 %, α = 0.05 and 80 % power it gives 8,158 per arm. The arcsine form
 * (Cohen's h, used by G*Power and statsmodels' NormalIndPower) gives a slightly different figure
 * (8,143 there, 8,142.6 before rounding up): it approximates the same test through a variance-stabilising transform.
 */
import { normalQuantile } from './normal.ts';

export interface TestDesign {
  /** Significance level of the whole test, two-sided (default 0.05). */
  alpha: number;
  /** Chance of detecting the lift when it is real (default 0.8). */
  power: number;
  /** Arms of the test, the control included (default 2). */
  arms: number;
}

export const DEFAULT_DESIGN: TestDesign = { alpha: 0.05, power: 0.8, arms: 2 };

/** Longest test worth planning: past it the page's traffic cannot support the test. */
export const MAX_WEEKS = 26;
/** Test lengths for which the planner says what lift the traffic could detect. */
export const DETECTABLE_WEEKS = [4, 8] as const;

/**
 * The level of each comparison with the control: with more than one variant, α is split between the
 * comparisons (Bonferroni), so that the chance of any false winner stays at α.
 */
export function comparisonAlpha(design: TestDesign): number {
  return design.alpha / Math.max(1, design.arms - 1);
}

/** The formula above before rounding up; Infinity when the rates are equal. */
export function exactVisitorsPerArm(p1: number, p2: number, alpha: number, power: number): number {
  if (p1 === p2) return Infinity;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (root * root) / ((p2 - p1) * (p2 - p1));
}

/** Visitors each arm needs to detect a change from p1 to p2 (Fleiss, no continuity correction). */
export function visitorsPerArm(p1: number, p2: number, design: TestDesign = DEFAULT_DESIGN): number {
  const n = exactVisitorsPerArm(p1, p2, comparisonAlpha(design), design.power);
  // Rounding noise must not turn 8158.0000000001 into 8159.
  return Number.isFinite(n) ? Math.ceil(n - 1e-9) : n;
}

/**
 * The arcsine form, for comparison only: n = 2·((z₁₋α/₂ + z₁₋β) / h)², h = 2·asin√p₂ − 2·asin√p₁
 * (Cohen 1988; G*Power, statsmodels NormalIndPower with ratio 1), not rounded.
 */
export function arcsineVisitorsPerArm(p1: number, p2: number, alpha: number, power: number): number {
  const h = 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return 2 * (z / h) ** 2;
}

/**
 * The lowest rate above p1 that a test with `perArm` visitors in each arm detects (the sample-size
 * formula solved for p₂, by bisection: n falls as p₂ moves away from p₁); undefined when not even a
 * rate of 100 % would be detected, or when there are no visitors.
 */
export function detectableRate(p1: number, perArm: number, design: TestDesign = DEFAULT_DESIGN): number | undefined {
  if (!(perArm > 0) || p1 >= 1) return undefined;
  const alpha = comparisonAlpha(design);
  const needs = (p2: number) => exactVisitorsPerArm(p1, p2, alpha, design.power);
  if (needs(1) > perArm) return undefined;
  let low = p1;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (needs(mid) > perArm) low = mid;
    else high = mid;
  }
  return high;
}

/** The lift to detect: `relative` multiplies the baseline (0.2 for +20 %), `absolute` adds to it (0.01 for +1 percentage point). */
export type Lift = { kind: 'relative'; value: number } | { kind: 'absolute'; value: number };

/** The rate the variant would convert at. */
export function liftedRate(baseline: number, lift: Lift): number {
  return lift.kind === 'relative' ? baseline * (1 + lift.value) : baseline + lift.value;
}

export interface PlanInput {
  /** Conversion rate of the control, as a fraction. */
  baseline: number;
  lift: Lift;
  /** Landing visits of the page a week; undefined when unknown. */
  weeklyVisits?: number;
  design?: TestDesign;
}

export interface Detectable {
  weeks: number;
  /** Visitors per arm in that many weeks. */
  perArm: number;
  /** The lowest variant rate those visitors detect; undefined when none would be. */
  rate?: number;
}

export interface TestPlan {
  baseline: number;
  /** The variant's rate: baseline with the lift. */
  target: number;
  design: TestDesign;
  /** α of each comparison with the control. */
  comparisonAlpha: number;
  perArm: number;
  total: number;
  weeklyVisits?: number;
  /** total / weeklyVisits; Infinity without traffic; undefined when weekly visits are unknown. */
  weeks?: number;
  /** False when the page's traffic cannot support the test: no traffic, or more than MAX_WEEKS weeks. */
  feasible?: boolean;
  /** What the traffic could detect in DETECTABLE_WEEKS, when weekly visits are known. */
  detectable: Detectable[];
}

/** Why a plan cannot be made from these numbers (bad rates), or undefined. */
export function planProblem(baseline: number, lift: Lift): string | undefined {
  if (!(baseline > 0 && baseline < 1)) return `the baseline rate must be above 0% and below 100%, got ${percent(baseline)}`;
  if (!(lift.value > 0)) return 'the lift must be above 0: the smallest improvement worth detecting';
  const target = liftedRate(baseline, lift);
  if (target >= 1) return `a baseline of ${percent(baseline)} with that lift is ${percent(target)}: a rate cannot reach 100%`;
  return undefined;
}

/** The test plan; throws RangeError on numbers planProblem rejects. */
export function planTest(input: PlanInput): TestPlan {
  const design = input.design ?? DEFAULT_DESIGN;
  const problem = planProblem(input.baseline, input.lift);
  if (problem) throw new RangeError(problem);
  const target = liftedRate(input.baseline, input.lift);
  const perArm = visitorsPerArm(input.baseline, target, design);
  const total = perArm * design.arms;
  const plan: TestPlan = { baseline: input.baseline, target, design, comparisonAlpha: comparisonAlpha(design), perArm, total, detectable: [] };
  const weekly = input.weeklyVisits;
  if (weekly !== undefined) {
    plan.weeklyVisits = weekly;
    plan.weeks = weekly > 0 ? total / weekly : Infinity;
    plan.feasible = plan.weeks <= MAX_WEEKS;
    plan.detectable = DETECTABLE_WEEKS.map((weeks) => {
      const arm = Math.floor((weekly * weeks) / design.arms);
      const rate = detectableRate(input.baseline, arm, design);
      return rate === undefined ? { weeks, perArm: arm } : { weeks, perArm: arm, rate };
    });
  }
  return plan;
}

/** Weeks a test of `perArm` visitors in each of `arms` arms takes at `weeklyVisits`; Infinity without traffic. */
export function weeksNeeded(perArm: number, arms: number, weeklyVisits: number): number {
  return weeklyVisits > 0 ? (perArm * arms) / weeklyVisits : Infinity;
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}
