/**
 * `npm run test:visual [-- --update-snapshots]`: builds the sample site the way `npm test` does and
 * compares every page type with its approved screenshot (tests/e2e/visual.spec.ts). With
 * `--update-snapshots` the current look becomes the approved one; commit the images with the change.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtSiteDir, TEST_SITES } from '../tests/sites.ts';
import { ensureChromium } from './ensure-chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = TEST_SITES.find((s) => s.name === 'sample')!;
const run = (command: string, args: string[], env: Record<string, string>) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

ensureChromium();
const built = run('node', ['scripts/build.ts'], { CONTENT_ROOT: site.contentRoot, OUT_DIR: builtSiteDir(site.name) });
if (built !== 0) process.exit(built);
process.exitCode = run('npx', ['playwright', 'test', 'tests/e2e/visual.spec.ts', ...process.argv.slice(2)], { E2E_SITES: site.name });
