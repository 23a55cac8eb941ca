import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishDir, type MoveOps } from '../../../src/lib/output/replace-dir.ts';

const tmp = mkdtempSync(join(tmpdir(), 'replace-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function site(path: string, text: string): void {
  mkdirSync(join(path, 'segments'), { recursive: true });
  writeFileSync(join(path, 'index.html'), text);
  writeFileSync(join(path, 'segments', 'index.html'), `${text} segments`);
}

/** A rename that fails with EXDEV when it would cross from `from` to another folder, as between two file systems. */
function crossDevice(built: string): MoveOps {
  return {
    rename: async (a, b) => {
      if (a === built) throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${a}' -> '${b}'`), { code: 'EXDEV' });
      await rename(a, b);
    },
  };
}

describe('publishing a built site', () => {
  it('moves the site into a new folder, creating its parents', async () => {
    const dir = join(tmp, 'new');
    site(join(dir, 'built'), 'new');
    await publishDir(join(dir, 'built'), join(dir, 'www', 'site'));
    expect(readFileSync(join(dir, 'www', 'site', 'segments', 'index.html'), 'utf8')).toBe('new segments');
    expect(readdirSync(dir)).toEqual(['www']);
    expect(readdirSync(join(dir, 'www'))).toEqual(['site']);
  });

  it('copies the site when the target is on another file system, then swaps it in', async () => {
    const dir = join(tmp, 'other-device');
    site(join(dir, 'built'), 'new');
    site(join(dir, 'site'), 'old');
    await publishDir(join(dir, 'built'), join(dir, 'site'), crossDevice(join(dir, 'built')));
    expect(readFileSync(join(dir, 'site', 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'site', 'segments', 'index.html'), 'utf8')).toBe('new segments');
    expect(readdirSync(dir), 'the built folder and the staging copy are gone').toEqual(['site']);
  });

  // Linux machines mount /dev/shm as its own file system: a real EXDEV where there is one.
  const otherDevice = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmp).dev;
  it.runIf(otherDevice)('publishes onto a real other file system', async () => {
    const far = mkdtempSync('/dev/shm/replace-dir-');
    try {
      site(join(tmp, 'built-far'), 'new');
      site(join(far, 'site'), 'old');
      await publishDir(join(tmp, 'built-far'), join(far, 'site'));
      expect(readFileSync(join(far, 'site', 'segments', 'index.html'), 'utf8')).toBe('new segments');
      expect(readdirSync(far)).toEqual(['site']);
      expect(existsSync(join(tmp, 'built-far'))).toBe(false);
    } finally {
      rmSync(far, { recursive: true, force: true });
    }
  });

  it('leaves the published site as it was when the swap fails, and no staging behind', async () => {
    const dir = join(tmp, 'failing');
    site(join(dir, 'built'), 'new');
    site(join(dir, 'site'), 'old');
    const staging = `${join(dir, 'site')}.staging-${process.pid}`;
    const failing: MoveOps = {
      rename: async (a, b) => {
        if (a === staging) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        await rename(a, b);
      },
    };
    await expect(publishDir(join(dir, 'built'), join(dir, 'site'), failing)).rejects.toThrow(/EACCES/);
    expect(readFileSync(join(dir, 'site', 'index.html'), 'utf8')).toBe('old');
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('site.'))).toEqual([]);
  });
});
