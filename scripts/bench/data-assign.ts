/**
 * Speed and peak memory of `npm run assign` on a large generated export, against three yardsticks on the
 * same file: DuckDB running the query of `npm run assign -- --sql` end to end (read_csv, the query,
 * COPY to CSV), a bare csv-parse pass (the floor for any reader of the file in Node), and DuckDB's
 * read_csv handing every row to Node (the floor for an assign that let DuckDB read the file and wrote
 * its own output in Node, as byte-identical output needs: the reasons and notes are written in Node).
 * A benchmark, not a test: it prints and never fails on a slow result.
 *
 *   npx node scripts/bench/data-assign.ts [--rows 1000000] [--runs 3]
 *
 * The export is generated once (seeded) into .build/bench-data/ and reused. The three commands run in
 * turn, one after the other in each round, so a machine that slows down during the call slows all three
 * alike; the ratios are taken round by round. Every command runs as its own Node process, started the
 * same way (node directly, no npm), and reports its own peak resident memory (maxRSS) as it exits.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { generateAccountCsv } from '../../src/lib/assign/generate.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DATA = join(ROOT, '.build', 'bench-data');

export interface BenchCommand {
  name: string;
  /** Wall seconds and peak memory (bytes) of each run. */
  runs: { seconds: number; maxRss: number }[];
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  rowsPerSecond: number;
  medianMaxRss: number;
}

export interface BenchResult {
  rows: number;
  bytes: number;
  commands: BenchCommand[];
  /** Median over rounds of assign's time divided by each yardstick's, round by round. */
  ratios: { vs: string; median: number; min: number; max: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The seeded export of `rows` accounts, generated once. */
export async function benchFile(rows: number): Promise<string> {
  const file = join(DATA, `accounts-${rows}.csv`);
  if (existsSync(file)) return file;
  await mkdir(DATA, { recursive: true });
  const out = createWriteStream(`${file}.partial`);
  for (const line of generateAccountCsv({ seed: 1, rows })) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  await rename(`${file}.partial`, file);
  return file;
}

// The child reports its own peak resident memory as it exits.
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxRSS "+process.resourceUsage().maxRSS+"\\n"))';

function timeNode(args: string[]): Promise<{ seconds: number; maxRss: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`));
      done({ seconds, maxRss: Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? 0) * 1024 });
    });
  });
}

/** The three commands, as argument lists for node. */
function commands(file: string, sqlFile: string): { name: string; args: string[] }[] {
  const out = join(DATA, 'out');
  return [
    { name: 'npm run assign', args: [join('scripts', 'assign.ts'), file, '--out', join(out, 'assignments.csv'), '--summary', join(out, 'summary.json')] },
    { name: 'DuckDB (read_csv, query, COPY)', args: [join('scripts', 'bench', 'data-assign.ts'), '--child', 'duckdb', file, sqlFile, join(out, 'duckdb.csv')] },
    { name: 'csv-parse alone', args: [join('scripts', 'bench', 'data-assign.ts'), '--child', 'parse', file] },
    { name: 'DuckDB read_csv into Node', args: [join('scripts', 'bench', 'data-assign.ts'), '--child', 'duckdb-read', file] },
  ];
}

async function writeSql(): Promise<string> {
  const sqlFile = join(DATA, 'assign.sql');
  await timeNode([join('scripts', 'assign.ts'), '--sql', '--out', sqlFile]);
  return sqlFile;
}

export async function benchAssign(opts: { rows: number; runs: number; log?: (line: string) => void }): Promise<BenchResult> {
  const log = opts.log ?? (() => undefined);
  const file = await benchFile(opts.rows);
  await mkdir(join(DATA, 'out'), { recursive: true });
  const sqlFile = await writeSql();
  const list = commands(file, sqlFile);
  const runs = list.map(() => [] as { seconds: number; maxRss: number }[]);
  for (let round = 0; round < opts.runs; round++) {
    for (const [i, c] of list.entries()) {
      const r = await timeNode(c.args);
      runs[i]!.push(r);
      log(`round ${round + 1}: ${c.name} ${r.seconds.toFixed(2)} s, ${(r.maxRss / 1e6).toFixed(0)} MB`);
    }
  }
  const result: BenchResult = {
    rows: opts.rows,
    bytes: statSync(file).size,
    commands: list.map((c, i) => {
      const secs = runs[i]!.map((r) => r.seconds);
      const m = median(secs);
      return { name: c.name, runs: runs[i]!, medianSeconds: m, minSeconds: Math.min(...secs), maxSeconds: Math.max(...secs), rowsPerSecond: opts.rows / m, medianMaxRss: median(runs[i]!.map((r) => r.maxRss)) };
    }),
    ratios: [],
  };
  for (let i = 1; i < list.length; i++) {
    const pairs = runs[0]!.map((r, k) => r.seconds / runs[i]![k]!.seconds);
    result.ratios.push({ vs: list[i]!.name, median: median(pairs), min: Math.min(...pairs), max: Math.max(...pairs) });
  }
  await rm(join(DATA, 'out'), { recursive: true, force: true });
  return result;
}

export function renderBench(result: BenchResult): string {
  const lines = [`${result.rows.toLocaleString('en-US')} rows (${(result.bytes / 1e6).toFixed(0)} MB), ${result.commands[0]!.runs.length} rounds:`];
  for (const c of result.commands) {
    lines.push(
      `  ${c.name.padEnd(34)} median ${c.medianSeconds.toFixed(2)} s (min ${c.minSeconds.toFixed(2)}, max ${c.maxSeconds.toFixed(2)}), ${Math.round(c.rowsPerSecond).toLocaleString('en-US')} rows/s, peak memory ${(c.medianMaxRss / 1e6).toFixed(0)} MB`,
    );
  }
  for (const r of result.ratios) lines.push(`  assign / ${r.vs}: ${r.median.toFixed(2)} (rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)})`);
  return lines.join('\n');
}

/** The DuckDB yardstick: the generated query over the CSV, its result copied to a CSV file. */
async function runDuckdb(file: string, sqlFile: string, out: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const sql = (await readFile(sqlFile, 'utf8')).trim().replace(/;$/, '');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
  await connection.run(`CREATE TABLE accounts AS SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`);
  await connection.run(`COPY (${sql}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
  connection.closeSync();
  instance.closeSync();
}

/** Every row of the file read by DuckDB and handed to Node as an array of strings, nothing done with it. */
async function runDuckdbRead(file: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const result = await connection.stream(`SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`);
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const columns = chunk.getColumns() as (string | null)[][];
    for (let i = 0; i < chunk.rowCount; i++) if (columns.map((c) => c[i] ?? '').length) rows++;
  }
  connection.closeSync();
  instance.closeSync();
  if (rows === 0) throw new Error('no rows');
}

/** The floor: every row of the file through csv-parse, nothing done with it. */
async function runParse(file: string): Promise<void> {
  let rows = 0;
  for await (const _ of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }))) rows++;
  if (rows === 0) throw new Error('no rows');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, child: { type: 'string' } } });
  if (values.child === 'duckdb') await runDuckdb(positionals[0]!, positionals[1]!, positionals[2]!);
  else if (values.child === 'parse') await runParse(positionals[0]!);
  else if (values.child === 'duckdb-read') await runDuckdbRead(positionals[0]!);
  else {
    const rows = Number(values.rows);
    const runs = Number(values.runs);
    if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) {
      console.error('Usage: npx node scripts/bench/data-assign.ts [--rows N] [--runs N]');
      process.exitCode = 2;
    } else {
      const result = await benchAssign({ rows, runs, log: (line) => console.error(line) });
      console.log(renderBench(result));
    }
  }
}
