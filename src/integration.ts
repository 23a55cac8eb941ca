import type { AstroIntegration } from 'astro';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBuildEnvironment, readSiteLocation, readSiteSettings } from './lib/build-config.ts';
import { contentSecurityPolicy } from './lib/security/csp.ts';
import { headersFile } from './lib/security/headers.ts';
import { vendorConfig } from './lib/tracking/ad-platforms.ts';
import { inlineScriptsOf } from './lib/tracking/inline-scripts.ts';
import type { OgImages } from './lib/og-image/write.ts';
import type { SiteBuild } from './lib/site-build.ts';
import { overrideSources } from './override-sources.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The Open Graph images of every page of the build scripts/build.ts composed and handed over (see
 * src/site-data.ts), cached in .build/og-cache/ between builds.
 */
async function renderOgImagesOfBuild(): Promise<OgImages | undefined> {
  const handed = (globalThis as Record<symbol, unknown>)[Symbol.for('segment-pages.site-build')] as { build: SiteBuild | Promise<SiteBuild> } | undefined;
  if (!handed) return undefined;
  const build = await handed.build;
  // Switched off (the default): the renderer (satori, resvg, the fonts) is not even loaded.
  if (!build.settings.openGraphImages) return undefined;
  const { ogImageJobs, renderOgImages } = await import('./lib/og-image/write.ts');
  const jobs = ogImageJobs(build.routes);
  if (!jobs.length) return undefined;
  try {
    return await renderOgImages(jobs, { cacheDir: join(PROJECT_ROOT, '.build', 'og-cache') });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the Open Graph images could not be rendered (${reason}). Run npm ci to reinstall satori, @resvg/resvg-js and @fontsource/inter, or set openGraphImages: false in content/site.yaml to build without them.`, { cause: error });
  }
}

/**
 * Vite bundles the ad platforms' hook and their on-demand tags script whether or not a page renders
 * them; a site that configures no platform never references them, so they are not published either.
 */
async function removeVendorLoader(assets: string): Promise<void> {
  const names = await readdir(assets).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => /^(VendorTags\.astro_astro_type_script_.*|vendors-[\w-]+)\.js$/.test(name)).map((name) => rm(join(assets, name))));
}

/**
 * Wires the content tree into Astro: the site URL and base path come from content/site.yaml, MDX
 * page overrides are importable as `@content-root/…` (compiled from their checked text only, see
 * override-sources.ts), a finished build gets a `_headers` file (Content-Security-Policy, security
 * headers, caching) and an Open Graph image beside each page, and the dev server reloads the page when a content file changes (content is
 * read with fs, so Vite would not notice on its own).
 */
export function segmentPages(): AstroIntegration {
  const env = readBuildEnvironment();
  let ogImages: Promise<OgImages | undefined> = Promise.resolve(undefined);
  return {
    name: 'segment-pages',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        const location = await readSiteLocation(env);
        updateConfig({
          site: location.url,
          base: location.basePath,
          vite: { plugins: [overrideSources(env.contentRoot)], resolve: { alias: { '@content-root': env.contentRoot } } },
        });
      },
      'astro:build:start': () => {
        // Rendered on worker threads while Astro renders the pages, written once it is done.
        ogImages = renderOgImagesOfBuild();
        ogImages.catch(() => undefined);
      },
      'astro:build:done': async ({ dir }) => {
        const site = await readSiteSettings(env);
        if (!site) return;
        const csp = contentSecurityPolicy(site, { inlineScripts: inlineScriptsOf(site), form: 'header' });
        await writeFile(join(fileURLToPath(dir), '_headers'), headersFile(site, csp));
        if (!vendorConfig(site)) await removeVendorLoader(join(fileURLToPath(dir), '_astro'));
        const images = await ogImages;
        if (images) await (await import('./lib/og-image/write.ts')).writeOgImageFiles(images, fileURLToPath(dir));
      },
      'astro:server:setup': ({ server }) => {
        const watched = [join(env.contentRoot, 'segments'), join(env.contentRoot, 'content')];
        server.watcher.add(watched);
        const reload = (path: string) => {
          if (!watched.some((dir) => path.startsWith(dir)) || path.endsWith('.mdx')) return;
          // Astro caches getStaticPaths results in dev; the event its own content layer sends on a
          // change clears that cache, so the next request composes the edited content.
          for (const environment of Object.values(server.environments)) {
            if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
    },
  };
}
