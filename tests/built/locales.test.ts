import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAlternates, checkSitemap } from './hreflang.ts';
import { PROJECT_ROOT, read, siteFiles } from './site-files.ts';

/**
 * The fixture tests/fixtures/i18n (an English site with one segment in German) built with the real
 * build command: every page is valid HTML, and the site holds together as search engines crawl it.
 */
const out = join('.build', 'locales-site');
const dir = join(PROJECT_ROOT, out);
const ORIGIN = 'https://acme.example';
let pages: Map<string, string>;

describe('a site in English and German, built', () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    // The test runner's own variables must not reach the build.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITEST/.test(name) && !['TEST', 'NODE_ENV', 'MODE'].includes(name)));
    const run = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, env: { ...env, CONTENT_ROOT: 'tests/fixtures/i18n', OUT_DIR: out }, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    pages = new Map([...siteFiles(dir).entries()].filter(([name]) => name.endsWith('.html')));
  }, 300_000);

  it('has the German pages, each in German', () => {
    for (const page of ['de/index.html', 'de/segments/index.html', 'de/thank-you/index.html', 'de/small-finance/index.html', 'de/small-finance/faq/index.html', 'de/small-finance/controller/index.html', 'de/small-finance/controller/short-form/index.html']) {
      expect(pages.has(page), page).toBe(true);
      const html = read(pages.get(page)!);
      expect(html).toContain('<html lang="de">');
      expect(html).toContain('data-locale="de"');
    }
    expect(pages.has('de/mid-finance/index.html')).toBe(false);
    expect(read(pages.get('de/small-finance/controller/index.html')!)).toContain('Ein schnellerer Abschluss für Kleine Finanzteams');
    expect(read(pages.get('small-finance/controller/index.html')!)).toContain('<html lang="en">');
  });

  it('is valid HTML in both languages', () => {
    const vnu = join(PROJECT_ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages.values()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.error, 'Java is needed for the HTML checker').toBeUndefined();
    const messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; url: string; lastLine?: number; message: string }[] }).messages;
    expect(messages.filter((m) => m.type === 'error').map((m) => `${m.url.replace(`file:${dir}/`, '')}:${m.lastLine ?? '?'} ${m.message}`)).toEqual([]);
  }, 180_000);

  it('links every page to alternates that exist and link back, with x-default on the English page', () => {
    expect(checkAlternates(pages)).toBe(10);
  });

  it('has a sitemap whose every URL exists, with reciprocal alternates', () => {
    expect(checkSitemap(dir, ORIGIN)).toBe(13);
  });
});
