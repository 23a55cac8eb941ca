/**
 * Real builds (`node scripts/build.ts`, as `npm run build` runs it): a rebuild that takes unchanged
 * files from the content cache writes, file for file, what a build of the same tree without cache
 * writes.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScript, stackTraceSigns, tempDir } from '../bad-input-cases.ts';
import { FIXTURES } from '../helpers.ts';

/** Three builds run Astro: minutes on a busy 2-core machine. */
const BUILD_TIMEOUT = 900_000;
const PERSONA = 'content/personas/dispatcher.md';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file below `dir`, by path relative to it. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

describe('a warm rebuild', () => {
  it(
    'after a one-file edit writes the same files as a cold build of the edited tree',
    async () => {
      const dir = tempDir('segment-pages-warm-build');
      dirs.push(dir);
      const [root, copy] = [join(dir, 'root'), join(dir, 'copy')];
      cpSync(join(FIXTURES, 'composition'), root, { recursive: true });

      const first = await runScript('build.ts', [], { CONTENT_ROOT: root, OUT_DIR: join(dir, 'first') });
      expect(first.status, first.stdout + first.stderr).toBe(0);
      expect(first.stdout).not.toContain('unchanged since the last build');

      appendFileSync(join(root, PERSONA), '\nDispatchers now also plan the weekend rota.\n');
      const warm = await runScript('build.ts', [], { CONTENT_ROOT: root, OUT_DIR: join(dir, 'warm') });
      expect(warm.status, warm.stdout + warm.stderr).toBe(0);
      // Every file but the edited one came from the cache.
      const use = /; (\d+) of (\d+) content files unchanged since the last build\)/.exec(warm.stdout);
      expect(use, warm.stdout).not.toBeNull();
      expect(Number(use![2]) - Number(use![1])).toBe(1);

      // The same tree under another path has a cache of its own, still empty: a cold build.
      cpSync(root, copy, { recursive: true });
      const cold = await runScript('build.ts', [], { CONTENT_ROOT: copy, OUT_DIR: join(dir, 'cold') });
      expect(cold.status, cold.stdout + cold.stderr).toBe(0);
      expect(cold.stdout).not.toContain('unchanged since the last build');

      const [warmFiles, coldFiles] = [filesOf(join(dir, 'warm')), filesOf(join(dir, 'cold'))];
      expect([...warmFiles.keys()].sort()).toEqual([...coldFiles.keys()].sort());
      const differing = [...warmFiles].filter(([file, bytes]) => !bytes.equals(coldFiles.get(file)!)).map(([file]) => file);
      expect(differing).toEqual([]);
      // The edit is in the output, so the comparison is of the edited site, not of the first one.
      const pages = [...warmFiles].filter(([file, bytes]) => file.endsWith('.html') && bytes.includes('weekend rota'));
      expect(pages.length).toBeGreaterThan(0);
      expect(stackTraceSigns(warm.stdout + warm.stderr)).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});
