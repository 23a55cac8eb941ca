/**
 * `npm run schemas [-- --check] [--out <content folder>]`: writes one JSON Schema per content kind into content/schemas/,
 * generated from the zod schemas in src/lib/schemas/, so editors (VS Code with the Red Hat YAML
 * extension, JetBrains IDEs, Zed…) offer completion, field documentation and inline errors.
 *
 * `--check` writes nothing and exits 1 when the files in content/schemas/ differ from what the zod
 * schemas produce (run it in CI; `npm run schemas` fixes it).
 *
 * `--out <folder>` does the same for content kept outside this repository (a CONTENT_ROOT): the
 * schemas go into `<folder>/content/schemas/`, where the `$schema` first lines of the sample files
 * point, and `<folder>/.vscode/settings.json` is written when the folder has none (otherwise the
 * lines to add are printed).
 *
 * Importing this module writes nothing: tests call `generateJsonSchemas()` directly.
 *
 * Draft: the files target JSON Schema draft-07, deliberately. zod 4 can also emit draft 2020-12
 * (its default), but the Red Hat YAML language server (behind VS Code's YAML extension, Zed, Helix,
 * Neovim…) documents support for "JSON Schema 7 and below" and only its newest releases validate
 * 2019-09/2020-12; JetBrains IDEs read draft-07 fully too. The content schemas need nothing newer
 * (no `$defs`, `unevaluatedProperties` or `prefixItems`), so draft-07 costs nothing and works in
 * every editor a marketer may have.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionsOrExit, shown } from './cli.ts';
import { z } from 'zod';
import {
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
  verticalSchema,
  workbenchSchema,
} from '../src/lib/schemas/index.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the generated files live, relative to the project root (the loader ignores this folder). */
export const SCHEMAS_DIR = 'content/schemas';
export const JSON_SCHEMA_TARGET = 'draft-07';

export interface ContentKind {
  /** File name in content/schemas/. */
  file: string;
  title: string;
  /** Where the files of this kind live, relative to the project root, as a glob. */
  glob: string;
  /** `yaml`: the whole file is validated; `frontmatter`: only the YAML block at the top of a Markdown/MDX file. */
  format: 'yaml' | 'frontmatter';
  /** The zod schema the loader validates with, and where it is written. */
  schema: z.ZodType;
  source: string;
}

/** Every kind of content file (docs/authoring.md). */
export const CONTENT_KINDS: readonly ContentKind[] = [
  { file: 'site.schema.json', title: 'Site settings', glob: 'content/site.yaml', format: 'yaml', schema: siteSchema, source: 'src/lib/schemas/site.ts' },
  { file: 'segment.schema.json', title: 'Segment', glob: 'segments/*.yaml', format: 'yaml', schema: segmentSchema, source: 'src/lib/schemas/segment.ts' },
  { file: 'persona.schema.json', title: 'Persona (frontmatter)', glob: 'content/personas/*.md', format: 'frontmatter', schema: personaSchema, source: 'src/lib/schemas/persona.ts' },
  { file: 'vertical.schema.json', title: 'Vertical', glob: 'content/verticals/*.yaml', format: 'yaml', schema: verticalSchema, source: 'src/lib/schemas/vertical.ts' },
  { file: 'regulation.schema.json', title: 'Regulation', glob: 'content/regulations/*.yaml', format: 'yaml', schema: regulationSchema, source: 'src/lib/schemas/regulation.ts' },
  { file: 'faq.schema.json', title: 'Question and answer (frontmatter)', glob: 'content/faqs/*.md', format: 'frontmatter', schema: faqSchema, source: 'src/lib/schemas/faq.ts' },
  {
    file: 'page-override.schema.json',
    title: 'Landing-page override (frontmatter)',
    glob: 'content/pages/*/*.mdx',
    format: 'frontmatter',
    schema: pageOverrideSchema,
    source: 'src/lib/schemas/page-override.ts',
  },
  {
    file: 'page-variant.schema.json',
    title: 'A/B variant of a landing page (frontmatter)',
    glob: 'content/variants/*/*/*.mdx',
    format: 'frontmatter',
    schema: pageVariantSchema,
    source: 'src/lib/schemas/page-variant.ts',
  },
  { file: 'proof-quote.schema.json', title: 'Customer quote', glob: 'content/proof/quotes/*.yaml', format: 'yaml', schema: proofQuoteSchema, source: 'src/lib/schemas/proof-quote.ts' },
  { file: 'proof-logo.schema.json', title: 'Customer logo', glob: 'content/proof/logos/*.yaml', format: 'yaml', schema: proofLogoSchema, source: 'src/lib/schemas/proof-logo.ts' },
  { file: 'proof-figure.schema.json', title: 'Case-study figure', glob: 'content/proof/figures/*.yaml', format: 'yaml', schema: proofFigureSchema, source: 'src/lib/schemas/proof-figure.ts' },
  {
    file: 'proof-certification.schema.json',
    title: 'Certification',
    glob: 'content/proof/certifications/*.yaml',
    format: 'yaml',
    schema: proofCertificationSchema,
    source: 'src/lib/schemas/proof-certification.ts',
  },
  { file: 'workbench.schema.json', title: 'Segment workbench mapping', glob: 'content/workbench.yaml', format: 'yaml', schema: workbenchSchema, source: 'src/lib/schemas/workbench.ts' },
  { file: 'crm.schema.json', title: 'CRM export mapping (lead to pipeline)', glob: 'content/crm.yaml', format: 'yaml', schema: crmSchema, source: 'src/lib/schemas/crm.ts' },
];

/**
 * zod checks `z.url({ protocol: /^https?$/ })` when parsing, but its JSON Schema says only
 * `format: uri`, which `javascript:` and `data:` addresses satisfy. zod also insists on "://" for
 * http(s) (case-insensitively), so the pattern below is what zod accepts, no stricter.
 */
const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';

/** The parts of a zod string schema's definition this generator reads (zod's own types are a wide union). */
interface StringDef {
  type: string;
  format?: string;
  protocol?: RegExp;
  error?: (issue: unknown) => unknown;
  checks?: readonly { _zod: { def: StringDef & { check?: string } } }[];
}

/** The text of a zod `{ error: '…' }` option, if it is a fixed string. */
function fixedMessage(error: StringDef['error']): string | undefined {
  if (typeof error !== 'function') return undefined;
  try {
    const result = error({ code: 'invalid_format', input: '' });
    if (typeof result === 'string') return result;
    if (result && typeof result === 'object' && typeof (result as { message?: unknown }).message === 'string') return (result as { message: string }).message;
  } catch {
    // A message computed from the issue: nothing fixed to show.
  }
  return undefined;
}

/**
 * Adds what zod knows but does not emit: the protocol rule of web addresses, and the hand-written
 * error message of a pattern (`patternErrorMessage`, read by the Red Hat YAML language server and
 * VS Code; other editors ignore it) so editors say "expected a date written as YYYY-MM-DD" rather
 * than "String does not match the pattern of ^(?:(?:\d\d[2468]…".
 */
function decorate(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const def = (ctx.zodSchema as { _zod: { def: StringDef } })._zod.def;
  if (def.type !== 'string') return;
  const json = ctx.jsonSchema;
  if (def.format === 'url' && def.protocol) {
    if (def.protocol.source !== z.regexes.httpProtocol.source) {
      throw new Error(`scripts/schemas.ts cannot express the URL protocol rule /${def.protocol.source}/ in JSON Schema yet: add it next to HTTP_URL_PATTERN.`);
    }
    json.pattern = HTTP_URL_PATTERN;
  }
  const messages = [
    ...(def.format && def.format !== 'regex' ? [fixedMessage(def.error)] : []),
    ...(def.checks ?? []).filter((c) => c._zod.def.check === 'string_format').map((c) => fixedMessage(c._zod.def.error)),
  ].filter((m): m is string => m !== undefined);
  // One pattern (or format) with one message: say it. Several patterns end up in an allOf, and a
  // single message for all of them would be wrong for some.
  if (messages.length === 1 && (typeof json.pattern === 'string' || typeof json.format === 'string') && !('allOf' in json)) {
    json.patternErrorMessage = messages[0];
  }
}

/** Keys of a schema object in reading order: what it is, then its constraints, then its children. */
const KEY_ORDER = [
  '$schema', '$id', '$comment', 'title', 'description', 'type', 'enum', 'const', 'format', 'pattern', 'patternErrorMessage',
  'minLength', 'maxLength', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'multipleOf',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'default', 'examples',
  'properties', 'patternProperties', 'required', 'additionalProperties', 'propertyNames', 'items', 'contains',
  'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', 'definitions', '$defs',
];
const rank = (key: string) => {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
};
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_VALUES = new Set(['additionalProperties', 'propertyNames', 'items', 'contains', 'not', 'if', 'then', 'else']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'items']);

/**
 * A copy of a JSON Schema with its keys in a fixed order, so the files read well and stay
 * byte-identical whatever order zod happens to build them in. Field order under `properties` is
 * kept: it is the order of the zod source, which is the order editors should suggest fields in.
 */
function canonical(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as Record<string, unknown>;
  const keys = Object.keys(source).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = source[key];
    if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(canonical);
    else if (SCHEMA_VALUES.has(key)) out[key] = canonical(value);
    else if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) {
      const names = Object.keys(value);
      if (key === 'definitions' || key === '$defs') names.sort();
      out[key] = Object.fromEntries(names.map((name) => [name, canonical((value as Record<string, unknown>)[name])]));
    } else out[key] = value; // data (default, enum, const, examples) and plain keywords stay as they are
  }
  return out;
}

/** The JSON Schema of one content kind, as an object. */
export function jsonSchemaFor(kind: ContentKind): Record<string, unknown> {
  const generated = z.toJSONSchema(kind.schema, {
    target: JSON_SCHEMA_TARGET,
    // What a person writes, not what the loader produces: fields with defaults are optional.
    io: 'input',
    // A zod construct without a JSON Schema equivalent must stop generation, not vanish silently.
    unrepresentable: 'throw',
    // Inline every sub-schema: editors show hover text best without $ref indirection.
    reused: 'inline',
    override: decorate,
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return canonical({
    $schema,
    $comment: `Generated by \`npm run schemas\` from ${kind.source}: edit the zod schema, not this file.`,
    title: kind.title,
    ...rest,
  }) as Record<string, unknown>;
}

/** File name → file text for every content kind: 2-space indent, trailing newline. */
export function generateJsonSchemas(): Record<string, string> {
  return Object.fromEntries(CONTENT_KINDS.map((kind) => [kind.file, `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`]));
}

/** Files in content/schemas/ that are missing, different from `generated`, or no longer generated. */
export function staleSchemaFiles(root: string = PROJECT_ROOT, generated: Record<string, string> = generateJsonSchemas()): string[] {
  const dir = join(root, SCHEMAS_DIR);
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const stale = Object.entries(generated)
    .filter(([file, text]) => !present.includes(file) || readFileSync(join(dir, file), 'utf8') !== text)
    .map(([file]) => file);
  const extra = present.filter((file) => !(file in generated));
  return [...stale, ...extra].sort();
}

/** VS Code's mapping of each YAML schema to the files it describes, relative to the content folder. */
export function vscodeYamlSchemas(): Record<string, string> {
  return Object.fromEntries(CONTENT_KINDS.filter((k) => k.format === 'yaml').map((k) => [`./${SCHEMAS_DIR}/${k.file}`, k.glob]));
}

/** Writes the schemas that changed and removes those no longer generated. */
export function writeJsonSchemas(root: string = PROJECT_ROOT): { written: string[]; removed: string[] } {
  const generated = generateJsonSchemas();
  const dir = join(root, SCHEMAS_DIR);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const removed: string[] = [];
  for (const file of staleSchemaFiles(root, generated)) {
    const text = generated[file];
    if (text === undefined) {
      rmSync(join(dir, file));
      removed.push(file);
    } else {
      writeFileSync(join(dir, file), text);
      written.push(file);
    }
  }
  return { written, removed };
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const usage = 'Usage: npm run schemas [-- --check] [--out <content folder>]';
  const args = optionsOrExit(usage, { check: { type: 'boolean', default: false }, out: { type: 'string' } });
  if (args.out === '') {
    console.error(`schemas: --out needs a folder (the one holding segments/ and content/)\n${usage}`);
    process.exit(2);
  }
  const root = args.out === undefined ? PROJECT_ROOT : resolve(args.out);
  if (args.out !== undefined && !existsSync(join(root, 'content'))) {
    console.error(`schemas: ${shown(root) || '.'} has no content/ folder: --out names the folder that holds segments/ and content/ (the CONTENT_ROOT of a build).`);
    process.exit(1);
  }
  const where = shown(join(root, SCHEMAS_DIR)) || '.';
  if (args.check) {
    const stale = staleSchemaFiles(root);
    if (stale.length) {
      console.error(`${where}: out of date: ${stale.join(', ')}. Run \`npm run schemas${args.out === undefined ? '' : ` -- --out ${args.out}`}\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${where}: ${CONTENT_KINDS.length} JSON Schemas up to date.`);
  } else {
    const { written, removed } = writeJsonSchemas(root);
    const done = [written.length ? `wrote ${written.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
    console.log(done.length ? `${where}: ${done.join('; ')}.` : `${where}: ${CONTENT_KINDS.length} JSON Schemas already up to date.`);
    if (root !== PROJECT_ROOT) {
      const settingsFile = join(root, '.vscode', 'settings.json');
      const settings = { 'yaml.schemas': vscodeYamlSchemas(), 'yaml.yamlVersion': '1.2' };
      if (existsSync(settingsFile)) {
        console.log(`${shown(settingsFile)} exists and was left as it is; for YAML completion in VS Code it needs:\n${JSON.stringify(settings, null, 2)}`);
      } else {
        mkdirSync(join(root, '.vscode'), { recursive: true });
        writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
        console.log(`Wrote ${shown(settingsFile)} (VS Code: install the YAML extension by Red Hat).`);
      }
    }
  }
}
