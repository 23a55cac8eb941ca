import type { SiteBuild } from './lib/site-build.ts';

let cached: Promise<SiteBuild> | undefined;

/**
 * The composed site for the Astro pages. A production build composes it once for all pages; the
 * dev server composes it per request so that edited content shows without a restart.
 */
export function getSiteBuild(): Promise<SiteBuild> {
  if (import.meta.env.DEV) return composeForPreview();
  cached ??= handedBuild();
  return cached;
}

/**
 * scripts/build.ts checks and composes the content in the same process and hands the result over
 * (a promise, fulfilled once its second thread is done), so the production bundle carries none of
 * the loading and checking code.
 */
async function handedBuild(): Promise<SiteBuild> {
  const handed = (globalThis as Record<symbol, unknown>)[Symbol.for('segment-pages.site-build')] as { build: SiteBuild | Promise<SiteBuild> } | undefined;
  if (!handed) throw new Error('Build the site with npm run build: it checks and composes the content before Astro renders the pages.');
  return handed.build;
}

/** The dev server is the marketers' preview: drafts show (with a banner) and /_preview/ lists every page. */
async function composeForPreview(): Promise<SiteBuild> {
  const [{ readBuildEnvironment }, { formatDiagnosticsText, summarize }, { buildSiteFromDisk }] = await Promise.all([
    import('./lib/build-config.ts'),
    import('./lib/diagnostics.ts'),
    import('./lib/site-build.ts'),
  ]);
  const env = readBuildEnvironment();
  const result = await buildSiteFromDisk(env.contentRoot, { ...env, includeDrafts: true, preview: true });
  if (!result.ok) {
    throw new Error(`The content has problems (${summarize(result.diagnostics)}):\n${formatDiagnosticsText(result.diagnostics)}`);
  }
  return result.build;
}
