/** View models of the internal playbook: how the company targets each segment. Never part of the public site. */
import type { CampaignPlanRow } from './campaign-plan.ts';

export interface CriterionLine {
  label: string;
  value: string;
}

export interface SourceView {
  title: string;
  publisher?: string;
  url?: string;
}

export interface FigureView {
  /** The figure as authored (whole currency units, or percent). */
  amount: number;
  value: string;
  year: number;
  source: SourceView;
  note?: string;
}

export interface ChartBar {
  label: string;
  value: number;
  valueLabel: string;
}

export interface BarChart {
  title: string;
  description: string;
  max: number;
  /** Round values for the axis, from 0 to max. */
  ticks: number[];
  unit: string;
  bars: ChartBar[];
}

export interface PlaybookSegment {
  id: string;
  name: string;
  nickname: string;
  status: string;
  file: string;
  /** Absolute URL of the segment's public hub; absent for drafts, which have none. */
  publicUrl?: string;
  /** Who belongs in the segment, in the words the workbench assigns accounts by: firmographics, tier, needs, sophistication. */
  criteria: CriterionLine[];
  marketSize?: FigureView;
  growthRate?: FigureView & { period: string };
  /** Weighted priority score from 1 to 5, absent when the segment is not scored. */
  priority?: number;
  scores: { label: string; score: number }[];
  rationale?: string;
  /** Accounts of the CRM export assigned to the segment, as the table shows them. */
  accounts?: string;
  profile: { keyTrends: string[]; majorChallenges: string[]; emergingOpportunities: string[]; dataSources: SourceView[] };
  emphasis: string[];
  reviewed?: string;
}

export interface ScorecardTable {
  columns: string[];
  rows: string[][];
  notes: string[];
}

export interface PlaybookView {
  title: string;
  siteName: string;
  contentVersion: string;
  /** Active segments, and drafts marked as such, highest priority first. */
  segments: PlaybookSegment[];
  weights: { label: string; weight: number }[];
  scorecard: ScorecardTable;
  charts: BarChart[];
  /** Who to target, what to say and where, per published segment × persona. */
  campaignPlan: CampaignPlanRow[];
  /** The committed assignment summary (content/assignment-summary.json), when there is one. */
  accounts?: {
    /** What the counts are, in sentences: the file, the totals, overlaps, gaps and unreadable rows. */
    notes: string[];
    /** Set when the criteria or the mapping changed after the accounts were assigned. */
    stale?: string;
  };
}
