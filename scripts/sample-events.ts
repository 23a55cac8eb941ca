/**
 * `npm run sample-events -- [--seed 42] [--visits 5000] [--out file] [--crm-out file]`: realistic sample
 * events (NDJSON) for the landing pages of the real content, some in German on the `/de/` pages, to try the conversion report or time it on
 * large exports, and with --crm-out a CRM export of their leads and opportunities to try `--crm` on.
 * The same seed gives byte-identical output. Writes to stdout unless --out is given.
 * Environment: CONTENT_ROOT (and INCLUDE_DRAFTS, SITE_URL, BASE_PATH), see src/lib/build-config.ts.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { createWriteStream, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildEnvironmentOrExit } from './environment.ts';
import { plural, summarize } from '../src/lib/diagnostics.ts';
import { readContentFiles } from '../src/lib/load/files.ts';
import { formatCount } from '../src/lib/report/format.ts';
import { createSampleCrm } from '../src/lib/report/sample-crm.ts';
import { generateSampleEvents, SAMPLE_CHANNELS, SAMPLE_LOCALES, SAMPLE_VARIANTS, sampleLandingsFromSite } from '../src/lib/report/sample-events.ts';
import { buildSite } from '../src/lib/site-build.ts';
import { failure, runCommand, usageError } from './cli.ts';

const USAGE = `Usage: npm run sample-events -- [--seed 42] [--visits 5000] [--out file] [--crm-out file]

  --seed N         seed of the random generator: the same seed gives the same events (default: 42)
  --visits N       number of visits to landing pages (default: 5000)
  --out file       where to write the NDJSON (default: standard output)
  --crm-out file   also write a CRM export (CSV) of the leads, for npm run report -- <events> --crm <file>`;

const MAX_SEED = 0xffffffff;

interface Options {
  seed: number;
  visits: number;
  out?: string;
  crmOut?: string;
}

function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('sample-events', problem, USAGE);
  let args;
  try {
    args = parseArgs({ args: argv, options: { seed: { type: 'string' }, visits: { type: 'string' }, out: { type: 'string' }, 'crm-out': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const whole = (text: string | undefined, fallback: number) => (text === undefined ? fallback : /^\d+$/.test(text) ? Number(text) : NaN);
  const seed = whole(args.values.seed, 42);
  const visits = whole(args.values.visits, 5000);
  if (!(seed <= MAX_SEED)) return usage(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${args.values.seed}"`);
  if (!(visits <= 100_000_000)) return usage(`--visits must be a whole number up to 100000000, got "${args.values.visits}"`);
  if (args.values.out === '') return usage('--out needs a file name');
  if (args.values['crm-out'] === '') return usage('--crm-out needs a file name');
  if (args.values['crm-out'] !== undefined && args.values['crm-out'] === args.values.out) return usage('--crm-out and --out name the same file');
  return { seed, visits, out: args.values.out, crmOut: args.values['crm-out'] };
}

const fail = (message: string, hint?: string) => failure('sample-events', message, hint);

async function run(options: Options): Promise<number> {
  const env = buildEnvironmentOrExit();
  const files = await readContentFiles(env.contentRoot);
  const result = buildSite(files, env);
  if (!result.ok) {
    console.error(formatProblemsText(result.diagnostics));
    return fail(`the content in ${env.contentRoot} has ${summarize(result.diagnostics)}; fix it first (npm run check).`);
  }
  const landings = sampleLandingsFromSite(result.build);
  if (landings.length === 0) return fail(`the content in ${env.contentRoot} has no published landing page to generate visits for.`);

  const output: WriteStream | NodeJS.WriteStream = options.out ? createWriteStream(options.out) : process.stdout;
  let failed: NodeJS.ErrnoException | undefined;
  output.on('error', (error: NodeJS.ErrnoException) => {
    failed ??= error;
  });
  const crm = options.crmOut === undefined ? undefined : { file: createWriteStream(options.crmOut), sample: createSampleCrm(options.seed), chunk: '' };
  let crmFailed: NodeJS.ErrnoException | undefined;
  crm?.file.on('error', (error: NodeJS.ErrnoException) => {
    crmFailed ??= error;
  });
  let events = 0;
  let chunk = '';
  for (const event of generateSampleEvents({ seed: options.seed, visits: options.visits, landings })) {
    events++;
    chunk += `${JSON.stringify(event)}\n`;
    if (crm) {
      crm.chunk += crm.sample.add(event);
      if (crm.chunk.length >= 64 * 1024) {
        if (!crm.file.write(crm.chunk)) await drained(crm.file);
        crm.chunk = '';
        if (crmFailed) break;
      }
    }
    if (chunk.length < 64 * 1024) continue;
    if (!output.write(chunk)) await drained(output);
    chunk = '';
    if (failed) break;
  }
  if (!failed) await new Promise<void>((resolve) => (output === process.stdout ? output.write(chunk, () => resolve()) : output.end(chunk, () => resolve())));
  if (crm && !crmFailed) await new Promise<void>((resolve) => crm.file.end(crm.chunk, () => resolve()));
  if (crmFailed) return fail(`cannot write ${options.crmOut}: ${crmFailed.code ?? crmFailed.message}`);
  if (failed) {
    // A closed pipe (`| head`) is the reader's choice, not a failure.
    if (failed.code === 'EPIPE') return 0;
    return fail(`cannot write ${options.out ?? 'to standard output'}: ${failed.code ?? failed.message}`);
  }
  const where = options.out ? ` to ${options.out}` : '';
  console.error(`Wrote ${formatCount(events)} events of ${formatCount(options.visits)} visits on ${plural(landings.length, 'landing page')}${where} (seed ${options.seed}, ${plural(SAMPLE_CHANNELS.length, 'channel')}, A/B test ${SAMPLE_VARIANTS.filter((v) => v.name).map((v) => `${v.name} on ${v.pages?.join(', ') ?? 'every page'}`).join('; ')}; ${SAMPLE_LOCALES.map((l) => `${Math.round(l.share * 100)}% of ${l.segments.join(', ')} in ${l.locale}`).join('; ')}).`);
  if (crm) console.error(`Wrote ${plural(crm.sample.rows, 'CRM row')} of their leads and opportunities to ${options.crmOut}.`);
  return 0;
}

/** Waits until the stream wants more, or has failed (the failure is recorded by its own listener). */
function drained(output: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('error', done);
      resolve();
    };
    output.on('drain', done);
    output.on('error', done);
  });
}

await runCommand('sample-events', readOptions, run);
