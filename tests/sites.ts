/**
 * The built sites the browser and built-site tests run against. `npm test` builds each with the
 * real build command into `.build/e2e/<name>`; Playwright serves each on its own port.
 */
export interface TestSite {
  name: string;
  /** Content tree, relative to the project folder. */
  contentRoot: string;
  /** Serve under a sub-path, as GitHub Pages project sites and many CDNs do. */
  basePath?: string;
  port: number;
}

export const TEST_SITES: TestSite[] = [
  { name: 'sample', contentRoot: '.', port: 4610 },
  { name: 'second-vertical', contentRoot: 'tests/fixtures/second-vertical', port: 4611 },
  { name: 'sample-subpath', contentRoot: '.', basePath: '/solutions/', port: 4612 },
  // Every ad platform configured, with a Tag Manager container and security.csp origins.
  { name: 'ad-platforms', contentRoot: 'tests/fixtures/ad-platforms', port: 4620 },
];

export const builtSiteDir = (name: string) => `.build/e2e/${name}`;
