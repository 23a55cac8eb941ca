/**
 * `npm run build` and its output folder, end to end: the real CLI on Node 22 (the one running
 * vitest). Refusals stop before Astro starts and are quick; one real build covers output outside
 * the project and the cleanup of stopped builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';
import { hashDir, runScript, stackTraceSigns, tempDir, type Run } from '../bad-input-cases.ts';

const MINIMAL = join(FIXTURES, 'minimal');

/** The id of a process that has finished: what a killed build leaves in its folder names. */
function finishedPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('npm run build refuses an output folder that is not its own', () => {
  it('OUT_DIR=segments: refused, the segment files intact', async () => {
    const before = hashDir(join(PROJECT_ROOT, 'segments'));
    const run = await runScript('build.ts', [], { CONTENT_ROOT: '.', OUT_DIR: 'segments' });
    expect(run.stderr).toBe(
      'OUT_DIR=segments: this is the content folder segments/, which the site is built from. A build replaces its output folder as a whole: choose a folder of its own, such as dist (the default), .build/site, or an empty or new folder outside the project.\nNothing was built or changed.\n',
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(hashDir(join(PROJECT_ROOT, 'segments'))).toBe(before);
  }, 60_000);

  it('a folder of someone’s files: refused, the files intact, nothing beside it', async () => {
    const tmp = tempDir('build-foreign');
    try {
      const out = join(tmp, 'www');
      mkdirSync(join(out, 'drafts'), { recursive: true });
      writeFileSync(join(out, 'notes.txt'), 'call the printer\n');
      writeFileSync(join(out, 'drafts', 'plan.md'), '# plan\n');
      const before = hashDir(out);
      const run = await runScript('build.ts', [], { CONTENT_ROOT: MINIMAL, OUT_DIR: out });
      expect(run.stderr.replaceAll(tmp, '<tmp>')).toBe(
        'OUT_DIR=<tmp>/www: this folder holds files that no earlier build wrote (2 entries, e.g. drafts). Choose an empty or new folder, or delete its contents yourself if they are no longer needed.\nNothing was built or changed.\n',
      );
      expect(run.status).toBe(1);
      expect(hashDir(out)).toBe(before);
      expect(readdirSync(tmp)).toEqual(['www']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm run build into a folder outside the project', () => {
  const tmp = realpathSync(tempDir('build-outside'));
  const out = join(tmp, 'var', 'www', 'site');
  const deadPid = finishedPid();
  const stale = `${out}.staging-${deadPid}`;
  const running = `${out}.staging-${process.pid}`;
  const staleInProject = join(PROJECT_ROOT, '.build', `staging-${deadPid}`);
  let run: Run;

  beforeAll(async () => {
    // What builds killed earlier left: a staging folder beside the output and one in the project;
    // and a folder of a build that still runs (this test process), which must be left alone.
    for (const dir of [stale, running, staleInProject]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), 'half a site');
    }
    run = await runScript('build.ts', [], { CONTENT_ROOT: MINIMAL, OUT_DIR: out });
  }, 180_000);
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(staleInProject, { recursive: true, force: true });
  });

  it('builds a complete site there, with the marker and none of Astro’s intermediate files', () => {
    expect(stackTraceSigns(run.stdout + run.stderr), run.stdout + run.stderr).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Built \\d+ pages into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ in `));
    for (const file of ['index.html', '404.html', 'sitemap.xml', 'robots.txt', '_headers']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(readdirSync(join(out, '_astro')).length).toBeGreaterThan(0);
    expect(readFileSync(join(out, '.segment-pages-build'), 'utf8')).toMatch(/^\{"builtBy":"segment-pages","contentVersion":"[0-9a-f]+"\}\n$/);
    expect(existsSync(join(out, '.prerender'))).toBe(false);
    expect(readdirSync(join(PROJECT_ROOT, '.build')).filter((name) => name === `staging-${process.pid}`)).toEqual([]);
  });

  it('removes what stopped builds left, and leaves a running build’s folder alone', () => {
    expect(run.stdout).toContain('Removed 2 folders left by stopped builds: ');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleInProject)).toBe(false);
    expect(readFileSync(join(running, 'index.html'), 'utf8')).toBe('half a site');
    expect(readdirSync(join(tmp, 'var', 'www')).sort()).toEqual(['site', `site.staging-${process.pid}`]);
  });
});
