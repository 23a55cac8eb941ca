import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, read, siteFiles } from './site-files.ts';

/**
 * The fixture tests/fixtures/i18n (an English site with one segment in German) built with the real
 * build command: every page is valid HTML, and the site holds together as search engines crawl it.
 */
const out = join('.build', 'locales-site');
const dir = join(PROJECT_ROOT, out);
const ORIGIN = 'https://acme.example';
let pages: Map<string, string>;

/** The site path a URL of the built site names: https://acme.example/de/ → de/index.html. */
function fileOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function alternatesOf(html: string): Record<string, string>[] {
  return [...html.matchAll(/<link rel="alternate"[^>]*>/g)].map((m) => attributes(m[0]));
}

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
    let linked = 0;
    for (const [name, path] of pages) {
      const html = read(path);
      const canonical = attributes(/<link rel="canonical"[^>]*>/.exec(html)![0]).href!;
      const alternates = alternatesOf(html);
      if (alternates.length === 0) continue;
      linked++;
      expect(alternates.map((a) => a.href), name).toContain(canonical);
      expect(alternates.find((a) => a.hreflang === 'x-default')?.href, name).toBe(alternates.find((a) => a.hreflang === 'en')?.href);
      for (const a of alternates) {
        const target = pages.get(fileOf(a.href!));
        expect(target, `${name} → ${a.href}`).toBeDefined();
        const back = alternatesOf(read(target!)).map((b) => b.href);
        expect(back, `${a.href} links back to ${canonical}`).toContain(canonical);
      }
    }
    expect(linked).toBe(10);
  });

  it('has a sitemap whose every URL exists, with reciprocal alternates', () => {
    const sitemap = read(join(dir, 'sitemap.xml'));
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const urls = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({ loc: /<loc>([^<]+)<\/loc>/.exec(m[1]!)![1]!, alternates: [...m[1]!.matchAll(/<xhtml:link [^>]*>/g)].map((l) => attributes(l[0]).href!) }));
    expect(urls.length).toBe(13);
    const listed = new Map(urls.map((u) => [u.loc, u.alternates]));
    for (const { loc, alternates } of urls) {
      expect(existsSync(join(dir, fileOf(loc))), loc).toBe(true);
      expect(read(join(dir, fileOf(loc)))).not.toContain('noindex');
      for (const href of alternates) expect(listed.get(href), `${loc} → ${href}`).toContain(loc);
    }
    expect(urls.every((u) => u.loc.startsWith(ORIGIN))).toBe(true);
  });
});
