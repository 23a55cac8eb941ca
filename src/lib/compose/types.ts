import type { LandingSection } from '../schemas/index.ts';
import type { Headline } from '../headline.ts';
import type { PageType } from '../tracking/contract.ts';
import type { ClientConfig } from '../tracking/inline-scripts.ts';

/** View models: everything a page needs, composed once; components only lay them out. */

export interface Link {
  label: string;
  href: string;
}

export interface PageMeta {
  /** Path relative to the site's base path, like `/mid-market/cpo/`. */
  path: string;
  /** Root-relative href including the base path. */
  href: string;
  canonical: string;
  title: string;
  description: string;
  noindex: boolean;
  language: string;
  siteName: string;
  breadcrumbs: Link[];
  /** Draft pages show a banner (previews only). */
  draft: boolean;
}

/**
 * Ids exposed on `<body>` as data attributes so tracking can rely on them without parsing URLs:
 * `data-page-type`, `data-segment`, `data-persona`, `data-vertical`, `data-variant`, `data-content-version`.
 */
export interface PageTracking {
  pageType: PageType;
  segment?: string;
  persona?: string;
  vertical?: string;
  variant: string;
  contentVersion: string;
}

export interface SiteChrome {
  name: string;
  homeHref: string;
  /** The icon browsers show in tabs: public/favicon.svg. */
  faviconHref: string;
  /** Consent Mode defaults, run inline first thing in <head>. */
  consentBootstrap: string;
  /** Settings for the page script, embedded as JSON data. */
  clientConfig: ClientConfig;
  /** Privacy notice linked from the consent banner and the lead form. */
  privacyUrl?: string;
  /** Content-Security-Policy for the page's `<meta http-equiv>` (production builds only). */
  csp: string;
  nav: Link[];
}

interface PageBase {
  meta: PageMeta;
  tracking: PageTracking;
  chrome: SiteChrome;
}

export interface ThresholdView {
  label: string;
  value: string;
  note?: string;
}

export interface RegulationView {
  id: string;
  anchor: string;
  shortName: string;
  officialName: string;
  jurisdiction: string;
  authority: string;
  status: string;
  statusLabel: string;
  summary: string;
  appliesTo: string;
  thresholds: ThresholdView[];
  keyDates: { date: string; dateLabel: string; label: string }[];
  documentation: string[];
  changes: { date: string; dateLabel: string; summary: string; statusLabel: string }[];
  sources: { title: string; publisher?: string; url?: string; retrievedLabel: string }[];
  lastVerified: string;
  lastVerifiedLabel: string;
}

export interface FaqItem {
  id: string;
  anchor: string;
  question: string;
  /** Answer HTML, including the dated facts of the regulations it is about. */
  answerHtml: string;
  /** The same answer as plain text. */
  answerText: string;
}

export interface PainView {
  id: string;
  title: string;
  summary: string;
  /** True when the vertical file names this persona as feeling the pain most. */
  forPersona: boolean;
  regulations: Link[];
}

export interface LeadFormView {
  endpoint: string;
  heading: string;
  success: string;
  failure: string;
  privacyUrl?: string;
}

export interface OverrideRef {
  /** Path of the MDX file relative to the content root, used to find its compiled module. */
  file: string;
  sections: LandingSection[];
}

export interface LandingView extends PageBase {
  kind: 'landing';
  segment: { id: string; name: string; nickname: string; href: string };
  persona: { id: string; name: string; shortName: string; buyerRole: string };
  vertical: { id: string; name: string };
  hero: { eyebrow: string; headline: Headline; valueProposition: string; ctaLabel: string };
  /** Keyword insertion settings, when the site allows it and the headline marks a phrase. */
  keywordInsertion?: { param: string; maxLength: number };
  why: { goals: string[]; bodyHtml: string; proofPoints: string[]; emphasis: string[] };
  pains: PainView[];
  regulations: RegulationView[];
  /** Further regulations that apply, named but not described, to keep the page short. */
  moreRegulations: string[];
  objections: { objection: string; answer: string }[];
  faqs: FaqItem[];
  faqHref: string;
  cta: { label: string; promise?: string; form: LeadFormView };
  override?: OverrideRef;
}

export interface CriterionLine {
  label: string;
  value: string;
}

export interface FigureView {
  /** The figure as authored (whole currency units, or percent). */
  amount: number;
  value: string;
  year: number;
  source: { title: string; publisher?: string; url?: string };
  note?: string;
}

export interface SegmentSummary {
  id: string;
  name: string;
  nickname: string;
  description: string;
  href: string;
  faqHref: string;
  status: string;
  vertical: { id: string; name: string };
  criteria: CriterionLine[];
  marketSize?: FigureView;
  growthRate?: FigureView & { period: string };
  /** Weighted prioritisation score from 1 to 5, absent when the segment is not scored. */
  priority?: number;
  personas: (Link & { id: string; shortName: string; buyerRole: string; headline: string })[];
}

export interface SegmentHubView extends PageBase {
  kind: 'segment';
  segment: SegmentSummary;
  profile: { keyTrends: string[]; majorChallenges: string[]; emergingOpportunities: string[]; dataSources: { title: string; publisher?: string; url?: string }[] };
  valueProposition: string;
  regulations: (Link & { statusLabel: string })[];
}

export interface FaqPageView extends PageBase {
  kind: 'faq';
  segment: SegmentSummary;
  faqs: FaqItem[];
  /** FAQPage structured data built from exactly the visible questions and answers. */
  jsonLd: Record<string, unknown>;
}

export interface ChartBar {
  label: string;
  value: number;
  valueLabel: string;
  href: string;
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

export interface OverviewView extends PageBase {
  kind: 'overview';
  segments: SegmentSummary[];
  charts: BarChart[];
  weights: { label: string; weight: number }[];
  /** CRM accounts per segment, when the content holds an assignment summary (content/assignment-summary.json). */
  accounts?: {
    /** Accounts assigned to each segment by id, with the table cell's text; a segment the summary does not count is absent. */
    bySegment: Record<string, { assigned: number; matched: number; label: string }>;
    /** What the counts are, in sentences: the file, the totals, overlaps, gaps and unreadable rows. */
    notes: string[];
    /** Set when the criteria or the mapping changed after the accounts were assigned. */
    stale?: string;
  };
}

export interface HomeView extends PageBase {
  kind: 'home';
  offer: { headline: string; summary: string; points: string[] };
  segments: SegmentSummary[];
  overviewHref: string;
}

/** The dev server's index of every page, drafts and noindex variants included, for reviewing before publishing. */
export interface PreviewView extends PageBase {
  kind: 'preview';
  groups: { title: string; status: string; pages: (Link & { notes: string[] })[] }[];
}

export type PageView = HomeView | OverviewView | SegmentHubView | LandingView | FaqPageView | PreviewView;

export interface Route {
  path: string;
  /** Route parameter for Astro's `[...route]` page: the path without slashes, undefined for `/`. */
  param: string | undefined;
  view: PageView;
}
