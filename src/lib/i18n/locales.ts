/**
 * The locales a site publishes in, where each one's pages live, and the project as a page in one
 * locale sees it: the translated text merged over the originals, figures and dates from the originals.
 */
import type { Entry, MarkdownEntry, Project } from '../load/project.ts';
import type { TranslationEntry } from '../load/translations.ts';
import type { Site } from '../schemas/index.ts';
import { mergeText, textShapeOf, type TranslatableKind } from './translations.ts';

export interface SiteLocales {
  /** The default locale: site.yaml's `language`. */
  default: string;
  /** Every locale, the default first, then `locales` in their order. */
  all: string[];
  /** Whether the default locale's pages live under /<language>/ too. */
  prefixDefault: boolean;
}

export function localesOf(site: Pick<Site, 'language'> & Partial<Pick<Site, 'locales' | 'prefixDefaultLocale'>>): SiteLocales {
  const others = (site.locales ?? []).filter((l) => l !== site.language);
  return { default: site.language, all: [site.language, ...new Set(others)], prefixDefault: site.prefixDefaultLocale ?? false };
}

/** Whether the site publishes in more than one locale. */
export function isMultilingual(site: Parameters<typeof localesOf>[0]): boolean {
  return localesOf(site).all.length > 1;
}

/** Where a locale's pages live, relative to the base path: '' for the default locale (unless prefixed), else '/de', '/en-gb'. */
export function localePrefix(site: Parameters<typeof localesOf>[0], locale: string): string {
  const locales = localesOf(site);
  return locale === locales.default && !locales.prefixDefault ? '' : `/${locale.toLowerCase()}`;
}

/** "German", "British English": a locale as the check's messages name it. */
export function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** The translations of one locale, by `<kind>:<id>`. */
export function translationsIn(project: Pick<Project, 'translations'>, locale: string): Map<string, TranslationEntry> {
  return new Map((project.translations ?? []).filter((t) => t.locale === locale).map((t) => [`${t.kind}:${t.id}`, t]));
}

/**
 * The project as the pages of `locale` see it. In the default locale it is the project itself. In
 * another, each entry with a translation carries the translated text over its own figures, dates and
 * ids; only the segments and A/B variants translated into the locale are in it, since only they
 * have pages there.
 */
export function localizeProject(project: Project, locale: string): Project {
  if (!project.site || locale === project.site.data.language) return project;
  const found = translationsIn(project, locale);
  const merge = <E extends Entry<unknown>>(kind: TranslatableKind, entry: E): E => {
    const t = found.get(`${kind}:${entry.id}`);
    if (!t) return entry;
    const data = mergeText(textShapeOf(kind), entry.data, t.data);
    const body = 'body' in entry && t.body !== undefined && t.body.trim() !== '' ? { body: t.body, bodyLine: t.bodyLine } : {};
    return { ...entry, data, ...body };
  };
  const mergeMarkdown = <E extends MarkdownEntry<unknown>>(kind: TranslatableKind, entry: E): E => merge(kind, entry);
  // An override's or variant's translated sections are compiled from the translation's own file.
  const withSections = <E extends { id: string; file: string; sections: unknown[] }>(kind: TranslatableKind, entry: E): E => {
    const t = found.get(`${kind}:${entry.id}`);
    return t?.sections ? { ...entry, file: t.file, sections: t.sections } : entry;
  };
  return {
    ...project,
    site: merge('site', project.site),
    segments: project.segments.filter((s) => found.has(`segment:${s.id}`)).map((s) => merge('segment', s)),
    personas: project.personas.map((p) => mergeMarkdown('persona', p)),
    verticals: project.verticals.map((v) => merge('vertical', v)),
    regulations: project.regulations.map((r) => merge('regulation', r)),
    faqs: project.faqs.map((f) => mergeMarkdown('faq', f)),
    pageOverrides: project.pageOverrides.map((o) => withSections('page', mergeMarkdown('page', o))),
    pageVariants: project.pageVariants.filter((v) => found.has(`variant:${v.id}`)).map((v) => withSections('variant', mergeMarkdown('variant', v))),
    proof: {
      ...project.proof,
      quotes: project.proof.quotes.map((q) => merge('quote', q)),
      logos: project.proof.logos.map((l) => merge('logo', l)),
      figures: project.proof.figures.map((f) => merge('figure', f)),
      certifications: project.proof.certifications.map((c) => merge('certification', c)),
    },
  };
}
