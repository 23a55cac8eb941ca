import { open, stat } from 'node:fs/promises';
import { describeUtf8Problem, findUtf8Problem, utf8Hint, type Utf8Advice } from './text-encoding.ts';

/**
 * A file a command cannot read at all: missing, a folder, not permitted, compressed, not text. The
 * hint says how to fix it; the command prints both and exits 1, never a stack trace.
 */
export class InputFileError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputFileError';
    this.hint = hint;
  }
}

/** What a command expects to be given, for its messages. */
export interface InputKind extends Utf8Advice {
  /** What the file should be, as in "… is a folder, not an account export". */
  noun: string;
  /** A file to pass instead of a folder, as in "like exports/events.ndjson". */
  example: string;
}

/** Bytes looked at before reading: enough to tell compressed, binary and text apart, and a CSV header. */
const START_BYTES = 64 * 1024;

/**
 * The start of a file as text, after ruling out what no export reader can use: a missing file, a
 * folder, no permission, gzip or zip (an Excel workbook is one) and UTF-16 or binary data.
 */
export async function readStart(path: string, kind: InputKind): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) throw new InputFileError(`${path} is a folder, not ${kind.noun}`, `Pass the file itself, like ${kind.example}.`);
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(START_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, START_BYTES, 0);
      const start = buffer.subarray(0, bytesRead);
      if (start[0] === 0x1f && start[1] === 0x8b) throw new InputFileError(`${path} is gzip-compressed`, `Unpack it first: gunzip -k ${path}`);
      if (start[0] === 0x50 && start[1] === 0x4b) throw new InputFileError(`${path} is a zip file (an Excel workbook?), not text`, kind.exportHint);
      if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
        const nul = start.includes(0) ? 'it contains NUL bytes: ' : '';
        throw new InputFileError(`${path} is not UTF-8 text (${nul}it is UTF-16, with the byte-order mark Excel's "Unicode Text" writes)`, `${kind.exportHint} Or convert it: iconv -f UTF-16 -t UTF-8 ${path} > utf8.csv`);
      }
      if (start.includes(0)) {
        const utf16 = (start[0] === 0) !== (start[1] === 0);
        throw new InputFileError(`${path} is not UTF-8 text (it contains NUL bytes: ${utf16 ? 'it looks like UTF-16 without a byte-order mark' : 'UTF-16, or not text at all'})`, kind.exportHint);
      }
      // A character cut off by the end of what was read continues in the rest of the file.
      const problem = findUtf8Problem(start, bytesRead === START_BYTES);
      if (problem) throw new InputFileError(`${path}:${problem.line} ${describeUtf8Problem(problem)}`, utf8Hint(problem, { name: path, kind }));
      return start.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw readFailure(path, error);
  }
}

/**
 * A failure of the file system while reading `path` (missing, no permission, a disk error), as an
 * InputFileError. Anything else is a bug, not the file's fault, and is thrown as it is, stack and all.
 */
export function readFailure(path: string, error: unknown): InputFileError {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.errno !== 'number' && typeof e?.code !== 'string') throw error;
  if (e.code === 'ENOENT') return new InputFileError(`cannot read ${path}: there is no such file`, 'Check the path; it is relative to the folder you run the command in.', { cause: error });
  if (e.code === 'EACCES' || e.code === 'EPERM') return new InputFileError(`cannot read ${path}: permission denied`, undefined, { cause: error });
  return new InputFileError(`cannot read ${path}: ${e.code ? `${e.code} (${e.message})` : e.message}`, undefined, { cause: error });
}
