/**
 * Serves the built site locally: `npm run serve` (after `npm run build`).
 * Environment: OUT_DIR (default dist), PORT (default 4321), HOST (default 127.0.0.1), BASE_PATH.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteLocation } from '../src/lib/build-config.ts';
import { createStaticServer } from '../src/lib/serve/static-server.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const env = buildEnvironmentOrExit();
if (!existsSync(join(env.outDir, 'index.html'))) {
  console.error(`There is no built site in ${env.outDir}. Run "npm run build" first.`);
  process.exit(1);
}
const { basePath } = await readSiteLocation(env);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
createStaticServer({ dir: env.outDir, basePath })
  .listen(port, host, () => console.log(`Serving ${env.outDir} at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${basePath}  (Ctrl+C to stop)`))
  .on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another one.` : error.message);
    process.exit(1);
  });
