import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { ContentCache, KEEP_OTHER_CACHES } from '../../../src/lib/load/cache.ts';
import { buildSiteFromDisk, type BuildResult } from '../../../src/lib/site-build.ts';
import { buildSiteOnWorker } from '../../../src/lib/site-build-worker.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { FIXTURES, readTree } from '../helpers.ts';

const TODAY = '2026-11-23';
const PERSONA = 'content/personas/dispatcher.md';
const FAQ = 'content/faqs/general.md';

const dirs: string[] = [];
// A worker may still be writing the cache it keeps after a build: removal retries until it is done.
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'segment-pages-cache-'));
  dirs.push(dir);
  return dir;
}

/** A copy of the composition fixture, and a cache folder of its own. */
function site(): { root: string; cacheDir: string } {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'composition'), join(dir, 'root'), { recursive: true });
  return { root: join(dir, 'root'), cacheDir: join(dir, 'cache') };
}

async function buildWith(root: string, cacheDir: string, generator = 'test'): Promise<{ result: BuildResult; cache: ContentCache }> {
  const cache = new ContentCache({ dir: cacheDir, contentRoot: root, generator });
  // A worker from the second body on: its results go through the cache too.
  const result = await buildSiteFromDisk(root, { today: TODAY, cache, minBodiesForWorker: 2 });
  cache.save();
  return { result, cache };
}

const cold = (root: string) => buildSiteFromDisk(root, { today: TODAY });

describe('the content cache', () => {
  it('gives the same site as a build without it, and reads nothing again when nothing changed', async () => {
    const { root, cacheDir } = site();
    const first = await buildWith(root, cacheDir);
    expect(first.result.ok).toBe(true);
    expect(first.cache.files.unchanged).toBe(0);
    expect(first.result).toEqual(await cold(root));

    const second = await buildWith(root, cacheDir);
    expect(second.cache.notes).toEqual([]);
    expect(second.cache.stats.misses).toBe(0);
    expect(second.cache.files).toEqual({ files: first.cache.files.files, unchanged: first.cache.files.files });
    expect(second.result).toEqual(first.result);
  });

  it('after one file is edited, reads only that file and gives what a build of the edited tree without cache gives', async () => {
    const { root, cacheDir } = site();
    await buildWith(root, cacheDir);
    appendFileSync(join(root, PERSONA), '\nDispatchers now also plan the weekend rota.\n');
    const warm = await buildWith(root, cacheDir);
    // The persona's fields and its rendered body are looked up, and missed; everything else is a hit.
    expect(warm.cache.stats.misses).toBe(2);
    expect(warm.cache.files.files - warm.cache.files.unchanged).toBe(1);
    const expected = await cold(root);
    expect(warm.result).toEqual(expected);
    expect(JSON.stringify(warm.result)).toContain('weekend rota');
  });

  it('reports the problems of a cached file again, with positions, on every build', async () => {
    const { root, cacheDir } = site();
    const faq = readFileSync(join(root, FAQ), 'utf8');
    writeFileSync(join(root, FAQ), faq.replace(/^---\n/, '---\nnotAField: 1\n'));
    const shown = (result: BuildResult) => formatDiagnosticsText(result.ok ? result.build.diagnostics : result.diagnostics);
    const first = await buildWith(root, cacheDir);
    expect(shown(first.result)).toContain(`${FAQ}:2:1`);
    const second = await buildWith(root, cacheDir);
    expect(second.cache.files.unchanged).toBe(second.cache.files.files);
    expect(shown(second.result)).toBe(shown(first.result));
    expect(second.result).toEqual(await cold(root));
  });

  it('keeps a copy of each result, which later changes to the parsed objects do not reach', () => {
    const { root, cacheDir } = site();
    const files = readTree(root);
    const first = new ContentCache({ dir: cacheDir, contentRoot: root, generator: 'test' });
    const parsed = parseProject(files, first);
    // Composition or a check that changed an entry in place must not change what the next build reads.
    parsed.project.site!.data.name = 'Changed after parsing';
    parsed.project.personas[0]!.body = 'Changed after parsing';
    first.save();
    const again = parseProject(files, new ContentCache({ dir: cacheDir, contentRoot: root, generator: 'test' }));
    const fresh = parseProject(files);
    expect(again.project.site!.data).toEqual(fresh.project.site!.data);
    expect(again.project.personas.map((p) => p.body)).toEqual(fresh.project.personas.map((p) => p.body));
    expect(again.diagnostics).toEqual(fresh.diagnostics);
  });

  it('ignores a damaged cache with a one-line note, and writes a good one', async () => {
    const { root, cacheDir } = site();
    const { cache } = await buildWith(root, cacheDir);
    const bytes = readFileSync(cache.file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(cache.file, bytes);
    const damaged = await buildWith(root, cacheDir);
    expect(damaged.cache.notes).toEqual([`Ignored the content cache ${cache.file}: it is damaged. Every file is read again and the cache rewritten.`]);
    expect(damaged.cache.files.unchanged).toBe(0);
    expect(damaged.result).toEqual(await cold(root));
    expect((await buildWith(root, cacheDir)).cache.notes).toEqual([]);

    writeFileSync(cache.file, 'not a cache at all');
    expect((await buildWith(root, cacheDir)).cache.notes).toEqual([`Ignored the content cache ${cache.file}: it is not a content cache of this generator. Every file is read again and the cache rewritten.`]);
  });

  it('ignores a cache written by another version of the generator, or for another content folder', async () => {
    const { root, cacheDir } = site();
    const { cache } = await buildWith(root, cacheDir, 'older');
    const newer = await buildWith(root, cacheDir, 'newer');
    expect(newer.cache.notes).toEqual([`Ignored the content cache ${cache.file}: it was written by another version of the generator. Every file is read again and the cache rewritten.`]);
    expect(newer.cache.files.unchanged).toBe(0);

    const other = site();
    await buildWith(other.root, cacheDir, 'newer');
    cpSync(new ContentCache({ dir: cacheDir, contentRoot: other.root, generator: 'newer' }).file, cache.file);
    const foreign = await buildWith(root, cacheDir, 'newer');
    expect(foreign.cache.notes).toEqual([`Ignored the content cache ${cache.file}: it belongs to another content folder (${other.root}). Every file is read again and the cache rewritten.`]);
  });

  it('notes a cache it cannot write, and builds all the same', async () => {
    const { root } = site();
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    const { result, cache } = await buildWith(root, blocked);
    expect(result.ok).toBe(true);
    expect(cache.notes).toHaveLength(1);
    expect(cache.notes[0]).toMatch(/^Could not write the content cache .*a-file\/content-[0-9a-f]{16}\.bin \(.+\); the next build reads every file again\.$/);
  });

  it(`keeps the ${KEEP_OTHER_CACHES} most recent caches of other content folders`, async () => {
    const cacheDir = join(tempDir(), 'cache');
    const files: string[] = [];
    for (let i = 0; i < KEEP_OTHER_CACHES + 2; i++) {
      const cache = new ContentCache({ dir: cacheDir, contentRoot: join(cacheDir, `root-${i}`), generator: 'test' });
      cache.save();
      files.push(cache.file);
    }
    const { readdirSync } = await import('node:fs');
    const left = readdirSync(cacheDir).map((name) => join(cacheDir, name));
    expect(left).toHaveLength(KEEP_OTHER_CACHES + 1);
    expect(left).toContain(files.at(-1)!);
  });
});

describe('building on a second thread', () => {
  it('gives what building on this thread gives, keeps the cache and says how much of it was used', async () => {
    const { root, cacheDir } = site();
    const uses: { files: number; unchanged: number }[] = [];
    const notes: string[] = [];
    const options = { cacheDir, onNote: (note: string) => notes.push(note), onCacheUse: (use: { files: number; unchanged: number }) => uses.push(use) };
    const first = await buildSiteOnWorker(root, { today: TODAY }, options);
    expect(first).toEqual(await cold(root));
    // The worker writes the cache after handing the site over: wait for the file.
    const cacheFile = new ContentCache({ dir: join(tempDir(), 'unused'), contentRoot: root }).file.split('/').at(-1)!;
    for (let i = 0; i < 200 && !existsIn(cacheDir, cacheFile); i++) await new Promise((r) => setTimeout(r, 50));
    const second = await buildSiteOnWorker(root, { today: TODAY }, options);
    expect(second).toEqual(first);
    expect(notes).toEqual([]);
    expect(uses).toHaveLength(2);
    expect(uses[0]!.unchanged).toBe(0);
    expect(uses[1]).toEqual({ files: uses[0]!.files, unchanged: uses[0]!.files });
  }, 120_000);

  it('reports content mistakes as building on this thread does', async () => {
    const { root } = site();
    writeFileSync(join(root, 'content/site.yaml'), 'name: [unclosed\n');
    const result = await buildSiteOnWorker(root, { today: TODAY });
    expect(result.ok).toBe(false);
    expect(result).toEqual(await cold(root));
  }, 120_000);
});

function existsIn(dir: string, name: string): boolean {
  try {
    return readFileSync(join(dir, name)).length > 0;
  } catch {
    return false;
  }
}
