// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { readBuildEnvironment } from './src/lib/build-config.ts';
import { OVERRIDE_MDX_OPTIONS } from './src/lib/mdx-pipeline.ts';
import { segmentPages } from './src/integration.ts';

const env = readBuildEnvironment();

export default defineConfig({
  outDir: env.outDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The page script is served as its own file, cached across pages, rather than inlined into each.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [mdx(OVERRIDE_MDX_OPTIONS), segmentPages()],
});
