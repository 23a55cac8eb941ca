import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/lib/load/frontmatter.ts';
import { parseYaml } from '../../../src/lib/load/yaml.ts';
import { CONTENT_KINDS, generateJsonSchemas, SCHEMAS_DIR, staleSchemaFiles, vscodeYamlSchemas, type ContentKind } from '../../../scripts/schemas.ts';
import { FIXTURES, PROJECT_ROOT, readTree } from '../helpers.ts';
import { splitTranslationName } from '../../../src/lib/load/translations.ts';

/**
 * The JSON Schemas in content/schemas/ give editors completion, field documentation and inline
 * errors. They are generated from the zod schemas the loader validates with; these tests keep the
 * two in step and prove that an editor (a draft-07 validator) accepts the real content.
 */

type JsonSchema = Record<string, unknown>;
const generated = generateJsonSchemas();
const schemaOf = (kind: ContentKind) => JSON.parse(generated[kind.file]!) as JsonSchema;
const kind = (file: string) => CONTENT_KINDS.find((k) => k.file === file)!;

/** A validator as strict as ajv gets: unknown keywords, formats and type slips in the schema throw. */
function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // Read by the Red Hat YAML language server and VS Code for friendlier messages; an annotation here.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  // ajv ships no formats (they live in ajv-formats); these mirror what editors check.
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  return ajv;
}
const ajv = makeAjv();
const validators = new Map<string, ValidateFunction>(CONTENT_KINDS.map((k) => [k.file, ajv.compile(schemaOf(k))]));
const validate = (k: ContentKind, data: unknown): ErrorObject[] => {
  const check = validators.get(k.file)!;
  return check(data) ? [] : [...(check.errors ?? [])];
};
const explain = (errors: readonly ErrorObject[]) => errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('\n');

/** `segments/*.yaml` → a RegExp over project-relative paths (`*` stays within one folder). */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
}
// A translation (`cpo.de.md`) holds only its original's text, which the loader checks against the original.
const kindOfFile = (file: string) => (splitTranslationName(file) ? undefined : CONTENT_KINDS.find((k) => globToRegExp(k.glob).test(file)));

const decoder = new TextDecoder();
/** The data of a content file, parsed by the loader's own YAML and frontmatter readers. */
function readData(k: ContentKind, file: string, text: string): { ok: true; data: unknown } | { ok: false; why: string } {
  const result = k.format === 'yaml' ? parseYaml(file, text) : parseFrontmatter(file, text);
  if (!result.ok) return { ok: false, why: JSON.stringify(result.diagnostics) };
  return { ok: true, data: 'data' in result ? result.data : result.value };
}

interface ContentFile {
  tree: string;
  file: string;
  kind: ContentKind;
  text: string;
  data: unknown;
}
/** The content files of a tree; `unreadable: 'skip'` leaves out files that are not even YAML (fixtures for parse errors). */
function contentFiles(root: string, tree: string, unreadable: 'throw' | 'skip'): ContentFile[] {
  return readTree(root).flatMap(({ file, bytes }) => {
    const k = kindOfFile(file);
    if (!k) return [];
    const text = decoder.decode(bytes);
    const read = readData(k, file, text);
    if (read.ok) return [{ tree, file, kind: k, text, data: read.data }];
    if (unreadable === 'skip') return [];
    throw new Error(`${tree}: ${file} could not be parsed: ${read.why}`);
  });
}
const sample = contentFiles(PROJECT_ROOT, 'sample content', 'throw');
const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => contentFiles(join(FIXTURES, entry.name), `fixture ${entry.name}`, 'skip'));

describe('generated JSON Schemas (content/schemas/)', () => {
  it('match the zod schemas: run `npm run schemas` after changing src/lib/schemas/', () => {
    for (const [file, text] of Object.entries(generated)) {
      let committed: string | undefined;
      try {
        committed = readFileSync(join(PROJECT_ROOT, SCHEMAS_DIR, file), 'utf8');
      } catch {
        committed = undefined;
      }
      expect(committed, `${SCHEMAS_DIR}/${file} is missing or out of date: run \`npm run schemas\` and commit the result`).toBe(text);
    }
    expect(staleSchemaFiles(), `${SCHEMAS_DIR}/ holds files the generator no longer writes: run \`npm run schemas\``).toEqual([]);
  });

  it('are deterministic: 2-space JSON with a trailing newline, identical on every run', () => {
    expect(generateJsonSchemas()).toEqual(generated);
    for (const text of Object.values(generated)) {
      expect(text.endsWith('}\n')).toBe(true);
      expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text);
    }
  });

  it('cover every content kind, each with $schema, a title and the zod root description', () => {
    expect(Object.keys(generated).sort()).toEqual(
      ['crm', 'faq', 'page-override', 'page-variant', 'persona', 'proof-certification', 'proof-figure', 'proof-logo', 'proof-quote', 'regulation', 'segment', 'site', 'vertical', 'workbench'].map((n) => `${n}.schema.json`),
    );
    for (const k of CONTENT_KINDS) {
      const schema = schemaOf(k);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title).toBe(k.title);
      expect(schema.description).toBe(k.schema.description);
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
    }
  });

  it('are valid draft-07 schemas (checked against the meta-schema)', () => {
    for (const k of CONTENT_KINDS) expect(ajv.validateSchema(schemaOf(k)), `${k.file}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
  });

  it('document every field: each property has a description (zod `.describe()`)', () => {
    const missing: string[] = [];
    let checked = 0;
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${path}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'default' || key === 'enum' || key === 'const' || key === 'examples') continue; // data, not schemas
        if (key === 'if' || key === 'not') continue; // conditions (from a future .meta()), not fields an editor offers
        if (key === 'properties' && typeof value === 'object' && value !== null) {
          for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
            checked += 1;
            const description = (property as JsonSchema).description;
            if (typeof description !== 'string' || description.trim() === '') missing.push(`${path}/properties/${name}`);
          }
        }
        walk(value, `${path}/${key}`);
      }
    };
    for (const k of CONTENT_KINDS) walk(schemaOf(k), k.file);
    expect(checked, 'the walk must reach nested properties too').toBeGreaterThan(150);
    expect(missing, 'add .describe() to these fields in src/lib/schemas/, then run `npm run schemas`').toEqual([]);
  });

  it('leave fields with defaults optional (generated from the input side)', () => {
    const segment = schemaOf(kind('segment.schema.json'));
    expect(segment.required).toEqual(['name', 'nickname', 'description', 'status', 'vertical', 'criteria', 'personas', 'messaging']);
    const faq = schemaOf(kind('faq.schema.json'));
    expect(faq.required).toEqual(['question']);
  });

  it('carry the hand-written messages of patterns and the https-only rule of web addresses', () => {
    const site = schemaOf(kind('site.schema.json')) as { properties: Record<string, JsonSchema> };
    expect(site.properties.url).toMatchObject({
      format: 'uri',
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
      patternErrorMessage: 'expected a web address starting with https:// (or http://)',
    });
    const segment = schemaOf(kind('segment.schema.json')) as { properties: Record<string, JsonSchema> };
    expect(segment.properties.vertical!.patternErrorMessage).toMatch(/^expected an id made of lowercase letters/);
    expect(segment.properties.reviewed).toMatchObject({ format: 'date', patternErrorMessage: 'expected a date written as YYYY-MM-DD, like 2026-03-31' });
  });
});

describe('the JSON Schemas against real content (what an editor would report)', () => {
  it('finds sample content of every kind', () => {
    for (const k of CONTENT_KINDS) expect(sample.some((f) => f.kind === k), `no sample file matches ${k.glob}`).toBe(true);
  });

  it('accept every sample content file, YAML files and Markdown frontmatter alike', () => {
    const problems = sample.map((f) => ({ f, errors: validate(f.kind, f.data) })).filter(({ errors }) => errors.length);
    expect(problems.map(({ f, errors }) => `${f.file} (${f.kind.file}):\n${explain(errors)}`)).toEqual([]);
  });

  it('are never stricter than the loader: every file zod accepts, the JSON Schema accepts', () => {
    const files = [...sample, ...fixtures];
    expect(fixtures.length).toBeGreaterThan(0);
    const disagreements = files
      .filter((f) => f.kind.schema.safeParse(f.data).success)
      .map((f) => ({ f, errors: validate(f.kind, f.data) }))
      .filter(({ errors }) => errors.length);
    expect(disagreements.map(({ f, errors }) => `${f.tree}: ${f.file}:\n${explain(errors)}`)).toEqual([]);
  });

  const segmentFile = sample.find((f) => f.file === 'segments/mid-market-owner.yaml')!;
  const segment = () => structuredClone(segmentFile.data) as Record<string, unknown>;
  const segmentKind = kind('segment.schema.json');

  it('rejects a segment with a misspelt status and an unknown field', () => {
    const bad = { ...segment(), status: 'activ', nickName: 'Mid-market' };
    expect(segmentKind.schema.safeParse(bad).success).toBe(false);
    const errors = validate(segmentKind, bad);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instancePath: '/status', keyword: 'enum', params: { allowedValues: ['draft', 'active', 'retired'] } }),
        expect.objectContaining({ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'nickName' } }),
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('rejects what the loader rejects field by field: ids, dates, web addresses, empty text, missing fields', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an id with capitals', { ...segment(), vertical: 'Procurement' }, '/vertical'],
      ['a date that is not YYYY-MM-DD', { ...segment(), reviewed: '31/03/2026' }, '/reviewed'],
      ['an empty required text', { ...segment(), name: '' }, '/name'],
      ['a missing required field', (({ messaging: _, ...rest }) => rest)(segment()), ''],
      ['no persona', { ...segment(), personas: [] }, '/personas'],
      ['a prioritisation score out of range', { ...segment(), prioritisation: { ...(segment().prioritisation as object), companyFit: 6 } }, '/prioritisation/companyFit'],
    ];
    for (const [what, data, path] of cases) {
      expect(segmentKind.schema.safeParse(data).success, `zod should reject ${what}`).toBe(false);
      expect(validate(segmentKind, data).map((e) => e.instancePath), `the JSON Schema should reject ${what}`).toContain(path);
    }
    const siteKind = kind('site.schema.json');
    const site = sample.find((f) => f.file === 'content/site.yaml')!.data as Record<string, unknown>;
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/', 'www.example.com']) {
      const bad = { ...site, url };
      expect(siteKind.schema.safeParse(bad).success, `zod should reject ${url}`).toBe(false);
      expect(validate(siteKind, bad).map((e) => e.instancePath), `the JSON Schema should reject ${url}`).toContain('/url');
    }
    expect(validate(siteKind, { ...site, url: 'HTTPS://www.example.com/' })).toEqual([]);
  });

  it('rejects bad Markdown frontmatter too', () => {
    const personaKind = kind('persona.schema.json');
    const persona = sample.find((f) => f.kind === personaKind)!.data as Record<string, unknown>;
    const bad = { ...persona, buyerRole: 'champion', goals: [] };
    expect(personaKind.schema.safeParse(bad).success).toBe(false);
    expect(validate(personaKind, bad).map((e) => e.instancePath).sort()).toEqual(['/buyerRole', '/goals']);
  });
});

describe('editor wiring', () => {
  const yamlKinds = CONTENT_KINDS.filter((k) => k.format === 'yaml');

  it('.vscode/settings.json maps each YAML schema to its files, and recommends the Red Hat YAML extension', () => {
    const settings = JSON.parse(readFileSync(join(PROJECT_ROOT, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings['yaml.schemas']).toEqual(Object.fromEntries(yamlKinds.map((k) => [`./${SCHEMAS_DIR}/${k.file}`, k.glob])));
    const extensions = JSON.parse(readFileSync(join(PROJECT_ROOT, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });

  it('--out gives content kept elsewhere the same schemas and editor mapping', { timeout: 60_000 }, () => {
    const root = mkdtempSync(join(tmpdir(), 'content-'));
    try {
      mkdirSync(join(root, 'content'));
      const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/schemas.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
      const first = run('--out', root);
      expect(first.status, first.stderr).toBe(0);
      expect(staleSchemaFiles(root)).toEqual([]);
      const settingsFile = join(root, '.vscode', 'settings.json');
      expect(JSON.parse(readFileSync(settingsFile, 'utf8'))['yaml.schemas']).toEqual(vscodeYamlSchemas());
      writeFileSync(settingsFile, '{"editor.tabSize": 2}\n');
      writeFileSync(join(root, SCHEMAS_DIR, 'segment.schema.json'), '{}');
      expect(run('--check', '--out', root).status).toBe(1);
      const again = run('--out', root);
      expect(again.stdout).toContain('exists and was left as it is');
      expect(readFileSync(settingsFile, 'utf8')).toBe('{"editor.tabSize": 2}\n');
      expect(staleSchemaFiles(root)).toEqual([]);
      const nowhere = run('--out', join(root, 'missing'));
      expect(nowhere.status).toBe(1);
      expect(nowhere.stderr).toContain('has no content/ folder');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('every `# yaml-language-server: $schema=` modeline is the first line and points at the schema of its kind', () => {
    const modeline = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/;
    const found = new Set<ContentKind>();
    for (const f of sample.filter((s) => s.kind.format === 'yaml')) {
      const lines = f.text.split('\n');
      const at = lines.findIndex((line) => modeline.test(line));
      if (at === -1) continue;
      expect(at, `${f.file}: the modeline must be the first line`).toBe(0);
      const target = posix.normalize(posix.join(posix.dirname(f.file), modeline.exec(lines[0]!)![1]!));
      expect(target, f.file).toBe(`${SCHEMAS_DIR}/${f.kind.file}`);
      expect(() => readFileSync(join(PROJECT_ROOT, target)), `${f.file}: ${target} does not exist`).not.toThrow();
      found.add(f.kind);
    }
    expect([...found].map((k) => k.file).sort()).toEqual(yamlKinds.map((k) => k.file).sort());
  });
});
