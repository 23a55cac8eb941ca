/**
 * `npm run build`: checks the output folder and the content, builds the site with Astro into a
 * staging folder inside the project, and only then moves it into place. A refused output folder
 * or a content mistake stops the build before anything is written; any failure leaves the previous
 * output exactly as it was.
 * Environment: see src/lib/build-config.ts (CONTENT_ROOT, OUT_DIR, SITE_URL, BASE_PATH, INCLUDE_DRAFTS).
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plural, summarize } from '../src/lib/diagnostics.ts';
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { cleanLeftovers } from '../src/lib/output/leftovers.ts';
import { BUILD_MARKER, buildMarker, buildStagingDir, guardOutDir, OutDirRefused, WORK_FOLDER } from '../src/lib/output/out-dir.ts';
import { publishDir } from '../src/lib/output/replace-dir.ts';
import type { BuildResult, SiteBuild } from '../src/lib/site-build.ts';
import { defaultCacheDir } from '../src/lib/load/cache.ts';
import { buildSiteOnWorker } from '../src/lib/site-build-worker.ts';
import { shown } from './cli.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const env = buildEnvironmentOrExit();
const shownOut = shown(env.outDir);
const started = performance.now();

// The output folder is replaced as a whole: make sure it is ours to replace before anything else.
const guard = { given: process.env.OUT_DIR || undefined, outDir: env.outDir, projectRoot, contentRoot: env.contentRoot, show: shown };
let target: string;
try {
  target = guardOutDir(guard);
} catch (error) {
  if (!(error instanceof OutDirRefused)) throw error;
  console.error(`${error.message}\nNothing was built or changed.`);
  process.exit(1);
}

// The content is read, checked and composed on a second thread while Astro starts on this one
// (src/lib/site-build-worker.ts); Astro waits for it before rendering the first page, and a
// content mistake stops the build before anything is moved into place.
// Files unchanged since the last build come from the content cache (src/lib/load/cache.ts).
let cacheUse = '';
const checking = buildSiteOnWorker(env.contentRoot, env, {
  cacheDir: defaultCacheDir(projectRoot),
  onNote: (note) => console.error(note),
  onCacheUse: ({ files, unchanged }) => (cacheUse = unchanged ? `; ${unchanged} of ${plural(files, 'content file')} unchanged since the last build` : ''),
});
let reported = false;
/** Prints the content's problems once; exits when they stop the build. */
function reportContent(result: BuildResult): asserts result is { ok: true; build: SiteBuild } {
  const diagnostics = result.ok ? result.build.diagnostics : result.diagnostics;
  if (!reported && diagnostics.length) console.error(`${formatProblemsText(diagnostics)}\n`);
  reported = true;
  if (!result.ok) {
    rmSync(buildStagingDir(projectRoot), { recursive: true, force: true });
    console.error(`The content has ${summarize(diagnostics)}. Nothing was built; ${shownOut}/ is unchanged.`);
    process.exit(1);
  }
}
const workFolder = join(projectRoot, WORK_FOLDER);
const tidied = (async () => {
  try {
    const cleaned = await cleanLeftovers(target, workFolder);
    if (cleaned.restore) console.log(`Put back ${shownOut}/ from ${shown(cleaned.restore)}, left by a build that stopped while replacing it.`);
    if (cleaned.remove.length) console.log(`Removed ${plural(cleaned.remove.length, 'folder')} left by stopped builds: ${cleaned.remove.map(shown).join(', ')}.`);
  } catch (error) {
    // Leftovers take space but harm nothing: build anyway, and say what is in the way.
    console.error(`Could not clean up after a stopped build: ${error instanceof Error ? error.message : String(error)}`);
  }
})();
const handed = checking.then(async (result) => {
  // A stopped build's leftovers are put right before a content mistake ends this one.
  if (!result.ok) await tidied;
  reportContent(result);
  return result.build;
});
handed.catch(() => undefined);
await tidied;

// Astro writes its intermediate files (the .prerender bundle) inside its outDir and resolves the
// project's packages from there: build inside the project, then move the finished site to OUT_DIR.
const built = buildStagingDir(projectRoot);
await rm(built, { recursive: true, force: true });
await mkdir(workFolder, { recursive: true });
// Astro's config and the integration read the environment again, relative to the project folder.
process.env.CONTENT_ROOT = env.contentRoot;
process.env.OUT_DIR = built;
process.chdir(projectRoot);
// A production build, whatever the calling shell or test runner set: output must not depend on it.
// Vite reads DEV, PROD, MODE, SSR and BASE_URL from the environment too (test runners set them).
process.env.NODE_ENV = 'production';
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[name];
// Astro renders in this process: hand it the site composed above instead of loading, checking
// and composing every file a second time (src/site-data.ts picks it up).
// The build arrives when the second thread is done: src/site-data.ts awaits it.
(globalThis as Record<symbol, unknown>)[Symbol.for('segment-pages.site-build')] = { contentRoot: env.contentRoot, build: handed };
let contentVersion: string;
try {
  const { build } = await import('astro');
  try {
    await build({ root: projectRoot, outDir: built, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
  } catch (error) {
    // A content mistake (an override that fails the check, say) can stop Astro before the check
    // is done: the check's own messages say more than Astro's, so they come first.
    reportContent(await checking);
    throw error;
  }
  contentVersion = (await handed).contentVersion;
  if (!existsSync(join(built, 'index.html'))) throw new Error('the build finished without writing index.html');
  // Astro removes its bundle after rendering; should a version keep it, it must not be published.
  await rm(join(built, '.prerender'), { recursive: true, force: true });
  await writeFile(join(built, BUILD_MARKER), buildMarker(contentVersion));
  // Checked again: files may have arrived in the output folder while Astro was building.
  guardOutDir(guard);
  await publishDir(built, target);
} catch (error) {
  await rm(built, { recursive: true, force: true });
  if (error instanceof OutDirRefused) {
    console.error(`${error.message}\nNothing was changed there.`);
    process.exit(1);
  }
  console.error(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  console.error(`${shownOut}/ is unchanged.${process.env.DEBUG ? '' : ' Set DEBUG=1 for details.'}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const { routes } = await handed;
console.log(`Built ${plural(routes.length + 1, 'page')} into ${shownOut}/ in ${seconds} s (content version ${contentVersion}${cacheUse}).`);
