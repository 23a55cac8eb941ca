/**
 * The translations the published pages of each locale draw on: missing ones (a file, or a field of
 * one), and those whose original's text changed since a translator stamped them.
 */
import { formatFieldPath, type Diagnostic } from '../diagnostics.ts';
import { languageName, localePrefix, localesOf, localizeProject, translationsIn } from '../i18n/locales.ts';
import { hasBody, hasText, textShapeOf, textOf, type TranslatableKind } from '../i18n/translations.ts';
import type { Entry, Project } from '../load/project.ts';
import { BODY_FIELD, type TranslationEntry } from '../load/translations.ts';
import { isPublished, type RouteOptions } from '../routes.ts';
import { checkCopy } from './copy.ts';

export interface TranslationCheckOptions extends RouteOptions {
  /** `--strict`: also report translations that leave text out where no published page needs it. */
  strict?: boolean;
}

/** A content file a locale's pages need translated, and the first page (by path) that shows it. */
export interface NeededFile {
  kind: TranslatableKind;
  id: string;
  /** The original's file. */
  file: string;
  /** Where the translation goes: `content/personas/cpo.de.md`. */
  translation: string;
  /** The page that needs it, like `/de/eu-due-diligence/cpo/`. */
  page: string;
}

/** `content/personas/cpo.md` + `de` → `content/personas/cpo.de.md`. */
export function translationFileOf(original: string, locale: string): string {
  return original.replace(/(\.[^./]+)$/, `.${locale}$1`);
}

/** Whether a file of this kind and content has text a visitor reads (a logo has none, for one). */
export function hasVisitorText(kind: TranslatableKind, entry: { data: unknown; body?: string }): boolean {
  return hasText(textOf(textShapeOf(kind), entry.data)) || (hasBody(kind) && (entry.body ?? '').trim() !== '');
}

/**
 * Every file the published pages of `locale` draw on, with the first page that shows each: the
 * segments with a translation into the locale, and for each its vertical, personas, regulations,
 * questions, proof and page overrides; the site settings for every page.
 */
export function neededTranslations(project: Project, locale: string, options: RouteOptions = {}): NeededFile[] {
  const site = project.site;
  if (!site || locale === site.data.language) return [];
  const translated = translationsIn(project, locale);
  const segments = project.segments.filter((s) => isPublished(s.data.status, options) && translated.has(`segment:${s.id}`)).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (segments.length === 0) return [];
  const prefix = localePrefix(site.data, locale);
  const needed = new Map<string, NeededFile>();
  const need = (kind: TranslatableKind, entry: Entry<unknown> & { body?: string }, page: string) => {
    const key = `${kind}:${entry.id}`;
    if (needed.has(key) || !hasVisitorText(kind, entry)) return;
    needed.set(key, { kind, id: entry.id, file: entry.file, translation: translationFileOf(entry.file, locale), page });
  };
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((e) => [e.id, e]));
  const personas = byId(project.personas);
  const verticals = byId(project.verticals);
  const regulations = byId(project.regulations);
  const overrides = new Map(project.pageOverrides.map((o) => [`${o.segment}/${o.persona}`, o]));
  const matches = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);

  need('site', site, `${prefix}/`);
  for (const segment of segments) {
    const s = segment.data;
    const hub = `${prefix}/${segment.id}/`;
    const personaIds = [...new Set(s.personas.map((p) => p.id))];
    need('segment', segment, hub);
    const vertical = verticals.get(s.vertical);
    if (vertical) need('vertical', vertical, hub);
    for (const id of s.regulations) {
      const regulation = regulations.get(id);
      if (regulation) need('regulation', regulation, hub);
    }
    for (const id of personaIds) {
      const persona = personas.get(id);
      if (persona) need('persona', persona, `${hub}${id}/`);
      // A live variant has a page in the locale exactly when it is translated, so its translation is needed whole.
      for (const variant of project.pageVariants) {
        if (variant.segment === segment.id && variant.persona === id && variant.data.status === 'live' && translated.has(`variant:${variant.id}`)) need('variant', variant, `${hub}${id}/${variant.variant}/`);
      }
      const override = overrides.get(`${segment.id}/${id}`);
      if (override) need('page', override, `${hub}${id}/`);
    }
    // The FAQ page shows every question a landing page of the segment may show.
    for (const faq of project.faqs) {
      const scope = faq.data.scope;
      if (matches(scope.segments, segment.id) && matches(scope.verticals, s.vertical) && (scope.personas.length === 0 || scope.personas.some((p) => personaIds.includes(p))) && (scope.regulations.length === 0 || scope.regulations.some((r) => s.regulations.includes(r)))) {
        need('faq', faq, `${hub}faq/`);
      }
    }
    const proof: [TranslatableKind, readonly Entry<{ scope: { segments: string[]; personas: string[]; verticals: string[] } }>[]][] = [
      ['quote', project.proof.quotes],
      ['logo', project.proof.logos],
      ['figure', project.proof.figures],
      ['certification', project.proof.certifications],
    ];
    for (const id of personaIds) {
      for (const [kind, entries] of proof) {
        for (const entry of entries) {
          const scope = entry.data.scope;
          if (matches(scope.segments, segment.id) && matches(scope.personas, id) && matches(scope.verticals, s.vertical)) need(kind, entry, `${hub}${id}/`);
        }
      }
    }
  }
  return [...needed.values()];
}

/**
 * Missing translations of what a published page shows are errors; stale and never-stamped ones
 * warnings (errors under --strict). The copy rules that read English words run on the originals only.
 */
export function checkTranslations(project: Project, options: TranslationCheckOptions = {}): Diagnostic[] {
  if (!project.site) return [];
  const diagnostics: Diagnostic[] = [];
  const { all, default: defaultLocale } = localesOf(project.site.data);
  for (const locale of all.filter((l) => l !== defaultLocale)) {
    const language = languageName(locale);
    const translated = translationsIn(project, locale);
    const needed = neededTranslations(project, locale, options);
    const neededKeys = new Set(needed.map((n) => `${n.kind}:${n.id}`));
    for (const n of needed) {
      const t = translated.get(`${n.kind}:${n.id}`);
      if (!t) {
        // A translation that failed to load has its own messages; it is not missing too.
        if (project.translationFiles.has(n.translation)) continue;
        diagnostics.push({
          severity: 'error',
          rule: 'translation-missing',
          file: n.file,
          line: 1,
          column: 1,
          message: `the ${language} page ${n.page} shows ${n.file}, which has no ${language} translation: add ${n.translation}`,
          hint: `Copy the text fields of ${n.file} into ${n.translation} and translate them (figures, dates and ids stay in the original), then run npm run translations -- --stamp ${n.translation}.`,
        });
        continue;
      }
      diagnostics.push(...missingFields(t, (what) => `the ${language} page ${n.page} shows ${what}, which this translation leaves out`, 'error'));
    }
    for (const t of translated.values()) {
      if (!neededKeys.has(`${t.kind}:${t.id}`) && options.strict) diagnostics.push(...missingFields(t, (what) => `this translation leaves out ${what}; no published page shows it yet`, 'warning'));
      diagnostics.push(...stamp(t, language));
    }
    diagnostics.push(...checkTranslatedCopy(project, locale));
  }
  return diagnostics;
}

/**
 * The copy rules that do not depend on English words: figures restated from a regulation, and links
 * and markup in Markdown. Those that read English phrases (deadlines, compliance promises, pressure
 * wording) run on the originals only.
 */
const LANGUAGE_NEUTRAL_RULES = new Set(['restated-fact', 'unsafe-link', 'unsafe-markup', 'raw-html']);

function checkTranslatedCopy(project: Project, locale: string): Diagnostic[] {
  const translated = translationsIn(project, locale);
  const localized = localizeProject(project, locale);
  // Only translated entries, each pointing at its translation file, so a message names the file it is about.
  const own = <E extends Entry<unknown>>(kind: TranslatableKind, list: readonly E[]): E[] =>
    list.flatMap((entry) => {
      const t = translated.get(`${kind}:${entry.id}`);
      return t ? [{ ...entry, file: t.file, locate: t.locate }] : [];
    });
  const site = project.site && translated.get('site:site') ? own('site', [localized.site!]) : [];
  const copy = checkCopy({
    ...localized,
    site: site[0],
    segments: own('segment', localized.segments),
    personas: own('persona', localized.personas),
    verticals: own('vertical', localized.verticals),
    faqs: own('faq', localized.faqs),
    pageOverrides: [],
    pageVariants: [],
    proof: { ...localized.proof, quotes: own('quote', localized.proof.quotes), figures: own('figure', localized.proof.figures) },
  });
  return copy.filter((d) => LANGUAGE_NEUTRAL_RULES.has(d.rule) && d.file.includes(`.${locale}.`));
}

function missingFields(t: TranslationEntry, message: (what: string) => string, severity: Diagnostic['severity']): Diagnostic[] {
  return t.missing.map((path) => {
    const field = formatFieldPath(path);
    const at = path[0] === BODY_FIELD ? { line: t.bodyLine, column: 1 } : t.locate.at(path);
    const what = path[0] === BODY_FIELD ? `the text below the front matter of ${t.original}` : `${field} of ${t.original}`;
    return {
      severity,
      rule: 'translation-missing',
      file: t.file,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      field,
      message: message(what),
      hint: path[0] === BODY_FIELD ? `Write the translated text below the closing --- line, as in ${t.original}.` : `Translate ${field} here: a field left out of a translation shows nothing.`,
    };
  });
}

function stamp(t: TranslationEntry, language: string): Diagnostic[] {
  if (t.stamp === t.current) return [];
  const at = t.stamp ? t.locate.at(['translationOf']) : { line: 1, column: 1 };
  const base = { severity: 'warning' as const, rule: 'translation-stale', file: t.file, line: at?.line ?? 1, column: at?.column ?? 1, field: 'translationOf' };
  if (!t.stamp) {
    return [{ ...base, message: `this ${language} translation was never stamped, so nobody can tell whether it matches ${t.original}`, hint: `Have it reviewed against ${t.original}, then run npm run translations -- --stamp ${t.file}.` }];
  }
  return [{ ...base, message: `the text of ${t.original} changed since this ${language} translation was stamped`, hint: `Review the translation against the changes in ${t.original} (git diff shows them), then run npm run translations -- --stamp ${t.file}.` }];
}

export type TranslationState = 'ok' | 'missing' | 'stale' | 'never stamped';

/** One original in one locale, as `npm run translations` lists it. */
export interface TranslationStatus {
  locale: string;
  /** The original's file. */
  original: string;
  /** The translation's file (which may not exist yet). */
  translation: string;
  state: TranslationState;
  /** The first published page of the locale that shows the original, if any. */
  neededBy?: string;
  /** Fields the translation leaves out (`(body)` for the body); empty when the whole file is missing or nothing is. */
  missingFields: string[];
}

/**
 * The state of every original with visitor text in every further locale: ok, missing (the file or
 * some of its fields), stale (the original's text changed since the stamp) or never stamped.
 */
export function translationStatus(project: Project, options: RouteOptions = {}): TranslationStatus[] {
  if (!project.site) return [];
  const { all, default: defaultLocale } = localesOf(project.site.data);
  const originals: [TranslatableKind, Entry<unknown> & { body?: string }][] = [
    ...(project.site ? [['site', project.site] as [TranslatableKind, Entry<unknown>]] : []),
    ...project.segments.map((e) => ['segment', e] as [TranslatableKind, Entry<unknown>]),
    ...project.verticals.map((e) => ['vertical', e] as [TranslatableKind, Entry<unknown>]),
    ...project.personas.map((e) => ['persona', e] as [TranslatableKind, Entry<unknown>]),
    ...project.regulations.map((e) => ['regulation', e] as [TranslatableKind, Entry<unknown>]),
    ...project.faqs.map((e) => ['faq', e] as [TranslatableKind, Entry<unknown>]),
    ...project.pageOverrides.map((e) => ['page', e] as [TranslatableKind, Entry<unknown>]),
    ...project.pageVariants.map((e) => ['variant', e] as [TranslatableKind, Entry<unknown>]),
    ...project.proof.quotes.map((e) => ['quote', e] as [TranslatableKind, Entry<unknown>]),
    ...project.proof.logos.map((e) => ['logo', e] as [TranslatableKind, Entry<unknown>]),
    ...project.proof.figures.map((e) => ['figure', e] as [TranslatableKind, Entry<unknown>]),
    ...project.proof.certifications.map((e) => ['certification', e] as [TranslatableKind, Entry<unknown>]),
  ];
  const rows: TranslationStatus[] = [];
  for (const locale of all.filter((l) => l !== defaultLocale)) {
    const translated = translationsIn(project, locale);
    const needed = new Map(neededTranslations(project, locale, options).map((n) => [`${n.kind}:${n.id}`, n.page]));
    for (const [kind, entry] of originals) {
      const key = `${kind}:${entry.id}`;
      const t = translated.get(key);
      if (!t && !hasVisitorText(kind, entry)) continue;
      const missingFields = t ? t.missing.map((p) => formatFieldPath(p)) : [];
      const state: TranslationState = !t || missingFields.length ? 'missing' : !t.stamp ? 'never stamped' : t.stamp !== t.current ? 'stale' : 'ok';
      const neededBy = needed.get(key);
      rows.push({ locale, original: entry.file, translation: t?.file ?? translationFileOf(entry.file, locale), state, ...(neededBy ? { neededBy } : {}), missingFields });
    }
  }
  return rows.sort((a, b) => (a.locale === b.locale ? (a.original < b.original ? -1 : 1) : all.indexOf(a.locale) - all.indexOf(b.locale)));
}
