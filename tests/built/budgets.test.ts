import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDir, read, siteFiles } from './site-files.ts';

/**
 * Visitors from paid campaigns land on a phone: every landing page stays within 20 KB of HTML, CSS
 * and JavaScript gzipped (3 KB of JavaScript), blocks rendering on one same-origin stylesheet at
 * most, and loads no web fonts.
 */
const KB = 1024;
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

describe('page budgets on the sample site', () => {
  it('has landing pages to measure, A/B variants among them', () => {
    expect(landingPages.length).toBeGreaterThanOrEqual(10);
    expect(landingPages).toContain('eu-due-diligence/cpo/short-form/index.html');
  });

  const sizes = landingPages.map((page) => {
    const html = read(files.get(page)!);
    const { stylesheets, scripts } = assetsOf(html);
    const css = stylesheets.reduce((sum, href) => sum + gz(local(href)), 0);
    const js = scripts.reduce((sum, s) => sum + gz(local(s.src)), 0);
    return { page, html: gz(files.get(page)!), css, js, total: gz(files.get(page)!) + css + js };
  });

  it('keeps every landing page within 20 KB gzipped, JavaScript within 3 KB', () => {
    const heaviest = [...sizes].sort((a, b) => b.total - a.total)[0]!;
    console.log(`heaviest landing page: ${heaviest.page} — ${heaviest.total} bytes gzipped (HTML ${heaviest.html}, CSS ${heaviest.css}, JS ${heaviest.js})`);
    for (const s of sizes) {
      expect(s.total, `${s.page}: ${s.total} bytes`).toBeLessThanOrEqual(20 * KB);
      expect(s.js, `${s.page} JavaScript: ${s.js} bytes`).toBeLessThanOrEqual(3 * KB);
    }
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
