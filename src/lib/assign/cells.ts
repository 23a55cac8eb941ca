/**
 * The one rule by which the workbench reads a cell, applied identically by the stream (accounts.ts)
 * and by the SQL it prints (sql.ts), in every dialect:
 * - spaces around a cell are dropped: the tab and every Unicode space character (general category
 *   Zs: the ASCII space, the no-break space U+00A0, the ideographic space U+3000, the thin and narrow
 *   no-break spaces…), listed in CELL_SPACES. In SQL it is `TRIM(cell, '<those characters>')`, which
 *   all four warehouses read the same way (a warehouse's one-argument TRIM drops a set of its own).
 *   Spaces inside a value are kept, and so are line breaks anywhere: a cell "DE" followed by a line
 *   break is not "DE" in either path (line breaks would split the printed query's lines);
 * - text compares without regard to case of the ASCII letters only (criteria.ts foldCase; SQL
 *   `TRANSLATE(cell, 'A…Z', 'a…z')`): `İ`, `ß` and every other non-ASCII letter stay as written, so
 *   "İTALY" is not "italy" anywhere, while "ITALY" is;
 * - a currency code is read in capitals the same way (a–z to A–Z only), so "ßx" is never "SSX".
 */
import { foldCase } from '../criteria.ts';

export { foldCase };

/** The characters trimmed around a cell: the tab and the Unicode space characters (Zs), listed once for both paths. */
export const CELL_SPACES = '\t \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';

const SPACE_CODES = new Set([...CELL_SPACES].map((c) => c.charCodeAt(0)));
const isSpace = (code: number) => code === 32 || code === 9 || (code >= 0xa0 && SPACE_CODES.has(code));

/** `cell` without CELL_SPACES around it; the empty string for a cell of only spaces. */
export function trimCell(cell: string): string {
  let start = 0;
  let end = cell.length;
  while (start < end && isSpace(cell.charCodeAt(start))) start++;
  while (end > start && isSpace(cell.charCodeAt(end - 1))) end--;
  return start === 0 && end === cell.length ? cell : cell.slice(start, end);
}

/**
 * `text` with every space other than the ASCII one, and the invisible format characters, written as
 * `\u00a0`: a message about "United\u00a0States" must not read as if it were about "United States".
 */
export function showSpaces(text: string): string {
  return text.replace(/[\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** a–z to A–Z, every other character as it is (for currency codes). */
export function upperAscii(text: string): string {
  if (!/[a-z]/.test(text)) return text;
  return /^[\x00-\x7f]*$/.test(text) ? text.toUpperCase() : text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** The two arguments of SQL's TRANSLATE that map ASCII capitals to small letters. */
export const ASCII_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ASCII_LOWER = 'abcdefghijklmnopqrstuvwxyz';
