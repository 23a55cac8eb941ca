// @ts-check
/**
 * The bare-Astro baseline of the build benchmark: what a developer would write by hand to render the
 * same pages from one JSON file (scripts/bench/README.md). Same Astro as the site (resolved from the
 * project's node_modules), same output settings as astro.config.mjs, no integrations.
 * BENCH_DATA (the JSON), BENCH_OUT_DIR and BENCH_CACHE_DIR are set by scripts/bench/run.ts.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';

const data = process.env.BENCH_DATA;
if (!data) throw new Error('BENCH_DATA must name the site.json written by scripts/bench/generate.ts');
const cacheDir = process.env.BENCH_CACHE_DIR;

export default defineConfig({
  site: JSON.parse(readFileSync(data, 'utf8')).site.url,
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  ...(cacheDir ? { cacheDir: `${cacheDir}/astro` } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 }, ...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}) },
});
