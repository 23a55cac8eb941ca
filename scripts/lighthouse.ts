/**
 * `npm run lighthouse`: Lighthouse (mobile emulation, its defaults) on one page of each type of the
 * built site, against Debian's Chromium. Prints performance, accessibility, best-practices and SEO
 * scores and LCP, CLS and TBT per page. Run `npm run build` first (or set OUT_DIR).
 * A measurement, not a test: scores depend on the machine; the goal is 100 in all four.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readSiteLocation } from '../src/lib/build-config.ts';
import { createStaticServer } from '../src/lib/serve/static-server.ts';
import { chromiumLaunchOptions } from '../tests/e2e/browser.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const env = buildEnvironmentOrExit();
if (!existsSync(join(env.outDir, 'index.html'))) {
  console.error(`There is no built site in ${env.outDir}. Run "npm run build" first.`);
  process.exit(1);
}
const { basePath } = await readSiteLocation(env);
const server = createStaticServer({ dir: env.outDir, basePath }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath.replace(/\/$/, '')}`;

// One page of each type: the first landing page, hub and FAQ page listed in the sitemap.
const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.slice(basePath.length - 1));
const pick = (test: (p: string) => boolean) => paths.find(test);
const pages = [
  ['home', '/'],
  ['overview', '/segments/'],
  ['segment hub', pick((p) => /^\/[^/]+\/$/.test(p) && p !== '/segments/')],
  ['landing page', pick((p) => /^\/[^/]+\/[^/]+\/$/.test(p) && !p.endsWith('/faq/'))],
  ['FAQ page', pick((p) => p.endsWith('/faq/'))],
].filter((p): p is [string, string] => Boolean(p[1]));

const launch = chromiumLaunchOptions();
const chrome = await chromeLauncher.launch({ chromePath: launch.executablePath, chromeFlags: ['--headless=new', ...launch.args] });
const rows: string[][] = [];
try {
  for (const [kind, path] of pages) {
    const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    const lhr = result!.lhr;
    const score = (id: string) => String(Math.round((lhr.categories[id]?.score ?? 0) * 100));
    const metric = (id: string) => lhr.audits[id]?.displayValue?.replace(/\u00a0/g, ' ') ?? 'n/a';
    rows.push([kind, path, score('performance'), score('accessibility'), score('best-practices'), score('seo'), metric('largest-contentful-paint'), metric('cumulative-layout-shift'), metric('total-blocking-time')]);
    console.error(`measured ${path}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
const header = ['page', 'path', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'CLS', 'TBT'];
console.log([header, header.map((h) => '-'.repeat(h.length)), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
