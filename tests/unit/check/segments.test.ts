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

  it('names the anyOf groups that collide, at the line of the group', () => {
    const either = 'employees: { min: 1000 }\n    anyOf:\n      - regions: [Americas]\n      - revenue: { min: 50000000, currency: EUR }\n        ownership: [public]';
    expect(messages(edit(base, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', either.replace('min: 1000', 'min: 500')))).toMatchInlineSnapshot(`
      "segments/depot-networks.yaml:11:9 criteria.firmographic.anyOf[1]: can claim the same accounts as segments/field-teams.yaml through its anyOf group 2 (revenue ≥ EUR 50 million and publicly listed), for example an account with 500 employees, with EUR 50 million annual revenue, headquartered in Europe and public ownership
          hint: Make the colliding groups exclusive, or separate the two segments on a criterion that holds whichever group an account meets (industry, an employee band, revenue in one currency, a region, ownership, systems, tier, needs or sophistication)."
    `);
    // Employees of 1,000 or more keep the two apart, whichever group holds.
    expect(messages(edit(base, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', either))).toBe('');
  });

  it('rejects an either-or test with fewer than two groups, or an empty group', () => {
    const one = 'anyOf:\n      - employees: { min: 1000 }';
    expect(messages(edit(base, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', one))).toMatchInlineSnapshot(`
      "segments/depot-networks.yaml:8:5 criteria.firmographic.anyOf: anyOf needs at least two groups
          hint: An either-or test lists two or more alternatives, like [{ employees: { min: 250 } }, { revenue: { min: 50000000, currency: EUR } }]. With one group, move its fields up into firmographic."
    `);
    const empty = 'anyOf:\n      - employees: { min: 1000 }\n      - industries: []';
    expect(messages(edit(base, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', empty))).toMatchInlineSnapshot(`
      "segments/depot-networks.yaml:10:9 criteria.firmographic.anyOf[1]: an anyOf group must restrict something
          hint: Give the group at least one of industries, employees (min or max), revenue (min or max), regions or ownership, or delete it."
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

describe('segment rules on the cybersecurity fixture', () => {
  const cyber = fixture('second-vertical');
  const overlaps = (files: ReturnType<typeof fixture>) => messages(files).split('\n').filter((line) => line.includes('can claim the same accounts'));

  it('keeps the NIS2 size-test segment apart from the others', () => {
    expect(overlaps(cyber)).toEqual([]);
  });

  it('names the other segment’s group when only that side has an either-or test', () => {
    const energy = edit(edit(cyber, 'segments/eu-nis2-size-test.yaml', '      - Chemicals\n', '      - Energy\n'), 'segments/eu-nis2-size-test.yaml', 'tier: 2', 'tier: 1');
    expect(overlaps(energy)).toEqual([
      'segments/eu-essential-entities.yaml:8:1 criteria: can claim the same accounts as segments/eu-nis2-size-test.yaml through that segment’s anyOf group 1 (250+ employees), for example an account in Energy, with 250 employees, headquartered in European Union, running SAP S/4HANA, Splunk Enterprise Security and Microsoft Defender for Endpoint, in value tier 1, valuing quality most and at the "point-solutions" sophistication level',
    ]);
  });
});
