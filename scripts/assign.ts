/**
 * `npm run assign -- <accounts.csv> [--mapping <file>] [--out <file>] [--summary <file>] [--include-drafts] [--json]`:
 * the segment workbench. Streams a CRM account export (CSV) through the segment criteria, writes every
 * account with its segment, all segments it matches and the reasons (default .build/assignments.csv),
 * writes a small summary (default .build/assignment-summary.json) and prints accounts per segment,
 * overlaps, accounts matching none and the rows it could not read.
 *
 * `npm run assign -- --sql [<accounts.csv>] [--dialect duckdb|postgres|snowflake|bigquery]` prints the same
 * assignment as one SQL query over a table `accounts` instead (the CSV, when given, checks the column names).
 *
 * Exit codes: 0 done (rows may have been skipped), 1 the content, mapping or file cannot be used, 2 wrong usage.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { renderAssignText, renderRowProblems } from '../src/lib/assign/render-text.ts';
import { loadAssignSetup, type AssignSetup } from '../src/lib/assign/setup.ts';
import { DIALECTS, compileSql, type DialectName } from '../src/lib/assign/sql.ts';
import { DELIMITER_NAMES, type CsvDelimiter } from '../src/lib/csv.ts';
import { InputFileError } from '../src/lib/input-file.ts';
import { assignAccountFile, readHeader } from '../src/lib/assign/stream.ts';
import { buildSummary, renderSummaryJson } from '../src/lib/assign/summary.ts';
import { checkColumns } from '../src/lib/assign/mapping.ts';
import { plural } from '../src/lib/diagnostics.ts';
import { buildEnvironmentOrExit } from './environment.ts';
import { failure, runCommand, shown, usageError } from './cli.ts';

const USAGE = `Usage: npm run assign -- <accounts.csv> [options]
       npm run assign -- --sql [<accounts.csv>] [--dialect ${DIALECTS.join('|')}] [options]

  <accounts.csv>      CRM account export with a header row; content/workbench.yaml names its columns
  --mapping <file>    another mapping file (default: content/workbench.yaml)
  --out <file>        where to write every account with its segment and reasons (default: .build/assignments.csv);
                      with --sql, where to write the query (default: standard output)
  --summary <file>    where to write the summary (default: .build/assignment-summary.json)
  --include-drafts    count draft segments too, to see how a segment under consideration would land
  --json              print the results as JSON instead of text
  --sql               print one SQL query over a table "accounts" that assigns the same segments
  --dialect <name>    SQL dialect: ${DIALECTS.join(', ')} (default: duckdb)`;

interface Options {
  file?: string;
  mapping?: string;
  out?: string;
  summary: string;
  includeDrafts: boolean;
  json: boolean;
  sql: boolean;
  dialect: DialectName;
}

function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('assign', problem, USAGE);
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        out: { type: 'string' },
        summary: { type: 'string' },
        'include-drafts': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        sql: { type: 'boolean', default: false },
        dialect: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const v = args.values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length > 1) return usage(`expected one accounts file, got ${args.positionals.length}`);
  if (!v.sql && args.positionals.length === 0) return usage('no accounts file given');
  if (v.dialect !== undefined && !v.sql) return usage('--dialect goes with --sql');
  if (v.dialect !== undefined && !(DIALECTS as readonly string[]).includes(v.dialect)) return usage(`unknown dialect "${v.dialect}": use one of ${DIALECTS.join(', ')}`);
  if (v.sql && (v.json || v.summary !== undefined)) return usage('--sql prints a query; --json and --summary go with an assignment run');
  for (const name of ['mapping', 'out', 'summary'] as const) if (v[name] === '') return usage(`--${name} needs a file`);
  const options: Options = {
    summary: resolve(v.summary ?? join('.build', 'assignment-summary.json')),
    includeDrafts: v['include-drafts'],
    json: v.json,
    sql: v.sql,
    dialect: (v.dialect ?? 'duckdb') as DialectName,
  };
  if (args.positionals[0] !== undefined) options.file = args.positionals[0];
  if (v.mapping !== undefined) options.mapping = v.mapping;
  if (v.out !== undefined) options.out = resolve(v.out);
  return options;
}

const fail = (message: string, hint?: string) => failure('assign', message, hint);

function delimiterNote(file: string, delimiter: CsvDelimiter): string {
  return `Read ${file} as ${DELIMITER_NAMES[delimiter]}-separated${delimiter === ';' ? ' (as Excel saves CSV in many European locales)' : ''}: its header has ${delimiter === ';' ? 'semicolons' : 'tabs'} between the columns.`;
}

async function printSql(options: Options, setup: AssignSetup): Promise<number> {
  const mapping = setup.mapping!;
  if (options.file) {
    const read = await readHeader(options.file);
    if (read.stopped) return fail(`${options.file}:${read.stopped.line} ${read.stopped.reason}`, read.stopped.hint);
    if (read.delimiter !== ',') console.error(delimiterNote(options.file, read.delimiter));
    const missing = checkColumns(mapping.entry, read.header, options.file);
    if (missing.length) {
      console.error(formatProblemsText(missing));
      return fail(`${plural(missing.length, 'column')} of ${mapping.entry.file} ${missing.length === 1 ? 'is' : 'are'} not in ${options.file}`);
    }
  }
  const sql = compileSql(mapping, setup.segments, {
    dialect: options.dialect,
    comment: [
      `Segment assignment generated by \`npm run assign -- --sql\` from ${mapping.entry.file} and ${plural(setup.segments.length, setup.includeDrafts ? 'active or draft segment' : 'active segment')} (content version ${setup.contentVersion}).`,
      'Replace "accounts" with your table; its columns are the export\'s, loaded as text.',
    ],
  });
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, sql);
    console.error(`Wrote ${shown(options.out)}.`);
  } else process.stdout.write(sql);
  return 0;
}

async function run(options: Options): Promise<number> {
  const started = performance.now();
  const env = buildEnvironmentOrExit();
  const loaded = await loadAssignSetup(env.contentRoot, { ...(options.mapping ? { mappingPath: options.mapping } : {}), includeDrafts: options.includeDrafts, requireMapping: true });
  if (!loaded.ok) {
    // A mapping passed with --mapping may live anywhere: its problems point at the mapping's guide section all the same.
    const mappingDocs = 'docs/workbench.md#workbench-mapping';
    console.error(formatProblemsText(loaded.diagnostics.map((d) => (options.mapping && d.file === options.mapping ? { ...d, docs: mappingDocs } : d))));
    return fail('the segments or the mapping have errors; nothing was assigned', 'Fix the problems above (npm run check lists every problem in the content).');
  }
  const setup = loaded.setup;
  // Warnings come after any error that stops the run, so that error is what the reader sees first.
  const warnings = setup.warnings.length ? `${formatProblemsText(setup.warnings)}\n` : '';
  if (options.sql) {
    const code = await printSql(options, setup);
    if (code === 0 && warnings) console.error(warnings);
    return code;
  }
  if (setup.segments.length === 0) return fail(`no segment is ${setup.includeDrafts ? 'active or draft' : 'active'}: there is nothing to assign accounts to`, setup.includeDrafts ? undefined : 'Set a segment to status: active, or try --include-drafts.');

  const file = options.file!;
  const out = options.out ?? resolve(join('.build', 'assignments.csv'));
  const partial = `${out}.partial`;
  await mkdir(dirname(out), { recursive: true });
  const sink = createWriteStream(partial);
  const sinkError = once(sink, 'error').then(([error]) => Promise.reject(error as Error));
  sinkError.catch(() => undefined);
  let outcome;
  try {
    outcome = await assignAccountFile(file, {
      mapping: setup.mapping!,
      segments: setup.segments,
      csvName: file,
      write: async (chunk) => {
        if (!sink.write(chunk)) await Promise.race([once(sink, 'drain'), sinkError]);
      },
    });
    sink.end();
    await Promise.race([once(sink, 'finish'), sinkError]);
  } catch (error) {
    sink.destroy();
    await rm(partial, { force: true });
    const e = error as NodeJS.ErrnoException;
    if (error instanceof InputFileError || !e.code) throw error;
    return fail(`cannot write ${shown(out)}: ${e.code}`, 'Choose another file with --out.');
  }
  if (!outcome.ok) {
    await rm(partial, { force: true });
    console.error(formatProblemsText(outcome.diagnostics));
    return fail(`${plural(outcome.diagnostics.length, 'column')} of ${setup.mapping!.entry.file} ${outcome.diagnostics.length === 1 ? 'is' : 'are'} not in ${file}; nothing was assigned`, `Correct the column names in ${setup.mapping!.entry.file}, or pass another mapping with --mapping.`);
  }
  const result = outcome.run;
  const problems = renderRowProblems(result, file);
  if (result.stopped) {
    await rm(partial, { force: true });
    if (problems) console.error(problems);
    return fail(`stopped reading ${file} at line ${result.stopped.line}; nothing was written`, 'Fix the file where the message above says and run again.');
  }
  if (outcome.header.length === 0) {
    await rm(partial, { force: true });
    return fail(`${file} is empty: it has no header row and no accounts`);
  }
  if (result.read === 0) {
    await rm(partial, { force: true });
    if (problems) console.error(problems);
    return fail(`${file} has no account that could be read (${plural(result.rows, 'row')} after the header)`);
  }
  const summary = buildSummary({
    run: result,
    fileName: basename(file),
    mappingFile: setup.mapping!.entry.file,
    contentVersion: setup.contentVersion,
    criteriaVersion: setup.criteriaVersion,
    includeDrafts: setup.includeDrafts,
  });
  let writing = out;
  try {
    await rename(partial, out);
    writing = options.summary;
    await mkdir(dirname(options.summary), { recursive: true });
    await writeFile(options.summary, renderSummaryJson(summary));
  } catch (error) {
    await rm(partial, { force: true });
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    return fail(`cannot write ${shown(writing)}: ${e.code}`, `Choose another file with ${writing === out ? '--out' : '--summary'}.`);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (options.json) {
    const report = {
      summary,
      overlapExamples: result.overlapSamples,
      unassignedExamples: result.unassignedSamples,
      unreadableRows: result.unreadable.rows,
      valueProblems: result.valueProblems.samples,
      valueProblemCounts: result.valueProblems.byCode,
      unknownValues: result.unknownValues,
      delimiter: DELIMITER_NAMES[result.delimiter],
      warnings: setup.warnings,
      output: shown(out),
    };
    console.log(JSON.stringify(report, null, 2));
  } else {
    if (result.delimiter !== ',') console.log(delimiterNote(file, result.delimiter));
    console.log(renderAssignText(result, { csvName: file, seconds, counted: setup.includeDrafts ? 'active and draft segments' : 'active segments' }));
    console.log('');
    if (warnings) console.error(warnings);
    if (problems) console.error(`${problems}\n`);
    console.log(`Wrote ${shown(out)} and ${shown(options.summary)}.`);
  }
  return 0;
}

await runCommand('assign', readOptions, run, (error) => (error instanceof InputFileError ? error : undefined));
