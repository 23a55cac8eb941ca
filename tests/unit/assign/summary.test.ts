import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummary, renderSummaryJson, SUMMARY_FILE } from '../../../src/lib/assign/summary.ts';
import { contentVersionOf } from '../../../src/lib/site-build.ts';
import type { OverviewView } from '../../../src/lib/compose/types.ts';
import { build, edit, messages, PROJECT_ROOT, readTree, withFiles } from '../helpers.ts';
import { assignFile, setupFor } from './helpers.ts';

const SAMPLE_CSV = join(PROJECT_ROOT, 'content', 'accounts', 'sample-accounts.csv');
const files = readTree(PROJECT_ROOT);
const overview = (tree: typeof files) => build(tree).routes.find((r) => r.path === '/segments/')!.view as OverviewView;

async function sampleSummary(): Promise<string> {
  const setup = await setupFor(PROJECT_ROOT);
  const { run } = await assignFile(SAMPLE_CSV, setup);
  return renderSummaryJson(buildSummary({ run, fileName: 'sample-accounts.csv', mappingFile: setup.mapping!.entry.file, contentVersion: setup.contentVersion, criteriaVersion: setup.criteriaVersion, includeDrafts: false }));
}

describe('the assignment summary', () => {
  it('is the same, byte for byte, every time', async () => {
    expect(await sampleSummary()).toBe(await sampleSummary());
  });

  it('shipped with the sample is what `npm run assign -- content/accounts/sample-accounts.csv` writes today', async () => {
    const committed = readFileSync(join(PROJECT_ROOT, SUMMARY_FILE), 'utf8');
    expect(committed, 'content/assignment-summary.json is stale: run npm run assign -- content/accounts/sample-accounts.csv and copy .build/assignment-summary.json over it').toBe(await sampleSummary());
  });

  it('does not change the content version it records by being committed', () => {
    expect(contentVersionOf(files)).toBe(contentVersionOf(withFiles(files, { [SUMMARY_FILE]: null, 'content/accounts/sample-accounts.csv': null })));
    expect(contentVersionOf(files)).not.toBe(contentVersionOf(edit(files, 'segments/mid-market-owner.yaml', 'min: 200', 'min: 250')));
  });

  it('is checked like every content file, with the line of a mistake', () => {
    const broken = edit(files, SUMMARY_FILE, '"unassigned": 198', '"unassigned": 197');
    expect(messages(broken)).toMatchInlineSnapshot(`
      "content/assignment-summary.json:10:3 accounts: assigned (100) and unassigned (197) do not add up to the accounts read (298)
          hint: Write the summary with \`npm run assign\` rather than editing it by hand."
    `);
  });
});

describe('the /segments/ page', () => {
  it('shows the accounts assigned beside the comparison and as a chart, when a summary is committed', () => {
    const view = overview(files);
    expect(view.accounts).toEqual({
      bySegment: {
        'listed-mid-cap-controls': { assigned: 11, matched: 11, label: '11' },
        'eu-due-diligence': { assigned: 44, matched: 44, label: '44' },
        'enterprise-procurement': { assigned: 14, matched: 14, label: '14' },
        'mid-market-owner': { assigned: 31, matched: 31, label: '31' },
      },
      notes: [
        '100 of the 298 accounts in sample-accounts.csv were assigned to a segment; 198 matched none.',
        'No account matched more than one segment.',
        '2 rows of the export could not be read and are not counted.',
      ],
    });
    expect(view.charts.map((c) => c.title)).toEqual(['Priority score', 'CRM accounts assigned', 'Estimated growth per year']);
    expect(view.charts[1]!.bars.map((b) => `${b.label}: ${b.valueLabel}`)).toEqual([
      'Enterprise procurement teams: 14',
      'EU supply-chain due diligence: 44',
      'Listed North American mid-caps: 11',
      'Mid-market sourcing & AP owners: 31',
    ]);
  });

  it('is unchanged without a summary', () => {
    const view = overview(withFiles(files, { [SUMMARY_FILE]: null }));
    expect(view.accounts).toBeUndefined();
    expect(view.charts.map((c) => c.title)).toEqual(['Priority score', 'Estimated growth per year']);
  });

  it('says when the criteria changed after the accounts were assigned, but not after a copy edit', () => {
    expect(overview(edit(files, 'segments/mid-market-owner.yaml', 'min: 200', 'min: 250')).accounts?.stale).toMatch(/have changed since these accounts were assigned/);
    expect(overview(edit(files, 'content/workbench.yaml', 'amount: 250000', 'amount: 300000')).accounts?.stale).toBeDefined();
    expect(overview(edit(files, 'segments/mid-market-owner.yaml', 'name: Mid-market sourcing & AP owners', 'name: Mid-market buyers')).accounts?.stale).toBeUndefined();
  });
});
