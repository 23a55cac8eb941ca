import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../../src/lib/plan/render-text.ts';
import { DEFAULT_DESIGN, planTest } from '../../../src/lib/plan/sample-size.ts';

const context = { segment: 's', persona: 'p', control: 'default', lift: { kind: 'relative', value: 0.2 } as const, baselineSource: 'given with --baseline' };

describe('the test plan as text', () => {
  it('says how to learn the weeks when the traffic is unknown', () => {
    const text = renderPlanText(planTest({ baseline: 0.05, lift: context.lift }), context);
    expect(text).toMatchInlineSnapshot(`
      "Test plan for s × p (control: default)
        Baseline          5.00%: given with --baseline
        Lift to detect    +20% relative (+1.00 pp): 5.00% → 6.00%
        Test              two-sided, α = 0.05, power 80%, 2 arms (the control and 1 variant)
        Visitors per arm  8,158
        Total visitors    16,316

      How many weeks: unknown without the page’s traffic; give --events <export> or --weekly-visits N.
      Formula: Fleiss, two proportions without continuity correction: n per arm = (z₁₋α/₂·√(2·p̄·q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / (p₂ − p₁)², p̄ = (p₁ + p₂)/2.
      Decide the size before the test starts and judge it only once both arms have it: looking again and again at a fixed α makes a false winner far more likely (npm run report waits for plannedVisitorsPerArm)."
    `);
  });

  it('names the split α with more than one variant, and a page without visits', () => {
    const text = renderPlanText(planTest({ baseline: 0.05, lift: context.lift, weeklyVisits: 0, design: { ...DEFAULT_DESIGN, arms: 3 } }), context);
    expect(text).toContain('3 arms (the control and 2 variants); each variant against the control at α = 0.025 (Bonferroni)');
    expect(text).toContain('Weeks needed      never');
    expect(text).toContain('This page’s traffic cannot support this test: the page has no visits. Test on a page with traffic.');
    expect(text).toContain('in 4 weeks (0 visitors per arm) no lift at all');
  });
});
