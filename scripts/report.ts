/**
 * `npm run report -- <events file> [--out <dir>] [--min-visits N]`: conversion by segment and by
 * segment × persona from an event export (NDJSON or CSV, see src/lib/tracking/contract.ts). Prints the
 * tables, writes conversion-report.csv and conversion-report.html into the output folder (default
 * .build/report/) and lists the rows it skipped.
 * Exit codes: 0 report written (rows may have been skipped), 1 the file could not be used, 2 wrong usage.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { plural } from '../src/lib/diagnostics.ts';
import { createAggregator, DEFAULT_MIN_VISITS } from '../src/lib/report/aggregate.ts';
import { formatCount } from '../src/lib/report/format.ts';
import { InputFileError } from '../src/lib/input-file.ts';
import { readEventFile } from '../src/lib/report/read-events.ts';
import { renderCsvReport } from '../src/lib/report/render-csv.ts';
import { renderHtmlReport } from '../src/lib/report/render-html.ts';
import { renderSkippedRows, renderTextReport } from '../src/lib/report/render-text.ts';
import { failure, runCommand, shown, usageError } from './cli.ts';

const USAGE = `Usage: npm run report -- <events file> [--out <dir>] [--min-visits N]

  <events file>     event export: .ndjson/.jsonl/.json (one event per line) or .csv (header row)
  --out <dir>       where to write conversion-report.csv and .html (default: .build/report)
  --min-visits N    fewest visits a group needs to be judged (default: ${DEFAULT_MIN_VISITS})`;

interface Options {
  file: string;
  outDir: string;
  minVisits: number;
}

/** The options, or the exit code when there is nothing to run (help shown, or wrong usage). */
function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('report', problem, USAGE);
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, 'min-visits': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) return usage(args.positionals.length ? `expected one events file, got ${args.positionals.length}` : 'no events file given');
  const minVisitsText = args.values['min-visits'];
  const minVisits = minVisitsText === undefined ? DEFAULT_MIN_VISITS : Number(minVisitsText);
  if (!/^\d+$/.test(minVisitsText ?? '1') || !Number.isSafeInteger(minVisits) || minVisits < 1) return usage(`--min-visits must be a whole number of at least 1, got "${minVisitsText}"`);
  if (args.values.out === '') return usage('--out needs a folder');
  return { file: args.positionals[0]!, outDir: resolve(args.values.out ?? join('.build', 'report')), minVisits };
}

const fail = (message: string, hint?: string) => failure('report', message, hint);

async function run({ file, outDir, minVisits }: Options): Promise<number> {
  const started = performance.now();
  const aggregator = createAggregator();
  const read = await readEventFile(file, (event) => aggregator.add(event));
  const skipped = renderSkippedRows(file, read);
  if (read.rows === 0 && !read.stopped) {
    return fail(`${file} is empty: it has no events`, 'Export the events first, or try the report on sample data: npm run sample-events -- --out events.ndjson');
  }
  if (read.events === 0) {
    console.error(skipped);
    const why = read.stopped && read.rows === 0 ? `reading stopped at line ${read.stopped.line}` : `${plural(read.rows, 'row')} read, none usable`;
    return fail(`${file} has no valid events (${why})`, 'Each row must be one event as defined in src/lib/tracking/contract.ts.');
  }
  const report = aggregator.report({ minVisits });
  if (report.total.visits === 0) {
    if (skipped) console.error(skipped);
    return fail(`${file} has ${plural(read.events, 'valid event')} but no landing page visit (a page_view with page_type "landing") and no lead: nothing to report`);
  }

  const csvPath = join(outDir, 'conversion-report.csv');
  const htmlPath = join(outDir, 'conversion-report.html');
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(csvPath, renderCsvReport(report));
    await writeFile(htmlPath, renderHtmlReport(report, { name: file, read }));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    return fail(`cannot write the report into ${shown(outDir)}: ${e.code}${e.path ? ` (${shown(e.path)})` : ''}`, 'Choose another folder with --out.');
  }

  console.log(renderTextReport(report));
  console.log('');
  if (skipped) console.error(`${skipped}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skippedNote = read.badRowCount ? `; ${plural(read.badRowCount, 'row')} skipped` : '';
  const stoppedNote = read.stopped ? `; reading stopped at line ${read.stopped.line}` : '';
  console.log(`Read ${formatCount(read.events)} events from ${file} in ${seconds} s${skippedNote}${stoppedNote}.`);
  console.log(`Wrote ${shown(csvPath)} and ${shown(htmlPath)}.`);
  return 0;
}

await runCommand('report', readOptions, run, (error) => (error instanceof InputFileError ? error : undefined));
