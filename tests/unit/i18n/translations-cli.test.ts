import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

/** `npm run translations` on a copy of the i18n fixture, run as users run it (a fresh Node process each time). */
const root = mkdtempSync(join(tmpdir(), 'translations-'));
for (const dir of ['segments', 'content']) cpSync(join(FIXTURES, 'i18n', dir), join(root, dir), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function translations(...args: string[]) {
  const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'translations.ts'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, CONTENT_ROOT: root }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run translations', () => {
  it('lists each translation per locale and exits 0 when no published page misses one', () => {
    const run = translations();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('German (de)');
    expect(run.stdout).toMatch(/content\/personas\/controller\.de\.md +ok +\/de\/small-finance\/controller\//);
    expect(run.stdout).toMatch(/segments\/mid-finance\.de\.yaml +missing +no published page/);
    expect(run.stdout).toContain('7 translations ok, 2 missing (0 needed by a published page), 0 stale, 0 never stamped.');
    expect(run.status).toBe(0);
  }, 120_000);

  it('exits 1 when a published page misses a translation, and says which', () => {
    const file = join(root, 'content', 'personas', 'controller.de.md');
    const before = readFileSync(file, 'utf8');
    rmSync(file);
    try {
      const run = translations();
      expect(run.stdout).toMatch(/content\/personas\/controller\.de\.md +missing +\/de\/small-finance\/controller\//);
      expect(run.stdout).toContain('A published page misses a translation: write content/personas/controller.de.md');
      expect(run.status).toBe(1);
    } finally {
      writeFileSync(file, before);
    }
  }, 120_000);

  it('stamps a reviewed translation, and refuses a file that is not a translation', () => {
    const file = join(root, 'content', 'faqs', 'how-long.de.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/translationOf: \w+\n/, ''));
    const run = translations('--stamp', 'content/faqs/how-long.de.md', 'content/faqs/how-long.md');
    expect(run.stdout).toMatch(/^content\/faqs\/how-long\.de\.md: stamped translationOf [0-9a-f]{12} \(the text of content\/faqs\/how-long\.md as it is now\)\.$/m);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntranslationOf: "[0-9a-f]{12}"\nquestion:/);
    expect(run.stderr).toContain('translations: content/faqs/how-long.md is not a translation, so it cannot be stamped');
    expect(run.status).toBe(1);
  }, 120_000);
});
