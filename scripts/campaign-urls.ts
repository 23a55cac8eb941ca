/**
 * `npm run campaign-urls -- [--format csv|json] [--out file]`: UTM-tagged landing URLs for every
 * active segment × persona × channel in content/site.yaml, ready to paste into ad platforms.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { writeFile } from 'node:fs/promises';
import { optionsOrExit } from './cli.ts';
import { toCsv } from '../src/lib/csv.ts';
import { summarize } from '../src/lib/diagnostics.ts';
import { buildSiteFromDisk } from '../src/lib/site-build.ts';
import { buildCampaignRows, CAMPAIGN_COLUMNS } from '../src/lib/tracking/campaign-urls.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const usage = 'Usage: npm run campaign-urls -- [--format csv|json] [--out file]';
const args = optionsOrExit(usage, { format: { type: 'string', default: 'csv' }, out: { type: 'string' } });
if (args.format !== 'csv' && args.format !== 'json') {
  console.error(`Unknown format "${args.format}": use csv or json.\n${usage}`);
  process.exit(2);
}

const env = buildEnvironmentOrExit();
const result = await buildSiteFromDisk(env.contentRoot, env);
if (!result.ok) {
  console.error(`${formatProblemsText(result.diagnostics)}\nThe content has ${summarize(result.diagnostics)}; fix them to export campaign URLs.`);
  process.exit(1);
}
const rows = buildCampaignRows(result.build);
if (rows.length === 0) console.error('No rows: add channels to content/site.yaml and at least one active segment.');
const output = args.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(CAMPAIGN_COLUMNS, rows);
if (args.out) {
  await writeFile(args.out, output);
  console.error(`Wrote ${rows.length} campaign URLs to ${args.out}.`);
} else {
  process.stdout.write(output);
}
