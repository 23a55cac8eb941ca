import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { read } from './site-files.ts';

/**
 * What a crawler checks of a multilingual site: every hreflang alternate exists and links back, the
 * x-default is the default locale's page, and the sitemap lists pages that exist with reciprocal alternates.
 */
/** The site path a URL of the built site names: https://acme.example/de/ → de/index.html. */
export function fileOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

export function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

export function alternatesOf(html: string): Record<string, string>[] {
  return [...html.matchAll(/<link rel="alternate"[^>]*>/g)].map((m) => attributes(m[0]));
}


/** Checks every page's alternates (pages: relative file → absolute path); returns how many pages have them. */
export function checkAlternates(pages: Map<string, string>, defaultLocale = 'en'): number {
  let linked = 0;
  for (const [name, path] of pages) {
    const html = read(path);
    const canonical = attributes(/<link rel="canonical"[^>]*>/.exec(html)![0]).href!;
    const alternates = alternatesOf(html);
    if (alternates.length === 0) continue;
    linked++;
    expect(alternates.map((a) => a.href), name).toContain(canonical);
    expect(alternates.find((a) => a.hreflang === 'x-default')?.href, name).toBe(alternates.find((a) => a.hreflang === defaultLocale)?.href);
    for (const a of alternates) {
      const target = pages.get(fileOf(a.href!));
      expect(target, `${name} → ${a.href}`).toBeDefined();
      const back = alternatesOf(read(target!)).map((b) => b.href);
      expect(back, `${a.href} links back to ${canonical}`).toContain(canonical);
    }
  }
  return linked;
}

/** Checks the sitemap of the site built in `dir`; returns how many URLs it lists. */
export function checkSitemap(dir: string, origin: string): number {
  const sitemap = read(join(dir, 'sitemap.xml'));
  expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  const urls = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({ loc: /<loc>([^<]+)<\/loc>/.exec(m[1]!)![1]!, alternates: [...m[1]!.matchAll(/<xhtml:link [^>]*>/g)].map((l) => attributes(l[0]).href!) }));
  const listed = new Map(urls.map((u) => [u.loc, u.alternates]));
  for (const { loc, alternates } of urls) {
    expect(existsSync(join(dir, fileOf(loc))), loc).toBe(true);
    expect(read(join(dir, fileOf(loc)))).not.toContain('noindex');
    for (const href of alternates) expect(listed.get(href), `${loc} → ${href}`).toContain(loc);
  }
  expect(urls.every((u) => u.loc.startsWith(origin))).toBe(true);
  return urls.length;
}
