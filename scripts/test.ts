/**
 * `npm test`: the whole suite. Unit tests (vitest); then the test sites (tests/sites.ts) are built
 * through the real build command and checked (budgets, HTML validity, reproducibility); then the
 * browser tests (Playwright on Debian's Chromium, installed if missing) run against them. Ends with one line, `N passed, N failed`,
 * totalling unit and browser tests; exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtSiteDir, TEST_SITES } from '../tests/sites.ts';
import { ensureChromium } from './ensure-chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, '.build', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const problems: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n── ${label}`);
  const status = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
  if (status !== 0) problems.push(`${label} exited with ${status}`);
  return status === 0;
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

// Unit tests.
const unitJson = join(results, 'unit.json');
run('Unit tests (vitest)', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) {
  passed += Number(unit.numPassedTests ?? 0);
  failed += Number(unit.numFailedTests ?? 0);
} else {
  problems.push('vitest wrote no results');
  failed += 1;
}

// Sites for the browser tests, built with the same command users run.
let sitesBuilt = true;
for (const site of TEST_SITES) {
  const env = { CONTENT_ROOT: site.contentRoot, OUT_DIR: builtSiteDir(site.name), ...(site.basePath ? { BASE_PATH: site.basePath } : {}) };
  sitesBuilt = run(`Build ${site.name} site`, 'node', ['scripts/build.ts'], env) && sitesBuilt;
}

// Checks over the built output: budgets, HTML validity, reproducibility.
if (sitesBuilt) {
  const builtJson = join(results, 'built.json');
  run('Built-site checks (vitest)', 'vitest', ['run', '--config', 'vitest.built.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${builtJson}`]);
  const built = readJson(builtJson);
  if (built) {
    passed += Number(built.numPassedTests ?? 0);
    failed += Number(built.numFailedTests ?? 0);
  } else {
    problems.push('the built-site checks wrote no results');
    failed += 1;
  }
}

// Browser tests.
let browserReady = true;
try {
  console.log(`\n── Chromium: ${ensureChromium()}`);
} catch (error) {
  browserReady = false;
  problems.push((error as Error).message);
}
if (sitesBuilt && browserReady) {
  const e2eJson = join(results, 'e2e.json');
  run('Browser tests (Playwright)', 'playwright', ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  const stats = readJson(e2eJson)?.stats as Record<string, number> | undefined;
  if (stats) {
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
  } else {
    problems.push('Playwright wrote no results');
    failed += 1;
  }
} else {
  problems.push('browser tests did not run');
  failed += 1;
}

if (problems.length) console.log(`\nProblems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
console.log(`\n${summary}`);
process.exitCode = failed > 0 || problems.length > 0 ? 1 : 0;
