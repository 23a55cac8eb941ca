import { resolve } from 'node:path';
import { readContentFile, type SourceFile } from './load/files.ts';
import { parseProject } from './load/project.ts';
import { isoDateSchema, siteAsBuilt, webUrlSchema, type Site } from './schemas/index.ts';
import type { BuildOptions } from './site-build.ts';

/**
 * Settings a build takes from its environment, so that CI, previews, tests and benchmarks build
 * other content trees or other hosts through the same code:
 * - `CONTENT_ROOT`: folder holding `segments/` and `content/` (default: the project folder)
 * - `SITE_URL`, `BASE_PATH`: override `url` and `basePath` from `content/site.yaml`
 * - `OUT_DIR`: the folder the site is published into (default `dist`); the build replaces it only
 *   when it is its own to replace (src/lib/output/out-dir.ts)
 * - `INCLUDE_DRAFTS=1`: publish draft segments too (previews only)
 * - `CHECK_DATE=YYYY-MM-DD`: the date regulation review dates are checked against (default: today)
 */
export interface BuildEnvironment extends BuildOptions {
  contentRoot: string;
  outDir: string;
}

/** A setting in the environment that cannot be used; the message says which and why. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

export function readBuildEnvironment(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): BuildEnvironment {
  const siteUrl = env.SITE_URL?.trim() || undefined;
  if (siteUrl && !webUrlSchema.safeParse(siteUrl).success) throw new EnvironmentError(`SITE_URL must be a web address like https://www.example.com, not "${siteUrl}"`);
  const today = env.CHECK_DATE?.trim() || undefined;
  if (today && !isoDateSchema.safeParse(today).success) throw new EnvironmentError(`CHECK_DATE must be a date written as YYYY-MM-DD, not "${today}"`);
  const basePath = env.BASE_PATH?.trim() ? normalizeBasePath(env.BASE_PATH) : undefined;
  if (basePath && !/^\/(?:[a-z0-9-]+\/)*$/.test(basePath)) throw new EnvironmentError(`BASE_PATH must be a path of lowercase letters, digits and hyphens like /solutions/, not "${env.BASE_PATH}"`);
  return {
    contentRoot: resolve(cwd, env.CONTENT_ROOT || '.'),
    outDir: resolve(cwd, env.OUT_DIR || 'dist'),
    siteUrl,
    basePath,
    includeDrafts: env.INCLUDE_DRAFTS === '1' || env.INCLUDE_DRAFTS === 'true',
    today,
  };
}

/** `solutions`, `/solutions` and `/solutions/` all mean `/solutions/`; CI tools differ in which they give. */
export function normalizeBasePath(path: string): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The site settings as a build will use them (site.yaml, with SITE_URL and BASE_PATH applied), or
 * undefined while site.yaml is broken: its errors are reported by the content check.
 */
export async function readSiteSettings(env: BuildEnvironment): Promise<Site | undefined> {
  // Only the site file: reading the whole content tree here cost a second per 10,000 files, twice per build.
  const files: SourceFile[] = [];
  for (const name of ['site.yaml', 'site.yml']) {
    try {
      // As the content loader reads it: a symbolic link is never followed (the check reports it).
      const bytes = await readContentFile(env.contentRoot, `content/${name}`);
      if (bytes) files.push({ file: `content/${name}`, bytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const site = parseProject(files).project.site?.data;
  if (!site) return undefined;
  return siteAsBuilt(site, env);
}

/** Where the site is served; "/" while site.yaml is broken. */
export async function readSiteLocation(env: BuildEnvironment): Promise<{ url?: string; basePath: string }> {
  const site = await readSiteSettings(env);
  return { url: site?.url ?? env.siteUrl, basePath: site?.basePath ?? env.basePath ?? '/' };
}
