/**
 * Accounts → segments: which segments count, in which order, and what one account gets.
 *
 * The multi-match rule: an account matching several counted segments is assigned to the one ranked
 * first by the weighted priority score that the playbook shows (one decimal, weights from site.yaml;
 * an unscored segment ranks after every scored one; ties by id), and is reported as an overlap.
 * Only active segments count, unless drafts are asked for.
 */
import { matchAccount, type Account, type AccountMatch, type CriterionCheck, type MatchContext } from '../criteria.ts';
import { priorityScore } from '../compose/segment-summary.ts';
import type { Entry } from '../load/project.ts';
import type { CriterionKey, Segment, Site, Workbench } from '../schemas/index.ts';

export interface RankedSegment {
  id: string;
  file: string;
  status: Segment['status'];
  criteria: Segment['criteria'];
  prioritisation: Segment['prioritisation'];
  /** Weighted priority score, absent when the segment is not scored. */
  score?: number;
}

/** The segments that count, highest priority first. */
export function rankSegments(segments: readonly Entry<Segment>[], weights: Site['prioritisation']['weights'], options: { includeDrafts?: boolean } = {}): RankedSegment[] {
  return segments
    .filter((s) => s.data.status === 'active' || (options.includeDrafts === true && s.data.status === 'draft'))
    .map((s): RankedSegment => {
      const ranked: RankedSegment = { id: s.id, file: s.file, status: s.data.status, criteria: s.data.criteria, prioritisation: s.data.prioritisation };
      const score = priorityScore(s.data.prioritisation, weights);
      if (score !== undefined) ranked.score = score;
      return ranked;
    })
    .sort(compareRank);
}

export function compareRank(a: { id: string; score?: number }, b: { id: string; score?: number }): number {
  const sa = a.score ?? Number.NEGATIVE_INFINITY;
  const sb = b.score ?? Number.NEGATIVE_INFINITY;
  return sb - sa || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function matchContextOf(mapping: Workbench): MatchContext {
  const ctx: MatchContext = { exchangeRates: mapping.exchangeRates };
  if (mapping.revenuePerEmployee) ctx.revenuePerEmployee = mapping.revenuePerEmployee;
  return ctx;
}

export interface SegmentResult {
  segment: RankedSegment;
  match: AccountMatch;
}

export interface Assignment {
  /** Every counted segment's result, in rank order. */
  results: SegmentResult[];
  /** The segments the account matches, in rank order. */
  matched: RankedSegment[];
  /** The first of them: the segment the account is assigned to. */
  assigned?: RankedSegment;
}

export function assignAccount(account: Account, segments: readonly RankedSegment[], ctx: MatchContext): Assignment {
  const results = segments.map((segment) => ({ segment, match: matchAccount(account, segment.criteria, ctx) }));
  const matched = results.filter((r) => r.match.matched).map((r) => r.segment);
  const assignment: Assignment = { results, matched };
  if (matched[0]) assignment.assigned = matched[0];
  return assignment;
}

/** The criteria an account failed, per segment. */
export function failedCriteria(match: AccountMatch): CriterionKey[] {
  return match.checks.filter((c) => !c.ok).map((c) => c.criterion);
}

/**
 * The compact verdict per segment, in rank order: `a: matches | b: fails employees, region`. The SQL
 * query's match_reasons column says exactly the same, which is how the two are proven equal.
 */
export function matchReasons(assignment: Assignment): string {
  return assignment.results.map(({ segment, match }) => (match.matched ? `${segment.id}: matches` : `${segment.id}: fails ${failedCriteria(match).join(', ')}`)).join(' | ');
}

/**
 * Why, in words: for an assigned account every check of its segment (and the lower-ranked segments
 * it also matches); for an unassigned one, the checks it failed for the segment it comes closest to.
 * `matchReasons` names the failed criteria of every other segment. A caller that has the closest miss
 * already passes it.
 */
export function explain(assignment: Assignment, miss = assignment.assigned ? undefined : closestMiss(assignment)): string {
  if (assignment.assigned) {
    const result = assignment.results.find((r) => r.segment === assignment.assigned)!;
    const because = result.match.checks.map((c) => c.reason).join('; ') || 'the segment restricts nothing';
    const others = assignment.matched.slice(1).map((s) => s.id);
    return others.length ? `${because}; also matches ${others.join(', ')}, which rank${others.length === 1 ? 's' : ''} lower` : because;
  }
  return miss ? `matches no segment; closest is ${miss.segment.id}: ${miss.failed.map((c) => c.reason).join('; ')}` : 'no segment counts';
}

/** The segment an unassigned account misses by the fewest criteria (the higher-ranked on a tie), and the checks it fails there. */
export function closestMiss(assignment: Assignment): { segment: RankedSegment; failed: CriterionCheck[] } | undefined {
  let best: { segment: RankedSegment; failed: CriterionCheck[] } | undefined;
  for (const { segment, match } of assignment.results) {
    const failed = match.checks.filter((c) => !c.ok);
    if (failed.length && (!best || failed.length < best.failed.length)) best = { segment, failed };
  }
  return best;
}
