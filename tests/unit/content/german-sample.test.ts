import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFrontmatter } from '../../../src/lib/load/frontmatter.ts';
import { scanOverrideSections } from '../../../src/lib/load/mdx-sections.ts';
import { parseYaml } from '../../../src/lib/load/yaml.ts';
import {
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
  verticalSchema,
} from '../../../src/lib/schemas/index.ts';
import { PROJECT_ROOT } from '../helpers.ts';

/**
 * The sample's German copy for the EU due-diligence segment, read file by file beside its English
 * original: a translation holds the original's text fields only, in the original's shape, and the
 * page limits of the original's schema still hold with the German text in place.
 */

const LOCALE = 'de';
const SEGMENT = 'eu-due-diligence';

const KINDS: { pattern: RegExp; schema: z.ZodType; markdown?: 'md' | 'mdx' }[] = [
  { pattern: /^content\/site\.yaml$/, schema: siteSchema },
  { pattern: /^segments\/[^/]+\.yaml$/, schema: segmentSchema },
  { pattern: /^content\/personas\/[^/]+\.md$/, schema: personaSchema, markdown: 'md' },
  { pattern: /^content\/verticals\/[^/]+\.yaml$/, schema: verticalSchema },
  { pattern: /^content\/regulations\/[^/]+\.yaml$/, schema: regulationSchema },
  { pattern: /^content\/faqs\/[^/]+\.md$/, schema: faqSchema, markdown: 'md' },
  { pattern: /^content\/pages\/[^/]+\/[^/]+\.mdx$/, schema: pageOverrideSchema, markdown: 'mdx' },
  { pattern: /^content\/variants\/[^/]+\/[^/]+\/[^/]+\.mdx$/, schema: pageVariantSchema, markdown: 'mdx' },
  { pattern: /^content\/proof\/quotes\/[^/]+\.yaml$/, schema: proofQuoteSchema },
  { pattern: /^content\/proof\/logos\/[^/]+\.yaml$/, schema: proofLogoSchema },
  { pattern: /^content\/proof\/figures\/[^/]+\.yaml$/, schema: proofFigureSchema },
  { pattern: /^content\/proof\/certifications\/[^/]+\.yaml$/, schema: proofCertificationSchema },
];

type Json = Record<string, unknown>;
interface Parsed {
  data: unknown;
  body?: string;
  bodyLine?: number;
}

function read(file: string): Parsed {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  if (file.endsWith('.yaml')) {
    const result = parseYaml(file, text);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
    return { data: result.value };
  }
  const result = parseFrontmatter(file, text);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  return { data: result.data, body: result.body, bodyLine: result.bodyLine };
}

/** `content/personas/cpo.de.md` → `content/personas/cpo.md`. */
const originalOf = (file: string) => file.replace(new RegExp(`\\.${LOCALE}(\\.[a-z]+)$`), '$1');

function translationFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(PROJECT_ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(PROJECT_ROOT, path)).isDirectory()) walk(path);
      else if (new RegExp(`\\.${LOCALE}\\.(yaml|md|mdx)$`).test(name)) out.push(path);
    }
  };
  walk('segments');
  walk('content');
  return out.sort();
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEB_URL = /^https?:\/\//;
/** A unit is text, unless it is a currency code (thresholds and figures format those as amounts). */
const CURRENCY = /^[A-Z]{3}$/;

/** A JSON Schema node that holds free text: a string that is not an enum, a date, an address or an id. */
const isTextSchema = (node: Json | undefined) => node?.type === 'string' && !('enum' in node) && !('const' in node) && !('format' in node) && !('pattern' in node);

/** `{segment}` placeholders and `[[…]]` keyword markers must survive translation. */
const markersOf = (text: string) => [...(text.match(/\{[^}]*\}/g) ?? []), ...(text.includes('[[') ? ['[[…]]'] : [])].sort();

/**
 * What is wrong with a translation's data, compared with its original's at the same path: keys the
 * original does not have, lists of another length or with other ids, and values that are not free
 * text (numbers, dates, addresses, enums, ids, currency codes). An empty list means it is fine.
 */
function translationProblems(original: unknown, translation: unknown, schema: Json | undefined, path = ''): string[] {
  const at = path || '(top)';
  if (Array.isArray(translation)) {
    if (!Array.isArray(original)) return [`${at}: a list where the original has none`];
    if (translation.length !== original.length) return [`${at}: ${translation.length} items, the original has ${original.length}`];
    return translation.flatMap((item, i) => {
      const source = original[i];
      const idProblem = isObject(source) && 'id' in source && (!isObject(item) || item.id !== source.id) ? [`${path}[${i}].id: expected "${String(source.id)}", as in the original`] : [];
      return [...idProblem, ...translationProblems(source, item, schema?.items as Json | undefined, `${path}[${i}]`)];
    });
  }
  if (isObject(translation)) {
    if (!isObject(original)) return [`${at}: a group of fields where the original has none`];
    const properties = (schema?.properties ?? {}) as Record<string, Json>;
    return Object.entries(translation).flatMap(([key, value]) => {
      const here = path ? `${path}.${key}` : key;
      if (!(key in original)) return [`${here}: the original has no such field`];
      // An id names the item it translates: the list compares it with the original's.
      if (key === 'id') return [];
      return translationProblems(original[key], value, properties[key], here);
    });
  }
  if (typeof original !== 'string') return [`${at}: the original's ${JSON.stringify(original)} is not text; remove it here`];
  if (typeof translation !== 'string' || !translation.trim()) return [`${at}: expected text, received ${JSON.stringify(translation)}`];
  if (!isTextSchema(schema) || ISO_DATE.test(original) || WEB_URL.test(original) || (/(^|\.)unit$/.test(path) && CURRENCY.test(original))) return [`${at}: "${original}" is not free text (an id, enum, date, address or code); remove it here`];
  if (markersOf(original).join() !== markersOf(translation).join()) return [`${at}: placeholders ${markersOf(original).join(', ') || 'none'} in the original, ${markersOf(translation).join(', ') || 'none'} here`];
  return [];
}

/** The original with the translation's text laid over it, field by field and item by item. */
function overlay(original: unknown, translation: unknown): unknown {
  if (Array.isArray(original) && Array.isArray(translation)) return original.map((item, i) => overlay(item, translation[i]));
  if (isObject(original) && isObject(translation)) return { ...original, ...Object.fromEntries(Object.entries(translation).map(([k, v]) => [k, overlay(original[k], v)])) };
  return translation === undefined ? original : translation;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = isObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

const jsonSchemas = new Map<z.ZodType, Json>();
function jsonSchemaOf(schema: z.ZodType): Json {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as Json;
    jsonSchemas.set(schema, json);
  }
  return json;
}

function kindOf(original: string) {
  const kind = KINDS.find((k) => k.pattern.test(original));
  if (!kind) throw new Error(`${original}: not a content kind this test knows`);
  return kind;
}

/** Whether a question or proof scope reaches the segment's pages: every listed dimension must match. */
function reachesSegment(scope: Json | undefined, segment: { id: string; vertical: string; personas: string[]; regulations: string[] }): boolean {
  const list = (key: string) => (Array.isArray(scope?.[key]) ? (scope[key] as string[]) : []);
  const fits = (values: string[], wanted: string[]) => values.length === 0 || values.some((v) => wanted.includes(v));
  return fits(list('segments'), [segment.id]) && fits(list('verticals'), [segment.vertical]) && fits(list('personas'), segment.personas) && fits(list('regulations'), segment.regulations);
}

const files = translationFiles();

describe('the German sample copy', () => {
  it('covers every file a German page of the segment draws on', () => {
    const segment = read(`segments/${SEGMENT}.yaml`).data as { vertical: string; personas: { id: string }[]; regulations: string[] };
    const target = { id: SEGMENT, vertical: segment.vertical, personas: segment.personas.map((p) => p.id), regulations: segment.regulations };
    const scoped = (dir: string, ext: string) =>
      readdirSync(join(PROJECT_ROOT, dir))
        .filter((name) => name.endsWith(ext) && !name.endsWith(`.${LOCALE}${ext}`))
        .map((name) => `${dir}/${name}`)
        .filter((file) => reachesSegment((read(file).data as Json).scope as Json | undefined, target));
    const needed = [
      `segments/${SEGMENT}.yaml`,
      'content/site.yaml',
      `content/verticals/${segment.vertical}.yaml`,
      ...target.personas.map((id) => `content/personas/${id}.md`),
      ...target.regulations.map((id) => `content/regulations/${id}.yaml`),
      ...scoped('content/faqs', '.md'),
      ...['quotes', 'logos', 'figures', 'certifications'].flatMap((kind) => scoped(`content/proof/${kind}`, '.yaml')),
      `content/pages/${SEGMENT}/esg-lead.mdx`,
      `content/variants/${SEGMENT}/cpo/short-form.mdx`,
    ];
    expect(needed.filter((file) => !files.includes(file.replace(/(\.[a-z]+)$/, `.${LOCALE}$1`)))).toEqual([]);
  });

  it.each(files)('%s keeps its original’s shape and holds text only', (file) => {
    const original = originalOf(file);
    const kind = kindOf(original);
    const problems = translationProblems(read(original).data, read(file).data, jsonSchemaOf(kind.schema));
    expect(problems).toEqual([]);
  });

  it.each(files)('%s keeps its original’s length limits and headline markers', (file) => {
    const original = originalOf(file);
    const translation = read(file).data;
    const result = kindOf(original).schema.safeParse(overlay(read(original).data, translation));
    // Only what the translation wrote is judged here; the original's own fields are the check's business.
    const issues = result.success ? [] : result.error.issues.filter((issue) => issue.path.length > 0 && valueAt(translation, issue.path) !== undefined);
    expect(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
  });

  it.each(files.filter((file) => kindOf(originalOf(file)).markdown))('%s translates its body, section by section', (file) => {
    const original = read(originalOf(file));
    const translation = read(file);
    expect(translation.body?.trim()).toBeTruthy();
    expect(translation.body).not.toBe(original.body);
    if (kindOf(originalOf(file)).markdown !== 'mdx') return;
    const sections = (parsed: Parsed, name: string) => {
      const scan = scanOverrideSections(name, parsed.body!, parsed.bodyLine!);
      expect(scan.diagnostics).toEqual([]);
      return scan.ok ? scan.sections.map((s) => s.name) : [];
    };
    expect(sections(translation, file)).toEqual(sections(original, originalOf(file)));
  });

  it('finds what a translation must not hold', () => {
    const schema = jsonSchemaOf(regulationSchema);
    const original = {
      shortName: 'EU CSDDD',
      status: 'amended',
      keyDates: [{ date: '2024-07-25', label: 'Directive enters into force' }],
      thresholds: [{ label: 'Employees', comparison: 'more-than', value: 5000, unit: 'EUR' }],
      sources: [{ title: 'Directive', url: 'https://eur-lex.europa.eu/' }],
    };
    const translation = {
      shortName: 'EU-CSDDD',
      status: 'geändert',
      officialLabel: 'Richtlinie',
      keyDates: [{ date: '2024-07-25', label: 'Die Richtlinie tritt in Kraft' }, { label: 'zusätzlich' }],
      thresholds: [{ label: 'Beschäftigte', value: 5000, unit: 'EUR' }],
      sources: [{ url: 'https://eur-lex.europa.eu/' }],
    };
    expect(translationProblems(original, translation, schema)).toEqual([
      'status: "amended" is not free text (an id, enum, date, address or code); remove it here',
      'officialLabel: the original has no such field',
      'keyDates: 2 items, the original has 1',
      'thresholds[0].value: the original\'s 5000 is not text; remove it here',
      'thresholds[0].unit: "EUR" is not free text (an id, enum, date, address or code); remove it here',
      'sources[0].url: "https://eur-lex.europa.eu/" is not free text (an id, enum, date, address or code); remove it here',
    ]);
    const personas = jsonSchemaOf(segmentSchema);
    expect(translationProblems({ personas: [{ id: 'cpo', headline: '{segment}: savings' }] }, { personas: [{ id: 'ceo', headline: 'Einsparungen' }] }, personas)).toEqual([
      'personas[0].id: expected "cpo", as in the original',
      'personas[0].headline: placeholders {segment} in the original, none here',
    ]);
  });
});
