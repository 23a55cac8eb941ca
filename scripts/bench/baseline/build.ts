/**
 * Builds the bare-Astro baseline, the way scripts/build.ts builds the site (programmatic `build()`,
 * log level warn), without our content check or composition. Run by scripts/bench/run.ts:
 *   BENCH_DATA=…/site.json BENCH_OUT_DIR=… node scripts/bench/baseline/build.ts
 */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

const root = fileURLToPath(new URL('.', import.meta.url));
const started = performance.now();
await build({ root, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
console.log(`Baseline built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
