import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtDir, PROJECT_ROOT, siteFiles } from './site-files.ts';

/** Two builds of the same commit give byte-identical output: no timestamps, random ids or unordered maps. */
describe('reproducible output', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'segment-pages-repro-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('a second build of the sample is identical to the first, file for file and byte for byte', () => {
    const first = builtDir('sample');
    const second = join(scratch, 'dist');
    const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: PROJECT_ROOT, env: { ...process.env, OUT_DIR: second, CONTENT_ROOT: '.' }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const a = siteFiles(first);
    const b = siteFiles(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const different = [...a.keys()].filter((name) => !readFileSync(a.get(name)!).equals(readFileSync(b.get(name)!)));
    expect(different).toEqual([]);
  });
});
