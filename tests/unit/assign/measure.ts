/**
 * Throughput and peak memory of `npm run assign` on a large generated export: a measurement to run
 * by hand, not a test (a million rows take about half a minute).
 *   npx node tests/unit/assign/measure.ts [rows, default 1000000] [--messy]
 * Generates the export into a temporary folder, runs scripts/assign.ts on it as `npm run assign`
 * would, and prints rows per second and the process's peak resident memory (maxRSS).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers.ts';
import { writeGenerated } from './duckdb-helpers.ts';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const messy = process.argv.includes('--messy');
const dir = mkdtempSync(join(tmpdir(), 'assign-measure-'));
const file = join(dir, 'accounts.csv');

let started = performance.now();
await writeGenerated(file, { seed: 1, rows, messy });
const size = statSync(file).size;
console.log(`Generated ${rows.toLocaleString('en-US')} rows (${(size / 1e6).toFixed(0)} MB${messy ? ', messy' : ''}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

// The child reports its own peak resident memory as it exits.
const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxRSS "+process.resourceUsage().maxRSS+"\\n"))';
started = performance.now();
const run = spawnSync(process.execPath, ['--import', hook, join('scripts', 'assign.ts'), file, '--out', join(dir, 'assignments.csv'), '--summary', join(dir, 'summary.json')], {
  cwd: PROJECT_ROOT,
  encoding: 'utf8',
  env: { ...process.env, CONTENT_ROOT: '' },
});
const seconds = (performance.now() - started) / 1000;
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const maxRss = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1]) * 1024;
const output = statSync(join(dir, 'assignments.csv')).size;
console.log(run.stdout.split('\n')[0]);
console.log(`npm run assign: ${seconds.toFixed(1)} s wall clock, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, peak memory (maxRSS) ${(maxRss / 1e6).toFixed(0)} MB; output ${(output / 1e6).toFixed(0)} MB.`);
rmSync(dir, { recursive: true, force: true });
