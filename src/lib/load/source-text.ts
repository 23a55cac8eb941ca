import type { Diagnostic } from '../diagnostics.ts';
import { findUtf8Problem } from '../text-encoding.ts';

/** Content files are small; anything larger is a mistake (an export pasted in, a binary) and would slow every build. */
export const MAX_FILE_BYTES = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Turns the bytes of a content file into text the parsers can trust: UTF-8 only, no byte-order
 * mark, `\n` line endings (so reported lines match what editors show for CRLF files too).
 */
export function decodeSourceText(file: string, bytes: Uint8Array): DecodeResult {
  const fail = (message: string, hint: string): DecodeResult => ({
    ok: false,
    diagnostic: { severity: 'error', rule: 'file-encoding', file, line: 1, column: 1, message, hint },
  });
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(
      `file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; content files may be at most 1 MB`,
      'Split the content into several files, or remove pasted data that does not belong in content.',
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const problem = findUtf8Problem(bytes);
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        rule: 'file-encoding',
        file,
        line: problem?.line ?? 1,
        column: 1,
        message: problem?.encoding ? `file is not valid UTF-8 text: it looks like ${problem.encoding}` : 'file is not valid UTF-8 text',
        hint: 'Save the file as UTF-8 in your editor (often "Save with encoding" → UTF-8).',
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return fail('file is empty', 'Fill in the required fields, or delete the file if it is not needed.');
  }
  return { ok: true, text };
}
