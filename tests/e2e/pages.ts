import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuiltSite {
  name: string;
  dir: string;
  /** Site paths of every built HTML page, like `/` or `/mid-market/cpo/`. */
  pages: string[];
  /** Paths listed in sitemap.xml, relative to the site root. */
  sitemap: string[];
}

/** The sites the browser tests run against, as `npm test` builds them. */
export const SITE_NAMES = ['sample', 'second-vertical'] as const;

export function readBuiltSite(name: string, root = process.cwd()): BuiltSite {
  const dir = join(root, '.build', 'e2e', name);
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === 'index.html') pages.push(`/${relative(dir, folder).split(sep).join('/')}/`.replace(/^\/\/$/, '/'));
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
  return { name, dir, pages: pages.sort(), sitemap };
}
