/**
 * `npm run playbook -- [--out <dir>]`: the internal segment playbook (scores, scorecard, criteria
 * written for sales, market sizing, CRM account counts) as static HTML and the scorecard CSV, in a
 * folder of its own (default .build/playbook). Never written into the public site's OUT_DIR.
 * Exit codes: 0 written, 1 the content or the folder cannot be used, 2 wrong usage.
 * Environment: CONTENT_ROOT, SITE_URL, BASE_PATH, OUT_DIR (only to keep away from it), CHECK_DATE.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { summarize } from '../src/lib/diagnostics.ts';
import { replaceDir, stagingDirFor } from '../src/lib/output/replace-dir.ts';
import { guardOutDir, OutDirRefused } from '../src/lib/output/out-dir.ts';
import { buildPlaybookFromDisk } from '../src/lib/playbook/build.ts';
import { DEFAULT_PLAYBOOK_DIR, PLAYBOOK_OUTPUT, playbookKeepAway } from '../src/lib/playbook/out-dir.ts';
import { failure, runCommand, shown, usageError } from './cli.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const USAGE = `Usage: npm run playbook -- [--out <dir>]

  --out <dir>    the folder to write the playbook into (default: ${DEFAULT_PLAYBOOK_DIR}); never the public site's OUT_DIR

The playbook is internal: it shows how segments are targeted and must not be published.`;

interface Options {
  out: string;
  given?: string;
}

function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('playbook', problem, USAGE);
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: false, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage((error as Error).message);
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.values.out === '') return usage('--out needs a folder');
  return { out: resolve(args.values.out ?? DEFAULT_PLAYBOOK_DIR), ...(args.values.out !== undefined ? { given: args.values.out } : {}) };
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

async function run(options: Options): Promise<number> {
  const env = buildEnvironmentOrExit();
  const shownOut = shown(options.out);
  let target: string;
  try {
    target = guardOutDir({ given: options.given, outDir: options.out, projectRoot, contentRoot: env.contentRoot, ...playbookKeepAway(env.outDir), show: shown }, PLAYBOOK_OUTPUT);
  } catch (error) {
    if (!(error instanceof OutDirRefused)) throw error;
    return failure('playbook', error.message, `Nothing was written. The default folder, ${DEFAULT_PLAYBOOK_DIR}, is always a safe choice.`);
  }

  const result = await buildPlaybookFromDisk(env.contentRoot, env);
  const diagnostics = result.ok ? result.playbook.diagnostics : result.diagnostics;
  if (diagnostics.length) console.error(`${formatProblemsText(diagnostics)}\n`);
  if (!result.ok) {
    return failure('playbook', `the content has ${summarize(diagnostics)}. No playbook was written; ${shownOut}/ is unchanged.`, 'Fix the problems above (npm run check lists every problem in the content).');
  }

  // Written beside the folder, then swapped in: a reader never sees half a playbook.
  const staging = stagingDirFor(target);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const [name, text] of result.playbook.files) await writeFile(join(staging, name), text);
    await replaceDir(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    return failure('playbook', `cannot write ${shownOut}/: ${e.code}`, 'Choose another folder with --out.');
  }
  const { segments } = result.playbook.view;
  console.log(`Wrote the internal playbook (${segments.length} segments, content version ${result.playbook.contentVersion}) to ${shownOut}/: index.html (with the campaign plan), scorecard.csv and linkedin-audiences.csv. Keep it internal: do not publish it.`);
  return 0;
}

await runCommand('playbook', readOptions, run);
