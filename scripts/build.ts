/**
 * `npm run build`: checks the content, builds the site with Astro into a staging folder and only
 * then swaps it into place. A content mistake stops the build before Astro starts; any failure
 * leaves the previous output exactly as it was.
 * Environment: see src/lib/build-config.ts (CONTENT_ROOT, OUT_DIR, SITE_URL, BASE_PATH, INCLUDE_DRAFTS).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnosticsText, plural, summarize } from '../src/lib/diagnostics.ts';
import { replaceDir, stagingDirFor } from '../src/lib/output/replace-dir.ts';
import { buildSiteFromDisk } from '../src/lib/site-build.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const env = buildEnvironmentOrExit();
const relativeOut = relative(process.cwd(), env.outDir);
const shownOut = relativeOut && !relativeOut.startsWith('..') ? relativeOut : env.outDir;
const started = performance.now();

const result = await buildSiteFromDisk(env.contentRoot, env);
const diagnostics = result.ok ? result.build.diagnostics : result.diagnostics;
if (diagnostics.length) console.error(`${formatDiagnosticsText(diagnostics)}\n`);
if (!result.ok) {
  console.error(`The content has ${summarize(diagnostics)}. Nothing was built; ${shownOut}/ is unchanged.`);
  process.exit(1);
}

const staging = stagingDirFor(env.outDir);
await rm(staging, { recursive: true, force: true });
process.env.OUT_DIR = staging;
// A production build, whatever the calling shell or test runner set: output must not depend on it.
// Vite reads DEV, PROD, MODE, SSR and BASE_URL from the environment too (test runners set them).
process.env.NODE_ENV = 'production';
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[name];
// Astro renders in this process: hand it the site composed above instead of loading, checking
// and composing every file a second time (src/site-data.ts picks it up).
(globalThis as Record<symbol, unknown>)[Symbol.for('segment-pages.site-build')] = { contentRoot: env.contentRoot, build: result.build };
try {
  const { build } = await import('astro');
  await build({ root: projectRoot, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
  if (!existsSync(join(staging, 'index.html'))) throw new Error('the build finished without writing index.html');
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  console.error(`${shownOut}/ is unchanged.${process.env.DEBUG ? '' : ' Set DEBUG=1 for details.'}`);
  process.exit(1);
}
await replaceDir(staging, env.outDir);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Built ${plural(result.build.routes.length + 1, 'page')} into ${shownOut}/ in ${seconds} s (content version ${result.build.contentVersion}).`);
