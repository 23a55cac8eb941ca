import { describe, expect, it } from 'vitest';
import { describeUtf8Problem, findUtf8Problem, Utf8Check, utf8Hint, utf8Stop, type TextSource } from '../../src/lib/text-encoding.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const ACCOUNTS: TextSource = { name: 'exports/accounts.csv', kind: { exportHint: 'Export the accounts as CSV (UTF-8).', saveAsUtf8: 'Save the file as UTF-8.' } };

/** Runs `chunks` through one Utf8Check; returns what it let through and its problem. */
function check(chunks: Uint8Array[]) {
  const utf8 = new Utf8Check();
  const out = chunks.map((chunk) => utf8.take(chunk));
  out.push(utf8.finish());
  return { text: Buffer.concat(out), problem: utf8.problem };
}

describe('checking UTF-8 as it streams in', () => {
  it('lets UTF-8 through unchanged, whatever the chunks cut', () => {
    const text = Buffer.from('Id,Name\r\n1,Zürich 株式会社 😀 \uFFFD\r\n2,"two\nlines"\n');
    for (const size of [1, 2, 3, 5, 64]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.subarray(i * size, (i + 1) * size));
      expect(check(chunks), `chunks of ${size}`).toEqual({ text, problem: undefined });
    }
  });

  it('stops at the first bad byte, past real U+FFFD characters, with its line across chunk ends', () => {
    const bytes = Buffer.concat([Buffer.from('a\uFFFDb\r\n\nc\r'), latin1('d\u00e9\r\n')]);
    const oneByteChunks = [...bytes].map((b) => Buffer.from([b]));
    for (const chunks of [[bytes], oneByteChunks]) {
      const { text, problem } = check(chunks);
      expect(text.toString()).toBe('a\uFFFDb\r\n\nc\rd');
      expect(problem).toEqual({ line: 4, byte: '0xE9', encoding: 'Windows-1252 (Latin-1)' });
    }
  });

  it('counts CRLF, LF and CR alone as line ends, a CRLF split between chunks once', () => {
    expect(check([Buffer.from('a\r'), Buffer.from('\nb\rc\nd'), latin1('\u00fc')]).problem?.line).toBe(4);
  });

  it('takes a character cut off by the end of the input as not UTF-8, with no guess', () => {
    expect(check([Buffer.from('a\nb'), Buffer.from('€').subarray(0, 2)]).problem).toEqual({ line: 2, byte: '0xE2', encoding: undefined });
  });

  it('guesses Windows-1252 only for high bytes that stand alone, on the line of the bad byte', () => {
    expect(findUtf8Problem(latin1('Caf\u00e9 M\u00fcller'))?.encoding).toBe('Windows-1252 (Latin-1)');
    expect(findUtf8Problem(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toEqual({ line: 1, byte: '0xFF', encoding: undefined });
    expect(findUtf8Problem(Buffer.concat([Buffer.from([0x61, 0xff, 0xfe, 0x0a]), latin1('\u00e9')]))?.encoding).toBeUndefined();
  });

  it('looks at the start of a file, where a character may continue past what was read', () => {
    expect(findUtf8Problem(Buffer.from('abc'))).toBeUndefined();
    expect(findUtf8Problem(Buffer.from([0x41, 0xc3]), true)).toBeUndefined();
    expect(findUtf8Problem(Buffer.from([0x41, 0xc3]))).toMatchObject({ line: 1, byte: '0xC3' });
  });
});

describe('telling the user', () => {
  const latin = { line: 4, byte: '0xE9', encoding: 'Windows-1252 (Latin-1)' };
  const damaged = { line: 2, byte: '0xE2', encoding: undefined };

  it('names the byte and the encoding the file looks like', () => {
    expect(describeUtf8Problem(latin)).toBe('byte 0xE9 is not UTF-8: the file looks like Windows-1252 (Latin-1) text');
    expect(describeUtf8Problem(damaged)).toBe('byte 0xE2 is not UTF-8 (a damaged or cut-off character, or data that is not text)');
  });

  it('says how to convert the file under its own name, quoted for the shell when it needs it', () => {
    expect(utf8Hint(latin, ACCOUNTS)).toBe('Save the file as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 exports/accounts.csv > exports/accounts-utf8.csv');
    expect(utf8Hint(latin, { ...ACCOUNTS, name: "Q3 o'brien.csv" })).toBe(`Save the file as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 'Q3 o'\\''brien.csv' > 'Q3 o'\\''brien-utf8.csv'`);
    expect(utf8Hint(damaged, ACCOUNTS)).toBe('Export the accounts as CSV (UTF-8).');
  });

  it('stops a streaming reader with the same words', () => {
    expect(utf8Stop(latin, ACCOUNTS)).toEqual({
      line: 4,
      reason: 'byte 0xE9 is not UTF-8: the file looks like Windows-1252 (Latin-1) text; the rest of the file was not read',
      hint: 'Save the file as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 exports/accounts.csv > exports/accounts-utf8.csv',
    });
  });
});
