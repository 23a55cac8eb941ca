/**
 * The internal playbook: how the company targets each segment (criteria written for sales, market
 * size and growth with their sources, prioritisation scores, the scorecard and the CRM accounts the
 * workbench assigned). Composed from the same checked project as the public site, and rendered to
 * its own output: nothing here reaches a public page.
 */
import { compareRank, rankSegments } from '../assign/assign.ts';
import { buildScorecard, CRITERION_TITLES } from '../assign/scorecard.ts';
import { criteriaVersionOf } from '../assign/version.ts';
import { formatDate, formatInteger, formatPercent, formatQuantity } from '../compose/format.ts';
import { priorityScore } from '../compose/segment-summary.ts';
import { plural } from '../diagnostics.ts';
import type { Entry, Project } from '../load/project.ts';
import { PRIORITISATION_CRITERIA, type AssignmentSummary, type Segment, type Site, type Workbench } from '../schemas/index.ts';
import { composeCampaignPlan } from './campaign-plan.ts';
import { describeCriteria } from './criteria-lines.ts';
import type { BarChart, FigureView, PlaybookSegment, PlaybookView, ScorecardTable } from './types.ts';

export const CRITERION_LABELS: Record<(typeof PRIORITISATION_CRITERIA)[number], string> = {
  sizeAndGrowth: 'Size and growth',
  competitiveIntensity: 'Competitive intensity',
  companyFit: 'Fit with the company',
  structuralAttractiveness: 'Structural attractiveness',
  accessibility: 'Accessibility',
  expectedResponse: 'Expected response',
};

export interface PlaybookInput {
  project: Project;
  /** Site settings as built: site.yaml with the environment's URL and base path applied. */
  site: Site;
  contentVersion: string;
}

export function composePlaybook({ project, site, contentVersion }: PlaybookInput): PlaybookView {
  const weights = site.prioritisation.weights;
  const summary = project.assignmentSummary?.data;
  const shown = project.segments.filter((s) => s.data.status === 'active' || s.data.status === 'draft');
  const scoreOf = (s: Entry<Segment>) => priorityScore(s.data.prioritisation, weights);
  const ordered = [...shown].sort((a, b) => compareRank({ id: a.id, score: scoreOf(a) }, { id: b.id, score: scoreOf(b) }));
  const counts = new Map(summary?.segments.map((s) => [s.id, s]));
  const publicUrl = (id: string) => `${site.url.replace(/\/+$/, '')}${site.basePath.replace(/\/$/, '')}/${id}/`;
  const segments = ordered.map((entry) => composeSegment(entry, weights, counts.get(entry.id), entry.data.status === 'active' ? publicUrl(entry.id) : undefined));

  const view: PlaybookView = {
    title: `Segment playbook | ${site.name}`,
    siteName: site.name,
    contentVersion,
    segments,
    weights: PRIORITISATION_CRITERIA.map((c) => ({ label: CRITERION_LABELS[c], weight: weights[c] })),
    scorecard: scorecardTable(project, weights, summary),
    charts: playbookCharts(segments.filter((s) => s.status === 'active'), summary),
    campaignPlan: composeCampaignPlan(project, site),
  };
  if (project.assignmentSummary) view.accounts = accountNotes(project, weights, project.assignmentSummary, project.workbench?.data);
  return view;
}

function figure(f: { source: FigureView['source']; year: number; note?: string }, amount: number, value: string): FigureView {
  const out: FigureView = { amount, value, year: f.year, source: { title: f.source.title } };
  if (f.source.publisher) out.source.publisher = f.source.publisher;
  if (f.source.url) out.source.url = f.source.url;
  if (f.note) out.note = f.note;
  return out;
}

function composeSegment(entry: Entry<Segment>, weights: Site['prioritisation']['weights'], count: AssignmentSummary['segments'][number] | undefined, publicUrl: string | undefined): PlaybookSegment {
  const s = entry.data;
  const { marketSize, growthRate } = s.profile;
  const segment: PlaybookSegment = {
    id: entry.id,
    name: s.name,
    nickname: s.nickname,
    status: s.status,
    file: entry.file,
    criteria: describeCriteria(s.criteria),
    scores: s.prioritisation ? PRIORITISATION_CRITERIA.map((c) => ({ label: CRITERION_LABELS[c], score: s.prioritisation![c] })) : [],
    profile: {
      keyTrends: s.profile.keyTrends,
      majorChallenges: s.profile.majorChallenges,
      emergingOpportunities: s.profile.emergingOpportunities,
      dataSources: s.profile.dataSources.map((d) => ({ title: d.title, ...(d.publisher ? { publisher: d.publisher } : {}), ...(d.url ? { url: d.url } : {}) })),
    },
    emphasis: s.messaging.emphasis,
  };
  if (publicUrl) segment.publicUrl = publicUrl;
  if (marketSize) segment.marketSize = figure(marketSize, marketSize.value, formatQuantity(marketSize.value, marketSize.currency));
  if (growthRate) segment.growthRate = { ...figure(growthRate, growthRate.percent, `${formatPercent(growthRate.percent)} a year`), period: growthRate.period };
  const priority = priorityScore(s.prioritisation, weights);
  if (priority !== undefined) segment.priority = priority;
  if (s.prioritisation?.rationale) segment.rationale = s.prioritisation.rationale;
  if (count) segment.accounts = count.matched > count.assigned ? `${formatInteger(count.assigned)} (${formatInteger(count.matched)} match)` : formatInteger(count.assigned);
  if (s.reviewed) segment.reviewed = formatDate(s.reviewed);
  return segment;
}

/** The scorecard `npm run scorecard` prints, as a table: the same rows, ranks and figures. */
function scorecardTable(project: Project, weights: Site['prioritisation']['weights'], summary: AssignmentSummary | undefined): ScorecardTable {
  const ranked = rankSegments(project.segments, weights, { includeDrafts: summary?.includeDrafts === true });
  const card = buildScorecard(ranked, project.segments, weights, summary);
  return {
    columns: ['Rank', 'Segment', 'Accounts', 'Market size', 'Growth', ...PRIORITISATION_CRITERIA.map((c) => CRITERION_TITLES[c]), 'Score'],
    rows: card.rows.map((r) => [
      String(r.rank),
      r.name,
      r.accounts ? formatInteger(r.accounts.assigned) : 'n/a',
      r.marketSize ? `${formatQuantity(r.marketSize.value, r.marketSize.currency)} (${r.marketSize.year})` : 'not sized',
      r.growth ? `${formatPercent(r.growth.percent)} a year, ${r.growth.period}` : 'not estimated',
      ...PRIORITISATION_CRITERIA.map((c) => (r.scores ? String(r.scores[c]) : '-')),
      r.score !== undefined ? r.score.toFixed(1) : 'not scored',
    ]),
    notes: [
      `Score: the weighted mean of the six scores (1 poor to 5 excellent), weights from content/site.yaml: ${PRIORITISATION_CRITERIA.map((c) => `${CRITERION_LABELS[c]} ×${weights[c]}`).join(', ')}.`,
      card.unassigned !== undefined ? `Accounts: assigned to the segment by npm run assign; ${formatInteger(card.unassigned)} matched no segment.` : 'Accounts: n/a without an assignment summary (npm run assign writes one).',
    ],
  };
}

function accountNotes(project: Project, weights: Site['prioritisation']['weights'], summary: Entry<AssignmentSummary>, mapping: Workbench | undefined): NonNullable<PlaybookView['accounts']> {
  const s = summary.data;
  const a = s.accounts;
  const notes = [
    `${formatInteger(a.assigned)} of the ${plural(a.read, 'account')} in ${s.input.file} were assigned to a segment${s.includeDrafts ? ' (draft segments counted too)' : ''}; ${formatInteger(a.unassigned)} matched none.`,
    a.overlapping
      ? `${plural(a.overlapping, 'account')} matched more than one segment; each is counted once, for the segment with the highest priority score.`
      : 'No account matched more than one segment.',
  ];
  if (a.unreadable) notes.push(`${plural(a.unreadable, 'row')} of the export could not be read and ${a.unreadable === 1 ? 'is' : 'are'} not counted.`);
  const out: NonNullable<PlaybookView['accounts']> = { notes };
  if (criteriaVersionOf(rankSegments(project.segments, weights, { includeDrafts: s.includeDrafts }), mapping) !== s.criteriaVersion) {
    out.stale = 'The segment criteria, priority scores or the workbench mapping have changed since these accounts were assigned, so the counts may no longer match the criteria shown.';
  }
  return out;
}

function playbookCharts(segments: PlaybookSegment[], summary: AssignmentSummary | undefined): BarChart[] {
  const charts: BarChart[] = [];
  const scored = segments.filter((s) => s.priority !== undefined);
  if (scored.length) {
    charts.push({
      title: 'Priority score',
      description: 'Weighted score across the six prioritisation criteria, from 1 (poor) to 5 (excellent).',
      ...axis(5),
      unit: '',
      bars: scored.map((s) => ({ label: s.name, value: s.priority!, valueLabel: s.priority!.toFixed(1) })),
    });
  }
  const counted = summary ? segments.flatMap((s) => summary.segments.filter((x) => x.id === s.id).map((x) => ({ name: s.name, assigned: x.assigned }))) : [];
  if (summary && counted.length) {
    const most = Math.max(...counted.map((c) => c.assigned), 1);
    charts.push({
      title: 'CRM accounts assigned',
      description: `Accounts of the CRM export assigned to each segment by the segment workbench; ${formatInteger(summary.accounts.unassigned)} of ${formatInteger(summary.accounts.read)} matched no segment.`,
      ...axis(most),
      unit: '',
      bars: counted.map((c) => ({ label: c.name, value: c.assigned, valueLabel: formatInteger(c.assigned) })),
    });
  }
  const growing = segments.filter((s) => s.growthRate !== undefined);
  if (growing.length) {
    const rates = growing.map((s) => s.growthRate!.amount);
    charts.push({
      title: 'Estimated growth per year',
      description: 'Compound annual growth rate from each segment’s sourced profile.',
      ...axis(Math.max(...rates, 1)),
      unit: '%',
      bars: growing.map((s, i) => ({ label: s.name, value: rates[i]!, valueLabel: formatPercent(rates[i]!) })),
    });
  }
  return charts;
}

/** An axis from 0 to a round maximum at or above `value`, in at most six steps of 1, 2 or 5 × 10ⁿ. */
export function axis(value: number): { max: number; ticks: number[] } {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [0.1, 0.2, 0.5, 1, 2, 5, 10].map((f) => f * magnitude).find((s) => value / s <= 5.5 + 1e-9)!;
  const max = Math.round(Math.ceil(value / step - 1e-9) * step * 1000) / 1000;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return { max, ticks };
}
