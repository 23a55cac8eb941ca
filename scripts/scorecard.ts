/**
 * `npm run scorecard -- [--summary <file>] [--out <file>] [--include-drafts]`: which segments deserve
 * budget first. Prints, for every active segment, the accounts the workbench assigned to it (from an
 * assignment summary), market size and growth with their sources, the six prioritisation scores and
 * the weighted score with the weights from content/site.yaml, ranked; writes the same as CSV
 * (default .build/scorecard.csv).
 * Exit codes: 0 written, 1 the content or the summary cannot be used, 2 wrong usage.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rankSegments } from '../src/lib/assign/assign.ts';
import { buildScorecard, renderScorecardCsv, renderScorecardText } from '../src/lib/assign/scorecard.ts';
import { loadAssignSetup } from '../src/lib/assign/setup.ts';
import { parseSummary, SUMMARY_FILE } from '../src/lib/assign/summary.ts';
import { criteriaVersionOf } from '../src/lib/assign/version.ts';
import type { AssignmentSummary } from '../src/lib/schemas/index.ts';
import { buildEnvironmentOrExit } from './environment.ts';
import { failure, runCommand, shown, usageError } from './cli.ts';

const USAGE = `Usage: npm run scorecard -- [--summary <file>] [--out <file>] [--include-drafts]

  --summary <file>    assignment summary written by npm run assign (default: ${SUMMARY_FILE}, when the content has one)
  --out <file>        where to write the scorecard CSV (default: .build/scorecard.csv)
  --include-drafts    score draft segments too (also when the summary counted them)`;

interface Options {
  summary?: string;
  out: string;
  includeDrafts: boolean;
}

function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('scorecard', problem, USAGE);
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: false, options: { summary: { type: 'string' }, out: { type: 'string' }, 'include-drafts': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  for (const name of ['summary', 'out'] as const) if (args.values[name] === '') return usage(`--${name} needs a file`);
  const options: Options = { out: resolve(args.values.out ?? join('.build', 'scorecard.csv')), includeDrafts: args.values['include-drafts'] };
  if (args.values.summary !== undefined) options.summary = args.values.summary;
  return options;
}

const fail = (message: string, hint?: string) => failure('scorecard', message, hint);

async function run(options: Options): Promise<number> {
  const env = buildEnvironmentOrExit();
  const loaded = await loadAssignSetup(env.contentRoot);
  if (!loaded.ok) {
    console.error(formatProblemsText(loaded.diagnostics));
    return fail('the segments or the site settings have errors', 'Fix the problems above (npm run check lists every problem in the content).');
  }
  const setup = loaded.setup;

  let summary: AssignmentSummary | undefined = setup.project.assignmentSummary?.data;
  let summaryName = SUMMARY_FILE;
  if (options.summary) {
    let text: string;
    try {
      text = await readFile(options.summary, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(`cannot read ${options.summary}: ${code === 'ENOENT' ? 'there is no such file' : (code ?? String(error))}`, 'Write one with npm run assign -- <accounts.csv>, or leave out --summary.');
    }
    const parsed = parseSummary(options.summary, text);
    if (!parsed.ok) {
      console.error(formatProblemsText(parsed.diagnostics));
      return fail(`${options.summary} is not an assignment summary that npm run assign wrote`);
    }
    summary = parsed.summary;
    summaryName = options.summary;
  }

  const includeDrafts = options.includeDrafts || summary?.includeDrafts === true;
  const ranked = rankSegments(setup.project.segments, setup.weights, { includeDrafts });
  if (ranked.length === 0) return fail(`no segment is ${includeDrafts ? 'active or draft' : 'active'}: there is nothing to score`);
  const card = buildScorecard(ranked, setup.project.segments, setup.weights, summary);
  const csv = renderScorecardCsv(card);
  try {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, csv);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    return fail(`cannot write ${shown(options.out)}: ${e.code}`, 'Choose another file with --out.');
  }

  console.log(renderScorecardText(card));
  console.log('');
  if (summary) {
    console.log(`Accounts from ${summaryName}: ${summary.input.file}, ${summary.input.rows} rows, content version ${summary.contentVersion}.`);
    if (criteriaVersionOf(ranked, setup.mapping?.data) !== summary.criteriaVersion) {
      console.error(`scorecard: the segment criteria, scores or mapping have changed since ${summaryName} was written; its account counts may be out of date.\n    hint: Run npm run assign -- <accounts.csv> again.\n`);
    }
  }
  console.log(`Wrote ${shown(options.out)}.`);
  return 0;
}

await runCommand('scorecard', readOptions, run);
