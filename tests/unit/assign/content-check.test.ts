import { describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { checkFiles } from '../../../src/lib/site-build.ts';
import { edit, PROJECT_ROOT, readTree } from '../helpers.ts';

const sample = readTree(PROJECT_ROOT);
const check = (files: typeof sample) => formatDiagnosticsText(checkFiles(files, { today: '2026-11-23' }).diagnostics);

describe('workbench rules in the content check', () => {
  it('passes on the sample, whose committed summary matches its criteria', () => {
    expect(check(sample)).toBe('');
  });

  it('warns when the committed account counts were made with other criteria', () => {
    const files = edit(sample, 'segments/mid-market-owner.yaml', 'employees: { min: 200, max: 999 }', 'employees: { min: 250, max: 999 }');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/assignment-summary.json warning: the account counts were made with other segment criteria, priority scores or mapping than the content has now
          hint: Run npm run assign -- <your export> and copy .build/assignment-summary.json over content/assignment-summary.json; until then the playbook (npm run playbook) marks the counts as out of date."
    `);
  });

  it('warns about a criterion the account mapping cannot serve, at the segment’s line', () => {
    const files = edit(sample, 'segments/mid-market-owner.yaml', 'regions: [North America, United Kingdom, European Union]', 'regions: [North America, United Kingdom, European Union, Benelux]');
    expect(check(files)).toContain('"Benelux" is not a region of content/workbench.yaml');
  });
});
