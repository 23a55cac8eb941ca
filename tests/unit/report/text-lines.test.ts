import { describe, expect, it } from 'vitest';
import { readTextLineBatches, readTextLines, type TextLine } from '../../../src/lib/report/text-lines.ts';
import { EncodingError } from '../../../src/lib/text-encoding.ts';

async function lines(chunks: (string | Uint8Array)[], maxBytes = 100): Promise<TextLine[]> {
  const out: TextLine[] = [];
  for await (const line of readTextLines(chunks, maxBytes)) out.push(line);
  return out;
}

async function failure(run: () => Promise<unknown>): Promise<EncodingError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof EncodingError) return error;
    throw error;
  }
  throw new Error('expected an EncodingError');
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('reading lines', () => {
  it('numbers lines as an editor does, across chunk borders, and says whether the last one ended', async () => {
    expect(await lines(['a\nb', 'c\r\n\n', 'last'])).toEqual([
      { line: 1, text: 'a', complete: true },
      { line: 2, text: 'bc', complete: true },
      { line: 3, text: '', complete: true },
      { line: 4, text: 'last', complete: false },
    ]);
    expect(await lines(['a\n'])).toEqual([{ line: 1, text: 'a', complete: true }]);
  });

  it('ends a line at CR alone too, and counts a CRLF split between chunks as one break', async () => {
    expect(await lines(['a\rb\r', '\nc\r', 'd'])).toEqual([
      { line: 1, text: 'a', complete: true },
      { line: 2, text: 'b', complete: true },
      { line: 3, text: 'c', complete: true },
      { line: 4, text: 'd', complete: false },
    ]);
  });

  it('decodes a character split between chunks and drops a byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFFMüller €\n');
    expect(await lines([bytes.subarray(0, 5), bytes.subarray(5, 9), bytes.subarray(9)])).toEqual([{ line: 1, text: 'Müller €', complete: true }]);
  });

  it('counts a line over the cap without keeping it, and goes on with the next', async () => {
    const long = 'x'.repeat(250);
    expect(await lines([`ok\n${long.slice(0, 120)}`, `${long.slice(120)}\nnext\n${long}`], 100)).toEqual([
      { line: 1, text: 'ok', complete: true },
      { line: 2, tooLong: 250, complete: true },
      { line: 3, text: 'next', complete: true },
      { line: 4, tooLong: 250, complete: false },
    ]);
    // The cap is on the line's bytes, not counting its line break.
    expect(await lines(['x'.repeat(100) + '\n'], 100)).toEqual([{ line: 1, text: 'x'.repeat(100), complete: true }]);
  });

  it('stops at the first byte that is not UTF-8, with its line and a guess at the encoding', async () => {
    const error = await failure(() => lines([Buffer.from('ok\nfine\n'), latin1('M\u00fcller\n')]));
    expect(error.problem).toEqual({ line: 3, byte: '0xFC', encoding: 'Windows-1252 (Latin-1)' });
    expect(error.message).toBe('line 3: byte 0xFC is not UTF-8: the file looks like Windows-1252 (Latin-1) text');
    // Bad bytes inside a line too long to keep are still found.
    expect((await failure(() => lines([`${'x'.repeat(300)}\n`, latin1('\u00e9')], 100))).problem.line).toBe(2);
    // On the line the lines before it were numbered by, CR alone included.
    expect((await failure(() => lines([Buffer.from('a\rb\r\nc\r'), latin1('\u00e9\r')]))).problem.line).toBe(4);
  });

  it('finds a sequence cut by a line break on the line it starts on, and one cut by the end of the file', async () => {
    const euro = Buffer.from('€');
    expect((await failure(() => lines([Buffer.concat([Buffer.from('a\nb'), euro.subarray(0, 2), Buffer.from('\nc\n')])]))).problem.line).toBe(2);
    const cut = await failure(() => lines([Buffer.concat([Buffer.from('a\nb'), euro.subarray(0, 2)])]));
    expect(cut.problem).toEqual({ line: 2, byte: '0xE2', encoding: undefined });
  });
});

describe('reading lines a chunk at a time', () => {
  it('gives the lines of each chunk together, the same lines as one at a time', async () => {
    const chunks = ['a\nb', 'c\r\n\n', 'last'];
    const batches: TextLine[][] = [];
    for await (const batch of readTextLineBatches(chunks, 100)) batches.push(batch);
    expect(batches.map((b) => b.map((l) => l.line))).toEqual([[1], [2, 3], [4]]);
    expect(batches.flat()).toEqual(await lines(chunks));
  });

  it('gives the lines before a byte that is not UTF-8, then stops', async () => {
    const batches: TextLine[][] = [];
    const error = await failure(async () => {
      for await (const batch of readTextLineBatches([Buffer.from('a\nb\n'), latin1('caf\u00e9\n')], 100)) batches.push(batch);
    });
    expect(batches.flat().map((l) => ('text' in l ? l.text : ''))).toEqual(['a', 'b']);
    expect(error.problem.line).toBe(3);
  });
});
