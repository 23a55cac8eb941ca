/** The test plan as plain text for the terminal: the figures, then plainly whether the page's traffic can carry the test. */
import { plural } from '../diagnostics.ts';
import { formatCount, formatPercent, formatPoints, formatWeeks } from '../report/format.ts';
import { MAX_WEEKS, type Lift, type TestPlan } from './sample-size.ts';

/** The formula, as the output and docs/conversion-report.md cite it. */
export const FORMULA = 'Fleiss, two proportions without continuity correction: n per arm = (z₁₋α/₂·√(2·p̄·q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / (p₂ − p₁)², p̄ = (p₁ + p₂)/2.';

export interface PlanContext {
  segment: string;
  persona: string;
  /** The page_variant of the page's control. */
  control: string;
  lift: Lift;
  /** Where the baseline came from, in words: `given with --baseline`, or the control's counts in the export. */
  baselineSource: string;
  /** Where the weekly visits came from, when known. */
  weeklySource?: string;
  /** Why the weekly visits are unknown, when they are. */
  weeklyMissing?: string;
}

/** `+20% relative (+1.00 pp): 5.00% → 6.00%`. */
export function describeLift(baseline: number, target: number): string {
  const relative = (target / baseline - 1) * 100;
  return `+${Number(relative.toFixed(1))}% relative (${formatPoints(target - baseline)}): ${formatPercent(baseline)} → ${formatPercent(target)}`;
}

export function renderPlanText(plan: TestPlan, context: PlanContext): string {
  const { design } = plan;
  const variants = design.arms - 1;
  const test = `two-sided, α = ${design.alpha}, power ${formatPercent(design.power, 0)}, ${design.arms} arms (the control and ${plural(variants, 'variant')})${variants > 1 ? `; each variant against the control at α = ${Number(plan.comparisonAlpha.toPrecision(4))} (Bonferroni)` : ''}`;
  const rows: [string, string][] = [
    ['Baseline', `${formatPercent(plan.baseline)}: ${context.baselineSource}`],
    ['Lift to detect', describeLift(plan.baseline, plan.target)],
    ['Test', test],
    ['Visitors per arm', formatCount(plan.perArm)],
    ['Total visitors', formatCount(plan.total)],
  ];
  if (plan.weeklyVisits !== undefined) {
    rows.push(['Weekly visits', `${formatCount(Math.round(plan.weeklyVisits))}: ${context.weeklySource ?? ''}`]);
    rows.push(['Weeks needed', plan.weeks === Infinity ? 'never' : formatWeeks(plan.weeks!)]);
  }
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const table = [`Test plan for ${context.segment} × ${context.persona} (control: ${context.control})`, ...rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`)].join('\n');
  const lines = [table, ''];
  if (plan.weeklyVisits === undefined) lines.push(context.weeklyMissing ?? 'How many weeks: unknown without the page’s traffic; give --events <export> or --weekly-visits N.');
  else if (plan.feasible) lines.push(`This page’s traffic supports the test: ${formatWeeks(plan.weeks!)} weeks at ${formatCount(Math.round(plan.weeklyVisits))} visits a week.`);
  else {
    lines.push(
      plan.weeklyVisits > 0
        ? `This page’s traffic cannot support this test: it would take ${formatWeeks(plan.weeks!)} weeks, more than ${MAX_WEEKS}. Test a larger change, or on a page with more traffic.`
        : 'This page’s traffic cannot support this test: the page has no visits. Test on a page with traffic.',
    );
  }
  if (plan.detectable.length) {
    const parts = plan.detectable.map((d) => `in ${d.weeks} weeks (${formatCount(d.perArm)} visitors per arm) ${d.rate === undefined ? 'no lift at all' : describeLift(plan.baseline, d.rate)}`);
    lines.push(`What this traffic could detect: ${parts.join('; ')}.`);
  }
  lines.push(`Formula: ${FORMULA}`);
  lines.push('Decide the size before the test starts and judge it only once both arms have it: looking again and again at a fixed α makes a false winner far more likely (npm run report waits for plannedVisitorsPerArm).');
  return lines.join('\n');
}
