// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { readBuildEnvironment } from './src/lib/build-config.ts';
import { segmentPages } from './src/integration.ts';

const env = readBuildEnvironment();

export default defineConfig({
  outDir: env.outDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [mdx(), segmentPages()],
});
