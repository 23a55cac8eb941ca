/**
 * Byte-level reading of an export: strict UTF-8 with the line of the first bad byte, and lines cut
 * at a cap without ever holding more than the cap in memory. `readline` would buffer a 100 MB line
 * whole and turn invalid bytes into U+FFFD without a word; an export arrives from a public
 * collection URL, so neither is acceptable.
 */

/** Bytes that are not UTF-8, found on `line`; `encoding` names what the file more likely is. */
export class EncodingError extends Error {
  readonly line: number;
  readonly encoding: string | undefined;

  constructor(line: number, encoding: string | undefined) {
    super(`line ${line} is not valid UTF-8${encoding ? ` (it looks like ${encoding})` : ''}`);
    this.name = 'EncodingError';
    this.line = line;
    this.encoding = encoding;
  }
}

/** One line of the file: its text, or only its length in bytes when it was longer than the cap. */
export type TextLine =
  | { line: number; text: string; /** false for a last line with no line break after it */ complete: boolean }
  | { line: number; tooLong: number; complete: boolean };

const NEWLINE = 0x0a;

/**
 * Decodes UTF-8 piece by piece, each piece ending at a line break at the latest, so that a decoding
 * failure is always on the line being counted. A line break (0x0A) is never part of a multi-byte
 * sequence, so splitting there never cuts a valid character.
 */
class StrictUtf8 {
  line = 1;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** Decodes one piece (at most one line break, at its end). */
  decode(piece: Uint8Array): string {
    try {
      return this.decoder.decode(piece, { stream: true });
    } catch {
      throw new EncodingError(this.line, guessEncoding(piece));
    }
  }

  /** Throws when the file ends inside a multi-byte sequence. */
  finish(last: Uint8Array): void {
    try {
      this.decoder.decode();
    } catch {
      throw new EncodingError(this.line, guessEncoding(last));
    }
  }
}

/**
 * The lines of a byte stream, numbered from 1 as an editor shows them, without their line break
 * (LF; a CR before it is kept for the caller to trim). A line of more than `maxBytes` bytes is
 * counted but not kept: memory stays below `maxBytes` per line whatever the input. Throws
 * EncodingError at the first byte sequence that is not UTF-8.
 */
export async function* readTextLines(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<TextLine> {
  const utf8 = new StrictUtf8();
  let parts: string[] = [];
  let bytes = 0;
  let last: Uint8Array = new Uint8Array(0);
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline + 1;
      const piece = chunk.subarray(start, end);
      last = piece;
      const text = utf8.decode(piece);
      bytes += piece.length - (newline === -1 ? 0 : 1);
      if (bytes <= maxBytes) parts.push(newline === -1 ? text : text.slice(0, -1));
      else parts = [];
      if (newline !== -1) {
        yield bytes <= maxBytes ? { line: utf8.line, text: parts.join(''), complete: true } : { line: utf8.line, tooLong: bytes, complete: true };
        utf8.line++;
        parts = [];
        bytes = 0;
      }
      start = end;
    }
  }
  utf8.finish(last);
  if (bytes > 0) yield bytes <= maxBytes ? { line: utf8.line, text: parts.join(''), complete: false } : { line: utf8.line, tooLong: bytes, complete: false };
}

/**
 * Passes a byte stream through unchanged after checking that it is UTF-8, for a parser that decodes
 * by itself (and would replace bad bytes silently). Throws EncodingError with the line.
 */
export async function* checkUtf8(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const utf8 = new StrictUtf8();
  let last: Uint8Array = new Uint8Array(0);
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline + 1;
      last = chunk.subarray(start, end);
      utf8.decode(last);
      if (newline !== -1) utf8.line++;
      start = end;
    }
    yield chunk;
  }
  utf8.finish(last);
}

/**
 * What a piece of text that is not UTF-8 more likely is: bytes 0x80–0xFF standing alone between
 * ASCII characters (`Müller` as `M\xFCller`) are the mark of Latin-1 or Windows-1252, the usual
 * export encoding of spreadsheets on Windows.
 */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const before = i === 0 || bytes[i - 1]! < 0x80;
    const after = i + 1 >= bytes.length || bytes[i + 1]! < 0x80;
    if (before && after) return 'Latin-1 or Windows-1252';
  }
  return undefined;
}
