import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser.ts';

/**
 * Browser tests run against built sites served locally: the shipped sample, and a second vertical
 * from tests/fixtures that builds through the same code. `npm test` builds both into .build/e2e
 * before running these; the web servers here only serve what was built.
 */
const allSites = [
  { name: 'sample', dir: '.build/e2e/sample', port: 4610 },
  { name: 'second-vertical', dir: '.build/e2e/second-vertical', port: 4611 },
];
/** E2E_SITES=second-vertical runs one site's tests without building the others. */
const wanted = process.env.E2E_SITES?.split(',').map((s) => s.trim());
const sites = wanted ? allSites.filter((s) => wanted.includes(s.name)) : allSites;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 120_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
  // Each spec tags its tests with the site name in brackets; a project runs only its own site's tests.
  projects: sites.map((site) => ({ name: site.name, grep: new RegExp(`\\[${site.name}\\]`), use: { baseURL: `http://127.0.0.1:${site.port}` } })),
  webServer: sites.map((site) => ({
    command: `node scripts/serve.ts`,
    env: { OUT_DIR: site.dir, PORT: String(site.port), CONTENT_ROOT: site.name === 'sample' ? '.' : `tests/fixtures/${site.name}` },
    url: `http://127.0.0.1:${site.port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  })),
});
