/**
 * The segment scorecard: which segments deserve budget first. For each counted segment, the accounts
 * the workbench matched (from an assignment summary), market size and growth from the profile with
 * their sources, the six prioritisation scores and the weighted score, ranked as the assigner ranks.
 */
import { toCsv } from '../csv.ts';
import type { Entry } from '../load/project.ts';
import { formatCount } from '../report/format.ts';
import { formatPercent, formatQuantity } from '../compose/format.ts';
import { PRIORITISATION_CRITERIA, type AssignmentSummary, type PrioritisationCriterion, type Segment, type Site, type Source } from '../schemas/index.ts';
import { compareRank, type RankedSegment } from './assign.ts';
import { textTable } from '../text-table.ts';

export interface ScorecardRow {
  rank: number;
  id: string;
  name: string;
  status: Segment['status'];
  /** From the summary; undefined without one, or when the summary does not know the segment. */
  accounts?: { assigned: number; matched: number };
  marketSize?: { value: number; currency: string; year: number; source: string };
  growth?: { percent: number; period: string; year: number; source: string };
  scores?: Record<PrioritisationCriterion, number>;
  score?: number;
}

export interface Scorecard {
  rows: ScorecardRow[];
  weights: Site['prioritisation']['weights'];
  /** Accounts in the summary that no segment got, when there is a summary. */
  unassigned?: number;
}

export const CRITERION_TITLES: Record<PrioritisationCriterion, string> = {
  sizeAndGrowth: 'Size & growth',
  competitiveIntensity: 'Competition',
  companyFit: 'Fit',
  structuralAttractiveness: 'Structure',
  accessibility: 'Access',
  expectedResponse: 'Response',
};

export function sourceText(source: Source): string {
  return [source.title, source.publisher].filter(Boolean).join(', ');
}

export function buildScorecard(ranked: readonly RankedSegment[], entries: readonly Entry<Segment>[], weights: Site['prioritisation']['weights'], summary?: AssignmentSummary): Scorecard {
  const byId = new Map(entries.map((e) => [e.id, e.data]));
  const counts = new Map(summary?.segments.map((s) => [s.id, s]));
  const rows = [...ranked].sort(compareRank).map((segment, i): ScorecardRow => {
    const data = byId.get(segment.id)!;
    const row: ScorecardRow = { rank: i + 1, id: segment.id, name: data.name, status: data.status };
    const count = counts.get(segment.id);
    if (count) row.accounts = { assigned: count.assigned, matched: count.matched };
    const { marketSize, growthRate } = data.profile;
    if (marketSize) row.marketSize = { value: marketSize.value, currency: marketSize.currency, year: marketSize.year, source: sourceText(marketSize.source) };
    if (growthRate) row.growth = { percent: growthRate.percent, period: growthRate.period, year: growthRate.year, source: sourceText(growthRate.source) };
    if (data.prioritisation) row.scores = Object.fromEntries(PRIORITISATION_CRITERIA.map((c) => [c, data.prioritisation![c]])) as Record<PrioritisationCriterion, number>;
    if (segment.score !== undefined) row.score = segment.score;
    return row;
  });
  const card: Scorecard = { rows, weights };
  if (summary) card.unassigned = summary.accounts.unassigned;
  return card;
}

/** The scorecard for a terminal: one table, then the weights and the numbered sources of the figures. */
export function renderScorecardText(card: Scorecard): string {
  const sources: string[] = [];
  const note = (source: string) => {
    let i = sources.indexOf(source);
    if (i === -1) i = sources.push(source) - 1;
    return `[${i + 1}]`;
  };
  const rows = card.rows.map((r) => [
    String(r.rank),
    r.id,
    r.accounts ? formatCount(r.accounts.assigned) : 'n/a',
    r.marketSize ? `${formatQuantity(r.marketSize.value, r.marketSize.currency)} (${r.marketSize.year}) ${note(r.marketSize.source)}` : 'not sized',
    r.growth ? `${formatPercent(r.growth.percent)} a year, ${r.growth.period} ${note(r.growth.source)}` : 'not estimated',
    ...PRIORITISATION_CRITERIA.map((c) => (r.scores ? String(r.scores[c]) : '-')),
    r.score !== undefined ? r.score.toFixed(1) : 'not scored',
  ]);
  const table = textTable(
    [
      { title: 'Rank', align: 'right' },
      { title: 'Segment', align: 'left' },
      { title: 'Accounts', align: 'right' },
      { title: 'Market size', align: 'left' },
      { title: 'Growth', align: 'left' },
      ...PRIORITISATION_CRITERIA.map((c) => ({ title: CRITERION_TITLES[c], align: 'right' as const })),
      { title: 'Score', align: 'right' },
    ],
    rows,
  );
  const weights = PRIORITISATION_CRITERIA.map((c) => `${CRITERION_TITLES[c]} ×${card.weights[c]}`).join(', ');
  return [
    table,
    '',
    `Score: the weighted mean of the six scores (1 poor to 5 excellent), weights from content/site.yaml: ${weights}.`,
    ...(card.unassigned !== undefined ? [`Accounts: assigned to the segment by npm run assign; ${formatCount(card.unassigned)} matched no segment.`] : ['Accounts: n/a without an assignment summary (npm run assign writes one).']),
    ...(sources.length ? ['Sources:', ...sources.map((s, i) => `  [${i + 1}] ${s}`)] : []),
  ].join('\n');
}

export const SCORECARD_COLUMNS = [
  'rank',
  'segment',
  'name',
  'status',
  'accounts_assigned',
  'accounts_matched',
  'market_size',
  'market_size_currency',
  'market_size_year',
  'market_size_source',
  'growth_percent',
  'growth_period',
  'growth_source',
  'size_and_growth',
  'competitive_intensity',
  'company_fit',
  'structural_attractiveness',
  'accessibility',
  'expected_response',
  'weighted_score',
] as const;

const SCORE_COLUMNS: Record<PrioritisationCriterion, (typeof SCORECARD_COLUMNS)[number]> = {
  sizeAndGrowth: 'size_and_growth',
  competitiveIntensity: 'competitive_intensity',
  companyFit: 'company_fit',
  structuralAttractiveness: 'structural_attractiveness',
  accessibility: 'accessibility',
  expectedResponse: 'expected_response',
};

export function renderScorecardCsv(card: Scorecard): string {
  const rows = card.rows.map((r) => {
    const row: Record<(typeof SCORECARD_COLUMNS)[number], string | number | undefined> = {
      rank: r.rank,
      segment: r.id,
      name: r.name,
      status: r.status,
      accounts_assigned: r.accounts?.assigned,
      accounts_matched: r.accounts?.matched,
      market_size: r.marketSize?.value,
      market_size_currency: r.marketSize?.currency,
      market_size_year: r.marketSize?.year,
      market_size_source: r.marketSize?.source,
      growth_percent: r.growth?.percent,
      growth_period: r.growth?.period,
      growth_source: r.growth?.source,
      size_and_growth: undefined,
      competitive_intensity: undefined,
      company_fit: undefined,
      structural_attractiveness: undefined,
      accessibility: undefined,
      expected_response: undefined,
      weighted_score: r.score?.toFixed(1),
    };
    for (const c of PRIORITISATION_CRITERIA) row[SCORE_COLUMNS[c]] = r.scores?.[c];
    return row;
  });
  return toCsv([...SCORECARD_COLUMNS], rows);
}
