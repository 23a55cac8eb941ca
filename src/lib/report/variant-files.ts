/**
 * The page variants the content defines, as far as the report needs them: for each landing page, the
 * variant id of its control (the page's own version) and the planned size of each A/B variant. Read
 * with the project's front-matter reader from two places:
 * - `content/pages/<segment>/<persona>.mdx`: when it exists, the page's own version is that override,
 *   whose `variant` (default `custom`) its events carry; otherwise they carry `default`;
 * - `content/variants/<segment>/<persona>/<variant-id>.mdx`: one file per variant, whose optional
 *   `plannedVisitorsPerArm` is the size the test was planned for. A missing folder means no variants.
 * Only the fields the report uses are read here; the content check validates the rest of the files.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { readContentFile } from '../load/files.ts';
import { parseFrontmatter } from '../load/frontmatter.ts';
import type { KnownPages } from './known-pages.ts';

/** page_variant when the event does not carry one, and the variant id of a page without an override file. */
export const DEFAULT_VARIANT = 'default';

/** The variant an override file names when it names none (as the page-override schema defaults it). */
export const OVERRIDE_VARIANT = 'custom';

export interface VariantFile {
  /** The file name without `.mdx`: the page_variant its events carry. */
  id: string;
  /** Path relative to the content root. */
  file: string;
  /** Visitors each arm needs, as the test was planned; absent when the test was not planned. */
  plannedVisitorsPerArm?: number;
  /** draft, live or ended, when the file says. */
  status?: string;
}

export interface PageVariants {
  segment: string;
  persona: string;
  /** The page_variant of the page's own version. */
  control: string;
  /** The variant files of the page, by id. */
  variants: ReadonlyMap<string, VariantFile>;
}

/** `segment/persona` -> the page's control and variant files. */
export type VariantsByPage = ReadonlyMap<string, PageVariants>;

export type VariantFilesResult = { ok: true; pages: VariantsByPage } | { ok: false; diagnostics: Diagnostic[] };

export function pageKey(segment: string, persona: string): string {
  return `${segment}/${persona}`;
}

const VARIANT_FILE = /^([a-z0-9][a-z0-9-]*)\.mdx$/;

/** Reads the controls and variant files of every known page under `root`. */
export async function loadVariantFiles(root: string, pages: KnownPages): Promise<VariantFilesResult> {
  const diagnostics: Diagnostic[] = [];
  const out = new Map<string, PageVariants>();
  for (const [segment, personas] of pages) {
    for (const persona of personas) {
      const control = await readControl(root, segment, persona, diagnostics);
      const variants = new Map<string, VariantFile>();
      for (const name of await listFiles(root, ['content', 'variants', segment, persona])) {
        const id = VARIANT_FILE.exec(name)?.[1];
        if (!id) continue;
        const variant = await readVariant(root, `content/variants/${segment}/${persona}/${name}`, id, diagnostics);
        if (variant) variants.set(id, variant);
      }
      out.set(pageKey(segment, persona), { segment, persona, control, variants });
    }
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, pages: out };
}

/** The variant id of a page's own version: its override's `variant`, `custom` by default, or `default` without an override. */
async function readControl(root: string, segment: string, persona: string, diagnostics: Diagnostic[]): Promise<string> {
  const file = `content/pages/${segment}/${persona}.mdx`;
  const fields = await readFields(root, file, diagnostics);
  if (fields === undefined) return DEFAULT_VARIANT;
  const variant = fields.data.variant;
  if (variant === undefined) return OVERRIDE_VARIANT;
  if (typeof variant === 'string' && /^[a-z0-9][a-z0-9-]{0,31}$/.test(variant)) return variant;
  diagnostics.push({ severity: 'error', rule: 'variant', file, ...fields.at('variant'), field: 'variant', message: `expected a short variant name of lowercase letters, digits and hyphens, received ${JSON.stringify(variant)}`, hint: 'The report compares each variant with this name: fix it (npm run check).' });
  return DEFAULT_VARIANT;
}

async function readVariant(root: string, file: string, id: string, diagnostics: Diagnostic[]): Promise<VariantFile | undefined> {
  const fields = await readFields(root, file, diagnostics);
  if (!fields) return undefined;
  const variant: VariantFile = { id, file };
  const planned = fields.data.plannedVisitorsPerArm;
  if (planned !== undefined && planned !== null) {
    if (typeof planned === 'number' && Number.isSafeInteger(planned) && planned > 0) variant.plannedVisitorsPerArm = planned;
    else {
      diagnostics.push({
        severity: 'error',
        rule: 'planned-visitors',
        file,
        ...fields.at('plannedVisitorsPerArm'),
        field: 'plannedVisitorsPerArm',
        message: `expected a whole number of visitors above 0, received ${JSON.stringify(planned)}`,
        hint: 'Write the visitors per arm the test needs, as npm run plan-test prints it (for example plannedVisitorsPerArm: 8158), or leave the field out.',
      });
    }
  }
  if (typeof fields.data.status === 'string') variant.status = fields.data.status;
  return variant;
}

interface Fields {
  data: Record<string, unknown>;
  /** The line and column of a top-level field, when known. */
  at(field: string): { line?: number; column?: number };
}

/** The front matter of a content file; undefined when the file does not exist (or is a symbolic link, which is never read). */
async function readFields(root: string, file: string, diagnostics: Diagnostic[]): Promise<Fields | undefined> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readContentFile(root, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  if (!bytes) return undefined;
  const parsed = parseFrontmatter(file, new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const data = typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  return { data, at: (field) => parsed.locate.at([field]) ?? {} };
}

async function listFiles(root: string, parts: string[]): Promise<string[]> {
  try {
    const entries = await readdir(join(root, ...parts), { withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
