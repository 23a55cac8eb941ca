import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { builtSiteDir, TEST_SITES } from '../sites.ts';

export interface BuiltSite {
  name: string;
  dir: string;
  /** URL paths of every built HTML page, base path included, like `/` or `/mid-market/cpo/`. */
  pages: string[];
  /** Paths listed in sitemap.xml, base path included. */
  sitemap: string[];
  /** The base path without its trailing slash: '' at the root, '/solutions' under a sub-path. */
  base: string;
}

export const SITE_NAMES = TEST_SITES.map((s) => s.name);

export function readBuiltSite(name: string, root = process.cwd()): BuiltSite {
  const dir = join(root, builtSiteDir(name));
  const base = (TEST_SITES.find((s) => s.name === name)?.basePath ?? '/').replace(/\/$/, '');
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === 'index.html') pages.push(`${base}/${relative(dir, folder).split(sep).join('/')}/`.replace(/\/\/$/, '/'));
    }
  };
  let sitemap: string[] = [];
  try {
    walk(dir);
    const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    sitemap = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  } catch {
    // Not built: the spec reports it as a failing test instead of failing to load.
  }
  return { name, dir, pages: pages.sort(), sitemap, base };
}
