import { describe, expect, it } from 'vitest';
import { strict } from '../../../src/lib/check/index.ts';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { checkFiles } from '../../../src/lib/site-build.ts';
import { edit, fixture } from '../helpers.ts';

const base = fixture('minimal');

describe('regulation freshness', () => {
  it('warns about an entry past its review date, and --strict makes it an error', () => {
    const { diagnostics } = checkFiles(base, { today: '2027-02-01' });
    expect(formatDiagnosticsText(diagnostics)).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:23:1 reviewBy: warning: the facts were due for review on 2027-01-10
          hint: Check every date, threshold and source against the official text, then set lastVerified to today and reviewBy to the next review date."
    `);
    expect(strict(diagnostics).map((d) => d.severity)).toEqual(['error']);
  });

  it('is quiet before the review date', () => {
    expect(checkFiles(base, { today: '2026-06-01' }).diagnostics).toEqual([]);
  });

  it('refuses a verification date in the future', () => {
    const files = edit(edit(base, 'content/regulations/vat-records.yaml', 'lastVerified: 2026-01-10', 'lastVerified: 2026-09-10'), 'content/regulations/vat-records.yaml', 'reviewBy: 2027-01-10', 'reviewBy: 2027-09-10');
    expect(formatDiagnosticsText(checkFiles(files, { today: '2026-06-01' }).diagnostics)).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:22:1 lastVerified: 2026-09-10 is in the future
          hint: Write the date on which someone actually checked the facts."
    `);
  });

  it('warns where a published segment still cites a repealed rule', () => {
    const files = edit(base, 'content/regulations/vat-records.yaml', 'status: in-force', 'status: repealed');
    expect(formatDiagnosticsText(checkFiles(files, { today: '2026-06-01' }).diagnostics)).toMatchInlineSnapshot(`
      "content/verticals/finance-software.yaml:7:19 painPoints[0].regulations[0]: warning: VAT records is repealed (content/regulations/vat-records.yaml), but this still cites it
          hint: Remove the citation, or cite the rule that replaced it; pages would otherwise present a law that no longer applies.
      segments/small-finance.yaml:12:15 regulations[0]: warning: VAT records is repealed (content/regulations/vat-records.yaml), but this still cites it
          hint: Remove the citation, or cite the rule that replaced it; pages would otherwise present a law that no longer applies."
    `);
  });
});
