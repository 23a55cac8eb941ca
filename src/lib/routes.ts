import type { Diagnostic } from './diagnostics.ts';
import { localePrefix, localesOf, translationsIn } from './i18n/locales.ts';
import type { Project } from './load/project.ts';
import type { Site } from './schemas/index.ts';

export type RouteKind = 'home' | 'overview' | 'segment' | 'landing' | 'faq' | 'thank-you' | 'preview' | 'locale-choice';

/** Where the generated thank-you page lives (leadForm.thankYouPage), relative to the base path. */
export const THANK_YOU_PATH = '/thank-you/';

/** One page of the site: its path (relative to the base path) and the file that makes it exist. */
export interface RoutePlan {
  /** The path relative to the base path, with the locale's prefix: `/de/mid-market/cpo/`. */
  path: string;
  /** The page's locale: the default locale (site.yaml `language`) on default pages. */
  locale: string;
  kind: RouteKind;
  /** What makes this route exist, in words, named in collision messages. */
  source: string;
  /** The content file behind the route; absent for built-in pages. */
  file?: string;
  segment?: string;
  persona?: string;
  /** On an A/B variant of a landing page: the variant id (its file name); the control has none. */
  variant?: string;
}

export interface RouteOptions {
  /** Publish draft segments too (previews only; production never does). */
  includeDrafts?: boolean;
  /** Add the preview index of every page at /_preview/ (the dev server only). */
  preview?: boolean;
}

/** Paths the generator writes itself, which no content may claim. */
const BUILT_IN: { path: string; source: string }[] = [
  { path: '/404/', source: 'the built-in "page not found" page' },
  { path: '/sitemap.xml/', source: 'the built-in sitemap' },
  { path: '/robots.txt/', source: 'the built-in robots.txt' },
];

export function isPublished(status: string, options: RouteOptions = {}): boolean {
  return status === 'active' || (options.includeDrafts === true && status === 'draft');
}

/**
 * Computes every route of the site once. Two sources that would write the same URL are an error
 * naming both files; the build never silently lets one page overwrite another.
 */
export function planRoutes(project: Project, options: RouteOptions = {}): { routes: RoutePlan[]; diagnostics: Diagnostic[] } {
  const routes: RoutePlan[] = [];
  const diagnostics: Diagnostic[] = [];
  const claimed = new Map<string, string>(BUILT_IN.map((b) => [b.path, b.source]));

  const add = (route: RoutePlan) => {
    const owner = claimed.get(route.path);
    if (owner) {
      const builtIn = owner.startsWith('the built-in');
      diagnostics.push({
        severity: 'error',
        rule: 'route-collision',
        file: route.file ?? 'content/site.yaml',
        line: 1,
        column: 1,
        message: `this would write the page ${route.path}, which ${owner} already writes`,
        hint: builtIn
          ? `${route.path} is reserved for ${owner}: rename ${route.file ?? 'the file'} (the file name is the id, and the id is the address).`
          : `Rename one of them: ${route.source} and ${owner} cannot share a URL.`,
      });
      return;
    }
    claimed.set(route.path, route.source);
    routes.push(route);
  };

  const published = project.segments.filter((s) => isPublished(s.data.status, options)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const personaFile = new Map(project.personas.map((p) => [p.id, p.file]));
  const liveVariants = new Map<string, typeof project.pageVariants>();
  for (const variant of [...project.pageVariants].sort((a, b) => (a.variant < b.variant ? -1 : 1))) {
    if (variant.data.status !== 'live') continue;
    const key = `${variant.segment}/${variant.persona}`;
    liveVariants.set(key, [...(liveVariants.get(key) ?? []), variant]);
  }
  const locales = project.site ? localesOf(project.site.data) : { default: 'en', all: ['en'], prefixDefault: false };
  // With every locale under its prefix, / is left for a plain page linking each locale's home page.
  if (locales.prefixDefault) add({ path: '/', locale: locales.default, kind: 'locale-choice', source: 'the built-in choice of language (prefixDefaultLocale in content/site.yaml)' });
  for (const locale of locales.all) {
    const isDefault = locale === locales.default;
    const prefix = project.site ? localePrefix(project.site.data, locale) : '';
    // Another locale has a segment's pages when the segment has a translation there, and a variant when the variant has one.
    const translated = isDefault ? undefined : translationsIn(project, locale);
    const segments = translated ? published.filter((s) => translated.has(`segment:${s.id}`)) : published;
    if (!isDefault && segments.length === 0) continue;
    const where = isDefault ? '' : ` (${locale})`;
    add({ path: `${prefix}/`, locale, kind: 'home', source: `the built-in home page${where}` });
    add({ path: `${prefix}/segments/`, locale, kind: 'overview', source: `the built-in segment overview${where}` });
    if (project.site?.data.leadForm.thankYouPage) add({ path: `${prefix}${THANK_YOU_PATH}`, locale, kind: 'thank-you', source: `the built-in thank-you page${where} (leadForm.thankYouPage in content/site.yaml)` });
    // An id cannot contain "_", so no content can claim this path.
    if (options.preview && isDefault) add({ path: `${prefix}/_preview/`, locale, kind: 'preview', source: 'the built-in preview index' });

    for (const segment of segments) {
      const base = `${prefix}/${segment.id}/`;
      add({ path: base, locale, kind: 'segment', source: `${segment.file}${where}`, file: segment.file, segment: segment.id });
      add({ path: `${base}faq/`, locale, kind: 'faq', source: `the built-in FAQ page of ${segment.file}${where}`, file: segment.file, segment: segment.id });
      // A persona listed twice is reported by the reference check; it still gets one page.
      for (const id of new Set(segment.data.personas.map((p) => p.id))) {
        const file = personaFile.get(id) ?? segment.file;
        const path = `${base}${id}/`;
        add({ path, locale, kind: 'landing', source: `${file} (a persona of ${segment.file})${where}`, file, segment: segment.id, persona: id });
        // A variant lives beside its control, one level down: the ad platform's experiment splits traffic between the two URLs.
        for (const variant of liveVariants.get(`${segment.id}/${id}`) ?? []) {
          if (translated && !translated.has(`variant:${variant.id}`)) continue;
          add({ path: `${path}${variant.variant}/`, locale, kind: 'landing', source: `${variant.file} (a variant of ${path})`, file: variant.file, segment: segment.id, persona: id, variant: variant.variant });
        }
      }
    }
  }
  return { routes, diagnostics };
}

/**
 * Where the lead form sends a visitor after a successful submission: `leadForm.thankYouUrl`, else the
 * generated thank-you page when it is on (absolute, as the endpoint's 303 redirect needs), else none.
 */
export function thankYouUrlOf(site: Site, locale: string = site.language): string | undefined {
  if (site.leadForm.thankYouUrl) return site.leadForm.thankYouUrl;
  if (!site.leadForm.thankYouPage) return undefined;
  return `${site.url.replace(/\/+$/, '')}${site.basePath.replace(/\/$/, '')}${localePrefix(site, locale)}${THANK_YOU_PATH}`;
}
