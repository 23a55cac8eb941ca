import { checkWorkbench } from './assign/content-check.ts';
import { checkProject, type CheckOptions } from './check/index.ts';
import { composeLandingPage } from './compose/landing.ts';
import { bodyHeadingOf, createComposeContext, pageMeta, pageTracking } from './compose/context.ts';
import { composeFaqPage, composeHome, composeOverview, composePreview, composeSegmentHub } from './compose/pages.ts';
import { composeThankYouPage } from './compose/thank-you.ts';
import { composeLocaleChoice } from './compose/locale-choice.ts';
import type { PageMeta, PageTracking, PageView, Route, SiteChrome } from './compose/types.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { ContentCache } from './load/cache.ts';
import { contentVersionOf, readContentFiles, type SourceFile } from './load/files.ts';
import { parseProject, type Project } from './load/project.ts';
import { renderBodiesInWorker, type RenderedBodies } from './markdown-worker.ts';
import type { RoutePlan } from './routes.ts';
import { siteAsBuilt, type Site } from './schemas/index.ts';
import { localesOf } from './i18n/locales.ts';

export interface SiteBuild {
  /** Site settings as built: site.yaml with the environment's URL and base path applied. */
  settings: Site;
  routes: Route[];
  /** The "page not found" page, written as 404.html for static hosts. */
  notFound: { meta: PageMeta; tracking: PageTracking; chrome: SiteChrome };
  sitemapXml: string;
  robotsTxt: string;
  /** Short hash of every content file: events carry it so results can be tied to the copy that produced them. */
  contentVersion: string;
  diagnostics: Diagnostic[];
}

export type BuildResult = { ok: true; build: SiteBuild } | { ok: false; diagnostics: Diagnostic[] };

export interface BuildOptions extends CheckOptions {
  /** Overrides `url` from site.yaml (for CI deploying the same content to another host). */
  siteUrl?: string;
  /** Overrides `basePath` from site.yaml. */
  basePath?: string;
  /** From how many Markdown bodies they render on a second thread (default MIN_BODIES_FOR_WORKER); for tests. */
  minBodiesForWorker?: number;
  /** Results of earlier builds (src/lib/load/cache.ts): unchanged files are not parsed, validated or rendered again. */
  cache?: ContentCache;
}

/** Reads, checks and composes a content tree: the one entry point shared by the CLI and the Astro build. */
export async function buildSiteFromDisk(root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const files = await readContentFiles(root);
  // On a large site the Markdown bodies render on a second thread while this one parses and checks.
  const rendering = renderBodiesInWorker(files, bodyHeadingOf, options.minBodiesForWorker, options.cache);
  const { project, routes, diagnostics } = checkFiles(files, options);
  if (hasErrors(diagnostics) || !project.site) {
    rendering?.cancel();
    return { ok: false, diagnostics };
  }
  const rendered = await rendering?.result;
  return { ok: true, build: composeSite(project, routes, contentVersionOf(files), options, diagnostics, rendered) };
}

/**
 * Loads and checks content without composing pages: what `npm run check` runs, and the first half
 * of every build. Cross-file rules run even when some files failed to load, so one run reports
 * every problem.
 */
export function checkFiles(files: readonly SourceFile[], options: CheckOptions & { cache?: ContentCache } = {}): { project: Project; routes: RoutePlan[]; diagnostics: Diagnostic[] } {
  const loaded = parseProject(files, options.cache);
  const checked = checkProject(loaded.project, options);
  // The workbench's rules (the account mapping, a stale committed summary) run with the content check.
  return { project: loaded.project, routes: checked.routes, diagnostics: sortDiagnostics([...loaded.diagnostics, ...checked.diagnostics, ...checkWorkbench(loaded.project)]) };
}

export function buildSite(files: readonly SourceFile[], options: BuildOptions = {}): BuildResult {
  const { project, routes, diagnostics } = checkFiles(files, options);
  if (hasErrors(diagnostics) || !project.site) return { ok: false, diagnostics };
  return { ok: true, build: composeSite(project, routes, contentVersionOf(files), options, diagnostics) };
}

function composeSite(project: Project, plans: RoutePlan[], contentVersion: string, options: BuildOptions, diagnostics: Diagnostic[], rendered?: RenderedBodies): SiteBuild {
  const site = siteAsBuilt(project.site!.data, options);
  const locales = localesOf(site);
  // One context per locale, each with the text of its locale; the default locale's first.
  const contexts = new Map(locales.all.map((locale) => [locale, createComposeContext(project, site, contentVersion, options, rendered, locale)]));
  const ctx = contexts.get(locales.default)!;
  const param = (path: string) => (path === '/' ? undefined : path.slice(1, -1));
  const pagePlans = plans.filter((p) => p.kind !== 'preview');
  const homes = pagePlans.filter((p) => p.kind === 'home').map((p) => ({ locale: p.locale, path: p.path }));
  const routes = pagePlans.map((plan): Route => ({ path: plan.path, param: param(plan.path), view: plan.kind === 'locale-choice' ? composeLocaleChoice(contexts.get(plan.locale)!, homes) : composeView(contexts.get(plan.locale)!, plan) }));
  addAlternates(routes, pagePlans, locales.default);
  // The preview index lists every other page, so it is composed from them, last.
  for (const plan of plans.filter((p) => p.kind === 'preview')) routes.push({ path: plan.path, param: param(plan.path), view: composePreview(ctx, routes) });
  const indexable = routes.filter(isIndexable);
  const multilingual = locales.all.length > 1;
  const sitemapXml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    multilingual ? '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">' : '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...indexable.map((r) =>
      r.view.meta.alternates.length
        ? [`  <url>`, `    <loc>${escapeXml(r.view.meta.canonical)}</loc>`, ...r.view.meta.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.url)}"/>`), '  </url>'].join('\n')
        : `  <url><loc>${escapeXml(r.view.meta.canonical)}</loc></url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
  const robotsTxt = ['User-agent: *', 'Allow: /', '', `Sitemap: ${ctx.absolute('/sitemap.xml')}`, ''].join('\n');
  const notFound = {
    meta: pageMeta(ctx, '/404/', { title: `${ctx.ui.meta.notFoundTitle} | ${site.name}`, description: site.description, noindex: true }),
    tracking: pageTracking(ctx, 'not-found'),
    chrome: ctx.chrome,
  };
  return { settings: site, routes, notFound, sitemapXml, robotsTxt, contentVersion, diagnostics };
}

function isIndexable(route: Route): boolean {
  return !route.view.meta.noindex && !route.view.meta.draft && route.view.kind !== 'preview';
}

/**
 * Links each indexable page with the same page in the other locales (the same path without the
 * locale prefix), plus x-default for the default locale's. Pages are grouped symmetrically, so every
 * page a page names as its alternate names it back; pages kept out of search engines get none.
 */
function addAlternates(routes: Route[], plans: readonly RoutePlan[], defaultLocale: string): void {
  const groups = new Map<string, { route: Route; locale: string }[]>();
  // With prefixDefaultLocale, / (the choice of language) is the home pages' x-default.
  const choice = routes.find((r) => r.view.kind === 'locale-choice');
  routes.forEach((route, i) => {
    const plan = plans[i]!;
    if (!isIndexable(route) || plan.kind === 'locale-choice') return;
    const key = `${plan.kind}\0${plan.segment ?? ''}\0${plan.persona ?? ''}\0${plan.variant ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), { route, locale: plan.locale }]);
  });
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const alternates = group.map(({ route, locale }) => ({ locale, hreflang: locale, url: route.view.meta.canonical }));
    const fallback = key.startsWith('home\0') && choice ? choice : group.find((g) => g.locale === defaultLocale)?.route;
    if (fallback) alternates.push({ locale: defaultLocale, hreflang: 'x-default', url: fallback.view.meta.canonical });
    for (const { route } of group) route.view.meta.alternates = alternates;
    if (fallback === choice && choice) choice.view.meta.alternates = alternates;
  }
}

function composeView(ctx: ReturnType<typeof createComposeContext>, plan: RoutePlan): PageView {
  switch (plan.kind) {
    case 'home':
      return composeHome(ctx);
    case 'overview':
      return composeOverview(ctx);
    case 'segment':
      return composeSegmentHub(ctx, plan.segment!);
    case 'faq':
      return composeFaqPage(ctx, plan.segment!);
    case 'landing':
      return composeLandingPage(ctx, plan.segment!, plan.persona!, plan.variant);
    case 'thank-you':
      return composeThankYouPage(ctx);
    case 'preview':
      throw new Error('the preview index is composed from the other routes');
    case 'locale-choice':
      throw new Error('the choice of language is composed from the home pages');
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

