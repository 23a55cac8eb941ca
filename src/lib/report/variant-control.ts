/**
 * Each page variant against its control: per segment × persona × locale, every variant seen in the
 * events other than the page's own version, with both rates, the difference of the rates and its 95 %
 * interval (Newcombe's hybrid score interval, method 10), and a verdict that waits for the size the
 * test was planned for.
 *
 * Why wait: a test looked at again and again at a fixed α calls a false winner far more often than α
 * (Armitage, McPherson & Rowe 1969, "Repeated significance tests on accumulating data"; Johari et al.
 * 2017, "Peeking at A/B tests: why it matters, and what to do about it", on always-valid p-values).
 * So the verdict is `collecting` until BOTH arms have the planned visitors, and only then says which
 * converts better, from whether the interval excludes 0.
 */
import { weeksNeeded, MAX_WEEKS } from '../plan/sample-size.ts';
import type { GroupRow } from './aggregate.ts';
import { newcombeInterval, rateOf, type Interval, type Rate } from './stats.ts';
import { DEFAULT_VARIANT, pageKey, type VariantsByPage } from './variant-files.ts';

/** The columns of a variant-against-control row, the same in the report's CSV and in its SQL's result. */
export const VARIANT_CONTROL_COLUMNS = [
  'control_variant',
  'control_visits',
  'control_leads',
  'control_rate',
  'control_ci_low',
  'control_ci_high',
  'difference',
  'difference_ci_low',
  'difference_ci_high',
  'planned_visitors_per_arm',
] as const;

export type VariantVerdict = 'not-planned' | 'collecting' | 'variant-better' | 'control-better' | 'no-difference';

export interface VariantComparison {
  segment: string;
  persona: string;
  /** Both arms are visits in this locale: a page in another language is another page to test on. */
  locale: string;
  variant: string;
  /** The page_variant of the page's own version. */
  control: string;
  variantRate: Rate;
  controlRate: Rate;
  /** Variant rate − control rate. */
  difference: number;
  /** Newcombe 95 % interval of the difference; absent when an arm has no visits. */
  differenceInterval?: Interval;
  /** plannedVisitorsPerArm of the variant file; absent when the test was not planned. */
  planned?: number;
  verdict: VariantVerdict;
  /** Weeks the planned size takes at the page's observed weekly visits, split over `arms`; absent without a plan or a period. */
  weeksForPlan?: number;
  /** Arms the page's traffic in the locale is split over: its control and every variant seen. */
  arms: number;
  /** The page's landing visits in the locale a week over the export's period, when it has one. */
  weeklyVisits?: number;
}

/** The verdicts in words; the report adds the counts to `collecting` (see variantVerdictLabel), the SQL query gives the words alone. */
export const VARIANT_VERDICT_WORDS: Record<VariantVerdict, string> = {
  'not-planned': 'not planned',
  collecting: 'collecting',
  'variant-better': 'variant better',
  'control-better': 'control better',
  'no-difference': 'no difference detected',
};

/** The verdict in words: `collecting (120 of 8,158 per arm)`. */
export function variantVerdictLabel(c: Pick<VariantComparison, 'verdict' | 'planned' | 'variantRate' | 'controlRate'>, count: (n: number) => string = String): string {
  if (c.verdict === 'collecting') return `${VARIANT_VERDICT_WORDS.collecting} (${count(Math.min(c.variantRate.visits, c.controlRate.visits))} of ${count(c.planned ?? 0)} per arm)`;
  return VARIANT_VERDICT_WORDS[c.verdict];
}

const WEEK_MS = 7 * 86_400_000;
/** Shortest period the weekly visits are taken from: less than a day says little about a week. */
const MIN_PERIOD_MS = 86_400_000;

/** Weeks between the first and the last event of the export; undefined without event times or for less than a day. */
export function periodWeeks(period: { from: string; to: string } | undefined): number | undefined {
  if (!period) return undefined;
  const ms = Date.parse(period.to) - Date.parse(period.from);
  return ms >= MIN_PERIOD_MS ? ms / WEEK_MS : undefined;
}

/** Visits and leads of one variant of a page in one locale. */
export type VariantArm = Pick<GroupRow, 'segment' | 'persona' | 'locale' | 'variant' | 'visits' | 'leads'>;

/**
 * The comparisons of each page's variants with its control in the same locale, ordered as the arms
 * (by segment, persona, locale). `localeRows` (`segment_persona_locale`) give each page's visits in a
 * locale; `pages` gives each page's control and planned sizes; a page it does not list has the control
 * `default` and no planned size.
 */
export function compareVariants(armRows: readonly VariantArm[], localeRows: readonly GroupRow[], pages: VariantsByPage | undefined, period: { from: string; to: string } | undefined): VariantComparison[] {
  const groupKey = (r: { segment: string; persona?: string; locale?: string }) => `${pageKey(r.segment, r.persona ?? '')}\u0000${r.locale ?? ''}`;
  const byPage = new Map<string, VariantArm[]>();
  for (const row of armRows) {
    const key = groupKey(row);
    const list = byPage.get(key);
    if (list) list.push(row);
    else byPage.set(key, [row]);
  }
  const weeks = periodWeeks(period);
  const pageVisits = new Map(localeRows.map((r) => [groupKey(r), r.visits]));
  const out: VariantComparison[] = [];
  for (const [key, rows] of byPage) {
    const info = pages?.get(pageKey(rows[0]!.segment, rows[0]!.persona ?? ''));
    const control = info?.control ?? DEFAULT_VARIANT;
    const controlRow = rows.find((r) => r.variant === control);
    const controlRate = controlRow ? rateOf(controlRow.leads, controlRow.visits) : rateOf(0, 0);
    const others = rows.filter((r) => r.variant !== control);
    const arms = others.length + 1;
    const weeklyVisits = weeks === undefined ? undefined : (pageVisits.get(key) ?? 0) / weeks;
    for (const row of others) {
      const variant = row.variant ?? '';
      const variantRate = rateOf(row.leads, row.visits);
      const comparison: VariantComparison = { segment: row.segment, persona: row.persona ?? '', locale: row.locale ?? '', variant, control, variantRate, controlRate, difference: variantRate.rate - controlRate.rate, verdict: 'not-planned', arms };
      const interval = newcombeInterval(variantRate.leads, variantRate.visits, controlRate.leads, controlRate.visits);
      if (interval) comparison.differenceInterval = interval;
      if (weeklyVisits !== undefined) comparison.weeklyVisits = weeklyVisits;
      const planned = info?.variants.get(variant)?.plannedVisitorsPerArm;
      if (planned !== undefined) {
        comparison.planned = planned;
        comparison.verdict = verdictOf(variantRate.visits, controlRate.visits, planned, interval);
        if (weeklyVisits !== undefined) comparison.weeksForPlan = weeksNeeded(planned, arms, weeklyVisits);
      }
      out.push(comparison);
    }
  }
  return out;
}

function verdictOf(variantVisits: number, controlVisits: number, planned: number, interval: Interval | undefined): VariantVerdict {
  if (variantVisits < planned || controlVisits < planned || !interval) return 'collecting';
  if (interval.low > 0) return 'variant-better';
  if (interval.high < 0) return 'control-better';
  return 'no-difference';
}

/** True when the page's traffic cannot reach the planned size within MAX_WEEKS. */
export function beyondTraffic(c: VariantComparison): boolean {
  return c.weeksForPlan !== undefined && c.weeksForPlan > MAX_WEEKS;
}
