import { readBuildEnvironment } from './lib/build-config.ts';
import { formatDiagnosticsText, summarize } from './lib/diagnostics.ts';
import { buildSiteFromDisk, type SiteBuild } from './lib/site-build.ts';

let cached: Promise<SiteBuild> | undefined;

/**
 * The composed site for the Astro pages. A production build composes it once for all pages; the
 * dev server composes it per request so that edited content shows without a restart.
 */
export function getSiteBuild(): Promise<SiteBuild> {
  if (import.meta.env.DEV) return compose();
  cached ??= compose();
  return cached;
}

async function compose(): Promise<SiteBuild> {
  const env = readBuildEnvironment();
  // scripts/build.ts has just checked and composed this content in the same process.
  const handed = (globalThis as Record<symbol, unknown>)[Symbol.for('segment-pages.site-build')] as { contentRoot: string; build: SiteBuild } | undefined;
  if (!import.meta.env.DEV && handed?.contentRoot === env.contentRoot) return handed.build;
  // The dev server is the marketers' preview: drafts show (with a banner) and /_preview/ lists every page.
  const result = await buildSiteFromDisk(env.contentRoot, import.meta.env.DEV ? { ...env, includeDrafts: true, preview: true } : env);
  if (!result.ok) {
    throw new Error(`The content has problems (${summarize(result.diagnostics)}):\n${formatDiagnosticsText(result.diagnostics)}`);
  }
  return result.build;
}
