/**
 * `npm run bench:data`: the data tools against what a user would run instead, on one seeded file each,
 * in paired, alternating runs (medians, spread, ratios). A benchmark, not a test: it prints and never
 * fails on a slow result.
 *
 * - assign: `scripts/assign.ts` against DuckDB running the query of `npm run assign -- --sql` end to end
 *   (read_csv, the query, COPY to CSV), a bare csv-parse pass and DuckDB's read_csv handing the rows to
 *   Node (scripts/bench/data-assign.ts);
 * - report: `scripts/report.ts` against DuckDB read_ndjson computing visits and leads per segment ×
 *   persona and a bare JSON.parse pass (scripts/bench/data-report.ts).
 *
 *   npm run bench:data                                 1,000,000 accounts and 1,000,000 visits, 3 rounds
 *   npm run bench:data -- --rows 200000 --visits 200000 --runs 5 --only assign
 *
 * The files are generated once into .build/bench-data/ and reused. Run it on a quiet machine: the
 * ratios are taken round by round, but a busy machine still widens their spread.
 */
import { optionsOrExit } from '../cli.ts';
import { benchAssign, renderBench } from './data-assign.ts';
import { benchReport, renderReportBench } from './data-report.ts';

const usage = 'Usage: npm run bench:data -- [--rows 1000000] [--visits 1000000] [--runs 3] [--only assign|report]';
const values = optionsOrExit(usage, {
  rows: { type: 'string', default: '1000000' },
  visits: { type: 'string', default: '1000000' },
  runs: { type: 'string', default: '3' },
  only: { type: 'string' },
});
const [rows, visits, runs] = [values.rows, values.visits, values.runs].map(Number) as [number, number, number];
if (![rows, visits, runs].every((n) => Number.isSafeInteger(n) && n >= 1) || (values.only !== undefined && values.only !== 'assign' && values.only !== 'report')) {
  console.error(usage);
  process.exit(2);
}

const started = new Date().toISOString().slice(0, 10);
console.log(`Data tools against DuckDB and the parse floor, ${started}, ${runs} rounds each`);
if (values.only !== 'report') {
  console.log('\nassign');
  console.log(renderBench(await benchAssign({ rows, runs, log: (line) => console.error(line) })));
}
if (values.only !== 'assign') {
  console.log('\nreport');
  console.log(renderReportBench(await benchReport({ visits, runs })));
}
