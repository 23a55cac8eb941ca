/**
 * `npm run report -- <events file> [--out <dir>] [--min-visits N] [--content <dir>] [--crm <export.csv>]`: conversion by
 * segment, by segment × persona, by channel, by campaign and by variant from an event export (NDJSON or
 * CSV, see src/lib/tracking/contract.ts), counted as src/lib/report/aggregate.ts defines. Prints the tables, writes conversion-report.csv and
 * conversion-report.html into the output folder (default .build/report/) and lists the rows it skipped.
 * Only the landing pages of the content (CONTENT_ROOT, or --content) are counted; events of any other
 * segment × persona are summed up in one line. Each page variant is set against its page's control,
 * with the planned sizes of content/variants (src/lib/report/variant-control.ts). With --crm, the leads are joined to a CRM export of
 * leads and opportunities (mapped by content/crm.yaml): a table from lead to pipeline is printed,
 * written as crm-pipeline.csv and added to the HTML.
 * Exit codes: 0 report written (rows may have been skipped), 1 the file or the content could not be
 * used (nothing written), 2 wrong usage.
 *
 * `npm run report -- --sql [--dialect bigquery|duckdb] [--table <name>]` prints the same report as one
 * SQL query over the GA4 BigQuery export instead (no events file then); see src/lib/report/sql.ts.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnosticText, plural, summarize } from '../src/lib/diagnostics.ts';
import { createAggregator, DEFAULT_MAX_VISITS, DEFAULT_MIN_VISITS, EVENT_IDS_PER_VISIT, leadKey, VisitLimitError } from '../src/lib/report/aggregate.ts';
import { formatCount, unknownSummary } from '../src/lib/report/format.ts';
import { countPages, loadKnownPages } from '../src/lib/report/known-pages.ts';
import { InputFileError } from '../src/lib/input-file.ts';
import { CRM_MAPPING_FILE, loadCrmMapping, readCrmFile, type CrmRead } from '../src/lib/report/crm-export.ts';
import { joinPipeline } from '../src/lib/report/pipeline.ts';
import { renderCrmSkippedRows, renderPipelineCsv, renderPipelineHtml, renderPipelineText } from '../src/lib/report/render-pipeline.ts';
import { readEventFile } from '../src/lib/report/read-events.ts';
import { loadVariantFiles } from '../src/lib/report/variant-files.ts';
import { renderCsvReport } from '../src/lib/report/render-csv.ts';
import { renderHtmlReport } from '../src/lib/report/render-html.ts';
import { renderSkippedRows, renderTextReport } from '../src/lib/report/render-text.ts';
import { compileReportSql, DEFAULT_EVENTS_TABLE, REPORT_SQL_DIALECTS, TABLE_NAME_PATTERN, type ReportSqlDialect } from '../src/lib/report/sql.ts';
import { failure, runCommand, shown, usageError } from './cli.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const USAGE = `Usage: npm run report -- <events file> [--out <dir>] [--min-visits N] [--content <dir>] [--crm <export.csv>]
       npm run report -- --sql [--dialect ${REPORT_SQL_DIALECTS.join('|')}] [--table <name>] [--min-visits N] [--content <dir>]

  <events file>     event export: .ndjson/.jsonl/.json (one event per line) or .csv (header row), UTF-8
  --out <dir>       where to write conversion-report.csv and .html (default: .build/report)
  --min-visits N    fewest visits a group needs to be judged (default: ${DEFAULT_MIN_VISITS})
  --content <dir>   the content whose landing pages count (default: CONTENT_ROOT, or this folder)
  --max-visits N    most distinct visits kept in memory, about 150 bytes each (default: ${formatCount(DEFAULT_MAX_VISITS)})
  --crm <file>      a CRM export (CSV) of leads and opportunities: adds leads → opportunities → wins per
                    segment × persona × channel, and crm-pipeline.csv (columns: ${CRM_MAPPING_FILE})
  --sql             print one SQL query over the GA4 BigQuery export that computes the report, instead
  --dialect <name>  with --sql: ${REPORT_SQL_DIALECTS.join(' or ')} (default: bigquery)
  --table <name>    with --sql: the export's dataset for BigQuery (default: ${DEFAULT_EVENTS_TABLE.bigquery}),
                    the table or view for DuckDB (default: ${DEFAULT_EVENTS_TABLE.duckdb})`;

interface Options {
  file: string;
  outDir: string;
  minVisits: number;
  maxVisits: number;
  /** Set by --content; otherwise CONTENT_ROOT decides. */
  contentRoot?: string;
  /** Set by --sql: print the query instead of reading a file. */
  sql?: { dialect: ReportSqlDialect; table?: string };
  /** Set by --crm. */
  crm?: string;
}

/** The options, or the exit code when there is nothing to run (help shown, or wrong usage). */
function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('report', problem, USAGE);
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, 'min-visits': { type: 'string' }, 'max-visits': { type: 'string' }, content: { type: 'string' }, crm: { type: 'string' }, sql: { type: 'boolean' }, dialect: { type: 'string' }, table: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const sql = readSqlOptions(args.values, args.positionals.length);
  if (typeof sql === 'string') return usage(sql);
  if (!sql && args.positionals.length !== 1) return usage(args.positionals.length ? `expected one events file, got ${args.positionals.length}` : 'no events file given');
  const minVisitsText = args.values['min-visits'];
  const minVisits = minVisitsText === undefined ? DEFAULT_MIN_VISITS : Number(minVisitsText);
  if (!/^\d+$/.test(minVisitsText ?? '1') || !Number.isSafeInteger(minVisits) || minVisits < 1) return usage(`--min-visits must be a whole number of at least 1, got "${minVisitsText}"`);
  const maxVisitsText = args.values['max-visits'];
  const maxVisits = maxVisitsText === undefined ? DEFAULT_MAX_VISITS : Number(maxVisitsText);
  if (!/^\d+$/.test(maxVisitsText ?? '1') || !Number.isSafeInteger(maxVisits) || maxVisits < 1) return usage(`--max-visits must be a whole number of at least 1, got "${maxVisitsText}"`);
  if (args.values.out === '') return usage('--out needs a folder');
  if (args.values.content === '') return usage('--content needs a folder');
  if (args.values.crm === '') return usage('--crm needs a CRM export file');
  if (sql && args.values.crm !== undefined) return usage('--crm joins the leads of an events file; with --sql there is none');
  const options: Options = { file: args.positionals[0] ?? '', outDir: resolve(args.values.out ?? join('.build', 'report')), minVisits, maxVisits };
  if (args.values.content !== undefined) options.contentRoot = resolve(args.values.content);
  if (sql) options.sql = sql;
  if (args.values.crm !== undefined) options.crm = args.values.crm;
  return options;
}

/** The --sql options; undefined without --sql, a usage problem as a string. */
function readSqlOptions(values: { sql?: boolean; dialect?: string; table?: string; out?: string; 'max-visits'?: string }, positionals: number): Options['sql'] | string | undefined {
  if (!values.sql) {
    if (values.dialect !== undefined) return '--dialect goes with --sql';
    if (values.table !== undefined) return '--table goes with --sql';
    return undefined;
  }
  if (positionals > 0) return '--sql prints a query for the warehouse and reads no events file: leave the file out';
  if (values.out !== undefined) return '--sql prints the query on standard output: redirect it instead of --out (npm run report -- --sql > report.sql)';
  if (values['max-visits'] !== undefined) return '--max-visits bounds the memory of a file report; the warehouse needs no such bound with --sql';
  const dialect = values.dialect ?? 'bigquery';
  if (!(REPORT_SQL_DIALECTS as readonly string[]).includes(dialect)) return `unknown dialect "${dialect}": use ${REPORT_SQL_DIALECTS.join(' or ')}`;
  if (values.table !== undefined && !TABLE_NAME_PATTERN.test(values.table)) {
    return `--table "${values.table}" is not a ${dialect === 'bigquery' ? 'dataset like my-project.analytics_123456789' : 'table name like events or main.events'} (letters, digits, _ and -, parts joined by dots)`;
  }
  return { dialect: dialect as ReportSqlDialect, ...(values.table === undefined ? {} : { table: values.table }) };
}

/** --sql: the report as one query over the GA4 export, for the content's landing pages. */
async function printSql({ sql, minVisits, contentRoot }: Options & { sql: NonNullable<Options['sql']> }): Promise<number> {
  const root = contentRoot ?? buildEnvironmentOrExit().contentRoot;
  const known = await loadKnownPages(root);
  if (!known.ok) {
    console.error(formatProblemsText(known.diagnostics));
    return fail(`the segments in ${shown(root)} have ${summarize(known.diagnostics)}: the query would not know which pages count`, 'Fix them first (npm run check).');
  }
  if (known.pages.size === 0) {
    return fail(`${shown(root)} has no segments (no segments/*.yaml): the query counts only the landing pages the content defines`, 'Run the report in the project folder, or name the content with --content <dir> or CONTENT_ROOT.');
  }
  const variantFiles = await loadVariantFiles(root, known.pages);
  if (!variantFiles.ok) {
    console.error(formatProblemsText(variantFiles.diagnostics));
    return fail(`the page variants in ${shown(root)} have ${summarize(variantFiles.diagnostics)}: the query cannot tell each page's control or the size its test was planned for`, 'Fix them first (npm run check).');
  }
  const comment = [`Conversion report generated by \`npm run report -- --sql\` for the ${plural(countPages(known.pages), 'landing page')} of the content's segments.`];
  process.stdout.write(compileReportSql({ dialect: sql.dialect, pages: known.pages, minVisits, comment, defaultLocale: known.defaultLocale, variants: variantFiles.pages, ...(sql.table === undefined ? {} : { table: sql.table }) }));
  return 0;
}

const fail = (message: string, hint?: string) => failure('report', message, hint);

async function run(options: Options): Promise<number> {
  if (options.sql) return printSql({ ...options, sql: options.sql });
  const { file, outDir, minVisits, maxVisits, contentRoot, crm } = options;
  const started = performance.now();
  const root = contentRoot ?? buildEnvironmentOrExit().contentRoot;
  const known = await loadKnownPages(root);
  if (!known.ok) {
    console.error(formatProblemsText(known.diagnostics));
    return fail(`the segments in ${shown(root)} have ${summarize(known.diagnostics)}: the report cannot tell their pages from invented ones`, 'Fix them first (npm run check).');
  }
  if (known.pages.size === 0) {
    return fail(`${shown(root)} has no segments (no segments/*.yaml): the report counts only the landing pages the content defines`, 'Run the report in the project folder, or name the content with --content <dir> or CONTENT_ROOT.');
  }
  const variantFiles = await loadVariantFiles(root, known.pages);
  if (!variantFiles.ok) {
    console.error(formatProblemsText(variantFiles.diagnostics));
    return fail(`the page variants in ${shown(root)} have ${summarize(variantFiles.diagnostics)}: the report cannot tell each page's control or the size its test was planned for`, 'Fix them first (npm run check).');
  }
  // The CRM export is read before the events, so that a problem with it stops the run before a long read.
  let crmRead: CrmRead | undefined;
  let crmCurrency = '';
  if (crm !== undefined) {
    const loaded = await loadCrmMapping(root);
    if (!loaded.ok) {
      console.error(formatProblemsText(loaded.diagnostics));
      return fail(`${shown(join(root, CRM_MAPPING_FILE))} has ${summarize(loaded.diagnostics)}: the CRM export cannot be read without it`, 'Fix it first (npm run check).');
    }
    const outcome = await readCrmFile(crm, loaded.mapping);
    if (!outcome.ok) {
      console.error(formatProblemsText(outcome.diagnostics));
      return fail(`${crm} cannot be joined to the leads, so no report was written`, `Name the export's columns in ${shown(join(root, CRM_MAPPING_FILE))}, or export the columns it names.`);
    }
    if (outcome.read.stopped) {
      const skipped = renderCrmSkippedRows(crm, outcome.read);
      if (skipped) console.error(skipped);
      console.error(formatDiagnosticText({ severity: 'error', rule: 'stopped', file: crm, line: outcome.read.stopped.line, message: outcome.read.stopped.reason, hint: outcome.read.stopped.hint }));
      return fail(`reading ${crm} stopped at line ${outcome.read.stopped.line}, so no report was written: a pipeline of part of the export would look complete`);
    }
    crmRead = outcome.read;
    crmCurrency = loaded.mapping.data.currency;
  }
  const aggregator = createAggregator({ pages: known.pages, maxVisits, keepLeadIds: crmRead !== undefined, defaultLocale: known.defaultLocale });
  let read;
  try {
    read = await readEventFile(file, (event, line) => aggregator.add(event, line));
  } catch (error) {
    if (!(error instanceof VisitLimitError)) throw error;
    const where = `${file}${error.line === undefined ? '' : `:${error.line}`}`;
    if (error.kind === 'event ids') {
      return fail(
        `${where} goes past ${formatCount(error.limit)} distinct event ids of landing page views and leads (${EVENT_IDS_PER_VISIT} per visit allowed by --max-visits), so no report was written: every event id is kept in memory to drop replays, and an export with more than that would take memory without bound`,
        `If this machine has the memory (about 50 bytes an event id), raise the limit with --max-visits N; or split the export by date and report each part.`,
      );
    }
    return fail(
      `${where} goes past ${formatCount(error.limit)} distinct visits, so no report was written: every visit is kept in memory, and an export with more than that would take memory without bound`,
      `If this machine has the memory (about 150 bytes a visit), raise the limit with --max-visits N; or split the export by date and report each part.`,
    );
  }
  const skipped = renderSkippedRows(file, read);
  if (read.stopped) {
    console.error(skipped);
    return fail(`reading ${file} stopped at line ${read.stopped.line}, so no report was written: a report of part of the file would look complete`);
  }
  if (read.rows === 0) {
    return fail(`${file} is empty: it has no events`, 'Export the events first, or try the report on sample data: npm run sample-events -- --out events.ndjson');
  }
  if (read.events === 0) {
    console.error(skipped);
    return fail(`${file} has no valid events (${plural(read.rows, 'row')} read, none usable)`, 'Each row must be one event as defined in src/lib/tracking/contract.ts.');
  }
  const report = aggregator.report({ minVisits, variants: variantFiles.pages });
  const unknown = unknownSummary(report);
  if (report.total.visits === 0) {
    if (skipped) console.error(skipped);
    if (unknown) console.error(unknown);
    const pages = report.unknown.events ? ` of the ${plural(countPages(known.pages), 'landing page')} in ${shown(root)}` : '';
    const leads = report.unattributedLeads ? `; its ${plural(report.unattributedLeads, 'lead')} without a landing page view cannot be counted` : '';
    return fail(`${file} has ${plural(read.events, 'valid event')} but no landing page visit (a page_view with page_type "landing")${pages}${leads}: nothing to report`, report.unknown.events ? 'Is this the export of this site? Name its content with --content <dir> or CONTENT_ROOT.' : undefined);
  }

  const pipeline = crmRead && { name: crm!, read: crmRead, report: joinPipeline(aggregator.leads(), crmRead.usable, { currency: crmCurrency, leadKey }) };

  const csvPath = join(outDir, 'conversion-report.csv');
  const htmlPath = join(outDir, 'conversion-report.html');
  const pipelinePath = join(outDir, 'crm-pipeline.csv');
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(csvPath, renderCsvReport(report));
    await writeFile(htmlPath, renderHtmlReport(report, { name: file, read }, pipeline ? [renderPipelineHtml(pipeline.report, pipeline)] : []));
    if (pipeline) await writeFile(pipelinePath, renderPipelineCsv(pipeline.report, pipeline));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    return fail(`cannot write the report into ${shown(outDir)}: ${e.code}${e.path ? ` (${shown(e.path)})` : ''}`, 'Choose another folder with --out.');
  }

  console.log(renderTextReport(report));
  console.log('');
  if (pipeline) {
    console.log(renderPipelineText(pipeline.report, pipeline));
    console.log('');
  }
  if (skipped) console.error(`${skipped}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skippedNote = read.badRowCount ? `; ${plural(read.badRowCount, 'row')} skipped` : '';
  console.log(`Read ${formatCount(read.events)} events from ${file} in ${seconds} s${skippedNote}.`);
  console.log(pipeline ? `Wrote ${shown(csvPath)}, ${shown(pipelinePath)} and ${shown(htmlPath)}.` : `Wrote ${shown(csvPath)} and ${shown(htmlPath)}.`);
  return 0;
}

await runCommand('report', readOptions, run, (error) => (error instanceof InputFileError ? error : undefined));
