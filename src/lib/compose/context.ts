import type { Entry, MarkdownEntry, PageOverrideEntry, PageVariantEntry, Project } from '../load/project.ts';
import { renderMarkdown, type RenderedMarkdown } from '../markdown.ts';
import type { RenderedBodies } from '../markdown-worker.ts';
import { isPublished, THANK_YOU_PATH, type RouteOptions } from '../routes.ts';
import type { Faq, Persona, Regulation, Segment, Site, Vertical } from '../schemas/index.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { vendorConfig } from '../tracking/ad-platforms.ts';
import { clientConfig, consentBootstrapScript, inlineScriptsOf } from '../tracking/inline-scripts.ts';
import { composeRegulation } from './regulation.ts';
import { OG_HEIGHT, OG_WIDTH } from '../og-image/card.ts';
import type { OgImage, PageMeta, PageTracking, RegulationView, SiteChrome } from './types.ts';

/**
 * The project indexed once for composition: lookups by id, Markdown rendered once per entry, and
 * the site's URL helpers. Every page is composed from this, so nothing is parsed or rendered per page.
 */
export interface ComposeContext {
  site: Site;
  contentVersion: string;
  options: RouteOptions;
  segments: Map<string, Entry<Segment>>;
  publishedSegments: Entry<Segment>[];
  personas: Map<string, MarkdownEntry<Persona>>;
  verticals: Map<string, Entry<Vertical>>;
  regulations: Map<string, RegulationView>;
  regulationEntries: Map<string, Entry<Regulation>>;
  faqs: ComposedFaq[];
  /** Questions scoped to a segment, by segment id, in `faqs` order. */
  faqsBySegment: Map<string, ComposedFaq[]>;
  /** Questions with no segment scope (every segment may show them), in `faqs` order. */
  faqsForAnySegment: ComposedFaq[];
  /** 0: written for a persona or segment, 1: about a regulation, 2: general; by question id. */
  faqRank: Map<string, number>;
  personaCopy: Map<string, RenderedMarkdown>;
  overrides: Map<string, PageOverrideEntry>;
  /** A/B variants by `<segment>/<persona>/<variant>`. */
  variants: Map<string, PageVariantEntry>;
  proof: Project['proof'];
  chrome: SiteChrome;
  /** Root-relative URL of a site path, with the base path: `/mid-market/` → `/solutions/mid-market/`. */
  href(path: string): string;
  /** Absolute URL of a site path, for canonical links and the sitemap. */
  absolute(path: string): string;
}

export interface ComposedFaq {
  entry: MarkdownEntry<Faq>;
  answer: RenderedMarkdown;
  /** Position in the site-wide order (order, then id). */
  index: number;
}

function indexFaqs(faqs: ComposedFaq[]): Pick<ComposeContext, 'faqsBySegment' | 'faqsForAnySegment' | 'faqRank'> {
  const faqsBySegment = new Map<string, ComposedFaq[]>();
  const faqsForAnySegment: ComposedFaq[] = [];
  const faqRank = new Map<string, number>();
  for (const faq of faqs) {
    const scope = faq.entry.data.scope;
    faqRank.set(faq.entry.id, scope.personas.length || scope.segments.length ? 0 : scope.regulations.length ? 1 : 2);
    const segments = new Set(scope.segments);
    if (segments.size === 0) faqsForAnySegment.push(faq);
    for (const id of segments) {
      const list = faqsBySegment.get(id) ?? [];
      list.push(faq);
      faqsBySegment.set(id, list);
    }
  }
  return { faqsBySegment, faqsForAnySegment, faqRank };
}

/** Heading levels Markdown bodies start at: an answer sits under its question (h3), persona copy under its section (h2). */
const FAQ_ANSWER_HEADING = 4;
const PERSONA_COPY_HEADING = 3;

/** The heading level a content file's Markdown body is rendered at, or undefined if it is not rendered as a body. */
export function bodyHeadingOf(file: string): number | undefined {
  if (/^content\/faqs\/[^/]+\.md$/.test(file)) return FAQ_ANSWER_HEADING;
  if (/^content\/personas\/[^/]+\.md$/.test(file)) return PERSONA_COPY_HEADING;
  return undefined;
}

/** `rendered` holds bodies rendered ahead, on another thread; any body not in it is rendered here. */
export function createComposeContext(project: Project, site: Site, contentVersion: string, options: RouteOptions = {}, rendered?: RenderedBodies): ComposeContext {
  const render = (entry: { body: string }, topHeading: number) => rendered?.get(entry.body, topHeading) ?? renderMarkdown(entry, { topHeading });
  const base = site.basePath.replace(/\/$/, '');
  const origin = site.url.replace(/\/+$/, '');
  const href = (path: string) => `${base}${path}`;
  const regulationEntries = new Map(project.regulations.map((r) => [r.id, r]));
  const sortedFaqs = [...project.faqs].sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : 1));
  const faqs = sortedFaqs.map((entry, index): ComposedFaq => ({ entry, answer: render(entry, FAQ_ANSWER_HEADING), index }));
  return {
    site,
    contentVersion,
    options,
    segments: new Map(project.segments.map((s) => [s.id, s])),
    publishedSegments: project.segments.filter((s) => isPublished(s.data.status, options)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    personas: new Map(project.personas.map((p) => [p.id, p])),
    verticals: new Map(project.verticals.map((v) => [v.id, v])),
    regulations: new Map(project.regulations.map((r) => [r.id, composeRegulation(r.id, r.data)])),
    regulationEntries,
    faqs,
    ...indexFaqs(faqs),
    personaCopy: new Map(project.personas.map((p) => [p.id, render(p, PERSONA_COPY_HEADING)])),
    overrides: new Map(project.pageOverrides.map((o) => [`${o.segment}/${o.persona}`, o])),
    variants: new Map(project.pageVariants.map((v) => [`${v.segment}/${v.persona}/${v.variant}`, v])),
    proof: project.proof,
    chrome: {
      name: site.name,
      homeHref: href('/'),
      faviconHref: href('/favicon.svg'),
      consentBootstrap: consentBootstrapScript(site),
      clientConfig: clientConfig(site),
      vendors: vendorConfig(site),
      privacyUrl: site.leadForm.privacyUrl,
      csp: contentSecurityPolicy(site, { inlineScripts: inlineScriptsOf(site), form: 'meta' }),
      nav: [
        { label: 'Home', href: href('/') },
        { label: 'Segments', href: href('/segments/') },
      ],
      ctaLabel: site.cta.label,
      hideLandingNavigation: site.landingPage.hideNavigation,
    },
    href,
    absolute: (path) => `${origin}${href(path)}`,
  };
}

export function pageMeta(
  ctx: ComposeContext,
  path: string,
  fields: {
    title: string;
    socialTitle?: string;
    description: string;
    noindex?: boolean;
    breadcrumbs?: { label: string; path: string }[];
    draft?: boolean;
    /** The page search engines should credit instead of this one (an A/B variant names its control); this page by default. */
    canonicalPath?: string;
  },
): PageMeta {
  return {
    path,
    href: ctx.href(path),
    url: ctx.absolute(path),
    canonical: ctx.absolute(fields.canonicalPath ?? path),
    title: fields.title,
    socialTitle: fields.socialTitle ?? fields.title,
    description: fields.description,
    noindex: fields.noindex ?? false,
    language: ctx.site.language,
    siteName: ctx.site.name,
    breadcrumbs: (fields.breadcrumbs ?? []).map((b) => ({ label: b.label, href: ctx.href(b.path) })),
    draft: fields.draft ?? false,
    image: ctx.site.openGraphImages && !UNSHARED_PATHS.has(path) ? ogImage(ctx, path, fields.socialTitle ?? fields.title) : undefined,
  };
}

/** Built-in pages nobody shares: they get no Open Graph image. Noindex landing pages do, for ads link to them. */
const UNSHARED_PATHS = new Set(['/404/', '/_preview/', THANK_YOU_PATH]);

/** The image beside the page (written by src/lib/og-image at build time); its alt text is the headline it shows. */
function ogImage(ctx: ComposeContext, path: string, headline: string): OgImage {
  return { path: `${path}og.png`, url: ctx.absolute(`${path}og.png`), width: OG_WIDTH, height: OG_HEIGHT, alt: headline };
}

export function pageTracking(ctx: ComposeContext, pageType: PageTracking['pageType'], ids: { segment?: string; persona?: string; vertical?: string; variant?: string } = {}): PageTracking {
  return { pageType, ...ids, variant: ids.variant ?? 'default', contentVersion: ctx.contentVersion, locale: ctx.site.language };
}
