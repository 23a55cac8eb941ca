/**
 * Times `npm run report` over a large sample export against two yardsticks, in alternation so that a
 * busy machine slows all three alike:
 * - report: `node scripts/report.ts <file>`, its text output to /dev/null;
 * - duckdb: DuckDB's read_ndjson computing visits and leads per segment × persona with the report's
 *   definitions (replays dropped by event_id, a visit of a page is a landing page_view, a lead a
 *   generate_lead of a visit of the same page);
 * - parse floor: reading the file in large chunks, splitting on newline bytes and JSON.parse of every
 *   line, nothing else: what any JavaScript reader of NDJSON pays at the least.
 * Each run is its own process, timed from outside with its peak resident memory (/usr/bin/time).
 *
 *   node scripts/bench/data-report.ts [--visits 1000000] [--runs 3] [--seed 42]
 *
 * The file is generated once (`npm run sample-events`, seeded) into .build/bench-data/ and reused.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_DIR = join(ROOT, '.build', 'bench-data');
const SELF = fileURLToPath(import.meta.url);

export const CONTENDERS = ['report', 'duckdb', 'parse-floor'] as const;
export type Contender = (typeof CONTENDERS)[number];

export interface RunFigures {
  seconds: number;
  peakMb: number;
}

export interface ContenderFigures {
  name: Contender;
  runs: RunFigures[];
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  medianPeakMb: number;
  eventsPerSecond: number;
}

export interface BenchResult {
  file: string;
  bytes: number;
  events: number;
  visits: number;
  contenders: ContenderFigures[];
  /** Median seconds of the report over each yardstick's. */
  ratios: { vsDuckdb: number; vsParseFloor: number };
}

/**
 * The DuckDB query: visits and leads per segment × persona, as the report counts them. File order (which
 * copy of a replayed event_id counts) is row_number() over the scan, in the order DuckDB keeps by default;
 * a replay is a copy of its event, so the counts do not hang on it.
 */
export function duckdbQuery(file: string): string {
  const path = file.replaceAll("'", "''");
  return `
WITH raw AS (
  SELECT *, row_number() OVER () AS n
  FROM read_ndjson('${path}', columns = {event: 'VARCHAR', page_type: 'VARCHAR', segment: 'VARCHAR', persona: 'VARCHAR', visit_id: 'VARCHAR', event_id: 'VARCHAR'})
  WHERE (event = 'page_view' AND page_type = 'landing') OR event = 'generate_lead'
),
counted AS (
  SELECT * FROM raw
  QUALIFY event_id IS NULL OR row_number() OVER (PARTITION BY event_id ORDER BY n) = 1
),
per_visit AS (
  SELECT segment, persona, visit_id,
         bool_or(event = 'page_view') AS viewed,
         bool_or(event = 'generate_lead') AS lead
  FROM counted GROUP BY ALL
)
SELECT segment, persona, count(*) AS visits, count(*) FILTER (WHERE lead) AS leads
FROM per_visit WHERE viewed GROUP BY ALL ORDER BY segment, persona`;
}

/** The sample export of `visits` visits, generated once. */
export function ensureSample(visits: number, seed = 42): string {
  const file = join(DATA_DIR, `events-${visits}-seed${seed}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${file}.partial`;
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts', 'sample-events.ts'), '--visits', String(visits), '--seed', String(seed), '--out', partial], { cwd: ROOT, stdio: 'inherit' });
  if (made.status !== 0) throw new Error(`npm run sample-events failed (exit ${made.status})`);
  renameSync(partial, file);
  return file;
}

function commandOf(contender: Contender, file: string, outDir: string): string[] {
  if (contender === 'report') return [process.execPath, join(ROOT, 'scripts', 'report.ts'), file, '--out', outDir];
  return [process.execPath, SELF, `--${contender}`, file];
}

/** One timed run in its own process: wall seconds and peak RSS from /usr/bin/time. */
function timeOnce(command: string[]): RunFigures & { stdout: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB %M', ...command], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
  const peak = /PEAK_KB (\d+)/.exec(run.stderr);
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, stdout: run.stdout };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function benchReport(opts: { visits: number; runs: number; seed?: number }): Promise<BenchResult> {
  const file = ensureSample(opts.visits, opts.seed ?? 42);
  const outDir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  const runs = new Map<Contender, RunFigures[]>(CONTENDERS.map((c) => [c, []]));
  let events = 0;
  for (let i = 0; i < opts.runs; i++) {
    for (const contender of CONTENDERS) {
      const { stdout, ...figures } = timeOnce(commandOf(contender, file, outDir));
      runs.get(contender)!.push(figures);
      if (contender === 'parse-floor') events = Number(/EVENTS (\d+)/.exec(stdout)?.[1] ?? 0);
    }
  }
  const contenders = CONTENDERS.map((name): ContenderFigures => {
    const list = runs.get(name)!;
    const seconds = list.map((r) => r.seconds);
    const medianSeconds = median(seconds);
    return { name, runs: list, medianSeconds, minSeconds: Math.min(...seconds), maxSeconds: Math.max(...seconds), medianPeakMb: median(list.map((r) => r.peakMb)), eventsPerSecond: events / medianSeconds };
  });
  const of = (name: Contender) => contenders.find((c) => c.name === name)!.medianSeconds;
  return { file, bytes: statSync(file).size, events, visits: opts.visits, contenders, ratios: { vsDuckdb: of('report') / of('duckdb'), vsParseFloor: of('report') / of('parse-floor') } };
}

/** The parse floor: large chunks, newline bytes, JSON.parse of each line. Prints the line count. */
async function parseFloor(file: string): Promise<void> {
  let events = 0;
  let rest: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      if (end > start) {
        JSON.parse(bytes.toString('utf8', start, end));
        events++;
      }
      start = end + 1;
    }
    rest = start < bytes.length ? bytes.subarray(start) : undefined;
  }
  if (rest && rest.length) {
    JSON.parse(rest.toString('utf8'));
    events++;
  }
  console.log(`EVENTS ${events}`);
}

async function duckdb(file: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(duckdbQuery(file));
  console.log(`ROWS ${reader.getRows().length}`);
}

export function renderReportBench(result: BenchResult): string {
  const mb = (result.bytes / 1024 / 1024).toFixed(0);
  const lines = [`${result.file}: ${result.visits.toLocaleString('en-US')} visits, ${result.events.toLocaleString('en-US')} events, ${mb} MiB`];
  for (const c of result.contenders) {
    lines.push(
      `${c.name.padEnd(12)} median ${c.medianSeconds.toFixed(2)} s (min ${c.minSeconds.toFixed(2)}, max ${c.maxSeconds.toFixed(2)}), ` +
        `${Math.round(c.eventsPerSecond).toLocaleString('en-US')} events/s, peak ${c.medianPeakMb.toFixed(0)} MB`,
    );
  }
  lines.push(`report / duckdb ${result.ratios.vsDuckdb.toFixed(2)}×, report / parse floor ${result.ratios.vsParseFloor.toFixed(2)}×`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const { values } = parseArgs({ options: { visits: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, duckdb: { type: 'string' }, 'parse-floor': { type: 'string' } } });
  if (values.duckdb) await duckdb(values.duckdb);
  else if (values['parse-floor']) await parseFloor(values['parse-floor']);
  else {
    const visits = Number(values.visits ?? 1_000_000);
    const runs = Number(values.runs ?? 3);
    if (!Number.isSafeInteger(visits) || visits < 1 || !Number.isSafeInteger(runs) || runs < 1) {
      console.error('data-report: --visits and --runs must be whole numbers of at least 1');
      process.exitCode = 2;
    } else console.log(renderReportBench(await benchReport({ visits, runs, ...(values.seed ? { seed: Number(values.seed) } : {}) })));
  }
}
