/**
 * Strict UTF-8 for the exports the data tools read (events for the report, accounts for the
 * workbench), checked as the bytes stream in, with the line of the first byte that is not UTF-8, a
 * guess at what the file is instead, and one wording for telling the user. A decoder left to itself
 * turns such bytes into U+FFFD without a word, and the counts would then be wrong without a sign.
 */
import { isUtf8 } from 'node:buffer';

/** Where the bytes of a file stop being UTF-8. */
export interface Utf8Problem {
  /** 1-based line of the first byte that is not UTF-8; CRLF, LF and CR alone each end a line, as in an editor. */
  line: number;
  /** That byte, as `0xE9`. */
  byte: string;
  /** What the file more likely is, when its bytes say so: `Windows-1252 (Latin-1)`. */
  encoding: string | undefined;
}

/** Thrown by a reader that cannot go on past bytes that are not UTF-8. */
export class EncodingError extends Error {
  readonly problem: Utf8Problem;

  constructor(problem: Utf8Problem) {
    super(`line ${problem.line}: ${describeUtf8Problem(problem)}`);
    this.name = 'EncodingError';
    this.problem = problem;
  }
}

/** What a user is told about a file's kind: how to get it as UTF-8 from the tools that write it. */
export interface Utf8Advice {
  /** How to get a readable file at all, as in "Export the accounts as CSV (UTF-8)." */
  exportHint: string;
  /** How to save UTF-8 from the tools that write such files, as in "Export the events as UTF-8." */
  saveAsUtf8: string;
}

/** A file being read, for messages: the name as the user gave it and what kind of file it should be. */
export interface TextSource {
  name: string;
  kind: Utf8Advice;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Checks bytes for UTF-8 as they arrive. `take` returns the bytes that are sure to be UTF-8: up to
 * the first that is not (then `problem` is set and nothing more is taken), holding back a character
 * cut off at the end of a chunk until the next one completes it. At most three bytes are held, so
 * memory does not grow with the length of a line. Lines are counted across chunks, CRLF as one.
 */
export class Utf8Check {
  problem: Utf8Problem | undefined;
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;
  private lastWasCr = false;

  take(chunk: Uint8Array): Buffer {
    if (this.problem) return Buffer.alloc(0);
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return this.check(bytes, false);
  }

  /** The bytes held back at the end of the input; a character cut off there is not UTF-8. */
  finish(): Buffer {
    return this.problem || !this.carry.length ? Buffer.alloc(0) : this.check(this.carry, true);
  }

  private check(bytes: Buffer, final: boolean): Buffer {
    const offset = firstInvalidByte(bytes, !final);
    const safe = offset ?? (final ? bytes.length : bytes.length - incompleteTail(bytes));
    const head = bytes.subarray(0, safe);
    // indexOf keeps this native-fast.
    for (let i = head.indexOf(LF); i !== -1; i = head.indexOf(LF, i + 1)) if (!(i > 0 ? head[i - 1] === CR : this.lastWasCr)) this.line++;
    for (let i = head.indexOf(CR); i !== -1; i = head.indexOf(CR, i + 1)) this.line++;
    if (head.length > 0) this.lastWasCr = head[head.length - 1] === CR;
    this.carry = Buffer.from(bytes.subarray(safe));
    if (offset !== undefined) {
      const byte = bytes[offset]!;
      this.problem = { line: this.line, byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`, encoding: guessEncoding(bytes, offset) };
    }
    return head;
  }
}

/**
 * The first problem in `bytes`, a whole text or its start. With `partialEnd`, a character cut off
 * at the very end is taken as continuing in bytes not given.
 */
export function findUtf8Problem(bytes: Uint8Array, partialEnd = false): Utf8Problem | undefined {
  const check = new Utf8Check();
  check.take(bytes);
  if (!partialEnd) check.finish();
  return check.problem;
}

/** `byte 0xE9 is not UTF-8: the file looks like Windows-1252 (Latin-1) text`: the one wording, after `file:line`. */
export function describeUtf8Problem(problem: Utf8Problem): string {
  return problem.encoding
    ? `byte ${problem.byte} is not UTF-8: the file looks like ${problem.encoding} text`
    : `byte ${problem.byte} is not UTF-8 (a damaged or cut-off character, or data that is not text)`;
}

/** How to get the file as UTF-8: save it again, or convert it with iconv under its own name. */
export function utf8Hint(problem: Utf8Problem, source: TextSource): string {
  if (!problem.encoding) return source.kind.exportHint;
  return `${source.kind.saveAsUtf8} Or convert it: iconv -f WINDOWS-1252 -t UTF-8 ${shellWord(source.name)} > ${shellWord(utf8Name(source.name))}`;
}

/** Reading stopped at bytes that are not UTF-8: the stop a streaming reader reports, with its line. */
export function utf8Stop(problem: Utf8Problem, source: TextSource): { line: number; reason: string; hint: string } {
  return { line: problem.line, reason: `${describeUtf8Problem(problem)}; the rest of the file was not read`, hint: utf8Hint(problem, source) };
}

/** `exports/events.csv` → `exports/events-utf8.csv`. */
function utf8Name(path: string): string {
  return path.replace(/(\.[^./\\]*)?$/, '-utf8$1');
}

/** A path as one shell word: as it is when it is plain, in single quotes otherwise. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** How far past a bad byte the guess looks: to the end of its line, within this many bytes. */
const GUESS_BYTES = 4096;

/**
 * What a file more likely is, judged from the bytes from `offset` to the end of that line: a byte of
 * 0x80–0xFF standing alone between ASCII characters (`Müller` as `M\xFCller`) is the mark of
 * Windows-1252 (Latin-1), the usual encoding of spreadsheet exports on Windows. High bytes in runs
 * are a damaged UTF-8 character or not text, and get no guess.
 */
function guessEncoding(bytes: Uint8Array, offset: number): string | undefined {
  const end = Math.min(bytes.length, offset + GUESS_BYTES);
  for (let i = offset; i < end; i++) {
    const b = bytes[i]!;
    if (b === LF || b === CR) break;
    if (b < 0x80) continue;
    const before = i === 0 || bytes[i - 1]! < 0x80;
    const after = i + 1 >= bytes.length || bytes[i + 1]! < 0x80;
    if (before && after) return 'Windows-1252 (Latin-1)';
  }
  return undefined;
}

/** Offset of the first byte of `bytes` that is not UTF-8; with `partialEnd`, a character cut off at the end is not one. */
function firstInvalidByte(bytes: Uint8Array, partialEnd: boolean): number | undefined {
  const whole = bytes.subarray(0, partialEnd ? bytes.length - incompleteTail(bytes) : bytes.length);
  if (isUtf8(whole)) return undefined;
  // The decoder replaces each bad sequence with U+FFFD; the first replacement that is not a real
  // U+FFFD in the file (EF BF BD) is where the bytes stop being UTF-8.
  const text = new TextDecoder('utf-8').decode(whole);
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    offset += Buffer.byteLength(text.slice(from, at));
    from = at + 1;
    if (whole[offset] === 0xef && whole[offset + 1] === 0xbf && whole[offset + 2] === 0xbd) offset += 3;
    else break;
  }
  return offset;
}

/** Bytes at the end of `bytes` that begin a UTF-8 character whose remaining bytes have not arrived. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}
