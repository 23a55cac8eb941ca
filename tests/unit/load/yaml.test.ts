import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/lib/load/yaml.ts';
import { edit, fixture, messages } from '../helpers.ts';

const base = fixture('minimal');
const SEGMENT = 'segments/small-finance.yaml';

describe('YAML parsing', () => {
  it('explains a tab used for indentation', () => {
    expect(messages(edit(base, SEGMENT, '  - id: controller', '\t- id: controller'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:10:1 a tab is used for indentation; YAML allows only spaces
          hint: Replace the tab at the start of the line with spaces (two per level)."
    `);
  });

  it('explains an unquoted colon inside a value', () => {
    expect(messages(edit(base, SEGMENT, 'description: Companies with one to five people in finance.', 'description: Finance teams: one to five people'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:3:14 a colon inside a value makes YAML read it as a new field
          hint: Put the whole value in double quotes, like  title: "Risk: the hidden blocker""
    `);
  });

  it('reports a field written twice', () => {
    expect(messages(edit(base, SEGMENT, 'status: active', 'status: active\nstatus: draft'))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:5:1 the field "status" appears twice in the same place
          hint: Keep one of the two and delete the other."
    `);
  });

  it('stops an alias bomb before it expands', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const result = parseYaml('segments/bomb.yaml', bomb.join('\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]!.message).toMatchInlineSnapshot(`"YAML aliases (*name) expand to too much data (over 100 alias uses)"`);
  });

  it('refuses absurdly deep nesting', () => {
    let yaml = 'x';
    for (let i = 0; i < 60; i++) yaml = `[${yaml}]`;
    const result = parseYaml('segments/deep.yaml', `name: ${yaml}`);
    expect(result.ok).toBe(false);
  });

  it('locates nested fields, list items and missing fields', () => {
    const result = parseYaml('x.yaml', 'a:\n  b:\n    - c: 1\n    - c: 2\n');
    if (!result.ok) throw new Error('should parse');
    expect(result.locate.at(['a', 'b', 1, 'c'])).toEqual({ line: 4, column: 7 });
    expect(result.locate.at(['a', 'b', 1])).toEqual({ line: 4, column: 7 });
    expect(result.locate.at(['a', 'missing'])).toEqual({ line: 1, column: 1 });
    expect(result.locate.key(['a'], 'b')).toEqual({ line: 2, column: 3 });
  });

  it('keeps dates as text so they validate as written', () => {
    const result = parseYaml('x.yaml', 'date: 2024-07-25\n');
    expect(result.ok && result.value).toEqual({ date: '2024-07-25' });
  });
});
