// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { OVERRIDE_MDX_OPTIONS } from './src/lib/mdx-pipeline.ts';
import { segmentPages } from './src/integration.ts';

export default defineConfig({
  // `npm run build` checks OUT_DIR, builds into a staging folder it passes to Astro and only then
  // moves the site to OUT_DIR (scripts/build.ts). Astro empties its outDir before building, so a
  // bare `astro build` writes here, never over OUT_DIR unchecked.
  outDir: './.build/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The page script is served as its own file, cached across pages, rather than inlined into each.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [mdx(OVERRIDE_MDX_OPTIONS), segmentPages()],
});
