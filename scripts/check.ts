/**
 * `npm run check`: validates all content without building and reports every problem at once.
 *   --strict          warnings count as errors (stale regulation entries, too many segments, …)
 *   --format json     machine-readable output for tools
 *   --today DATE      the date regulation review dates are compared with (default: today; or CHECK_DATE)
 * In GitHub Actions, problems are also printed as workflow annotations on the files.
 * Exit code: 0 without errors (warnings allowed), 1 with errors, 2 for wrong usage.
 */
import { optionsOrExit } from './cli.ts';
import { strict } from '../src/lib/check/index.ts';
import { formatDiagnosticGithub, formatDiagnosticsText, hasErrors, summarize } from '../src/lib/diagnostics.ts';
import { withDocsLinks } from '../src/lib/docs-links.ts';
import { readContentFiles } from '../src/lib/load/files.ts';
import { checkFiles } from '../src/lib/site-build.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const usage = 'Usage: npm run check -- [--strict] [--format text|json] [--today YYYY-MM-DD]';
const args = optionsOrExit(usage, { strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' }, today: { type: 'string' } });
const env = buildEnvironmentOrExit();
const today = args.today ?? env.today;
if ((args.format !== 'text' && args.format !== 'json') || (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))) {
  console.error(usage);
  process.exit(2);
}

const started = performance.now();
const files = await readContentFiles(env.contentRoot);
const found = checkFiles(files, { ...env, today, strict: args.strict }).diagnostics;
const diagnostics = withDocsLinks(args.strict ? strict(found) : found);
const elapsed = performance.now() - started;

if (args.format === 'json') {
  const summary = { files: files.length, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length, milliseconds: Math.round(elapsed) };
  console.log(JSON.stringify({ ok: !hasErrors(diagnostics), summary, diagnostics }, null, 2));
} else {
  if (diagnostics.length) console.log(formatDiagnosticsText(diagnostics));
  console.log(`${files.length} files checked in ${Math.round(elapsed)} ms: ${summarize(diagnostics)}.`);
  if (process.env.GITHUB_ACTIONS === 'true') for (const d of diagnostics) console.log(formatDiagnosticGithub(d));
}
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
