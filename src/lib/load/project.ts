import type { z } from 'zod';
import { type Diagnostic, sortDiagnostics } from '../diagnostics.ts';
import {
  assignmentSummarySchema,
  crmSchema,
  faqSchema,
  pageOverrideSchema,
  pageVariantSchema,
  personaSchema,
  proofCertificationSchema,
  proofFigureSchema,
  proofLogoSchema,
  proofQuoteSchema,
  regulationSchema,
  segmentSchema,
  siteSchema,
  SLUG_PATTERN,
  CONTROL_VARIANT,
  VARIANT_ID_MAX_LENGTH,
  verticalSchema,
  workbenchSchema,
  type AssignmentSummary,
  type CrmMapping,
  type Faq,
  type PageOverride,
  type PageVariant,
  type Persona,
  type ProofCertification,
  type ProofFigure,
  type ProofLogo,
  type ProofQuote,
  type Regulation,
  type Segment,
  type Site,
  type Vertical,
  type Workbench,
} from '../schemas/index.ts';
import type { ContentCache } from './cache.ts';
import { readContentFiles, type SourceFile } from './files.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { scanOverrideSections, type OverrideSection } from './mdx-sections.ts';
import { decodeSourceText } from './source-text.ts';
import { validate } from './validate.ts';
import { isTranslatableKind } from '../i18n/translations.ts';
import { languageName } from '../i18n/locales.ts';
import { parseTranslation, splitTranslationName, type OriginalEntry, type TranslationCandidate, type TranslationEntry } from './translations.ts';
import { uiOverrideSchema, type UiOverride } from '../schemas/ui.ts';
import { parseYaml, type Locator, type YamlResult } from './yaml.ts';

/** A validated content entry that remembers where it came from, so later checks can point back at it. */
export interface Entry<T> {
  id: string;
  /** Path relative to the content root. */
  file: string;
  data: T;
  locate: Locator;
}

export interface MarkdownEntry<T> extends Entry<T> {
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

export interface PageOverrideEntry extends MarkdownEntry<PageOverride> {
  segment: string;
  persona: string;
  sections: OverrideSection[];
}

/** An A/B variant of one landing page (content/variants/<segment>/<persona>/<variant>.mdx); its id is `<segment>/<persona>/<variant>`. */
export interface PageVariantEntry extends MarkdownEntry<PageVariant> {
  segment: string;
  persona: string;
  /** The file name: the last part of the variant's URL and the `page_variant` of its events. */
  variant: string;
  sections: OverrideSection[];
}

/** Customer quotes, logos, case-study figures and certifications (content/proof/<kind>/<id>.yaml). */
export interface ProjectProof {
  quotes: Entry<ProofQuote>[];
  logos: Entry<ProofLogo>[];
  figures: Entry<ProofFigure>[];
  certifications: Entry<ProofCertification>[];
  /** Raster logo files beside the logo YAML files (content/proof/logos/*.png, .jpg, .jpeg, .webp): path → bytes. */
  logoImages: Map<string, Uint8Array>;
}

export interface Project {
  site?: Entry<Site>;
  segments: Entry<Segment>[];
  personas: MarkdownEntry<Persona>[];
  verticals: Entry<Vertical>[];
  regulations: Entry<Regulation>[];
  faqs: MarkdownEntry<Faq>[];
  pageOverrides: PageOverrideEntry[];
  /** A/B variants beside their control pages, every status (only live ones are built). */
  pageVariants: PageVariantEntry[];
  proof: ProjectProof;
  /** The segment workbench's mapping of CRM export columns (content/workbench.yaml), when there is one. */
  workbench?: Entry<Workbench>;
  /** How a CRM export of leads and opportunities joins the conversion report (content/crm.yaml), when there is one. */
  crm?: Entry<CrmMapping>;
  /** What `npm run assign` found, when a team has committed its summary (content/assignment-summary.json). */
  assignmentSummary?: Entry<AssignmentSummary>;
  /** The site's own interface text per locale (content/ui/<locale>.yaml), by locale as the file names it. */
  ui: Map<string, Entry<UiOverride>>;
  /**
   * Every id that has a file, valid or not, by kind. References to an id whose file failed to load
   * are not reported again: the file's own problems are the ones to fix.
   */
  fileIds: Record<'segment' | 'persona' | 'vertical' | 'regulation' | 'faq', Set<string>>;
  /** Translation files (`<original>.<locale>.<ext>`) that hold only their original's text, every locale. */
  translations: TranslationEntry[];
  /** Every translation file found, valid or not: one that failed to load is not reported missing as well. */
  translationFiles: Set<string>;
}

export interface LoadResult {
  project: Project;
  diagnostics: Diagnostic[];
}

type ProofKind = 'quote' | 'logo' | 'figure' | 'certification';
type Kind = 'site' | 'segment' | 'persona' | 'vertical' | 'regulation' | 'faq' | 'page' | 'variant' | 'workbench' | 'crm' | 'assignment-summary' | 'ui' | ProofKind;

interface KindRule {
  kind: Kind;
  pattern: RegExp;
  expected: string;
}

/** Where each kind of file lives; the first capture group is the id. */
const KIND_RULES: KindRule[] = [
  { kind: 'site', pattern: /^content\/(site)\.ya?ml$/, expected: 'content/site.yaml' },
  { kind: 'segment', pattern: /^segments\/([^/]+)\.ya?ml$/, expected: 'segments/<id>.yaml' },
  { kind: 'persona', pattern: /^content\/personas\/([^/]+)\.md$/, expected: 'content/personas/<id>.md' },
  { kind: 'vertical', pattern: /^content\/verticals\/([^/]+)\.ya?ml$/, expected: 'content/verticals/<id>.yaml' },
  { kind: 'regulation', pattern: /^content\/regulations\/([^/]+)\.ya?ml$/, expected: 'content/regulations/<id>.yaml' },
  { kind: 'faq', pattern: /^content\/faqs\/([^/]+)\.md$/, expected: 'content/faqs/<id>.md' },
  { kind: 'page', pattern: /^content\/pages\/([^/]+\/[^/]+)\.mdx$/, expected: 'content/pages/<segment>/<persona>.mdx' },
  { kind: 'variant', pattern: /^content\/variants\/([^/]+\/[^/]+\/[^/]+)\.mdx$/, expected: 'content/variants/<segment>/<persona>/<variant-id>.mdx' },
  { kind: 'quote', pattern: /^content\/proof\/quotes\/([^/]+)\.ya?ml$/, expected: 'content/proof/quotes/<id>.yaml' },
  { kind: 'logo', pattern: /^content\/proof\/logos\/([^/]+)\.ya?ml$/, expected: 'content/proof/logos/<id>.yaml' },
  { kind: 'figure', pattern: /^content\/proof\/figures\/([^/]+)\.ya?ml$/, expected: 'content/proof/figures/<id>.yaml' },
  { kind: 'certification', pattern: /^content\/proof\/certifications\/([^/]+)\.ya?ml$/, expected: 'content/proof/certifications/<id>.yaml' },
  { kind: 'workbench', pattern: /^content\/(workbench)\.ya?ml$/, expected: 'content/workbench.yaml' },
  { kind: 'crm', pattern: /^content\/(crm)\.ya?ml$/, expected: 'content/crm.yaml' },
  { kind: 'ui', pattern: /^content\/ui\/([^/]+)\.ya?ml$/, expected: 'content/ui/<locale>.yaml' },
  // JSON is YAML 1.2, so the YAML reader gives its problems positions too.
  { kind: 'assignment-summary', pattern: /^content\/(assignment-summary)\.json$/, expected: 'content/assignment-summary.json' },
];

/** A raster logo, named by a logo file's `image: ./name.png` and run through the image pipeline by the build. */
const LOGO_IMAGE = /^content\/proof\/logos\/.+\.(?:png|jpe?g|webp)$/;

/**
 * Files that may sit beside content without being content: docs for authors, editor schemas, and
 * CRM account exports for the segment workbench (read by `npm run assign`, never by the site).
 */
const IGNORED = /(^|\/)(README\.md|[^/]+\.schema\.json)$|^content\/schemas\/|^content\/accounts\//;

export async function loadProject(root: string): Promise<LoadResult> {
  return parseProject(await readContentFiles(root));
}

/**
 * Parses and validates every content file, collecting all problems instead of stopping at the
 * first, so an author sees everything to fix in one run.
 */
export function parseProject(files: readonly SourceFile[], cache?: ContentCache): LoadResult {
  activeCache = cache;
  try {
    return parseFiles(files);
  } finally {
    activeCache = undefined;
  }
}

/** The content cache of the parseProject call under way (src/lib/load/cache.ts), if any. */
let activeCache: ContentCache | undefined;

function parseFiles(files: readonly SourceFile[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const project: Project = {
    segments: [],
    personas: [],
    verticals: [],
    regulations: [],
    faqs: [],
    pageOverrides: [],
    pageVariants: [],
    proof: { quotes: [], logos: [], figures: [], certifications: [], logoImages: new Map() },
    ui: new Map(),
    fileIds: { segment: new Set(), persona: new Set(), vertical: new Set(), regulation: new Set(), faq: new Set() },
    translations: [],
    translationFiles: new Set(),
  };
  const seen = new Map<string, string>();
  const candidates: (TranslationCandidate & { bytes: Uint8Array })[] = [];

  for (const source of files) {
    if (source.symlink) {
      diagnostics.push(symlinkRefused(source.file));
      continue;
    }
    if (LOGO_IMAGE.test(source.file)) {
      project.proof.logoImages.set(source.file, source.bytes);
      continue;
    }
    const translated = splitTranslationName(source.file);
    const originalRule = translated && KIND_RULES.find((r) => r.pattern.test(translated.original));
    if (translated && originalRule) {
      const kind = originalRule.kind;
      const id = originalRule.pattern.exec(translated.original)![1]!;
      if (isTranslatableKind(kind) && idIsValid(kind, id)) {
        candidates.push({ file: source.file, locale: translated.locale, kind, id, original: translated.original, text: '', bytes: source.bytes });
        continue;
      }
      if (!isTranslatableKind(kind)) {
        diagnostics.push({ severity: 'error', rule: 'translation-file', file: source.file, line: 1, column: 1, message: `${translated.original} is not translated: it holds settings, not text visitors read`, hint: `Delete ${source.file}; the same ${translated.original} serves every language.` });
        continue;
      }
    }
    const rule = KIND_RULES.find((r) => r.pattern.test(source.file));
    if (!rule) {
      if (!IGNORED.test(source.file)) diagnostics.push(unexpectedFile(source.file));
      continue;
    }
    const id = rule.pattern.exec(source.file)![1]!;
    if (!idIsValid(rule.kind, id)) {
      diagnostics.push(badFileName(source.file, id, rule));
      continue;
    }
    if (rule.kind === 'variant') {
      const problem = variantNameProblem(source.file, id.split('/')[2]!);
      if (problem) {
        diagnostics.push(problem);
        continue;
      }
    }
    const key = `${rule.kind}:${id}`;
    const first = seen.get(key);
    if (first) {
      diagnostics.push({
        severity: 'error',
        rule: 'duplicate-id',
        file: source.file,
        line: 1,
        column: 1,
        message: `the id "${id}" is already used by ${first}`,
        hint: `Ids come from file names and must be unique: rename or delete one of ${first} and ${source.file}.`,
      });
      continue;
    }
    seen.set(key, source.file);
    if (rule.kind in project.fileIds) project.fileIds[rule.kind as keyof Project['fileIds']].add(id);

    const decoded = decodeSourceText(source.file, source.bytes);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const text = decoded.text;
    switch (rule.kind) {
      case 'site': {
        const entry = yamlEntry(siteSchema, source.file, id, text, diagnostics);
        if (entry) project.site = entry;
        break;
      }
      case 'workbench': {
        const entry = yamlEntry(workbenchSchema, source.file, id, text, diagnostics);
        if (entry) project.workbench = entry;
        break;
      }
      case 'crm': {
        const entry = yamlEntry(crmSchema, source.file, id, text, diagnostics);
        if (entry) project.crm = entry;
        break;
      }
      case 'ui': {
        const entry = yamlEntry(uiOverrideSchema, source.file, id, text, diagnostics);
        if (entry) project.ui.set(id, entry as Entry<UiOverride>);
        break;
      }
      case 'assignment-summary': {
        const entry = yamlEntry(assignmentSummarySchema, source.file, id, text, diagnostics);
        if (entry) project.assignmentSummary = entry;
        break;
      }
      case 'segment':
        push(project.segments, yamlEntry(segmentSchema, source.file, id, text, diagnostics));
        break;
      case 'vertical':
        push(project.verticals, yamlEntry(verticalSchema, source.file, id, text, diagnostics));
        break;
      case 'regulation':
        push(project.regulations, yamlEntry(regulationSchema, source.file, id, text, diagnostics));
        break;
      case 'quote':
        push(project.proof.quotes, yamlEntry(proofQuoteSchema, source.file, id, text, diagnostics));
        break;
      case 'logo':
        push(project.proof.logos, yamlEntry(proofLogoSchema, source.file, id, text, diagnostics));
        break;
      case 'figure':
        push(project.proof.figures, yamlEntry(proofFigureSchema, source.file, id, text, diagnostics));
        break;
      case 'certification':
        push(project.proof.certifications, yamlEntry(proofCertificationSchema, source.file, id, text, diagnostics));
        break;
      case 'persona':
        push(project.personas, markdownEntry(personaSchema, source.file, id, text, diagnostics));
        break;
      case 'faq': {
        const entry = markdownEntry(faqSchema, source.file, id, text, diagnostics);
        if (entry && entry.body.trim() === '') {
          diagnostics.push({ severity: 'error', rule: 'faq-answer', file: source.file, line: entry.bodyLine, column: 1, message: 'the answer is missing', hint: 'Write the answer below the closing --- line.' });
        } else push(project.faqs, entry);
        break;
      }
      case 'page': {
        const entry = markdownEntry(pageOverrideSchema, source.file, id, text, diagnostics);
        if (!entry) break;
        const scan = scanOverrideSections(source.file, entry.body, entry.bodyLine);
        diagnostics.push(...scan.diagnostics);
        if (scan.ok) {
          diagnostics.push(...hiddenOverrideFields(entry, scan.sections.map((s) => s.name)));
          const [segment, persona] = id.split('/') as [string, string];
          project.pageOverrides.push({ ...entry, segment, persona, sections: scan.sections });
        }
        break;
      }
      case 'variant': {
        const found: Diagnostic[] = [];
        const entry = markdownEntry(pageVariantSchema, source.file, id, text, found);
        diagnostics.push(...found.map(explainVariantField));
        if (!entry) break;
        const scan = scanOverrideSections(source.file, entry.body, entry.bodyLine);
        diagnostics.push(...scan.diagnostics);
        if (scan.ok) {
          diagnostics.push(...hiddenOverrideFields(entry, scan.sections.map((s) => s.name)));
          const [segment, persona, variant] = id.split('/') as [string, string, string];
          project.pageVariants.push({ ...entry, segment, persona, variant, sections: scan.sections });
        }
        break;
      }
    }
  }

  diagnostics.push(...loadTranslations(project, candidates, seen));

  if (!project.site && !diagnostics.some((d) => d.file.startsWith('content/site.'))) {
    diagnostics.push({
      severity: 'error',
      rule: 'missing-file',
      file: 'content/site.yaml',
      message: 'the site settings file is missing',
      hint: 'Create content/site.yaml with at least name, url, description, offer, cta and leadForm.',
    });
  }
  return { project, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Reads the translation files once every original is loaded: each needs a locale the site lists,
 * an original, and only that original's text, in its structure. A translation whose original
 * failed to load is skipped: the original's own problems are the ones to fix first.
 */
function loadTranslations(project: Project, candidates: readonly (TranslationCandidate & { bytes: Uint8Array })[], seen: ReadonlyMap<string, string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!project.site) return diagnostics;
  const { language, locales } = project.site.data;
  for (const candidate of candidates) {
    const { file, locale, kind, id } = candidate;
    if (!locales.includes(locale)) {
      const known = locales.length ? `The site's locales: ${locales.join(', ')} (content/site.yaml locales).` : 'content/site.yaml lists no locales yet.';
      const isDefault = locale === language;
      diagnostics.push({
        severity: 'error',
        rule: 'translation-locale',
        file,
        line: 1,
        column: 1,
        message: isDefault ? `"${locale}" is the site's default language: ${candidate.original} is already the ${languageName(locale)} text` : `"${locale}" is not one of the site's locales, so this file is never used`,
        hint: isDefault ? `Delete ${file}, or change ${candidate.original} itself.` : `Add ${locale} to locales in content/site.yaml, or rename the file with one of its locales. ${known} Ids never contain a dot.`,
      });
      continue;
    }
    const original = originalEntry(project, kind, id);
    if (!original) {
      if (!seen.has(`${kind}:${id}`)) {
        diagnostics.push({
          severity: 'error',
          rule: 'translation-orphan',
          file,
          line: 1,
          column: 1,
          message: `translates ${candidate.original}, which does not exist`,
          hint: `A translation sits beside its original with the same name and extension plus .${locale}: rename it after an existing file, or delete it.`,
        });
      }
      continue;
    }
    project.translationFiles.add(file);
    const decoded = decodeSourceText(file, candidate.bytes);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const parsed = parseTranslation({ ...candidate, text: decoded.text }, original);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.entry) project.translations.push(parsed.entry);
  }
  return diagnostics;
}

function originalEntry(project: Project, kind: TranslationCandidate['kind'], id: string): OriginalEntry | undefined {
  const lists: Record<TranslationCandidate['kind'], readonly Entry<unknown>[]> = {
    site: project.site ? [project.site] : [],
    segment: project.segments,
    persona: project.personas,
    vertical: project.verticals,
    regulation: project.regulations,
    faq: project.faqs,
    page: project.pageOverrides,
    variant: project.pageVariants,
    quote: project.proof.quotes,
    logo: project.proof.logos,
    figure: project.proof.figures,
    certification: project.proof.certifications,
  };
  const entry = lists[kind].find((e) => e.id === id) as (Entry<unknown> & { body?: string; sections?: OriginalEntry['sections'] }) | undefined;
  return entry && { file: entry.file, data: entry.data, locate: entry.locate, body: entry.body, sections: entry.sections };
}

function push<T>(list: T[], entry: T | undefined): void {
  if (entry) list.push(entry);
}

/** A locale as a file name: `de`, `de-AT`, `de-at`. */
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function idIsValid(kind: Kind, id: string): boolean {
  if (kind === 'ui') return LOCALE_PATTERN.test(id);
  return kind === 'page' || kind === 'variant' ? id.split('/').every((part) => SLUG_PATTERN.test(part)) : SLUG_PATTERN.test(id);
}

function yamlEntry<S extends z.ZodType>(schema: S, file: string, id: string, text: string, diagnostics: Diagnostic[]): Entry<z.output<S>> | undefined {
  const work = (found: Diagnostic[]) => validatedEntry(schema, file, id, parseYaml(file, text), found);
  if (activeCache) return activeCache.entry(file, text, diagnostics, () => locatorOf(parseYaml(file, text)), work);
  return work(diagnostics);
}

function markdownEntry<S extends z.ZodType>(schema: S, file: string, id: string, text: string, diagnostics: Diagnostic[]): MarkdownEntry<z.output<S>> | undefined {
  const work = (found: Diagnostic[]): MarkdownEntry<z.output<S>> | undefined => {
    const parsed = parseFrontmatter(file, text);
    const entry = validatedEntry(schema, file, id, parsed.ok ? { ok: true, value: parsed.data, locate: parsed.locate } : parsed, found);
    return entry && parsed.ok ? { ...entry, body: parsed.body, bodyLine: parsed.bodyLine } : undefined;
  };
  if (activeCache) return activeCache.entry(file, text, diagnostics, () => locatorOf(parseFrontmatter(file, text)), work);
  return work(diagnostics);
}

/** The locator of a file that parsed before (it came from the cache), so it parses again. */
function locatorOf(parsed: { ok: true; locate: Locator } | { ok: false }): Locator {
  return parsed.ok ? parsed.locate : { at: () => undefined, key: () => undefined };
}

function validatedEntry<S extends z.ZodType>(schema: S, file: string, id: string, parsed: YamlResult, diagnostics: Diagnostic[]): Entry<z.output<S>> | undefined {
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const checked = validate(schema, parsed.value, file, parsed.locate);
  if (!checked.ok) {
    diagnostics.push(...checked.diagnostics);
    return undefined;
  }
  return { id, file, data: checked.data, locate: parsed.locate };
}

/**
 * Links are refused rather than followed, even to a file inside the content folder: git keeps them
 * as links, the MDX compiler and the dev server would read the file they point to by its own
 * path, and a link out of the folder would publish (or print in a build log) any file it names.
 */
function symlinkRefused(file: string): Diagnostic {
  return {
    severity: 'error',
    rule: 'symlink',
    file,
    message: 'this is a symbolic link; links are never followed, so nothing was read from it',
    hint: 'Replace the link with a copy of what it points to (content must be real files and folders inside the content root).',
  };
}

function unexpectedFile(file: string): Diagnostic {
  const near = KIND_RULES.find((r) => file.startsWith(r.expected.split('<')[0]!.replace(/site\.yaml$/, '')) && r.kind !== 'site');
  return {
    severity: 'warning',
    rule: 'unexpected-file',
    file,
    message: 'this file is not read by the generator',
    hint: near ? `Files here must be named ${near.expected}.` : `Content files go in ${KIND_RULES.map((r) => r.expected).join(', ')}.`,
  };
}

function badFileName(file: string, id: string, rule: KindRule): Diagnostic {
  const slug = id
    .split('/')
    .map((part) =>
      part
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .join('/');
  return {
    severity: 'error',
    rule: 'file-name',
    file,
    message: `"${id}" cannot be an id: file names become URLs and may use only lowercase letters, digits and hyphens`,
    hint: slug ? `Rename the file to ${rule.expected.replace(/<[^>]+>(\/<[^>]+>)*/, slug)}.` : `Rename the file following ${rule.expected}.`,
  };
}

/** Override fields a variant does not take: say why, rather than only that the field is unknown. */
const FIELDS_A_VARIANT_TAKES_ELSEWHERE: Record<string, string> = {
  variant: 'A variant is named by its file: the file name is what its events report. Delete variant, or rename the file.',
  noindex: 'A variant is always kept out of search engines (its canonical link names the control page). Delete noindex.',
};

function explainVariantField(diagnostic: Diagnostic): Diagnostic {
  const hint = diagnostic.field ? FIELDS_A_VARIANT_TAKES_ELSEWHERE[diagnostic.field] : undefined;
  return hint && diagnostic.message.startsWith('unknown field') ? { ...diagnostic, hint } : diagnostic;
}

/** A variant's file name is its id in URLs and events: short, and never the name control pages report. */
function variantNameProblem(file: string, variant: string): Diagnostic | undefined {
  if (variant === CONTROL_VARIANT) {
    return {
      severity: 'error',
      rule: 'variant-id',
      file,
      message: `a variant cannot be called "${CONTROL_VARIANT}": that is the name the control page reports in its events`,
      hint: 'Rename the file after what the variant changes, like short-form.mdx or roi-headline.mdx.',
    };
  }
  if (variant.length > VARIANT_ID_MAX_LENGTH) {
    return {
      severity: 'error',
      rule: 'variant-id',
      file,
      message: `the variant id "${variant}" is ${variant.length} characters long, more than the ${VARIANT_ID_MAX_LENGTH} a variant name may have`,
      hint: `Rename the file to a shorter name (at most ${VARIANT_ID_MAX_LENGTH} characters before .mdx): it is sent with every event of the page.`,
    };
  }
  return undefined;
}

/**
 * Frontmatter that would never show because the section that displays it is replaced wholesale: by
 * this file (`by` absent), or by another file the page takes the section from (a variant's control).
 */
export function hiddenOverrideFields(entry: MarkdownEntry<PageOverride | PageVariant>, replaced: readonly string[], by?: { file: string; hint: (field: string) => string }): Diagnostic[] {
  const hidden: [keyof PageOverride & keyof PageVariant, string][] = [
    ['headline', 'hero'],
    ['valueProposition', 'hero'],
  ];
  return hidden
    .filter(([field, section]) => entry.data[field] !== undefined && replaced.includes(section))
    .map(([field, section]) => {
      const at = entry.locate.at([field]);
      return {
        severity: 'warning' as const,
        rule: 'page-override',
        file: entry.file,
        line: at?.line,
        column: at?.column,
        field,
        message: by ? `is not shown, because the control's ${by.file} replaces the ${section} section` : `is not shown, because this file replaces the ${section} section`,
        hint: by ? by.hint(field) : `Put the text in the <Section name="${section}"> block, or delete ${field}.`,
      };
    });
}
