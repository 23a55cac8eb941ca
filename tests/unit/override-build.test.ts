/**
 * Real builds (`node scripts/build.ts`, as `npm run build` runs it) of content that tries to run
 * code at build time or to publish a file from outside the content root.
 */
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScript, stackTraceSigns, tempDir } from './bad-input-cases.ts';
import { FIXTURES } from './helpers.ts';

/** A build runs Astro: minutes on a busy 2-core machine. */
const BUILD_TIMEOUT = 300_000;
const OVERRIDE = 'content/pages/field-teams/owner.mdx';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(): { dir: string; root: string; out: string } {
  const dir = tempDir('segment-pages-override-build');
  dirs.push(dir);
  const root = join(dir, 'root');
  cpSync(join(FIXTURES, 'composition'), root, { recursive: true });
  return { dir, root, out: join(dir, 'dist') };
}

function override(body: string): string {
  return `---\nvariant: owner-calm\ntitle: Calmer weeks for field-team owners\n---\n\n<Section name="objections">\n## Your questions\n\n${body}\n</Section>\n`;
}

describe('building overrides that try to run code or read other files', () => {
  it(
    'refuses an expression in a footnote with the check message, before anything runs',
    async () => {
      const { dir, root, out } = site();
      const marker = join(dir, 'marker');
      writeFileSync(join(root, OVERRIDE), override(`See the log.[^note]\n\n[^note]: /audit-log "{process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)},'y')}"`));
      const build = await runScript('build.ts', [], { CONTENT_ROOT: root, OUT_DIR: out });
      const output = build.stdout + build.stderr;
      expect(build.status, output).toBe(1);
      expect(output).toContain(`${OVERRIDE}:11:22 curly braces run code in MDX`);
      expect(output).toContain('Nothing was built');
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(out)).toBe(false);
      expect(stackTraceSigns(output)).toEqual([]);
    },
    BUILD_TIMEOUT,
  );

  it(
    'refuses an override linked to a file outside the content root without printing it',
    async () => {
      const { dir, root, out } = site();
      const secret = join(dir, 'passwd');
      writeFileSync(secret, 'root:x:0:0:SECRET_LINE:/root:/bin/bash\n');
      rmSync(join(root, OVERRIDE));
      symlinkSync(secret, join(root, OVERRIDE));
      const build = await runScript('build.ts', [], { CONTENT_ROOT: root, OUT_DIR: out });
      const output = build.stdout + build.stderr;
      expect(build.status, output).toBe(1);
      expect(output).toContain(`${OVERRIDE} this is a symbolic link`);
      expect(output).not.toContain('SECRET_LINE');
      expect(existsSync(out)).toBe(false);
    },
    BUILD_TIMEOUT,
  );

  it(
    'builds an override with footnotes and keeps each note with its section',
    async () => {
      const { root, out } = site();
      writeFileSync(join(root, OVERRIDE), override('Planned with owners.[^n]\n\n[^n]: From [our survey](https://example.com/survey), 2025.'));
      const build = await runScript('build.ts', [], { CONTENT_ROOT: root, OUT_DIR: out });
      expect(build.status, build.stdout + build.stderr).toBe(0);
      const page = readFileSync(join(out, 'field-teams/owner/index.html'), 'utf8');
      const section = page.slice(page.indexOf('data-section="objections"'));
      expect(section).toMatch(/^[^]*?href="#user-content-fn-n"[^]*?data-footnotes[^]*?<a href="https:\/\/example\.com\/survey">our survey<\/a>/);
    },
    BUILD_TIMEOUT,
  );
});
