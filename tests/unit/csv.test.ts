import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, readCsvRows, sniffDelimiter, toCsv, type CsvRow } from '../../src/lib/csv.ts';
import { InputFileError, readStart } from '../../src/lib/input-file.ts';
import { defused, FORMULA_CELLS, SAFE_CELLS } from './csv-hostile.ts';

const SOURCE = { name: 'exports/accounts.csv', kind: { exportHint: 'Export it as CSV (UTF-8).', saveAsUtf8: 'Save the file as UTF-8.' } };
const readBack = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('the CSV writer', () => {
  it('writes every cell that could open as a formula as text: an apostrophe, then the cell', () => {
    const rows = readBack(toCsv(['cell'], FORMULA_CELLS.map((cell) => ({ cell }))));
    expect(rows.map((r) => r.cell)).toEqual(FORMULA_CELLS.map(defused));
  });

  it.each(FORMULA_CELLS.map((cell) => [JSON.stringify(cell), cell]))('defuses %s', (_name, cell) => {
    expect(csvField(cell).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('writes other text exactly as it is, quoted where RFC 4180 says', () => {
    const csv = toCsv(['cell'], SAFE_CELLS.map((cell) => ({ cell })));
    expect(readBack(csv).map((r) => r.cell)).toEqual([...SAFE_CELLS]);
    expect(csv).toBe('cell\r\n"Acme, Inc."\r\n"say ""hi"""\r\n"two\r\nlines"\r\na=b\r\nx-1\r\n1+1\r\nit\'s\r\nZürich 株式会社\r\n');
  });

  it('writes the numbers the tools compute as numbers, negative ones too, and judges every string', () => {
    const csv = toCsv(['rate', 'text'], [{ rate: -0.05, text: '-0.05' }, { rate: -2, text: '-2' }, { rate: 1e-7, text: '12' }]);
    expect(csv).toBe("rate,text\r\n-0.05,'-0.05\r\n-2,'-2\r\n1e-7,12\r\n");
  });

  it('never writes a control character raw: NUL and the other C0 controls become control pictures', () => {
    const csv = toCsv(['cell'], [{ cell: 'a\u0000b\u0007c\u001bd\u007fe\tf' }]);
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(readBack(csv)[0]!.cell).toBe('a␀b␇c␛d␡e\tf');
  });
});

/** Reads a CSV stream to the end with readCsvRows. */
async function readAll(input: Readable, maxRowChars = 1 << 20, delimiter?: ',' | ';' | '\t') {
  const csv = readCsvRows(input, maxRowChars, { source: SOURCE, ...(delimiter ? { delimiter } : {}) });
  const rows: CsvRow[] = [];
  for await (const row of csv.rows) rows.push(row);
  return { rows, stopped: csv.stopped() };
}

describe('the delimiter of an export', () => {
  it('is the one outside quotes the header and the rows agree on', () => {
    expect(sniffDelimiter('Account ID,Name,Systems\r\n1,Acme,SAP; Coupa\r\n2,Beta,SAP\r\n')).toBe(',');
    expect(sniffDelimiter('\uFEFFAccount ID;Name;Revenue\r\n1;Acme;1234,56\r\n2;"Beta; Gamma";99,5\r\n')).toBe(';');
    expect(sniffDelimiter('Account ID\tName\tRevenue\n1\tAcme, Inc.\t5\n')).toBe('\t');
    expect(sniffDelimiter('"Id;x",Name\r\n1,a\r\n')).toBe(',');
    expect(sniffDelimiter('Account ID\r\n1\r\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });

  it('reads semicolon- and tab-separated rows into the same fields', async () => {
    const semicolon = await readAll(Readable.from(['Id;Name\r\n1;"Acme; Inc."\r\n']), 1000, ';');
    const tab = await readAll(Readable.from(['Id\tName\r\n1\tAcme; Inc.\r\n']), 1000, '\t');
    expect(semicolon.rows.map((r) => r.fields)).toEqual([['Id', 'Name'], ['1', 'Acme; Inc.']]);
    expect(tab.rows.map((r) => r.fields)).toEqual(semicolon.rows.map((r) => r.fields));
  });
});

describe('reading stops', () => {
  /** A header, two rows, a row of `size` characters sent in 64 KiB chunks, then more rows; counts what was taken. */
  function longRowStream(size: number) {
    const pulled = { bytes: 0 };
    function* chunks() {
      for (const chunk of ['Id,Name\r\n1,a\r\n', '2,b\r\n']) yield chunk;
      for (let sent = 0; sent < size; sent += 1 << 16) yield 'x'.repeat(Math.min(1 << 16, size - sent));
      yield '\r\n3,c\r\n';
    }
    const stream = Readable.from(
      (function* () {
        for (const chunk of chunks()) {
          pulled.bytes += chunk.length;
          yield Buffer.from(chunk);
        }
      })(),
    );
    return { stream, pulled };
  }

  it('at the first row over the limit, without reading the rest of it', async () => {
    const { stream, pulled } = longRowStream(8_000_000);
    const { rows, stopped } = await readAll(stream, 10_000);
    expect(rows.map((r) => r.fields[0])).toEqual(['Id', '1', '2']);
    expect(stopped).toEqual({
      line: 4,
      reason: 'this row is longer than 10,000 characters ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"…); the rest of the file was not read',
      hint: 'Often a quote that is never closed: check the quotes on this line.',
    });
    expect(pulled.bytes).toBeLessThan(1_000_000);
  });

  it('at a header over the limit, and says it is the header', async () => {
    const { stopped, rows } = await readAll(Readable.from([`\r\n${'Name,'.repeat(3000)}\r\n1\r\n`]), 10_000);
    expect(rows).toEqual([]);
    expect(stopped).toMatchObject({ line: 2, reason: 'the header row is longer than 10,000 characters ("Name,Name,Name,Name,Name,Name,Name,Name,"…); no row could be read' });
  });

  it('at the line where the bytes stop being UTF-8, after reading the rows before it', async () => {
    const text = Buffer.concat([Buffer.from('Id,Name\r\n1,Zürich 😀\r\n2,"two\nlines"\r\n'), Buffer.from('3,Café\r\n4,d\r\n', 'latin1')]);
    const oneByteChunks = Readable.from([...text].map((b) => Buffer.from([b])));
    const { rows, stopped } = await readAll(oneByteChunks);
    expect(rows.map((r) => r.fields)).toEqual([['Id', 'Name'], ['1', 'Zürich 😀'], ['2', 'two\nlines']]);
    expect(stopped).toEqual({
      line: 5,
      reason: 'byte 0xE9 is not UTF-8: the file looks like Windows-1252 (Latin-1) text; the rest of the file was not read',
      hint: 'Save the file as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 exports/accounts.csv > exports/accounts-utf8.csv',
    });
  });

  it('at the line of the bad byte when lines end in CR alone', async () => {
    const text = Buffer.concat([Buffer.from('Id,Name\r1,a\r2,"b\rc"\r'), Buffer.from('3,Caf\u00e9\r', 'latin1')]);
    const { rows, stopped } = await readAll(Readable.from([text.subarray(0, 15), text.subarray(15)]));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(stopped?.line).toBe(5);
  });

  it('never for UTF-8 split across chunks, whatever the chunk size', async () => {
    const text = Buffer.from(`Id,Name\r\n${Array.from({ length: 50 }, (_, i) => `${i},Zürich 株式会社 😀 \uFFFD`).join('\r\n')}\r\n`);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.subarray(i * size, (i + 1) * size));
      const { rows, stopped } = await readAll(Readable.from(chunks));
      expect(stopped, `chunks of ${size}`).toBeUndefined();
      expect(rows).toHaveLength(51);
      expect(rows[50]!.fields[1]).toBe('Zürich 株式会社 😀 \uFFFD');
    }
  });
});

describe('the start of an export', () => {
  const kind = { noun: 'an account export', example: 'accounts.csv', exportHint: 'Export it as CSV (UTF-8).', saveAsUtf8: 'Save it as "CSV UTF-8 (Comma delimited) (*.csv)".' };
  const file = (name: string, bytes: Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-start-')), name);
    writeFileSync(path, bytes);
    return path;
  };

  it('names Windows-1252 text with the line of its first such byte', async () => {
    const path = file('latin1.csv', Buffer.from('Id,Name\r\n1,Acme\r\n2,Société Générale\r\n', 'latin1'));
    const error = await readStart(path, kind).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).message).toBe(`${path}:3 byte 0xE9 is not UTF-8: the file looks like Windows-1252 (Latin-1) text`);
    expect((error as InputFileError).hint).toBe(`Save it as "CSV UTF-8 (Comma delimited) (*.csv)". Or convert it: iconv -f WINDOWS-1252 -t UTF-8 ${path} > ${path.replace(/\.csv$/, '-utf8.csv')}`);
    const crOnly = file('cr.csv', Buffer.from('Id,Name\r1,Acme\r2,Société Générale\r', 'latin1'));
    await expect(readStart(crOnly, kind)).rejects.toThrow(`${crOnly}:3 byte 0xE9 is not UTF-8`);
  });

  it('names UTF-16 text by its byte-order mark', async () => {
    const path = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Id,Name\r\n', 'utf16le')]));
    await expect(readStart(path, kind)).rejects.toThrow(`${path} is not UTF-8 text (it contains NUL bytes: it is UTF-16, with the byte-order mark Excel's "Unicode Text" writes)`);
  });

  it('reads UTF-8 whose character is cut by the end of what it looks at', async () => {
    const path = file('cut.csv', Buffer.from(`${'a'.repeat(65535)}é\r\n`));
    expect((await readStart(path, kind)).length).toBeGreaterThan(65000);
  });
});
