import { describe, expect, it } from 'vitest';
import { decodeSourceText, MAX_FILE_BYTES } from '../../../src/lib/load/source-text.ts';
import { edit, fixture, messages, text, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const SEGMENT = 'segments/small-finance.yaml';

describe('reading content files', () => {
  it('reads CRLF line endings and a byte-order mark with the same line numbers an editor shows', () => {
    const crlf = `\uFEFF${text(base, SEGMENT).replace('max: 200', 'max: "1k"').replace(/\n/g, '\r\n')}`;
    expect(messages(withFiles(base, { [SEGMENT]: crlf }))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:8:27 criteria.firmographic.employees.max: expected a number, received "1k"
          hint: Write digits only, without units, separators or quotes: 1000, not "1k" or "1,000"."
    `);
  });

  it('refuses bytes that are not UTF-8 and names the line', () => {
    const bytes = new TextEncoder().encode(text(base, SEGMENT));
    const broken = new Uint8Array([...bytes.slice(0, 40), 0xff, 0xfe, ...bytes.slice(40)]);
    expect(messages(withFiles(base, { [SEGMENT]: broken }))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:2:1 file is not valid UTF-8 text
          hint: Save the file as UTF-8 in your editor (often "Save with encoding" → UTF-8)."
    `);
  });

  it('refuses an empty file', () => {
    expect(messages(withFiles(base, { [SEGMENT]: '  \n' }))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:1:1 file is empty
          hint: Fill in the required fields, or delete the file if it is not needed."
    `);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const huge = new Uint8Array(MAX_FILE_BYTES * 5).fill(0x61);
    const result = decodeSourceText(SEGMENT, huge);
    expect(result.ok).toBe(false);
    expect(messages(withFiles(base, { [SEGMENT]: huge }))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:1:1 file is 5.0 MB; content files may be at most 1 MB
          hint: Split the content into several files, or remove pasted data that does not belong in content."
    `);
  });

  it('names both files when two share an id', () => {
    expect(messages(withFiles(base, { 'segments/small-finance.yml': text(base, SEGMENT) }))).toMatchInlineSnapshot(`
      "segments/small-finance.yml:1:1 the id "small-finance" is already used by segments/small-finance.yaml
          hint: Ids come from file names and must be unique: rename or delete one of segments/small-finance.yaml and segments/small-finance.yml."
    `);
  });

  it('suggests a file name that can be an id', () => {
    expect(messages(withFiles(base, { [SEGMENT]: null, 'segments/Small Finance.yaml': text(base, SEGMENT) }))).toMatchInlineSnapshot(`
      "segments/Small Finance.yaml "Small Finance" cannot be an id: file names become URLs and may use only lowercase letters, digits and hyphens
          hint: Rename the file to segments/small-finance.yaml."
    `);
  });

  it('warns about files the generator does not read', () => {
    expect(messages(withFiles(base, { 'content/personas/controller.txt': 'notes' }))).toMatchInlineSnapshot(`
      "content/personas/controller.txt warning: this file is not read by the generator
          hint: Files here must be named content/personas/<id>.md."
    `);
  });

  it('reports problems in several files in one run', () => {
    const files = edit(edit(base, SEGMENT, 'status: active', 'status: activ'), 'content/personas/controller.md', 'buyerRole: economic', 'buyerRole: economy');
    const lines = messages(files).split('\n').filter((l) => !l.startsWith(' '));
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['content/personas/controller.md:4:1', 'segments/small-finance.yaml:4:1']);
  });
});
