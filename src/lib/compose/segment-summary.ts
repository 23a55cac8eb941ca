import { headlineText } from '../headline.ts';
import type { Entry } from '../load/project.ts';
import { PRIORITISATION_CRITERIA, type Segment, type Site } from '../schemas/index.ts';
import type { ComposeContext } from './context.ts';
import { formatInteger, formatPercent, formatQuantity, joinWords } from './format.ts';
import type { CriterionLine, FigureView, SegmentSummary } from './types.ts';

const NEEDS_LABELS: Record<string, string> = {
  price: 'price: the core product at a fair cost',
  quality: 'quality: the best option, even at a premium',
  service: 'service: support long after the sale',
  partnership: 'partnership: a vendor that helps them grow',
};

const SOPHISTICATION_LABELS: Record<string, string> = {
  manual: 'manual work: spreadsheets and email',
  'core-system': 'the modules of their core system (such as an ERP or CRM)',
  'point-solutions': 'separate point solutions',
  'competitor-suite': 'a competitor’s suite',
  'modern-suite': 'a modern suite already',
};

const OWNERSHIP_LABELS: Record<string, string> = {
  public: 'publicly listed',
  private: 'privately held',
  'private-equity': 'private-equity owned',
  'family-owned': 'family-owned',
  subsidiary: 'a subsidiary',
  nonprofit: 'non-profit',
  government: 'government',
};

const TIER_LABELS: Record<number, string> = { 1: '1 (highest value)', 2: '2 (core)', 3: '3 (long tail)' };

/**
 * The criteria in words: the "why is this account in this segment" explanation that pages and
 * reports show, generated from the same fields the workbench assigns accounts with.
 */
export function describeCriteria(criteria: Segment['criteria']): CriterionLine[] {
  const lines: CriterionLine[] = [];
  const f = criteria.firmographic;
  if (f.industries.length) lines.push({ label: 'Industries', value: joinWords(f.industries) });
  if (f.employees) lines.push({ label: 'Employees', value: describeRange(f.employees.min, f.employees.max, (n) => formatInteger(n)) });
  if (f.revenue) lines.push({ label: 'Annual revenue', value: describeRange(f.revenue.min, f.revenue.max, (n) => formatQuantity(n, f.revenue!.currency)) });
  if (f.regions.length) lines.push({ label: 'Headquarters', value: joinWords(f.regions) });
  if (f.ownership.length) lines.push({ label: 'Ownership', value: joinWords(f.ownership.map((o) => OWNERSHIP_LABELS[o] ?? o)) });
  const t = criteria.technographic;
  if (t.uses.length) lines.push({ label: 'Runs', value: t.uses.join(' or ') });
  if (t.notUses.length) lines.push({ label: 'Does not run', value: joinWords(t.notUses) });
  if (criteria.tier !== undefined) lines.push({ label: 'Value tier', value: TIER_LABELS[criteria.tier] ?? String(criteria.tier) });
  if (criteria.needs) lines.push({ label: 'Values most', value: NEEDS_LABELS[criteria.needs] ?? criteria.needs });
  if (criteria.sophistication) lines.push({ label: 'Works with', value: SOPHISTICATION_LABELS[criteria.sophistication] ?? criteria.sophistication });
  return lines;
}

function describeRange(min: number | undefined, max: number | undefined, format: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return `${format(min)} to ${format(max)}`;
  if (min !== undefined) return `${format(min)} or more`;
  if (max !== undefined) return `up to ${format(max)}`;
  return 'any';
}

/** Weighted mean of the six prioritisation scores, on the same 1–5 scale, to one decimal. */
export function priorityScore(prioritisation: Segment['prioritisation'], weights: Site['prioritisation']['weights']): number | undefined {
  if (!prioritisation) return undefined;
  let total = 0;
  let weightSum = 0;
  for (const criterion of PRIORITISATION_CRITERIA) {
    total += prioritisation[criterion] * weights[criterion];
    weightSum += weights[criterion];
  }
  return weightSum === 0 ? undefined : Math.round((total / weightSum) * 10) / 10;
}

function figure(f: { source: FigureView['source']; year: number; note?: string }, amount: number, value: string): FigureView {
  return { amount, value, year: f.year, source: { title: f.source.title, publisher: f.source.publisher, url: f.source.url }, note: f.note };
}

export function summarizeSegment(ctx: ComposeContext, entry: Entry<Segment>): SegmentSummary {
  const s = entry.data;
  const vertical = ctx.verticals.get(s.vertical);
  const { marketSize, growthRate } = s.profile;
  return {
    id: entry.id,
    name: s.name,
    nickname: s.nickname,
    description: s.description,
    href: ctx.href(`/${entry.id}/`),
    faqHref: ctx.href(`/${entry.id}/faq/`),
    status: s.status,
    vertical: { id: s.vertical, name: vertical?.data.name ?? s.vertical },
    criteria: describeCriteria(s.criteria),
    marketSize: marketSize ? figure(marketSize, marketSize.value, formatQuantity(marketSize.value, marketSize.currency)) : undefined,
    growthRate: growthRate ? { ...figure(growthRate, growthRate.percent, `${formatPercent(growthRate.percent)} a year`), period: growthRate.period } : undefined,
    priority: priorityScore(s.prioritisation, ctx.site.prioritisation.weights),
    personas: s.personas.map((p) => {
      const persona = ctx.personas.get(p.id)!;
      return {
        id: p.id,
        label: persona.data.name,
        shortName: persona.data.shortName,
        buyerRole: persona.data.buyerRole,
        href: ctx.href(`/${entry.id}/${p.id}/`),
        headline: headlineText(landingHeadline(p.headline, persona.data.headline, s.nickname)),
      };
    }),
  };
}

/** The headline source of a landing page, keyword marker included: the pair's own, else the persona's with {segment} filled in. */
export function landingHeadline(pairHeadline: string | undefined, personaHeadline: string, nickname: string): string {
  return pairHeadline ?? personaHeadline.replaceAll('{segment}', nickname);
}
