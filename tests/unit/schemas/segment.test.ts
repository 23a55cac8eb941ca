import { describe, expect, it } from 'vitest';
import { edit, fixture, messages } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'segments/small-finance.yaml';

describe('segment schema', () => {
  it('accepts the minimal segment', () => {
    expect(messages(base)).toBe('');
  });

  it('names the field, the value and the fix for a number written with a unit', () => {
    expect(messages(edit(base, FILE, 'max: 200', 'max: "1k"'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:8:27 criteria.firmographic.employees.max: expected a number, received "1k"
          hint: Write digits only, without units, separators or quotes: 1000, not "1k" or "1,000"."
    `);
  });

  it('suggests the status that was meant', () => {
    expect(messages(edit(base, FILE, 'status: active', 'status: activ'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:4:1 status: "activ" is not one of: draft, active, retired
          hint: Did you mean "active"?"
    `);
  });

  it('catches a misspelled field name instead of ignoring it', () => {
    expect(messages(edit(base, FILE, 'nickname:', 'nicname:'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:2:1 nicname: unknown field "nicname"
          hint: Did you mean "nickname"? Known fields here: name, nickname, description, status, vertical, criteria, personas, pains, regulations, profile, prioritisation, messaging, objections, reviewed"
    `);
  });

  it('reports a missing required field with its documentation', () => {
    expect(messages(edit(base, FILE, 'name: Small finance teams\n', ''))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:1:1 name: is required but missing
          hint: Add it: Full, intuitive name of the segment, as shown on pages."
    `);
  });

  it('rejects a range whose minimum exceeds its maximum', () => {
    expect(messages(edit(base, FILE, '{ min: 10, max: 200 }', '{ min: 500, max: 200 }'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:8:5 criteria.firmographic.employees: min must not be greater than max
          hint: Swap the two numbers, or leave one out to keep that end of the range open."
    `);
  });

  it('requires at least one persona', () => {
    expect(messages(edit(base, FILE, 'personas:\n  - id: controller\n', 'personas: []\n'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:9:1 personas: needs at least 1 item
          hint: The personas in the buying committee this segment speaks to; one landing page each."
    `);
  });

  it('rejects an id that cannot be a URL slug', () => {
    expect(messages(edit(base, FILE, '  - id: controller', '  - id: Controller'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:10:5 personas[0].id: expected an id made of lowercase letters, digits and single hyphens (like "mid-market"), received "Controller"
          hint: A persona id: the file name of a persona in content/personas/."
    `);
  });

  it('requires a source for every market figure', () => {
    const files = edit(base, FILE, 'messaging:', 'profile:\n  marketSize:\n    value: 1000000\n    year: 2026\nmessaging:');
    expect(messages(files)).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:14:3 profile.marketSize.source: is required but missing
          hint: Add it: Where the figure comes from. Every figure needs one."
    `);
  });

  it('reports every problem of a file at once', () => {
    const files = edit(edit(base, FILE, 'status: active', 'status: live'), FILE, 'max: 200', 'max: lots');
    expect(messages(files).split('\n').filter((l) => !l.startsWith(' '))).toHaveLength(2);
  });
});
