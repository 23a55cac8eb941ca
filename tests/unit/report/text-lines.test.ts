import { describe, expect, it } from 'vitest';
import { checkUtf8, EncodingError, guessEncoding, readTextLines, type TextLine } from '../../../src/lib/report/text-lines.ts';

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
      { line: 2, text: 'bc\r', complete: true },
      { line: 3, text: '', complete: true },
      { line: 4, text: 'last', complete: false },
    ]);
    expect(await lines(['a\n'])).toEqual([{ line: 1, text: 'a', complete: true }]);
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
    expect(error.line).toBe(3);
    expect(error.message).toBe('line 3 is not valid UTF-8 (it looks like Latin-1 or Windows-1252)');
    // Bad bytes inside a line too long to keep are still found.
    expect((await failure(() => lines([`${'x'.repeat(300)}\n`, latin1('\u00e9')], 100))).line).toBe(2);
  });

  it('finds a sequence cut by a line break on the line it starts on, and one cut by the end of the file', async () => {
    const euro = Buffer.from('€');
    expect((await failure(() => lines([Buffer.concat([Buffer.from('a\nb'), euro.subarray(0, 2), Buffer.from('\nc\n')])]))).line).toBe(2);
    const cut = await failure(() => lines([Buffer.concat([Buffer.from('a\nb'), euro.subarray(0, 2)])]));
    expect([cut.line, cut.encoding]).toEqual([2, undefined]);
  });
});

describe('checking UTF-8 for another reader', () => {
  it('passes the bytes through unchanged', async () => {
    const chunks = [Buffer.from('a,b\r\n"x\n'), Buffer.from('y",€\n')];
    const out: Uint8Array[] = [];
    for await (const chunk of checkUtf8(chunks)) out.push(chunk);
    expect(Buffer.concat(out).toString()).toBe('a,b\r\n"x\ny",€\n');
  });

  it('stops at the line of the first bad byte', async () => {
    const error = await failure(async () => {
      for await (const _ of checkUtf8([Buffer.from('a\nb\n'), Buffer.concat([Buffer.from('c\nd'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')])]));
    });
    expect([error.line, error.encoding]).toEqual([4, undefined]);
  });
});

describe('guessing the encoding', () => {
  it('names Latin-1 or Windows-1252 only for high bytes that stand alone', () => {
    expect(guessEncoding(latin1('Caf\u00e9 M\u00fcller'))).toBe('Latin-1 or Windows-1252');
    expect(guessEncoding(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toBeUndefined();
    expect(guessEncoding(Buffer.from('plain'))).toBeUndefined();
  });
});
