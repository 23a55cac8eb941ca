import { describe, expect, it } from 'vitest';
import { edit, fixture, messages } from '../helpers.ts';

const base = fixture('composition');

describe('segment rules', () => {
  it('names two active segments that can claim the same account, with an example', () => {
    expect(messages(edit(base, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', 'employees: { min: 500 }'))).toMatchInlineSnapshot(`
      "segments/depot-networks.yaml:6:1 criteria: can claim the same accounts as segments/field-teams.yaml, for example an account with 500 employees and headquartered in Europe
          hint: Make the criteria exclusive on at least one dimension (industry, an employee band, revenue in one currency, a region, ownership, systems, tier, needs or sophistication), so that each account fits one segment."
    `);
  });

  it('lets drafts overlap while a team works on them', () => {
    expect(messages(base)).toBe('');
  });

  it('warns when there are more active segments than the sweet spot', () => {
    const files = edit(base, 'content/site.yaml', 'cta:', 'check:\n  maxActiveSegments: 1\ncta:');
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/site.yaml:9:3 warning: 2 segments are active, more than the 1 set in check.maxActiveSegments
          hint: Three to five well-run segments usually outperform many thin ones: merge or retire some (depot-networks, field-teams)."
    `);
  });
});
