import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDir, read, siteFiles } from './site-files.ts';

/**
 * Visitors from paid campaigns land on a phone: every landing page stays within 20 KB of HTML, CSS
 * and JavaScript gzipped (3 KB of JavaScript loaded up front), blocks rendering on one same-origin
 * stylesheet at most, and loads no web fonts. Script a page fetches only later (the ad platforms'
 * tags, after advertising consent) has its own budget of 1.5 KB.
 */
const KB = 1024;
const ON_DEMAND_BUDGET = 1.5 * KB;
const dir = builtDir('sample');
const files = siteFiles(dir);
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
// Landing pages and their A/B variants (one level below them), which have the same budgets.
const landingPages = [...files.keys()].filter((f) => /^[^/]+\/[^/]+\/(?:[^/]+\/)?index\.html$/.test(f) && !f.includes('/faq/') && !f.startsWith('segments/'));

function assetsOf(html: string) {
  const head = html.slice(0, html.indexOf('</head>'));
  const stylesheets = [...head.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => ({ tag: m[0], src: m[1]! }));
  return { head, stylesheets, scripts };
}

const local = (href: string) => join(dir, href.replace(/^\//, ''));
const siteRelative = (path: string) => relative(dir, path).split(sep).join('/');

/** Static imports of a built module (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`): they load with it. */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g;
/** Any other script file a module names (`import("./x.js")`, a script element's `src`): loaded later, if ever. */
const SCRIPT_REFERENCE = /["'`]([^"'`\s]+\.js)["'`]/g;

/**
 * The script files a page loads up front (its module scripts and everything they import statically)
 * and the ones those only name, to fetch on demand.
 */
function scriptGraph(srcs: string[]) {
  const upFront = new Set<string>();
  const named = new Set<string>();
  const visit = (file: string) => {
    if (upFront.has(file)) return;
    upFront.add(file);
    const code = read(file);
    const resolve = (ref: string) => (ref.startsWith('/') ? local(ref) : join(dirname(file), ref));
    const imports = [...code.matchAll(STATIC_IMPORT)].map((m) => resolve(m[1]!));
    for (const ref of code.matchAll(SCRIPT_REFERENCE)) named.add(resolve(ref[1]!));
    for (const imported of imports) visit(imported);
  };
  for (const src of srcs) visit(local(src));
  const onDemand = [...named].filter((file) => !upFront.has(file) && existsSync(file));
  return { upFront: [...upFront], onDemand };
}

describe('page budgets on the sample site', () => {
  it('has landing pages to measure, A/B variants among them', () => {
    expect(landingPages.length).toBeGreaterThanOrEqual(10);
    expect(landingPages).toContain('eu-due-diligence/cpo/short-form/index.html');
  });

  const sizes = landingPages.map((page) => {
    const html = read(files.get(page)!);
    const { stylesheets, scripts } = assetsOf(html);
    const css = stylesheets.reduce((sum, href) => sum + gz(local(href)), 0);
    const graph = scriptGraph(scripts.map((s) => s.src));
    const js = graph.upFront.reduce((sum, file) => sum + gz(file), 0);
    return { page, html: gz(files.get(page)!), css, js, graph, total: gz(files.get(page)!) + css + js };
  });
  const describeFiles = (list: string[]) => list.map((file) => `${siteRelative(file)} ${gz(file)}`).join(', ');

  it('keeps every landing page within 20 KB gzipped, JavaScript loaded up front within 3 KB', () => {
    const heaviest = [...sizes].sort((a, b) => b.total - a.total)[0]!;
    console.log(`heaviest landing page: ${heaviest.page} — ${heaviest.total} bytes gzipped (HTML ${heaviest.html}, CSS ${heaviest.css}, JS ${heaviest.js}: ${describeFiles(heaviest.graph.upFront)})`);
    for (const s of sizes) {
      expect(s.total, `${s.page}: ${s.total} bytes`).toBeLessThanOrEqual(20 * KB);
      expect(s.js, `${s.page} JavaScript loaded up front (${describeFiles(s.graph.upFront)})`).toBeLessThanOrEqual(3 * KB);
    }
  });

  it('fetches the ad platforms’ tags only on demand, within 1.5 KB gzipped', () => {
    // The sample configures ad platforms, so every landing page names their tags without loading them.
    for (const s of sizes) {
      expect(s.graph.onDemand.map(siteRelative), s.page).toEqual([expect.stringMatching(/^_astro\/vendors-[\w-]+\.js$/)]);
      for (const file of s.graph.onDemand) expect(gz(file), `${s.page}: ${siteRelative(file)}`).toBeLessThanOrEqual(ON_DEMAND_BUDGET);
    }
    console.log(`on demand, after advertising consent: ${describeFiles(sizes[0]!.graph.onDemand)}`);
  });

  it('keeps the HTML and CSS of every landing page within 14 KB gzipped: the first screen arrives in the first round trips', () => {
    for (const s of sizes) expect(s.html + s.css, `${s.page}: HTML ${s.html} + CSS ${s.css} bytes`).toBeLessThanOrEqual(14 * KB);
  });

  it('blocks rendering on one same-origin stylesheet at most, and on no script', () => {
    for (const page of [...files.keys()].filter((f) => f.endsWith('.html'))) {
      const html = read(files.get(page)!);
      const { head, stylesheets, scripts } = assetsOf(html);
      expect(stylesheets.length, page).toBeLessThanOrEqual(1);
      for (const href of stylesheets) expect(href.startsWith('/'), `${page}: ${href}`).toBe(true);
      for (const script of scripts) expect(/type="module"|\basync\b|\bdefer\b/.test(script.tag), `${page}: ${script.tag}`).toBe(true);
      expect(/<link[^>]+rel="preload"[^>]+as="font"/.test(head), page).toBe(false);
    }
  });

  it('uses the system font stack: no web fonts', () => {
    for (const [name, path] of files) {
      if (!name.endsWith('.css')) continue;
      const css = read(path);
      expect(css, name).not.toMatch(/@font-face|@import|\.woff2?\b|fonts\.googleapis/);
    }
  });

  it('gives every image its size, and loads images below the fold lazily', () => {
    for (const page of [...files.keys()].filter((f) => f.endsWith('.html'))) {
      const html = read(files.get(page)!);
      // The hero is the first screen (its logos are the first screen's proof): everything after it is below the fold.
      const heroEnd = html.search(/<section class="hero\b[\s\S]*?<\/section>/) === -1 ? 0 : html.indexOf('</section>', html.search(/<section class="hero\b/));
      for (const match of html.matchAll(/<img\b[^>]*>/g)) {
        const img = match[0];
        expect(/\bwidth="\d+"/.test(img) && /\bheight="\d+"/.test(img), `${page}: ${img}`).toBe(true);
        if (match.index > heroEnd) expect(img, page).toMatch(/loading="lazy"/);
      }
    }
  });
});
