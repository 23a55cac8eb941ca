import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SITES } from '../sites.ts';
import { builtDir, PROJECT_ROOT, siteFiles } from './site-files.ts';

/** Every built page passes the W3C Nu HTML checker (vnu-jar, on the machine's Java) with zero errors. */
describe('HTML validity', () => {
  it('every page of every test site is valid HTML', () => {
    const pages = TEST_SITES.flatMap((site) => {
      const dir = builtDir(site.name);
      return [...siteFiles(dir).entries()].filter(([name]) => name.endsWith('.html')).map(([, path]) => path);
    });
    expect(pages.length).toBeGreaterThan(40);
    const vnu = join(PROJECT_ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.error, 'Java is needed for the HTML checker (the machine’s java, OpenJDK 17 here)').toBeUndefined();
    const messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; url: string; lastLine?: number; message: string }[] }).messages;
    const errors = messages.filter((m) => m.type === 'error').map((m) => `${m.url.replace(`file:${PROJECT_ROOT}/`, '')}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
  });
});
