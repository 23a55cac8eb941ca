import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser.ts';
import { builtSiteDir, TEST_SITES } from './tests/sites.ts';

/**
 * Browser tests run against built sites served locally (tests/sites.ts): the shipped sample, a
 * second vertical from tests/fixtures that builds through the same code, and the sample under a
 * sub-path. `npm test` builds them into .build/e2e first; the web servers here only serve.
 * E2E_SITES=second-vertical runs one site's tests without building the others.
 */
const wanted = process.env.E2E_SITES?.split(',').map((s) => s.trim());
const sites = wanted ? TEST_SITES.filter((s) => wanted.includes(s.name)) : TEST_SITES;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Approved screenshots (tests/e2e/visual.spec.ts) live in the repository, one file per page type and size.
  snapshotPathTemplate: '{testDir}/screenshots/{arg}{ext}',
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
    env: { OUT_DIR: builtSiteDir(site.name), PORT: String(site.port), CONTENT_ROOT: site.contentRoot, ...(site.basePath ? { BASE_PATH: site.basePath } : {}) },
    url: `http://127.0.0.1:${site.port}${site.basePath ?? '/'}`,
    reuseExistingServer: false,
    stdout: 'ignore',
  })),
});
