import { formatInteger, formatQuantity, joinWords } from './compose/format.ts';
import { OWNERSHIP_LABELS } from './compose/labels.ts';
import type { CriterionKey, FirmographicGroup, SegmentCriteria } from './schemas/index.ts';

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

/**
 * The values every range allows, as a range (an open end left out); undefined when they cannot agree.
 * No range, or only absent ones, allows everything: `{}`.
 */
export function commonRange(ranges: readonly ({ min?: number; max?: number } | undefined)[]): { min?: number; max?: number } | undefined {
  const out = ranges.map(interval).reduce<Interval | undefined>((acc, r) => acc && intersect(acc, r), interval(undefined));
  if (!out) return undefined;
  return { ...(out.min > 0 ? { min: out.min } : {}), ...(out.max < Number.POSITIVE_INFINITY ? { max: out.max } : {}) };
}

/** Values both lists allow; undefined when neither restricts; empty when they cannot agree. */
function common(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length === 0 && b.length === 0) return undefined;
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const lower = new Set(b.map(foldCase));
  return a.filter((x) => lower.has(foldCase(x)));
}

const has = (list: readonly string[], value: string) => list.some((x) => foldCase(x) === foldCase(value));

/**
 * Text in criteria and in account cells compares without regard to case of the ASCII letters only:
 * A–Z become a–z and every other character stays as it is. Full Unicode case mapping differs between
 * JavaScript and the warehouses (İ, ß), and the workbench's SQL must compare exactly as the stream does.
 */
export function foldCase(text: string): string {
  // For ASCII text toLowerCase is exactly that, and much faster than a replace per letter.
  if (!/[A-Z]/.test(text)) return text;
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A segment's criteria as one conjunction: its own firmographic fields and, with an either-or test, one of its groups. */
interface Conjunct {
  criteria: SegmentCriteria;
  /** The firmographic fields that must all hold: the segment's own, then the group's. */
  firmographics: readonly FirmographicGroup[];
  /** Index of the anyOf group taken, when the segment has an either-or test. */
  group?: number;
}

/** base ∧ (g1 ∨ g2 …) as (base ∧ g1) ∨ (base ∧ g2) …: the disjunctive form every overlap is judged on. */
function conjuncts(criteria: SegmentCriteria): Conjunct[] {
  const base = criteria.firmographic;
  if (!base.anyOf?.length) return [{ criteria, firmographics: [base] }];
  return base.anyOf.map((group, i) => ({ criteria, firmographics: [base, group], group: i }));
}

/** Values every restricting list allows; undefined when none restricts; empty when they cannot agree. */
export function commonAll(lists: readonly (readonly string[])[]): string[] | undefined {
  let out: string[] | undefined;
  for (const list of lists) {
    if (out?.length === 0) break;
    if (list.length) out = out === undefined ? [...list] : common(out, list);
  }
  return out;
}

/** Where two segments meet: an example account in words, and the anyOf group of each that the example meets (if any). */
export interface Overlap {
  example: string;
  /** The anyOf group of the first and of the second segment taken, where that segment has an either-or test. */
  groups: [number | undefined, number | undefined];
}

/**
 * Whether two segments can claim the same account. Each is expanded into its disjunctive form (its own
 * fields and one anyOf group at a time), and every pair of combinations is compared: they overlap when
 * any pair does. The first pair that meets gives the example.
 */
export function findOverlap(a: SegmentCriteria, b: SegmentCriteria): Overlap | undefined {
  for (const ca of conjuncts(a)) {
    for (const cb of conjuncts(b)) {
      const example = conjunctOverlap(ca, cb);
      if (example) return { example, groups: [ca.group, cb.group] };
    }
  }
  return undefined;
}

/**
 * An example of an account both segments would claim, described in words, or undefined when their
 * criteria exclude each other on at least one dimension (in every combination of their anyOf groups).
 */
export function overlapExample(a: SegmentCriteria, b: SegmentCriteria): string | undefined {
  return findOverlap(a, b)?.example;
}

function conjunctOverlap(ca: Conjunct, cb: Conjunct): string | undefined {
  const parts: string[] = [];
  const all = [...ca.firmographics, ...cb.firmographics];

  const industries = commonAll(all.map((f) => f.industries));
  if (industries?.length === 0) return undefined;
  if (industries) parts.push(`in ${industries[0]}`);

  const ranges = all.map((f) => f.employees).filter((r) => r !== undefined);
  const employees = commonRange(ranges);
  if (!employees) return undefined;
  if (ranges.length) parts.push(`with ${formatInteger(employees.min ?? Math.min(employees.max ?? Number.POSITIVE_INFINITY, 1))} employees`);

  // Revenue in two currencies cannot be compared without exchange rates, so only ranges in one
  // currency can rule each other out.
  const revenues = all.map((f) => f.revenue).filter((r) => r !== undefined);
  const currencies = [...new Set(revenues.map((r) => r.currency))];
  for (const currency of currencies) {
    const revenue = commonRange(revenues.filter((r) => r.currency === currency));
    if (!revenue) return undefined;
    if (currencies.length === 1) parts.push(`with ${formatQuantity(revenue.min ?? 0, currency)} annual revenue`);
  }

  const regions = commonAll(all.map((f) => f.regions));
  if (regions?.length === 0) return undefined;
  if (regions) parts.push(`headquartered in ${regions[0]}`);

  const ownership = commonAll(all.map((f) => f.ownership));
  if (ownership?.length === 0) return undefined;
  if (ownership) parts.push(`${ownership[0]} ownership`);

  // An account runs every system either segment requires all of, one of each segment's `uses`, and
  // none that either rules out.
  const a = ca.criteria;
  const b = cb.criteria;
  const ta = a.technographic;
  const tb = b.technographic;
  const excluded = [...ta.notUses, ...tb.notUses];
  const required = [...ta.usesAll, ...tb.usesAll].filter((s, i, list) => list.findIndex((x) => foldCase(x) === foldCase(s)) === i);
  if (required.some((s) => has(excluded, s))) return undefined;
  const systems = [...required];
  for (const uses of [ta.uses, tb.uses]) {
    if (!uses.length || uses.some((s) => has(systems, s))) continue;
    const usable = uses.find((s) => !has(excluded, s));
    if (usable === undefined) return undefined;
    systems.push(usable);
  }
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

// ---- criteria in words


/**
 * One anyOf group in a few words, its fields joined by "and": `250+ employees`,
 * `revenue ≥ EUR 50 million`, `in Banking and headquartered in Germany`, `publicly listed`.
 */
export function describeGroup(group: FirmographicGroup): string {
  const parts: string[] = [];
  if (group.industries.length) parts.push(`in ${joinOr(group.industries)}`);
  if (group.employees && restricts(group.employees)) {
    const { min, max } = group.employees;
    parts.push(min !== undefined && max !== undefined ? `${formatInteger(min)}–${formatInteger(max)} employees` : min !== undefined ? `${formatInteger(min)}+ employees` : `up to ${formatInteger(max!)} employees`);
  }
  if (group.revenue && restricts(group.revenue)) {
    const { min, max, currency } = group.revenue;
    const money = (n: number) => formatQuantity(n, currency);
    parts.push(min !== undefined && max !== undefined ? `revenue ${money(min)}–${money(max)}` : min !== undefined ? `revenue ≥ ${money(min)}` : `revenue ≤ ${money(max!)}`);
  }
  if (group.regions.length) parts.push(`headquartered in ${joinOr(group.regions)}`);
  if (group.ownership.length) parts.push(joinOr(group.ownership.map((o) => OWNERSHIP_LABELS[o])));
  return parts.join(' and ');
}

/** An either-or test in words: `250+ employees or revenue EUR 50 million+`. */
export function describeAnyOf(groups: readonly FirmographicGroup[]): string {
  return groups.map(describeGroup).join(' or ');
}

// ---- matching one account against one segment

/** An amount of money in whole currency units. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * An account as the criteria see it: one CRM row read through the workbench mapping
 * (src/lib/assign/accounts.ts). A field left undefined is unknown: the cell was blank, could not be
 * read, or the mapping names no column for it.
 */
export interface Account {
  id: string;
  industry?: string;
  employees?: number;
  /** Reported revenue; only set when both the amount and its currency are known. */
  revenue?: Money;
  /** The country cell as written. */
  country?: string;
  /** The regions of the mapping the country belongs to; empty when the mapping does not know it. */
  regions: readonly string[];
  ownership?: string;
  /** The systems on record, as written; a blank cell is an empty list. */
  systems: readonly string[];
  tier?: number;
  needs?: string;
  sophistication?: string;
}

/** What matching needs from the mapping beyond the account itself. */
export interface MatchContext {
  /** Stands in for revenue where an account has none. */
  revenuePerEmployee?: Money;
  /** Value of one unit of each currency in a common unit. */
  exchangeRates: Readonly<Record<string, number>>;
}

export interface CriterionCheck {
  criterion: CriterionKey;
  ok: boolean;
  /** The check in words: "employees 1,200 within 1,000–4,999", "ownership unknown: needs public". */
  reason: string;
}

export interface AccountMatch {
  matched: boolean;
  /** One check per criterion the segment restricts, in the order `describeCriteria` lists them. */
  checks: CriterionCheck[];
}

/**
 * Whether an account belongs to a segment, with a reason in words for every criterion the segment
 * restricts. The rules, which the SQL compiler (src/lib/assign/sql.ts) follows to the letter:
 * - An empty list or an absent range restricts nothing and is not checked.
 * - Text compares without regard to case; ranges include both ends.
 * - A criterion is met only on evidence in the row: an unknown value (blank, unreadable, or a column
 *   the mapping does not name) cannot satisfy a restriction. Unknown ownership is not "public".
 * - Revenue: reported revenue is converted into the segment's currency with the mapping's exchange
 *   rates (no rate, no comparison: the criterion fails). Where revenue is unknown, employees ×
 *   `revenuePerEmployee` stands in for it, and the reason says so.
 * - Region: met when the country cell itself, or a region of the mapping it belongs to, is one of
 *   the segment's regions.
 * - Systems: a blank cell means no system on record. `uses` needs one of its systems on record and
 *   `usesAll` every one of its own (one check, "systems"); `notUses` excludes only on evidence, so an
 *   account with no systems on record passes it.
 * - Either-or (`firmographic.anyOf`): every group is checked, and the group that holds, else the one
 *   failing the fewest checks (the first on a tie), stands for the test: its checks follow the
 *   firmographic ones, so an account matching none is reported with the group it comes closest to.
 */
export function matchAccount(account: Account, criteria: SegmentCriteria, ctx: MatchContext): AccountMatch {
  const checks: CriterionCheck[] = [];
  const check = (criterion: CriterionKey, ok: boolean, describe: () => string) => checks.push(new Check(criterion, ok, describe));
  const f = criteria.firmographic;
  firmographicChecks(account, f, ctx, check);

  if (f.anyOf?.length) {
    const groups = f.anyOf;
    const tried = groups.map((group) => {
      const own: Check[] = [];
      firmographicChecks(account, group, ctx, (criterion, ok, describe) => own.push(new Check(criterion, ok, describe)));
      return { group, checks: own, failed: own.filter((c) => !c.ok).length };
    });
    // The group that holds, else the one missed by the fewest criteria; the first on a tie.
    const best = tried.reduce((a, b) => (b.failed < a.failed ? b : a));
    const either = () => describeAnyOf(groups);
    const label = () => describeGroup(best.group);
    // The words of the group's first check shown (all of them when matched, the failed ones when not) name the test.
    const lead = best.failed === 0 ? best.checks[0] : best.checks.find((c) => !c.ok);
    for (const c of best.checks) {
      if (c !== lead) checks.push(c);
      else if (best.failed === 0) check(c.criterion, true, () => `${either()}: matched by ${label()} (${c.reason})`);
      else check(c.criterion, false, () => `${either()}: none met, closest ${label()} (${c.reason})`);
    }
  }

  const t = criteria.technographic;
  const lists = loweredSystems(t);
  if (t.uses.length || t.usesAll.length || t.notUses.length) {
    const systems = account.systems.map(foldCase);
    if (t.uses.length || t.usesAll.length) {
      const any = t.uses.length ? lists.uses.findIndex((s) => systems.includes(s)) : -1;
      const missing = t.usesAll.filter((_, i) => !systems.includes(lists.usesAll[i]!));
      const anyOk = !t.uses.length || any !== -1;
      const ok = anyOk && missing.length === 0;
      const needs = () => [...(t.uses.length ? [joinOr(t.uses)] : []), ...(t.usesAll.length ? [t.usesAll.length > 1 ? `all of ${joinWords(t.usesAll)}` : t.usesAll[0]!] : [])].join(', and ');
      if (ok) check('systems', true, () => `runs ${joinWords([...(any === -1 ? [] : [t.uses[any]!]), ...t.usesAll])}`);
      else if (!account.systems.length) check('systems', false, () => `no systems on record: needs ${needs()}`);
      else if (!anyOk) check('systems', false, () => `runs ${joinWords(account.systems)}, none of ${joinOr(t.uses)}${missing.length ? `, and not ${joinWords(missing)}` : ''}`);
      else check('systems', false, () => `runs ${joinWords(account.systems)}, not ${joinWords(missing)}`);
    }
    if (t.notUses.length) {
      const hits = t.notUses.filter((_, i) => systems.includes(lists.notUses[i]!));
      check('excludedSystems', hits.length === 0, () => (hits.length ? `runs ${joinWords(hits)}, which rules it out` : `does not run ${joinOr(t.notUses)}`));
    }
  }

  if (criteria.tier !== undefined) checkValue(check, 'tier', 'value tier', account.tier, [criteria.tier]);
  if (criteria.needs !== undefined) checkValue(check, 'needs', 'buying focus', account.needs, [criteria.needs]);
  if (criteria.sophistication !== undefined) checkValue(check, 'sophistication', 'sophistication', account.sophistication, [criteria.sophistication]);

  return { matched: checks.every((c) => c.ok), checks };
}

/** The checks of firmographic fields: a segment's own, or one anyOf group's. */
function firmographicChecks(account: Account, f: FirmographicGroup, ctx: MatchContext, check: AddCheck): void {
  const lists = loweredFirmographic(f);
  if (f.industries.length) {
    const wanted = f.industries;
    const industry = account.industry;
    if (industry === undefined) check('industry', false, () => `industry unknown: needs ${joinOr(wanted)}`);
    else if (lists.industries.has(foldCase(industry))) check('industry', true, () => `in ${industry}`);
    else check('industry', false, () => `industry ${industry}, not ${joinOr(wanted)}`);
  }

  if (restricts(f.employees)) {
    const n = account.employees;
    checkRange(check, 'employees', n === undefined ? undefined : { value: n, text: () => `employees ${formatInteger(n)}` }, f.employees!, formatInteger, () => 'employees unknown');
  }

  if (f.revenue && restricts(f.revenue)) {
    const range = f.revenue;
    const format = (n: number) => formatQuantity(Math.round(n), range.currency);
    const revenue = revenueIn(account, range.currency, ctx);
    checkRange(check, 'revenue', 'value' in revenue ? revenue : undefined, range, format, 'missing' in revenue ? revenue.missing : () => '');
  }

  if (f.regions.length) {
    const wanted = f.regions;
    const country = account.country;
    if (country === undefined) check('region', false, () => `country unknown: needs ${joinOr(wanted)}`);
    else {
      const lowerCountry = foldCase(country);
      const lowerRegions = account.regions.map(foldCase);
      const i = lists.regions.findIndex((r) => r === lowerCountry || lowerRegions.includes(r));
      if (i !== -1) check('region', true, () => (lists.regions[i] === lowerCountry ? `headquartered in ${country}` : `headquartered in ${wanted[i]} (${country})`));
      else if (account.regions.length) check('region', false, () => `headquartered in ${joinWords(account.regions)} (${country}), not ${joinOr(wanted)}`);
      else check('region', false, () => `headquartered in ${country}, which is in no region of the mapping: needs ${joinOr(wanted)}`);
    }
  }

  if (f.ownership.length) checkValue(check, 'ownership', 'ownership', account.ownership, f.ownership);
}

/** A check whose words are written only when read: most checks of most accounts are never shown. */
class Check implements CriterionCheck {
  readonly criterion: CriterionKey;
  readonly ok: boolean;
  #describe: (() => string) | undefined;
  #reason: string | undefined;

  constructor(criterion: CriterionKey, ok: boolean, describe: () => string) {
    this.criterion = criterion;
    this.ok = ok;
    this.#describe = describe;
  }

  get reason(): string {
    if (this.#describe) {
      this.#reason = this.#describe();
      this.#describe = undefined;
    }
    return this.#reason!;
  }

  toJSON(): { criterion: CriterionKey; ok: boolean; reason: string } {
    return { criterion: this.criterion, ok: this.ok, reason: this.reason };
  }
}

/**
 * The segment's lists in lower case, computed once per criteria object rather than once per account.
 * Keyed by the firmographic object (a segment's own or one anyOf group) and the technographic one.
 */
const LOWERED_FIRMOGRAPHIC = new WeakMap<FirmographicGroup, { industries: Set<string>; regions: string[] }>();
const LOWERED_SYSTEMS = new WeakMap<SegmentCriteria['technographic'], { uses: string[]; usesAll: string[]; notUses: string[] }>();

function loweredFirmographic(f: FirmographicGroup): { industries: Set<string>; regions: string[] } {
  let lists = LOWERED_FIRMOGRAPHIC.get(f);
  if (!lists) {
    lists = { industries: new Set(f.industries.map(foldCase)), regions: f.regions.map(foldCase) };
    LOWERED_FIRMOGRAPHIC.set(f, lists);
  }
  return lists;
}

function loweredSystems(t: SegmentCriteria['technographic']): { uses: string[]; usesAll: string[]; notUses: string[] } {
  let lists = LOWERED_SYSTEMS.get(t);
  if (!lists) {
    lists = { uses: t.uses.map(foldCase), usesAll: t.usesAll.map(foldCase), notUses: t.notUses.map(foldCase) };
    LOWERED_SYSTEMS.set(t, lists);
  }
  return lists;
}

/** Where the revenue an account is judged on comes from: reported, estimated from employees, or nowhere. */
export function revenueSource(account: Account, ctx: MatchContext): 'reported' | 'estimated' | undefined {
  if (account.revenue) return 'reported';
  return account.employees !== undefined && ctx.revenuePerEmployee ? 'estimated' : undefined;
}

/**
 * `amount` in another currency through the common unit of `rates`, or undefined without a rate.
 * Computed as amount × rate(from) ÷ rate(to), in that order, as the SQL does.
 */
export function convertMoney(amount: number, from: string, to: string, rates: Readonly<Record<string, number>>): number | undefined {
  if (from === to) return amount;
  const a = rates[from];
  const b = rates[to];
  return a === undefined || b === undefined ? undefined : (amount * a) / b;
}

function revenueIn(account: Account, currency: string, ctx: MatchContext): { value: number; text: () => string } | { missing: () => string } {
  const reported = account.revenue;
  if (reported) {
    const shown = () => formatQuantity(Math.round(reported.amount), reported.currency);
    const value = convertMoney(reported.amount, reported.currency, currency, ctx.exchangeRates);
    if (value === undefined) return { missing: () => `revenue ${shown()}, with no exchange rate for ${noRate(reported.currency, currency, ctx.exchangeRates)} in the mapping` };
    return { value, text: () => (reported.currency === currency ? `revenue ${shown()}` : `revenue ${shown()} (${formatQuantity(Math.round(value), currency)})`) };
  }
  const per = ctx.revenuePerEmployee;
  if (!per) return { missing: () => 'revenue unknown' };
  const employees = account.employees;
  if (employees === undefined) return { missing: () => 'revenue and employees unknown' };
  const value = convertMoney(employees * per.amount, per.currency, currency, ctx.exchangeRates);
  const estimate = () => `revenue estimated from employees: ${formatInteger(employees)} × ${formatQuantity(per.amount, per.currency)}`;
  if (value === undefined) return { missing: () => `${estimate()}, with no exchange rate for ${noRate(per.currency, currency, ctx.exchangeRates)} in the mapping` };
  return { value, text: () => `${estimate()} = ${formatQuantity(Math.round(value), currency)}` };
}

function noRate(from: string, to: string, rates: Readonly<Record<string, number>>): string {
  return joinWords([from, to].filter((c) => rates[c] === undefined));
}

type AddCheck = (criterion: CriterionKey, ok: boolean, describe: () => string) => void;

function restricts(range: { min?: number; max?: number } | undefined): boolean {
  return range !== undefined && (range.min !== undefined || range.max !== undefined);
}

function checkRange(
  check: AddCheck,
  criterion: CriterionKey,
  known: { value: number; text: () => string } | undefined,
  range: { min?: number; max?: number },
  format: (n: number) => string,
  unknownText: () => string,
): void {
  const { min, max } = range;
  const wanted = () => (min !== undefined && max !== undefined ? `${format(min)}–${format(max)}` : min !== undefined ? `at least ${format(min)}` : `at most ${format(max!)}`);
  if (!known) check(criterion, false, () => `${unknownText()}: needs ${wanted()}`);
  else if (min !== undefined && known.value < min) check(criterion, false, () => `${known.text()}, below the minimum of ${format(min)}`);
  else if (max !== undefined && known.value > max) check(criterion, false, () => `${known.text()}, above the maximum of ${format(max)}`);
  else check(criterion, true, () => (min !== undefined && max !== undefined ? `${known.text()} within ${wanted()}` : `${known.text()}, ${wanted()}`));
}

function checkValue(check: AddCheck, criterion: CriterionKey, label: string, value: string | number | undefined, wanted: readonly (string | number)[]): void {
  const words = () => joinOr(wanted.map(String));
  if (value === undefined) check(criterion, false, () => `${label} unknown: needs ${words()}`);
  else if (wanted.includes(value)) check(criterion, true, () => `${label} ${value}`);
  else check(criterion, false, () => `${label} ${value}, not ${words()}`);
}

/** `a`, `a or b`, `a, b or c`. */
function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
