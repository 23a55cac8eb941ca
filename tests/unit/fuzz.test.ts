/**
 * Seeded, bounded fuzzing of the content pipeline: realistic damage (lines lost or doubled, stray
 * characters, tabs, quotes, brackets, truncation, wrong types, encodings) applied to real content
 * trees. Whatever the damage, the generator must never crash and every message must point at a
 * real place in a real file; a build must either publish a complete site or leave the previous
 * one exactly as it was.
 *
 * Everything is derived from the seed: a failure names it with the tree, the iteration, the file
 * and the mutations (`replay(seed, tree, iteration)` below rebuilds that exact input), and with
 * FUZZ_DUMP=<folder> the content tree of every failing iteration is written there, ready for
 * `CONTENT_ROOT=<folder>/<tree>-<iteration> npm run check`.
 *   FUZZ_SEED=7 FUZZ_ITERATIONS=2000 FUZZ_DUMP=/tmp/fuzz npx vitest run tests/unit/fuzz.test.ts
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticText, type Diagnostic } from '../../src/lib/diagnostics.ts';
import type { SourceFile } from '../../src/lib/load/files.ts';
import { mulberry32, type Random } from '../../src/lib/report/random.ts';
import { buildSite } from '../../src/lib/site-build.ts';
import { hashDir, leftovers, runScript, stackTraceSigns, tempDir, writePreviousOutput, writeTree } from './bad-input-cases.ts';
import { fixture, PROJECT_ROOT, readTree } from './helpers.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 400);
const END_TO_END = 6;
const TODAY = '2026-11-23';

/** Files the loader skips by design (editor schemas, READMEs): damage there proves nothing. */
const IGNORED = /(^|\/)(README\.md|[^/]+\.schema\.json)$|^content\/schemas\/|^content\/accounts\//;

const TREES: Record<string, SourceFile[]> = {
  composition: fixture('composition'),
  sample: readTree(PROJECT_ROOT),
};

// ---- mutations

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');

type TextMutation = (text: string, rng: Random) => string;

const lineIndex = (lines: string[], rng: Random) => rng.between(0, Math.max(0, lines.length - 1));
const onLines = (text: string, fn: (lines: string[]) => void): string => {
  const lines = text.split('\n');
  fn(lines);
  return lines.join('\n');
};

/** Damage done as text; line operations keep the file's own line endings. */
const TEXT_MUTATIONS: Record<string, TextMutation> = {
  'delete a line': (text, rng) => onLines(text, (lines) => lines.splice(lineIndex(lines, rng), 1)),
  'duplicate a line': (text, rng) =>
    onLines(text, (lines) => {
      const i = lineIndex(lines, rng);
      lines.splice(i, 0, lines[i] ?? '');
    }),
  'swap two lines': (text, rng) =>
    onLines(text, (lines) => {
      const a = lineIndex(lines, rng);
      const b = lineIndex(lines, rng);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }),
  'insert a character': (text, rng) => {
    const at = rng.between(0, text.length);
    return text.slice(0, at) + rng.pick(['a', 'Z', '7', ' ', '-', '#', '&', '*', '!', '%', '|', '>', '@', '`', 'é', '’', '\u00a0']) + text.slice(at);
  },
  'delete a character': (text, rng) => {
    const at = rng.between(0, Math.max(0, text.length - 1));
    return text.slice(0, at) + text.slice(at + 1);
  },
  'replace a character': (text, rng) => {
    const at = rng.between(0, Math.max(0, text.length - 1));
    return text.slice(0, at) + rng.pick(['\t', ':', '"', "'", '[', ']', '{', '}', '<', '>', '---', '\n', ': ', '- ']) + text.slice(at + 1);
  },
  'truncate the file': (text, rng) => text.slice(0, rng.between(0, text.length)),
  'change the indentation of a line': (text, rng) =>
    onLines(text, (lines) => {
      const i = lineIndex(lines, rng);
      const body = (lines[i] ?? '').replace(/^[ \t]*/, '');
      lines[i] = rng.pick(['', ' ', '   ', '      ', '\t', '  \t']) + body;
    }),
  'replace a value with another type': (text, rng) =>
    onLines(text, (lines) => {
      const candidates = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*(?:-\s+)?[\w"']+\s*:\s+\S/.test(line) || /^\s*-\s+\S/.test(line));
      if (candidates.length === 0) return;
      const { line, i } = rng.pick(candidates);
      const value = rng.pick(['123', '-1', '1.5e9', 'true', 'null', '~', '[]', '{}', '[a, b]', '{ a: 1 }', '""', "''", '2026-13-45', '25/07/2024', 'yes', '0x1F', '.inf', '|', '>-', '&anchor', '*alias', '!!binary aGVsbG8=']);
      lines[i] = /:\s+\S/.test(line) ? line.replace(/(:\s+).*$/, `$1${value}`) : line.replace(/(-\s+).*$/, `$1${value}`);
    }),
  'inject a marker or brace': (text, rng) => {
    const at = rng.between(0, text.length);
    return text.slice(0, at) + rng.pick(['[[', ']]', '[[x]]', '{', '}', '{segment}', '{x}', '<Section name="hero">', '</Section>', '<script>', 'javascript:', '&lt;']) + text.slice(at);
  },
  'convert to CRLF': (text) => text.replace(/\r?\n/g, '\r\n'),
};

type ByteMutation = (bytes: Uint8Array, rng: Random) => Uint8Array;

/** Damage only bytes can express: applied after the text mutations so it survives them. */
const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  'insert invalid UTF-8 bytes': (bytes, rng) => {
    const at = rng.between(0, bytes.length);
    const bad = rng.pick([[0xff], [0xc3], [0xe9], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]]);
    return new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at)]);
  },
  'add a byte-order mark': (bytes) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]),
};

const MUTATION_NAMES = [...Object.keys(TEXT_MUTATIONS), ...Object.keys(BYTE_MUTATIONS)];

interface Mutant {
  tree: string;
  iteration: number;
  file: string;
  mutations: string[];
  files: SourceFile[];
}

/** The input of one iteration: a tree, one of its content files, 1–3 mutations. Deterministic in (seed, tree, iteration). */
function replay(seed: number, tree: string, iteration: number): Mutant {
  const rng = mulberry32((seed ^ Math.imul(iteration + 1, 0x9e3779b1)) >>> 0);
  const base = TREES[tree]!;
  const candidates = base.filter((f) => !IGNORED.test(f.file));
  const target = rng.pick(candidates);
  const count = rng.between(1, 3);
  const picked = Array.from({ length: count }, () => rng.pick(MUTATION_NAMES));
  // Text first, bytes last: a text mutation would re-encode invalid bytes away.
  const ordered = [...picked.filter((m) => m in TEXT_MUTATIONS), ...picked.filter((m) => m in BYTE_MUTATIONS)];
  let text = lenient.decode(target.bytes);
  for (const name of ordered.filter((m) => m in TEXT_MUTATIONS)) text = TEXT_MUTATIONS[name]!(text, rng);
  let bytes: Uint8Array = utf8.encode(text);
  for (const name of ordered.filter((m) => m in BYTE_MUTATIONS)) bytes = BYTE_MUTATIONS[name]!(bytes, rng);
  const files = base.map((f) => (f.file === target.file ? { file: f.file, bytes } : f));
  return { tree, iteration, file: target.file, mutations: ordered, files };
}

// ---- what every result must look like

/** The lines of a file as an editor shows them (BOM dropped; CRLF, CR and LF all end a line). */
function editorLines(bytes: Uint8Array): string[] {
  return lenient.decode(bytes).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Everything wrong with one result, in words; empty when the result is well-formed. */
function resultProblems(files: readonly SourceFile[], run: () => ReturnType<typeof buildSite>): string[] {
  let result: ReturnType<typeof buildSite>;
  try {
    result = run();
  } catch (error) {
    return [`buildSite threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`];
  }
  const problems: string[] = [];
  const diagnostics: Diagnostic[] = result.ok ? result.build.diagnostics : result.diagnostics;
  if (result.ok && result.build.routes.length === 0) problems.push('ok, but no routes');
  if (!result.ok && !diagnostics.some((d) => d.severity === 'error')) problems.push('refused without an error');
  const byFile = new Map(files.map((f) => [f.file, f]));
  for (const d of diagnostics) {
    const shown = formatDiagnosticText(d).split('\n')[0];
    const bad = (what: string) => problems.push(`${what}: ${shown}`);
    if (typeof d.file !== 'string' || d.file === '') bad('no file');
    const source = byFile.get(d.file);
    if (!source && !(d.file === 'content/site.yaml' && d.rule === 'missing-file')) bad('names a file that is not in the input');
    if (d.severity !== 'error' && d.severity !== 'warning') bad(`severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') bad('empty message');
    if (typeof d.rule !== 'string' || d.rule === '') bad('no rule');
    if (d.column !== undefined && d.line === undefined) bad('a column without a line');
    if (/\bundefined\b|\[object |\bNaN\b/.test(formatDiagnosticText(d))) bad('undefined/NaN/[object] in the text');
    if (d.line !== undefined) {
      if (!Number.isInteger(d.line) || d.line < 1) bad(`line ${d.line}`);
      else if (source) {
        const lines = editorLines(source.bytes);
        if (d.line > lines.length + 1) bad(`line ${d.line} past the end of a ${lines.length}-line file`);
        else if (d.column !== undefined && (!Number.isInteger(d.column) || d.column < 1 || d.column > (lines[d.line - 1] ?? '').length + 1)) {
          bad(`column ${d.column} outside line ${d.line} (${(lines[d.line - 1] ?? '').length} characters: ${JSON.stringify((lines[d.line - 1] ?? '').slice(0, 50))})`);
        }
      }
    }
  }
  return problems;
}

// ---- part 1: in process

describe('fuzzing the content pipeline in process', () => {
  it(`survives ${ITERATIONS} seeded mutations (seed ${SEED}) with well-formed results`, () => {
    const outcomes = { ok: 0, refused: 0 };
    const rules = new Map<string, number>();
    const failures: string[] = [];
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      // Two in three iterations on the small fixture: the sample is three times slower to build.
      const tree = i % 3 === 2 ? 'sample' : 'composition';
      const mutant = replay(SEED, tree, i);
      let outcome: ReturnType<typeof buildSite> | undefined;
      const problems = resultProblems(mutant.files, () => (outcome = buildSite(mutant.files, { today: TODAY })));
      if (outcome) {
        outcomes[outcome.ok ? 'ok' : 'refused']++;
        for (const d of outcome.ok ? outcome.build.diagnostics : outcome.diagnostics) rules.set(d.rule, (rules.get(d.rule) ?? 0) + 1);
      }
      if (problems.length && process.env.FUZZ_DUMP) writeTree(join(process.env.FUZZ_DUMP, `${tree}-${i}`), mutant.files);
      if (problems.length) failures.push(`replay(${SEED}, '${tree}', ${i}) → ${mutant.file} after ${mutant.mutations.join(', ')}:\n  ${problems.join('\n  ')}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const seen = [...rules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => `${rule} ×${n}`);
    console.log(
      `fuzz (seed ${SEED}): ${ITERATIONS} iterations in ${seconds} s: ${outcomes.ok} built, ${outcomes.refused} refused, ${failures.length} malformed` +
        `; rules seen: ${seen.join(', ')}`,
    );
    expect(failures, failures.join('\n')).toEqual([]);
    expect(outcomes.ok + outcomes.refused).toBe(ITERATIONS);
    // A fuzzer that only ever breaks things, or never does, is not testing both paths.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 180_000);
});

// ---- part 2: end to end

/**
 * Picks END_TO_END mutants of the composition fixture (it has a base path and an MDX override, the
 * parts of the Astro build content can break), half that the check accepts and half that it
 * refuses, so both outcomes of `npm run build` are exercised whatever the seed.
 */
function endToEndMutants(): { mutant: Mutant; accepted: boolean }[] {
  const accepted: Mutant[] = [];
  const refused: Mutant[] = [];
  for (let i = 0; i < 500 && (accepted.length < END_TO_END / 2 || refused.length < END_TO_END / 2); i++) {
    const mutant = replay(SEED + 1, 'composition', i);
    const ok = buildSite(mutant.files, { today: TODAY }).ok;
    const bucket = ok ? accepted : refused;
    if (bucket.length < END_TO_END / 2) bucket.push(mutant);
  }
  return [...accepted.map((mutant) => ({ mutant, accepted: true })), ...refused.map((mutant) => ({ mutant, accepted: false }))];
}

describe('fuzzing npm run build end to end', () => {
  it(`publishes a complete site or leaves the previous one untouched (${END_TO_END} seeded trees)`, async () => {
    expect(Number(process.versions.node.split('.')[0]), 'the CLIs run on the Node running vitest; Astro 7 needs 22').toBeGreaterThanOrEqual(22);
    const picked = endToEndMutants();
    expect(picked).toHaveLength(END_TO_END);
    const report: string[] = [];
    // One at a time: concurrent Astro builds of one project share its caches.
    for (const { mutant, accepted } of picked) {
      const where = `replay(${SEED + 1}, 'composition', ${mutant.iteration}) → ${mutant.file} after ${mutant.mutations.join(', ')}`;
      const tmp = tempDir('fuzz-build');
      try {
        const root = join(tmp, 'site');
        writeTree(root, mutant.files);
        const outDir = join(tmp, 'dist');
        writePreviousOutput(outDir);
        const before = hashDir(outDir);
        const build = await runScript('build.ts', [], { CONTENT_ROOT: root, OUT_DIR: outDir });
        report.push(`${build.status === 0 ? 'built' : 'refused'} in ${(build.ms / 1000).toFixed(1)} s: ${where}`);
        const output = build.stdout + build.stderr;
        expect(stackTraceSigns(output), `${where}\n${output}`).toEqual([]);
        expect(leftovers(outDir), where).toEqual([]);
        expect(build.status, `${where}: the CLI and buildSite disagree\n${output}`).toBe(accepted ? 0 : 1);
        if (build.status === 0) {
          expect(build.stdout).toMatch(/^Built \d+ pages into /);
          for (const page of ['index.html', 'sitemap.xml', '404.html']) expect(existsSync(join(outDir, page)), `${where}: ${page}`).toBe(true);
          expect(readFileSync(join(outDir, 'index.html'), 'utf8'), 'the previous output was replaced').not.toContain('previous build');
          const locs = [...readFileSync(join(outDir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
          expect(locs.length, where).toBeGreaterThan(0);
          // The home page has the shortest path: it is the base path every other page sits under.
          const basePath = [...locs].sort((a, b) => a.length - b.length)[0]!;
          for (const loc of locs) {
            expect(loc.startsWith(basePath), `${where}: ${loc} is outside ${basePath}`).toBe(true);
            expect(existsSync(join(outDir, loc.slice(basePath.length), 'index.html')), `${where}: ${loc} has no index.html`).toBe(true);
          }
        } else {
          expect(build.stderr, where).toMatch(/Nothing was built; .*dist\/ is unchanged\.\n$/);
          expect(hashDir(outDir), `${where}: the previous output changed`).toBe(before);
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    console.log(`fuzz end to end (seed ${SEED + 1}):\n  ${report.join('\n  ')}`);
  }, 300_000);
});
