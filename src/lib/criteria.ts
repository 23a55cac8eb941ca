import { formatInteger, formatQuantity, joinWords } from './compose/format.ts';
import type { SegmentCriteria } from './schemas/index.ts';

/**
 * What segment criteria mean, in one place: whether two segments can claim the same account (the
 * overlap check), and, for the workbench, whether an account matches a segment and why.
 * An empty list or an absent range means "any".
 */

interface Interval {
  min: number;
  max: number;
}

function interval(range: { min?: number; max?: number } | undefined): Interval {
  return { min: range?.min ?? 0, max: range?.max ?? Number.POSITIVE_INFINITY };
}

function intersect(a: Interval, b: Interval): Interval | undefined {
  const out = { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
  return out.min <= out.max ? out : undefined;
}

/** Values both lists allow; undefined when neither restricts; empty when they cannot agree. */
function common(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length === 0 && b.length === 0) return undefined;
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const lower = new Set(b.map((x) => x.toLowerCase()));
  return a.filter((x) => lower.has(x.toLowerCase()));
}

const has = (list: readonly string[], value: string) => list.some((x) => x.toLowerCase() === value.toLowerCase());

/**
 * An example of an account both segments would claim, described in words, or undefined when their
 * criteria exclude each other on at least one dimension.
 */
export function overlapExample(a: SegmentCriteria, b: SegmentCriteria): string | undefined {
  const parts: string[] = [];
  const fa = a.firmographic;
  const fb = b.firmographic;

  const industries = common(fa.industries, fb.industries);
  if (industries?.length === 0) return undefined;
  if (industries) parts.push(`in ${industries[0]}`);

  const employees = intersect(interval(fa.employees), interval(fb.employees));
  if (!employees) return undefined;
  if (fa.employees || fb.employees) parts.push(`with ${formatInteger(employees.min || Math.min(employees.max, 1))} employees`);

  // Revenue in two currencies cannot be compared without exchange rates, so it rules nothing out.
  const revenues = [fa.revenue, fb.revenue].filter((r) => r !== undefined);
  const sameCurrency = revenues.every((r) => r.currency === revenues[0]?.currency);
  if (revenues.length && sameCurrency) {
    const revenue = revenues.map(interval).reduce<Interval | undefined>((acc, r) => acc && intersect(acc, r), interval(undefined));
    if (!revenue) return undefined;
    parts.push(`with ${formatQuantity(revenue.min, revenues[0]!.currency)} annual revenue`);
  }

  const regions = common(fa.regions, fb.regions);
  if (regions?.length === 0) return undefined;
  if (regions) parts.push(`headquartered in ${regions[0]}`);

  const ownership = common(fa.ownership, fb.ownership);
  if (ownership?.length === 0) return undefined;
  if (ownership) parts.push(`${ownership[0]} ownership`);

  // A segment that requires one of its systems excludes accounts that run none of them; the other
  // segment may rule every one of those systems out.
  const ta = a.technographic;
  const tb = b.technographic;
  const usableA = ta.uses.filter((s) => !has(tb.notUses, s));
  const usableB = tb.uses.filter((s) => !has(ta.notUses, s));
  if ((ta.uses.length && !usableA.length) || (tb.uses.length && !usableB.length)) return undefined;
  const systems = [...new Set([...usableA.slice(0, 1), ...usableB.slice(0, 1)])];
  if (systems.length) parts.push(`running ${joinWords(systems)}`);

  for (const [key, describe] of [
    ['tier', (v: string) => `in value tier ${v}`],
    ['needs', (v: string) => `valuing ${v} most`],
    ['sophistication', (v: string) => `at the "${v}" sophistication level`],
  ] as const) {
    const va = a[key];
    const vb = b[key];
    if (va !== undefined && vb !== undefined && va !== vb) return undefined;
    const value = va ?? vb;
    if (value !== undefined) parts.push(describe(String(value)));
  }
  return parts.length ? `an account ${joinWords(parts)}` : 'any account (neither segment restricts anything)';
}
