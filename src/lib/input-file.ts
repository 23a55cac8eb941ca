import { open, stat } from 'node:fs/promises';

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
export interface InputKind {
  /** What the file should be, as in "… is a folder, not an account export". */
  noun: string;
  /** A file to pass instead of a folder, as in "like exports/events.ndjson". */
  example: string;
  /** How to get a readable file, as in "Export the accounts as CSV (UTF-8)." */
  exportHint: string;
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
      if (start.includes(0)) throw new InputFileError(`${path} is not UTF-8 text (it contains NUL bytes: UTF-16, or not text at all)`, kind.exportHint);
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
