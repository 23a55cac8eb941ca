import type { LandingSection } from '../schemas/index.ts';
import type { Headline } from '../headline.ts';
import type { PageType } from '../tracking/contract.ts';
import type { VendorConfig } from '../tracking/ad-platforms.ts';
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
  /** Absolute URL of this page, where ads and campaign links send visitors. */
  url: string;
  /** Absolute URL search engines should credit: the page's own, or on an A/B variant its control's. */
  canonical: string;
  title: string;
  /** og:title: the page's headline where it has one, else its title. */
  socialTitle: string;
  description: string;
  noindex: boolean;
  language: string;
  siteName: string;
  breadcrumbs: Link[];
  /** Draft pages show a banner (previews only). */
  draft: boolean;
  /** The page's Open Graph image, rendered at build time; absent when switched off (site.yaml openGraphImages) and on the 404 and preview pages. */
  image?: OgImage;
}

export interface OgImage {
  /** Site path of the PNG, next to the page: `/mid-market/cpo/og.png`. */
  path: string;
  /** Absolute URL, for og:image. */
  url: string;
  width: number;
  height: number;
  alt: string;
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
  /** The page's locale, sent as `page_locale` with every event. */
  locale: string;
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
  /** Settings of the ad platform loader; absent when no platform is configured, and then the loader is not on the page. */
  vendors?: VendorConfig;
  /** Privacy notice linked from the consent banner and the lead form. */
  privacyUrl?: string;
  /** Content-Security-Policy for the page's `<meta http-equiv>` (production builds only). */
  csp: string;
  nav: Link[];
  /** The site's default call-to-action label (site.yaml cta.label). */
  ctaLabel: string;
  /** Landing pages leave out the navigation (site.yaml landingPage.hideNavigation). */
  hideLandingNavigation: boolean;
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
  /** Whether the condensed view shows the status: only when it is not simply in force. */
  statusMatters: boolean;
  summary: string;
  /** Why the rule matters, in one line: the first sentence of `summary`, word for word. */
  lead: string;
  /** The rest of `summary`, shown first inside the disclosure; empty when the summary is one sentence. */
  summaryRest: string;
  appliesTo: string;
  thresholds: ThresholdView[];
  keyDates: { date: string; dateLabel: string; label: string; who?: string }[];
  /** Deadlines, worded: "within 72 hours of becoming aware of a significant incident". */
  obligations: { what: string; who?: string; deadline: string }[];
  /** Maximum penalties, worded: "up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher". */
  penalties: { who?: string; text: string; note?: string }[];
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
  /** Answer HTML, with the dated facts of the regulations it is about or a link to them on the same page. */
  answerHtml: string;
  /** The same answer as plain text. */
  answerText: string;
  /** Ids of the regulations the question is about. */
  regulations: string[];
}

export interface PainView {
  id: string;
  title: string;
  summary: string;
  /** True when the vertical file names this persona as feeling the pain most. */
  forPersona: boolean;
  /** "Top concern for the …", only on the pains the persona feels most and only when some pains shown are not among them. */
  badge?: string;
  regulations: Link[];
}

export interface LeadFormView {
  endpoint: string;
  heading: string;
  success: string;
  failure: string;
  privacyUrl?: string;
  /** Where the visitor goes after a successful submission, absolute: the endpoint's 303 redirect for a post without JavaScript. */
  thankYouUrl?: string;
  /** The same page as the script opens it: root-relative for the generated thank-you page, so it works wherever the site is served. */
  thankYouHref?: string;
}

/** An MDX file (page override or A/B variant) and the sections of the page it replaces. */
export interface OverrideRef {
  /** Path of the MDX file relative to the content root, used to find its compiled module. */
  file: string;
  sections: LandingSection[];
}

/**
 * A customer logo, shown at `width` × `height` CSS pixels with `alt` (the company) as its text. An SVG
 * is served from public/ as it is (`src`); a raster logo (`file`) goes through Astro's image service,
 * which the proof strip calls: src/lib has no part in resizing.
 */
export type LogoView = { id: string; company: string; width: number; height: number; alt: string; fictional: boolean } & (
  | { /** Root-relative URL of an SVG under public/. */ src: string; file?: undefined }
  | { /** A PNG, JPEG or WebP beside the logo's YAML file, relative to the content root: `content/proof/logos/acme.png`. */ file: string; src?: undefined }
);

/** Customer proof on a landing page; `*Fictional` asks for an "Illustrative example" note beside that part. */
export interface ProofView {
  logos: LogoView[];
  /** `value` is formatted, like "38%" or "12 days"; `source` is a title or "customer-reported". */
  figures: { id: string; value: string; measured: string; customer?: string; source: string; sourceUrl?: string; dateLabel: string; fictional: boolean }[];
  quotes: { id: string; text: string; person: string; role?: string; company: string; fictional: boolean }[];
  certifications: { id: string; name: string; issuer: string; validUntilLabel: string; evidenceUrl: string; fictional: boolean }[];
  stripFictional: boolean;
  quotesFictional: boolean;
}

export interface LandingView extends PageBase {
  kind: 'landing';
  segment: { id: string; name: string; nickname: string; href: string };
  persona: { id: string; name: string; shortName: string; buyerRole: string };
  vertical: { id: string; name: string };
  /**
   * `valueProposition` is the lead: the page override's, else the segment's pair's, else the persona's.
   * The segment's own value proposition supports it in `why.segmentValueProposition`.
   */
  hero: { eyebrow: string; headline: Headline; valueProposition: string; ctaLabel: string };
  /** Keyword insertion settings, when the site allows it and the headline marks a phrase. */
  keywordInsertion?: { param: string; maxLength: number };
  why: {
    goals: string[];
    bodyHtml: string;
    /** The segment's value proposition, opening "Why companies like yours choose us" before the proof points. */
    segmentValueProposition: string;
    proofPoints: string[];
    /** "Written for the Chief Procurement Officer, who signs off the purchase." */
    audience: string;
  };
  pains: PainView[];
  regulations: RegulationView[];
  /** Further regulations that apply, named but not described, to keep the page short. */
  moreRegulations: string[];
  objections: { objection: string; answer: string }[];
  faqs: FaqItem[];
  faqHref: string;
  cta: { label: string; promise?: string; form: LeadFormView };
  /**
   * The MDX files replacing sections of this page, no section in two of them: a variant's own file
   * first, then its control's override for the sections the variant leaves as they are.
   */
  overrides: OverrideRef[];
  /** On an A/B variant: the control page it is tested against. */
  control?: { path: string; href: string; variant: string };
  proof: ProofView;
}

/**
 * A segment as visitors see it: who it is for and where its pages are. How the company targets it
 * (criteria, sizing, scores) is composed only for the internal playbook (src/lib/playbook/).
 */
export interface SegmentSummary {
  id: string;
  name: string;
  nickname: string;
  description: string;
  href: string;
  faqHref: string;
  status: string;
  vertical: { id: string; name: string };
  personas: (Link & { id: string; shortName: string; buyerRole: string; headline: string })[];
}

/** A challenge of the segment (a pain point of its vertical), with the rules behind it. */
export interface ChallengeView {
  id: string;
  title: string;
  summary: string;
  regulations: Link[];
}

/** The segment hub: a page for companies like the visitor's, with nothing about how they are targeted. */
export interface SegmentHubView extends PageBase {
  kind: 'segment';
  segment: SegmentSummary;
  valueProposition: string;
  proofPoints: string[];
  /** The segment's pains, most important first. */
  challenges: ChallengeView[];
  /** `statusLabel` only when the rule is not simply in force. */
  regulations: (Link & { statusLabel?: string })[];
}

export interface FaqPageView extends PageBase {
  kind: 'faq';
  segment: SegmentSummary;
  faqs: FaqItem[];
  /** FAQPage structured data built from exactly the visible questions and answers. */
  jsonLd: Record<string, unknown>;
}

/** /segments/: a public index of the published segments, each with its personas' pages. */
export interface OverviewView extends PageBase {
  kind: 'overview';
  segments: SegmentSummary[];
}

export interface HomeView extends PageBase {
  kind: 'home';
  offer: { headline: string; summary: string; points: string[] };
  segments: SegmentSummary[];
  /** The public index of every segment, /segments/. */
  overviewHref: string;
}

/** The dev server's index of every page, drafts and noindex variants included, for reviewing before publishing. */
export interface PreviewView extends PageBase {
  kind: 'preview';
  /** `statusLabel` words a segment's status when it is not published as usual (draft, retired). */
  groups: { title: string; status: string; statusLabel?: string; pages: (Link & { notes: string[] })[] }[];
}

/** /thank-you/: where the lead form sends a visitor after a successful submission (leadForm.thankYouPage). */
export interface ThankYouView extends PageBase {
  kind: 'thank-you';
  heading: string;
  /** What happens next, rendered from Markdown through the content allow-list. */
  bodyHtml: string;
  /** Links to useful next content: authored in site.yaml, else each published segment's questions and answers. */
  nextSteps: (Link & { text?: string })[];
}

export type PageView = HomeView | OverviewView | SegmentHubView | LandingView | FaqPageView | ThankYouView | PreviewView;

export interface Route {
  path: string;
  /** Route parameter for Astro's `[...route]` page: the path without slashes, undefined for `/`. */
  param: string | undefined;
  view: PageView;
}
