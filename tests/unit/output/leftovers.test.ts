import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanLeftovers, findLeftovers, isProcessRunning, planLeftoverCleanup, type Leftover } from '../../../src/lib/output/leftovers.ts';

const RUNNING = 100;
const running = (pid: number) => pid === RUNNING;
const leftover = (path: string, kind: Leftover['kind'], pid: number, changed = 0): Leftover => ({ path, kind, pid, changed });

describe('planning the cleanup of stopped builds', () => {
  it('removes the folders of builds that no longer run and keeps those of a build that runs', () => {
    const plan = planLeftoverCleanup([leftover('/o/dist.staging-7', 'staging', 7), leftover('/o/dist.staging-100', 'staging', RUNNING), leftover('/p/.build/staging-8', 'staging', 8), leftover('/o/dist.previous-9', 'previous', 9)], true, running);
    expect(plan).toEqual({ restore: undefined, remove: ['/o/dist.staging-7', '/p/.build/staging-8', '/o/dist.previous-9'] });
  });

  it('puts the newest previous output back when the output folder is missing', () => {
    const plan = planLeftoverCleanup([leftover('/o/dist.previous-7', 'previous', 7, 1000), leftover('/o/dist.previous-8', 'previous', 8, 2000), leftover('/o/dist.staging-8', 'staging', 8)], false, running);
    expect(plan).toEqual({ restore: '/o/dist.previous-8', remove: ['/o/dist.previous-7', '/o/dist.staging-8'] });
  });

  it('leaves a running build’s previous output alone even when the output folder is missing', () => {
    expect(planLeftoverCleanup([leftover('/o/dist.previous-100', 'previous', RUNNING)], false, running)).toEqual({ restore: undefined, remove: [] });
  });
});

describe('cleaning up on disk', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'leftovers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const folder = (path: string, marker: string) => {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'index.html'), marker);
  };

  it('finds only its own names beside the output and in the work folder', () => {
    const dir = join(tmp, 'find');
    for (const name of ['dist.staging-12', 'dist.previous-13', 'dist.staging-x', 'dist2.staging-14', 'site.staging-15', 'dist']) folder(join(dir, name), name);
    writeFileSync(join(dir, 'dist.staging-16'), 'a file, not a build');
    for (const name of ['staging-17', 'e2e', 'staging']) folder(join(dir, 'work', name), name);
    const found = findLeftovers(join(dir, 'dist'), join(dir, 'work')).map((l) => `${l.kind} ${l.pid} ${l.path.slice(dir.length + 1)}`);
    expect(found.sort()).toEqual(['previous 13 dist.previous-13', 'staging 12 dist.staging-12', 'staging 17 work/staging-17']);
  });

  it('puts back the output a build moved aside before it stopped, and removes its staging', async () => {
    const dir = join(tmp, 'restore');
    folder(join(dir, 'dist.previous-21'), 'the published site');
    folder(join(dir, 'dist.staging-21'), 'half a new site');
    const plan = await cleanLeftovers(join(dir, 'dist'), undefined, () => false);
    expect(plan.restore).toBe(join(dir, 'dist.previous-21'));
    expect(readdirSync(dir)).toEqual(['dist']);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('the published site');
  });

  it('removes a previous output when the new one made it into place', async () => {
    const dir = join(tmp, 'finished');
    folder(join(dir, 'dist'), 'the new site');
    folder(join(dir, 'dist.previous-31'), 'the old site');
    folder(join(dir, 'dist.staging-32'), 'another build’s site');
    await cleanLeftovers(join(dir, 'dist'), undefined, (pid) => pid === 32);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'dist.staging-32']);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('the new site');
  });

  it('tells a running process from a finished one', async () => {
    const { spawnSync } = await import('node:child_process');
    const finished = spawnSync(process.execPath, ['-e', '']).pid!;
    expect(isProcessRunning(process.ppid)).toBe(true);
    expect(isProcessRunning(finished)).toBe(false);
    expect(isProcessRunning(process.pid), 'no earlier build ran in this process').toBe(false);
    expect(existsSync(tmp)).toBe(true);
  });
});
