import { formatInteger, formatQuantity, joinWords } from '../compose/format.ts';
import { NEEDS_LABELS, OWNERSHIP_LABELS, SOPHISTICATION_LABELS } from '../compose/labels.ts';
import { describeGroup } from '../criteria.ts';
import type { Segment } from '../schemas/index.ts';
import type { CriterionLine } from './types.ts';

export const TIER_LABELS: Record<number, string> = { 1: '1 (highest value)', 2: '2 (core)', 3: '3 (long tail)' };

/**
 * The criteria in words: why an account is in this segment, generated from the same fields the
 * workbench assigns accounts with. Written for sales, so only the playbook shows them.
 */
export function describeCriteria(criteria: Segment['criteria']): CriterionLine[] {
  const lines: CriterionLine[] = [];
  const f = criteria.firmographic;
  if (f.industries.length) lines.push({ label: 'Industries', value: joinWords(f.industries) });
  if (f.employees) lines.push({ label: 'Employees', value: describeRange(f.employees.min, f.employees.max, (n) => formatInteger(n)) });
  if (f.revenue) lines.push({ label: 'Annual revenue', value: describeRange(f.revenue.min, f.revenue.max, (n) => formatQuantity(n, f.revenue!.currency)) });
  if (f.regions.length) lines.push({ label: 'Headquarters', value: joinWords(f.regions) });
  if (f.ownership.length) lines.push({ label: 'Ownership', value: joinWords(f.ownership.map((o) => OWNERSHIP_LABELS[o])) });
  if (f.anyOf?.length) lines.push({ label: lines.length ? 'And at least one of' : 'At least one of', value: f.anyOf.map(describeGroup).join('; or ') });
  const t = criteria.technographic;
  if (t.uses.length) lines.push({ label: 'Runs', value: t.uses.join(' or ') });
  if (t.usesAll.length) lines.push({ label: t.uses.length ? 'And runs all of' : 'Runs all of', value: joinWords(t.usesAll) });
  if (t.notUses.length) lines.push({ label: 'Does not run', value: joinWords(t.notUses) });
  if (criteria.tier !== undefined) lines.push({ label: 'Value tier', value: TIER_LABELS[criteria.tier] ?? String(criteria.tier) });
  if (criteria.needs) lines.push({ label: 'Values most', value: NEEDS_LABELS[criteria.needs] });
  if (criteria.sophistication) lines.push({ label: 'Works with', value: SOPHISTICATION_LABELS[criteria.sophistication] });
  return lines;
}

function describeRange(min: number | undefined, max: number | undefined, format: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return `${format(min)} to ${format(max)}`;
  if (min !== undefined) return `${format(min)} or more`;
  if (max !== undefined) return `up to ${format(max)}`;
  return 'any';
}
