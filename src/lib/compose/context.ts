import type { Entry, MarkdownEntry, PageOverrideEntry, Project } from '../load/project.ts';
import { renderMarkdown, type RenderedMarkdown } from '../markdown.ts';
import { isPublished, type RouteOptions } from '../routes.ts';
import type { Faq, Persona, Regulation, Segment, Site, Vertical } from '../schemas/index.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { clientConfig, consentBootstrapScript, inlineScriptsOf } from '../tracking/inline-scripts.ts';
import { composeRegulation } from './regulation.ts';
import type { PageMeta, PageTracking, RegulationView, SiteChrome } from './types.ts';

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

export function createComposeContext(project: Project, site: Site, contentVersion: string, options: RouteOptions = {}): ComposeContext {
  const base = site.basePath.replace(/\/$/, '');
  const origin = site.url.replace(/\/+$/, '');
  const href = (path: string) => `${base}${path}`;
  const regulationEntries = new Map(project.regulations.map((r) => [r.id, r]));
  const sortedFaqs = [...project.faqs].sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : 1));
  const faqs = sortedFaqs.map((entry, index): ComposedFaq => ({ entry, answer: renderMarkdown(entry, { topHeading: 4 }), index }));
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
    personaCopy: new Map(project.personas.map((p) => [p.id, renderMarkdown(p, { topHeading: 3 })])),
    overrides: new Map(project.pageOverrides.map((o) => [`${o.segment}/${o.persona}`, o])),
    chrome: {
      name: site.name,
      homeHref: href('/'),
      faviconHref: href('/favicon.svg'),
      consentBootstrap: consentBootstrapScript(site),
      clientConfig: clientConfig(site),
      privacyUrl: site.leadForm.privacyUrl,
      csp: contentSecurityPolicy(site, { inlineScripts: inlineScriptsOf(site), form: 'meta' }),
      nav: [
        { label: 'Home', href: href('/') },
        { label: 'Segments', href: href('/segments/') },
      ],
    },
    href,
    absolute: (path) => `${origin}${href(path)}`,
  };
}

export function pageMeta(
  ctx: ComposeContext,
  path: string,
  fields: { title: string; description: string; noindex?: boolean; breadcrumbs?: { label: string; path: string }[]; draft?: boolean },
): PageMeta {
  return {
    path,
    href: ctx.href(path),
    canonical: ctx.absolute(path),
    title: fields.title,
    description: fields.description,
    noindex: fields.noindex ?? false,
    language: ctx.site.language,
    siteName: ctx.site.name,
    breadcrumbs: (fields.breadcrumbs ?? []).map((b) => ({ label: b.label, href: ctx.href(b.path) })),
    draft: fields.draft ?? false,
  };
}

export function pageTracking(ctx: ComposeContext, pageType: PageTracking['pageType'], ids: { segment?: string; persona?: string; vertical?: string; variant?: string } = {}): PageTracking {
  return { pageType, ...ids, variant: ids.variant ?? 'default', contentVersion: ctx.contentVersion };
}
