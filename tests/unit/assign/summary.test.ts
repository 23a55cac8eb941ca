import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummary, renderSummaryJson, SUMMARY_FILE } from '../../../src/lib/assign/summary.ts';
import { contentVersionOf } from '../../../src/lib/load/files.ts';
import { edit, messages, PROJECT_ROOT, readTree, withFiles } from '../helpers.ts';
import { assignFile, setupFor } from './helpers.ts';

const SAMPLE_CSV = join(PROJECT_ROOT, 'content', 'accounts', 'sample-accounts.csv');
const files = readTree(PROJECT_ROOT);

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
