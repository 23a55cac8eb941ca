import { describe, expect, it } from 'vitest';
import { edit, fixture, messages } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'content/regulations/vat-records.yaml';

describe('regulation schema', () => {
  it('asks for dates as YYYY-MM-DD', () => {
    expect(messages(edit(base, FILE, '- date: 2019-04-01', '- date: 01/04/2019'))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:9:5 keyDates[0].date: expected a date written as YYYY-MM-DD, like 2026-03-31, received "01/04/2019"
          hint: Write the date as year-month-day with two-digit month and day, like 2024-07-25."
    `);
  });

  it('says to quote a value that a comma split inside { … }', () => {
    const threshold = '  - label: Taxable turnover\n    comparison: more-than\n    value: 85000\n    unit: GBP\n';
    const flow = '  - { label: Taxable turnover, excluding exempt supplies, comparison: more-than, value: 85000, unit: GBP }\n';
    expect(messages(edit(base, FILE, threshold, flow))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:12:32 thresholds[0].excluding exempt supplies: "excluding exempt supplies" reads as a field of its own: inside { … } a comma ends the value of label
          hint: Put the whole value in double quotes: label: "Taxable turnover, excluding exempt supplies""
    `);
  });

  it('rejects a review date before the verification date', () => {
    expect(messages(edit(base, FILE, 'reviewBy: 2027-01-10', 'reviewBy: 2025-01-10'))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:23:1 reviewBy: must not be before lastVerified
          hint: reviewBy is the date the facts must be checked again: set it after lastVerified, usually 6 to 12 months later."
    `);
  });

  it('needs an upper end exactly for "between" thresholds', () => {
    expect(messages(edit(base, FILE, 'comparison: more-than', 'comparison: between'))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:12:5 thresholds[0].upTo: give upTo exactly when comparison is "between"
          hint: With comparison: between, write the lower end in value and the upper end in upTo; with any other comparison, delete upTo."
    `);
  });

  it('requires the retrieval date of every source', () => {
    expect(messages(edit(base, FILE, '    retrieved: 2026-01-10\n', ''))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:19:5 sources[0].retrieved: is required but missing
          hint: Add it: When you read it (YYYY-MM-DD)."
    `);
  });

  it('rejects an unknown status with the allowed ones, and a near miss gets a suggestion', () => {
    expect(messages(edit(base, FILE, 'status: in-force', 'status: withdrawn'))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.yaml:5:1 status: "withdrawn" is not one of: proposed, adopted, awaiting-rules, in-force, amended, pending-amendment, repealed
          hint: proposed (not law yet), adopted (law, not yet applicable), awaiting-rules (enacted, waiting for the rules that implement it), in-force, amended (text changed since adoption), pending-amendment (a change is proposed but not law) or repealed."
    `);
    expect(messages(edit(base, FILE, 'status: in-force', 'status: repeal'))).toContain('Did you mean "repealed"?');
  });

  it('takes every stage of a rule, from proposed to repealed', () => {
    for (const status of ['proposed', 'adopted', 'awaiting-rules', 'in-force', 'amended', 'pending-amendment', 'repealed']) {
      // A repealed rule is a valid entry; the segment that still cites it gets its own warning (check/regulations).
      const shown = messages(edit(base, FILE, 'status: in-force', `status: ${status}`));
      expect(shown.split('\n').filter((line) => line && !line.startsWith(' ') && !line.includes('warning: VAT records is repealed')), status).toEqual([]);
    }
  });
});
