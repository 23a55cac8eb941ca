import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { readContentFile, readContentFiles } from '../../../src/lib/load/files.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { decodeSourceText, MAX_FILE_BYTES } from '../../../src/lib/load/source-text.ts';
import { edit, fixture, FIXTURES, messages, text, withFiles } from '../helpers.ts';

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

  it('says what a file saved in another encoding looks like', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('name: M'), 0xfc, ...new TextEncoder().encode('nchen\n')]);
    expect(messages(withFiles(base, { [SEGMENT]: latin1 }))).toMatchInlineSnapshot(`
      "segments/small-finance.yaml:1:1 file is not valid UTF-8 text: it looks like Windows-1252 (Latin-1)
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

describe('symbolic links in the content tree', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the composition fixture, and beside it (outside the content root) a file with a secret. */
  function tree(): { root: string; secret: string } {
    const dir = mkdtempSync(join(tmpdir(), 'segment-pages-links-'));
    dirs.push(dir);
    const root = join(dir, 'root');
    cpSync(join(FIXTURES, 'composition'), root, { recursive: true });
    const secret = join(dir, 'secret.mdx');
    writeFileSync(secret, '---\ntitle: x\n---\n\n<Section name="hero">\nDEPLOY_TOKEN=s3cr3t\n</Section>\n');
    return { root, secret };
  }

  async function check(root: string): Promise<{ text: string; read: string }> {
    const files = await readContentFiles(root);
    const read = files.map((f) => new TextDecoder().decode(f.bytes)).join('\n');
    return { text: formatDiagnosticsText(parseProject(files).diagnostics), read };
  }

  it('refuses an override that links out of the content root, by name, without reading it', async () => {
    const { root, secret } = tree();
    const override = join(root, 'content/pages/field-teams/owner.mdx');
    rmSync(override);
    symlinkSync(secret, override);
    const { text, read } = await check(root);
    expect(text).toMatchInlineSnapshot(`
      "content/pages/field-teams/owner.mdx this is a symbolic link; links are never followed, so nothing was read from it
          hint: Replace the link with a copy of what it points to (content must be real files and folders inside the content root)."
    `);
    expect(read).not.toContain('s3cr3t');
    expect(await readContentFile(root, 'content/pages/field-teams/owner.mdx')).toBeUndefined();
  });

  it('refuses a link even to a file inside the content root', async () => {
    const { root } = tree();
    symlinkSync(join(root, 'content/pages/field-teams/owner.mdx'), join(root, 'content/pages/field-teams/manager.mdx'));
    expect((await check(root)).text).toContain('content/pages/field-teams/manager.mdx this is a symbolic link');
  });

  it('refuses a linked folder, and a linked top-level content folder, without listing them', async () => {
    const { root, secret } = tree();
    const outside = join(root, '..', 'outside');
    mkdirSync(join(outside, 'field-teams'), { recursive: true });
    cpSync(secret, join(outside, 'field-teams', 'owner.mdx'));
    rmSync(join(root, 'content/pages'), { recursive: true });
    symlinkSync(outside, join(root, 'content/pages'));
    const linkedPages = await check(root);
    expect(linkedPages.text).toContain('content/pages this is a symbolic link');
    expect(linkedPages.read).not.toContain('s3cr3t');
    expect(await readContentFile(root, 'content/pages/field-teams/owner.mdx')).toBeUndefined();

    rmSync(join(root, 'segments'), { recursive: true });
    symlinkSync(outside, join(root, 'segments'));
    expect((await check(root)).text).toContain('segments this is a symbolic link');
  });
});
