/**
 * Shared machinery for the bad-input corpus (tests/fixtures/bad-input) and the fuzz test: building
 * a content tree on disk from a base fixture plus a case's changes, running the real CLIs on it the
 * way `npm run check` / `npm run build` do, and fingerprinting a previous build output so a test can
 * prove that a refused build left it exactly as it was.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { FIXTURES, PROJECT_ROOT } from './helpers.ts';

export const CORPUS = join(FIXTURES, 'bad-input');
/** The date every run checks regulation review dates against, so snapshots never age. */
export const CHECK_DATE = '2026-11-23';

export type Expectation = 'errors' | 'warnings-only';

export interface GenerateSpec {
  /** Path in the content tree, like `segments/small-finance.yaml`. */
  path: string;
  kind: GenerateKind;
}

export interface CaseSpec {
  base: 'minimal' | 'composition' | 'second-vertical';
  /** What a marketer did, in their terms. */
  description: string;
  /** Extra arguments for `npm run check`, like `["--strict"]`. */
  args: string[];
  expect: Expectation;
  /** Paths of the base fixture to delete before the case's files are written. */
  remove: string[];
  /** Inputs produced by code rather than committed (binary, huge, invisible bytes): applied after `files/`. */
  generate: GenerateSpec[];
  /**
   * Where the marketer's mistake is, as they would look for it: `file:line:column` (or just `file`
   * for a whole-file problem). Some message must point exactly there.
   */
  at?: string;
}

export interface Case {
  name: string;
  dir: string;
  spec: CaseSpec;
}

export function loadCases(): Case[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(CORPUS, entry.name);
      const raw = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Partial<CaseSpec>;
      const spec: CaseSpec = {
        base: raw.base ?? 'minimal',
        description: raw.description ?? '',
        args: raw.args ?? [],
        expect: raw.expect as Expectation,
        remove: raw.remove ?? [],
        generate: raw.generate ?? [],
        at: raw.at,
      };
      return { name: entry.name, dir, spec };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

// ---- known product problems

/** A check a case fails today because of a product problem (see KNOWN_PRODUCT_PROBLEMS). */
export type Check = 'at' | 'hint' | 'inside';

export interface KnownProblem {
  problem: string;
  /** The checks this case fails today. The test asserts they still fail, so a fix shows up as "remove this entry". */
  fails: Check[];
}

const FRONTMATTER_LINE =
  'Lines inside Markdown/MDX frontmatter are reported one higher than the line an editor shows: gray-matter passes the YAML with its leading newline and src/lib/load/frontmatter.ts also adds 1 for the opening ---.';
const NO_HINT = 'No hint line: src/lib/load/validate.ts gives invalid_format issues (URLs, dates, patterns) no hint.';

/**
 * Cases whose output is wrong or weak today, recorded rather than fixed (the corpus does not touch
 * src/). Their expected.txt holds the current output. When the product is fixed, the test reports
 * the entry as stale: delete it and regenerate the snapshot with -u.
 */
export const KNOWN_PRODUCT_PROBLEMS: Record<string, KnownProblem> = {};

// ---- generated inputs

const utf8 = new TextEncoder();

/**
 * Transformations for inputs that should not be committed as files. Each receives the file's
 * current bytes (after `files/` was applied; undefined when the file does not exist) and returns
 * the bytes to write.
 */
export const GENERATORS = {
  /** A UTF-8 byte-order mark in front of the file, as Windows Notepad writes it. */
  bom: (bytes) => withBom(need(bytes)),
  /** Windows line endings throughout. */
  crlf: (bytes) => toCrlf(need(bytes)),
  /** Notepad on Windows: a byte-order mark and CRLF line endings. */
  'bom-crlf': (bytes) => withBom(toCrlf(need(bytes))),
  /** The file saved as Windows-1252 / Latin-1 instead of UTF-8: "é" becomes the lone byte 0xE9. */
  latin1: (bytes) => {
    const text = decode(need(bytes));
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff) throw new Error(`latin1: ${JSON.stringify(text[i])} has no Latin-1 byte`);
      out[i] = code;
    }
    return out;
  },
  /** A spreadsheet export pasted into the file until it weighs 5 MB. */
  'pad-to-5mb': (bytes) => {
    const head = decode(need(bytes)).replace(/\n*$/, '\n');
    const row = '  - "ACME-000000 | Example Customer Ltd | 2026-01-01 | 1,000.00 | EUR | open"\n';
    const rows = Math.ceil((5 * 1024 * 1024 - head.length) / row.length) + 1;
    return utf8.encode(`${head}pastedExport:\n${row.repeat(rows)}`);
  },
  /** A field indented one level deeper on every line, 40 levels down (a paste that went wrong). */
  'deep-nesting': (bytes) => {
    const head = decode(need(bytes)).replace(/\n*$/, '\n');
    const lines = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}level${i + 1}:`);
    return utf8.encode(`${head}notes:\n${lines.map((l) => `  ${l}`).join('\n')} deep\n`);
  },
  /** The "billion laughs": nine aliases per level, nine levels. */
  'alias-bomb': (bytes) => {
    const head = decode(need(bytes)).replace(/\n*$/, '\n');
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    return utf8.encode(`${head}anchors:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
  },
} satisfies Record<string, (bytes: Uint8Array | undefined) => Uint8Array>;

export type GenerateKind = keyof typeof GENERATORS;

function withBom(bytes: Uint8Array): Uint8Array {
  return concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes);
}

function toCrlf(bytes: Uint8Array): Uint8Array {
  return utf8.encode(decode(bytes).replace(/\r?\n/g, '\r\n'));
}

function need(bytes: Uint8Array | undefined): Uint8Array {
  if (!bytes) throw new Error('this generator transforms an existing file: put it in files/ or the base');
  return bytes;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// ---- trees on disk

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Copies the case's base fixture into `root` and applies remove, files/ and generate, in that order. */
export function materializeCase(c: Case, root: string): void {
  cpSync(join(FIXTURES, c.spec.base), root, { recursive: true });
  for (const path of c.spec.remove) {
    const target = join(root, path);
    if (!existsSync(target)) throw new Error(`${c.name}: remove names ${path}, which the ${c.spec.base} fixture does not have`);
    rmSync(target, { recursive: true });
  }
  const files = join(c.dir, 'files');
  if (existsSync(files)) cpSync(files, root, { recursive: true });
  for (const { path, kind } of c.spec.generate) {
    const generate = GENERATORS[kind] as ((bytes: Uint8Array | undefined) => Uint8Array) | undefined;
    if (!generate) throw new Error(`${c.name}: unknown generate kind "${kind}"`);
    const target = join(root, path);
    const current = existsSync(target) ? readFileSync(target) : undefined;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, generate(current));
  }
}

/** Writes an in-memory tree (as the loader sees it) to disk. */
export function writeTree(root: string, files: readonly { file: string; bytes: Uint8Array }[]): void {
  for (const f of files) {
    const target = join(root, ...f.file.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
  }
}

/**
 * A published site from an earlier build, with a marker no build would write in its pages, and the
 * file every build leaves (without it the build would refuse to replace the folder).
 */
export function writePreviousOutput(outDir: string): void {
  const marker = `previous build ${basename(dirname(outDir))}`;
  mkdirSync(join(outDir, '_astro'), { recursive: true });
  writeFileSync(join(outDir, '.segment-pages-build'), '{"builtBy":"segment-pages","contentVersion":"000000000000"}\n');
  mkdirSync(join(outDir, 'segments'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), `<!doctype html><title>Home</title><!-- ${marker} -->\n`);
  writeFileSync(join(outDir, 'segments', 'index.html'), `<!doctype html><title>Segments</title><!-- ${marker} -->\n`);
  writeFileSync(join(outDir, '_astro', 'x.css'), 'body{margin:0}\n');
  writeFileSync(join(outDir, 'sitemap.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<urlset></urlset>\n');
}

/** Hash of every path and byte below `dir`: equal hashes mean an untouched folder. */
export function hashDir(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const rel = relative(dir, path).split(sep).join('/');
      if (statSync(path).isDirectory()) {
        hash.update(`d ${rel}\0`);
        walk(path);
      } else {
        hash.update(`f ${rel}\0`);
        hash.update(readFileSync(path));
        hash.update('\0');
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Staging or previous-output folders a build left beside `outDir`. */
export function leftovers(outDir: string): string[] {
  const prefix = basename(outDir);
  return readdirSync(dirname(outDir)).filter((name) => name.startsWith(`${prefix}.staging-`) || name.startsWith(`${prefix}.previous-`));
}

// ---- running the CLIs

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Set when the run was stopped for taking longer than its limit. */
  timedOut?: boolean;
}

export interface RunEnv {
  CONTENT_ROOT: string;
  OUT_DIR: string;
  CHECK_DATE?: string;
}

/** The environment a CLI runs with: the tests' own, minus settings that would change what an author sees. */
function cliEnv(env: RunEnv): Record<string, string> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CHECK_DATE, ...env, DEBUG: '' };
  // Annotations for GitHub Actions would add lines to the output; the snapshots are of what an author sees.
  delete childEnv.GITHUB_ACTIONS;
  for (const name of ['SITE_URL', 'BASE_PATH', 'INCLUDE_DRAFTS']) delete childEnv[name];
  return Object.fromEntries(Object.entries(childEnv).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Runs a script the way `npm run` does: on the Node running the tests (22, from node_modules), from the project folder.
 * A run still going after `limitMs` is killed and comes back with `timedOut` set, so a hang fails
 * its own case instead of the whole corpus.
 */
export function runScript(script: 'check.ts' | 'build.ts', args: string[], env: RunEnv, limitMs?: number): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join('scripts', script), ...args], { cwd: PROJECT_ROOT, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer =
      limitMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, limitMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - started, ...(timedOut ? { timedOut } : {}) });
    });
  });
}

/** Marks the end of one check's output on the runner's stdout and stderr; random, so no output can contain it. */
const END_OF_CHECK = `<end of check ${randomUUID()}>`;

/**
 * Runs `npm run check` like runScript, but in one long-lived Node process (tests/unit/check-runner.ts)
 * that keeps the check's modules loaded between runs; each run still executes scripts/check.ts with
 * its own arguments and environment and comes back with its exit code, stdout and stderr. One run at
 * a time. A check that ends its process (process.exit, a crash, the time limit) ends this runner's
 * process with it, and the next run starts a new one.
 */
export class CheckRunner {
  private current: RunnerProcess | undefined;

  run(args: string[], env: RunEnv, limitMs?: number): Promise<Run> {
    const started = performance.now();
    const p = (this.current ??= startRunner());
    p.child.stdin.write(`${JSON.stringify({ args, env: cliEnv(env) })}\n`);
    return new Promise((resolve) => {
      const finish = (run: Omit<Run, 'ms'>) => {
        clearTimeout(timer);
        p.onChange = undefined;
        resolve({ ...run, ms: performance.now() - started });
      };
      const timer =
        limitMs === undefined
          ? undefined
          : setTimeout(() => {
              if (this.current === p) this.current = undefined;
              p.child.kill('SIGKILL');
              finish({ status: null, stdout: p.stdout, stderr: p.stderr, timedOut: true });
            }, limitMs);
      p.onChange = () => {
        const out = p.stdout.indexOf(END_OF_CHECK);
        const outEnd = out < 0 ? -1 : p.stdout.indexOf('\n', out);
        const err = p.stderr.indexOf(END_OF_CHECK);
        const errEnd = err < 0 ? -1 : p.stderr.indexOf('\n', err);
        if (outEnd >= 0 && errEnd >= 0) {
          const run = { status: Number(p.stdout.slice(out + END_OF_CHECK.length, outEnd)), stdout: p.stdout.slice(0, out), stderr: p.stderr.slice(0, err) };
          p.stdout = p.stdout.slice(outEnd + 1);
          p.stderr = p.stderr.slice(errEnd + 1);
          finish(run);
        } else if (p.ended) {
          if (this.current === p) this.current = undefined;
          finish({ status: p.ended.status, stdout: p.stdout, stderr: p.stderr });
        }
      };
      p.onChange();
    });
  }

  /** Ends the runner's process; a later run starts a new one. */
  close(): void {
    this.current?.child.stdin.end();
    this.current = undefined;
  }
}

interface RunnerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Output not yet handed to a run. */
  stdout: string;
  stderr: string;
  /** Set once the process has ended and all its output is read. */
  ended?: { status: number | null };
  /** Called on new output and on the end; set while a run waits. */
  onChange?: () => void;
}

function startRunner(): RunnerProcess {
  const child = spawn(process.execPath, [join('tests', 'unit', 'check-runner.ts'), END_OF_CHECK], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const p: RunnerProcess = { child, stdout: '', stderr: '' };
  // Writing to a process that has just ended fails here; the end itself is reported by 'close'.
  child.stdin.on('error', () => {});
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    p.stdout += chunk;
    p.onChange?.();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    p.stderr += chunk;
    p.onChange?.();
  });
  child.on('close', (status) => {
    p.ended = { status };
    p.onChange?.();
  });
  return p;
}

/**
 * Runs `jobs` with at most `limit` of them in flight, results in the order of `jobs`. Each job is
 * given its slot (0 to limit - 1), for whatever it keeps per slot. CLI runs go through here so that
 * dozens of cases never start dozens of Node processes at once on a small machine.
 */
export async function runPooled<T>(jobs: readonly ((slot: number) => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (slot: number) => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!(slot);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, (_, slot) => worker(slot)));
  return results;
}

/** Output as a snapshot should hold it: no temporary paths, no timings. */
export function normalize(output: string, tempRoot: string): string {
  return output
    .split(tempRoot)
    .join('<tmp>')
    .replace(/ checked in \d+ ms:/g, ' checked in X ms:')
    .replace(/\r\n/g, '\n');
}

/** Signs of a crash rather than a message written for an author. */
export function stackTraceSigns(output: string): string[] {
  const signs: string[] = [];
  if (/\n\s+at\s/.test(output)) signs.push('a stack frame ("    at …")');
  for (const word of ['node:internal', 'TypeError', 'ReferenceError', 'RangeError', 'SyntaxError:', 'Error: ']) {
    if (output.includes(word)) signs.push(word);
  }
  return signs;
}
