/**
 * The landing pages the content defines (each segment × each persona it lists), read from the
 * segment files alone: the report counts only events of these pages, so that ids invented by
 * whoever writes to the collection URL never become rows, and the rows of a report are bounded by
 * the content whatever the size of the export.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { readContentFile, type SourceFile } from '../load/files.ts';
import { parseProject } from '../load/project.ts';

/** Segment id -> the persona ids of its landing pages. */
export type KnownPages = ReadonlyMap<string, ReadonlySet<string>>;

/** `defaultLocale`: content/site.yaml's `language`, the locale of events that carry no `page_locale`. */
export type KnownPagesResult = { ok: true; pages: KnownPages; defaultLocale: string } | { ok: false; diagnostics: Diagnostic[] };

/** The site schema's default `language`. */
const SITE_LANGUAGE_DEFAULT = 'en';
const LANGUAGE_TAG = /^[a-z]{2}(?:-[A-Z]{2})?$/;

const SEGMENT_FILE = /\.ya?ml$/;

/**
 * Reads `segments/*.yaml` under `root` (nothing else: the report needs no copy, FAQ or page file).
 * Every segment counts whatever its status: an export may hold visits of a page since retired, or of
 * a draft seen in a preview. A segment file with errors is an error, as the report could not tell its
 * pages from invented ones.
 */
export async function loadKnownPages(root: string): Promise<KnownPagesResult> {
  let names: string[];
  try {
    names = (await readdir(join(root, 'segments'), { withFileTypes: true })).filter((e) => (e.isFile() || e.isSymbolicLink()) && SEGMENT_FILE.test(e.name) && !e.name.startsWith('.')).map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    names = [];
  }
  const files: SourceFile[] = [];
  for (const name of names.sort()) {
    const file = `segments/${name}`;
    // As the content loader reads it: a symbolic link is refused by name and never read.
    const bytes = await readContentFile(root, file);
    files.push(bytes ? { file, bytes } : { file, bytes: new Uint8Array(), symlink: true });
  }
  const { project, diagnostics } = parseProject(files);
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.file.startsWith('segments/'));
  if (errors.length) return { ok: false, diagnostics: errors };
  return { ok: true, pages: knownPagesOf(project.segments.map((s) => ({ id: s.id, personas: s.data.personas.map((p) => p.id) }))), defaultLocale: await readSiteLanguage(root) };
}

/**
 * content/site.yaml's `language`, read on its own: the report needs nothing else of the site, and a
 * problem elsewhere in the file (which `npm run check` reports) must not change the locale events
 * without `page_locale` count in. A missing file, or a language that is not a tag like `en` or
 * `en-GB`, gives the schema's default.
 */
export async function readSiteLanguage(root: string): Promise<string> {
  for (const file of ['content/site.yaml', 'content/site.yml']) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readContentFile(root, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
    if (!bytes) continue;
    let data: unknown;
    try {
      data = parse(new TextDecoder().decode(bytes));
    } catch {
      return SITE_LANGUAGE_DEFAULT;
    }
    const language = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).language : undefined;
    return typeof language === 'string' && LANGUAGE_TAG.test(language) ? language : SITE_LANGUAGE_DEFAULT;
  }
  return SITE_LANGUAGE_DEFAULT;
}

export function knownPagesOf(segments: readonly { id: string; personas: readonly string[] }[]): KnownPages {
  return new Map(segments.map((s) => [s.id, new Set(s.personas)]));
}

export function isKnownPage(pages: KnownPages, segment: string, persona: string): boolean {
  return pages.get(segment)?.has(persona) === true;
}

export function countPages(pages: KnownPages): number {
  let n = 0;
  for (const personas of pages.values()) n += personas.size;
  return n;
}
