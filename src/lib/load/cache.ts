import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.ts';
import type { RenderedMarkdown } from '../markdown.ts';
import type { Locator } from './yaml.ts';

/**
 * The content cache: what reading one content file produced (its parsed and validated fields, the
 * problems found in it, its Markdown body rendered to HTML), kept between builds so that a rebuild
 * after editing one file parses, validates and renders only that file. Everything is looked up by
 * a hash of the file's path and bytes, so an edited, renamed or new file simply misses; cross-file
 * rules and composition still run on every build, on the cached results.
 *
 * One file per content root in node_modules/.cache/segment-pages/, the place build tools keep
 * caches: ignored by git, never published, and emptied by `npm ci`, so new dependencies (the YAML
 * parser, zod, remark) never meet results of the old ones. The file names the generator it was
 * written by (a hash of src/lib/ and the lockfile) and carries a hash of its own bytes: a cache from
 * another version of the generator, or a damaged one, is ignored with a one-line note and
 * rewritten, never trusted.
 */
export const CACHE_FORMAT = 'segment-pages content cache 1';

/** What parsing and validating one file produced; the locator is made again on demand. */
export interface CachedEntry<E> {
  entry: Omit<E, 'locate'> | undefined;
  diagnostics: Diagnostic[];
}

export interface ContentCacheOptions {
  /** Folder of the cache files, normally node_modules/.cache/segment-pages. */
  dir: string;
  /** The content root whose files are cached (each root has its own cache file). */
  contentRoot: string;
  /** Identifies the code that wrote the results; default: {@link generatorVersion}. */
  generator?: string;
}

/** Folder of the content cache inside a project. */
export function defaultCacheDir(projectRoot: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'segment-pages');
}

const MAGIC = Buffer.from('SPCACHE1');
const DIGEST_BYTES = 32;

interface Stored {
  format: string;
  generator: string;
  contentRoot: string;
  /** key → v8-serialized value. */
  entries: Map<string, Uint8Array>;
}

export class ContentCache {
  /** One-line notes for the person building (a cache ignored, a cache not written). */
  readonly notes: string[] = [];
  readonly file: string;
  readonly #generator: string;
  readonly #contentRoot: string;
  readonly #old: Map<string, Uint8Array>;
  /** What this build used or produced: only these are written back, so deleted files drop out. */
  readonly #now = new Map<string, Uint8Array>();
  #hits = 0;
  #misses = 0;
  #files = 0;
  #unchanged = 0;

  constructor(options: ContentCacheOptions) {
    this.#contentRoot = resolve(options.contentRoot);
    this.#generator = options.generator ?? generatorVersion();
    this.file = join(options.dir, `content-${sha256(this.#contentRoot).slice(0, 16)}.bin`);
    this.#old = this.#read();
  }

  /** Lookups answered and not answered so far (parsed files and rendered bodies alike). */
  get stats(): { hits: number; misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }

  /** Content files parsed so far, and how many of them came from the cache unchanged. */
  get files(): { files: number; unchanged: number } {
    return { files: this.#files, unchanged: this.#unchanged };
  }

  /**
   * The cached outcome of `work` for a file with this path and text; on a miss, runs `work` and keeps
   * a copy of its outcome (taken now, so that later changes to the objects do not reach the cache).
   */
  entry<E extends { locate: Locator }>(file: string, text: string, diagnostics: Diagnostic[], locate: () => Locator, work: (diagnostics: Diagnostic[]) => E | undefined): E | undefined {
    const key = `entry\0${file}\0${sha256(text)}`;
    const hit = this.#get<CachedEntry<E>>(key);
    this.#files++;
    if (hit) {
      this.#unchanged++;
      diagnostics.push(...hit.diagnostics);
      return hit.entry ? ({ ...hit.entry, locate: lazyLocator(locate) } as E) : undefined;
    }
    const found: Diagnostic[] = [];
    const entry = work(found);
    diagnostics.push(...found);
    let kept: Omit<E, 'locate'> | undefined;
    if (entry) {
      const { locate: _locate, ...rest } = entry;
      kept = rest;
    }
    this.#set(key, { entry: kept, diagnostics: found } satisfies CachedEntry<E>);
    return entry;
  }

  /** A Markdown body rendered earlier from a file with these bytes, at this heading level. */
  rendered(bytes: Uint8Array, topHeading: number): [body: string, rendered: RenderedMarkdown] | undefined {
    return this.#get(renderedKey(bytes, topHeading));
  }

  keepRendered(bytes: Uint8Array, topHeading: number, body: string, rendered: RenderedMarkdown): void {
    this.#set(renderedKey(bytes, topHeading), [body, rendered]);
  }

  /**
   * Writes what this build used and produced, replacing the file in one step (a build stopped
   * half-way leaves the old file, never half a new one). A cache that cannot be written is noted,
   * not fatal: the next build is simply slower.
   */
  save(): void {
    const stored: Stored = { format: CACHE_FORMAT, generator: this.#generator, contentRoot: this.#contentRoot, entries: this.#now };
    const payload = serialize(stored);
    const temp = `${this.file}.${process.pid}-${threadId}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      writeFileSync(temp, Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]));
      renameSync(temp, this.file);
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing was written there either
      }
      this.notes.push(`Could not write the content cache ${this.file} (${error instanceof Error ? error.message : String(error)}); the next build reads every file again.`);
      return;
    }
    try {
      pruneCaches(join(this.file, '..'), this.file);
    } catch {
      // another build pruned at the same time: what is left is pruned next time
    }
  }

  #get<T>(key: string): T | undefined {
    const bytes = this.#now.get(key) ?? this.#old.get(key);
    if (!bytes) {
      this.#misses++;
      return undefined;
    }
    try {
      const value = deserialize(bytes) as T;
      this.#now.set(key, bytes);
      this.#hits++;
      return value;
    } catch {
      this.#misses++;
      return undefined;
    }
  }

  #set(key: string, value: unknown): void {
    this.#now.set(key, serialize(value));
  }

  #read(): Map<string, Uint8Array> {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch (error) {
      // No cache yet (or no folder for it, which saving then reports): a cold build, nothing to say.
      if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) this.#ignore(`it could not be read (${(error as Error).message})`);
      return new Map();
    }
    const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
    if (bytes.length < MAGIC.length + DIGEST_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return this.#ignore('it is not a content cache of this generator');
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES))) return this.#ignore('it is damaged');
    let stored: Partial<Stored>;
    try {
      stored = deserialize(payload) as Partial<Stored>;
    } catch {
      return this.#ignore('it is damaged');
    }
    if (stored?.format !== CACHE_FORMAT || !(stored.entries instanceof Map)) return this.#ignore('it is not a content cache of this generator');
    if (stored.generator !== this.#generator) return this.#ignore('it was written by another version of the generator');
    if (stored.contentRoot !== this.#contentRoot) return this.#ignore(`it belongs to another content folder (${stored.contentRoot})`);
    return stored.entries;
  }

  #ignore(reason: string): Map<string, Uint8Array> {
    this.notes.push(`Ignored the content cache ${this.file}: ${reason}. Every file is read again and the cache rewritten.`);
    return new Map();
  }
}

/** Cache files kept besides the one just written: the most recently written (test runs make many content roots). */
export const KEEP_OTHER_CACHES = 8;

function pruneCaches(dir: string, current: string): void {
  const others = readdirSync(dir)
    .filter((name) => /^content-[0-9a-f]{16}\.bin$/.test(name) && join(dir, name) !== current)
    .map((name) => ({ path: join(dir, name), written: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const old of others.slice(KEEP_OTHER_CACHES)) rmSync(old.path, { force: true });
}

/** A locator that makes the real one (by parsing the file again) only when a message needs a position. */
function lazyLocator(make: () => Locator): Locator {
  let made: Locator | undefined;
  return {
    at: (path) => (made ??= make()).at(path),
    key: (path, key) => (made ??= make()).key(path, key),
  };
}

function renderedKey(bytes: Uint8Array, topHeading: number): string {
  return `rendered\0${topHeading}\0${sha256(bytes)}`;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let version: string | undefined;

/**
 * A hash of the code that turns files into cached results: every source file under src/lib/, and
 * package.json and the lockfile (the versions of the YAML parser, zod and remark). Any change to
 * them invalidates every cached result.
 */
export function generatorVersion(): string {
  if (version) return version;
  const lib = fileURLToPath(new URL('..', import.meta.url));
  const root = join(lib, '..', '..');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts')) hash.update(path.slice(lib.length)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(lib);
  for (const name of ['package.json', 'package-lock.json']) {
    try {
      hash.update(name).update('\0').update(readFileSync(join(root, name)));
    } catch {
      // not in a project checkout: the sources alone identify the generator
    }
  }
  hash.update(process.version);
  version = hash.digest('hex').slice(0, 16);
  return version;
}
