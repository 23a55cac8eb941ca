import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { builtSiteDir } from '../sites.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** Every file of a built site, relative path → absolute path. */
export function siteFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split(sep).join('/'), path);
    }
  };
  walk(dir);
  return out;
}

export function builtDir(name: string): string {
  const dir = join(PROJECT_ROOT, builtSiteDir(name));
  if (!statSync(join(dir, 'index.html'), { throwIfNoEntry: false })) throw new Error(`${dir} has no site: run npm test, which builds it first`);
  return dir;
}

export const read = (path: string) => readFileSync(path, 'utf8');
