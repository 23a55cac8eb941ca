import type { Readable } from 'node:stream';
import { parse, type Options as CsvOptions } from 'csv-parse';
import { Utf8Check, utf8Stop, type TextSource } from './text-encoding.ts';

/**
 * The one CSV writer: every CSV file the tools write goes through `toCsv` or `csvRow`.
 *
 * RFC 4180: fields with a comma, a double quote or a line break are quoted, quotes doubled, lines end
 * in CRLF.
 *
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ as a formula, so a text cell
 * that starts with one of them, or with a tab, carriage return, line feed or NUL, or with one of
 * = + - @ after leading whitespace or control characters, is written with a leading apostrophe and
 * opens as text. This follows OWASP's "CSV Injection" guidance
 * (https://owasp.org/www-community/attacks/CSV_Injection: prefix cells starting with = + - @, tab or
 * carriage return with a single quote, and quote every field that needs it) and OWASP ASVS 5.0
 * requirement 1.2.10 (RFC 4180 escaping, and = + - @ tab and NUL escaped with a single quote when they
 * come first). The text is judged after NFKC normalisation, so the fullwidth ＝ ＋ － ＠ and other
 * compatibility forms that a spreadsheet may fold into = + - @ are caught too.
 *
 * Only strings are judged: a `number` is a value the tools computed (a count, a rate, a z of -1.96)
 * and is written as a number. Pass outside data as strings, never converted to numbers first.
 *
 * Control characters: NUL and the other C0 controls except tab, CR and LF, and DEL, are written as
 * their Unicode control pictures (NUL as ␀), so no control byte reaches the file raw and the cell
 * still shows that something was there. Tab, CR and LF are kept: a line break is quoted as RFC 4180
 * says, and a leading one has the cell defused as above.
 */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return csvRow(columns) + rows.map((row) => csvRow(columns.map((c) => row[c]))).join('');
}

/** One CSV line, CRLF included. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** One CSV field: numbers as they are, text defused and quoted as `toCsv` describes. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = defuseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Starts a formula, as a spreadsheet reads a cell: see `toCsv`. */
const FORMULA_START = /^(?:[\t\r\n\0]|[\s\p{Cc}\p{Cf}]*[=+\-@])/u;
/** C0 controls other than tab, LF and CR, and DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as it is safe to write in a CSV cell: controls shown as control pictures, a formula start defused with `'`. */
export function defuseFormula(text: string): string {
  const visible = CONTROL_ANY.test(text) ? text.replace(CONTROL, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0))) : text;
  // Text starting with an ASCII letter or digit cannot start a formula, however NFKC folds what follows:
  // no composition turns a letter or digit into = + - @ or a space. Most cells take this way, spared the normalisation.
  if (SAFE_START.test(text)) return visible;
  return FORMULA_START.test(text.normalize('NFKC')) ? `'${visible}` : visible;
}

const CONTROL_ANY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const SAFE_START = /^[A-Za-z0-9]/;

/** The field separators an export may use: commas, or semicolons (Excel in many European locales), or tabs. */
export type CsvDelimiter = ',' | ';' | '\t';

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a CSV file, judged from its start: the one that appears outside quotes in the
 * header and the same number of times in most of the rows after it (a comma-separated file may have
 * semicolons inside cells, but not the same number in every row). Commas when nothing else fits.
 */
export function sniffDelimiter(start: string): CsvDelimiter {
  const records = delimiterCounts(start.replace(/^\uFEFF/, ''), 20);
  const header = records[0];
  if (!header) return ',';
  const candidates = DELIMITERS.filter((d) => header[d] > 0);
  const agreeing = (d: CsvDelimiter) => records.slice(1).filter((r) => r[d] === header[d]).length;
  return candidates.sort((a, b) => agreeing(b) - agreeing(a) || header[b] - header[a] || DELIMITERS.indexOf(a) - DELIMITERS.indexOf(b))[0] ?? ',';
}

/** Delimiters outside quotes in each of the first `limit` non-blank records (an unfinished last record is left out). */
function delimiterCounts(text: string, limit: number): Record<CsvDelimiter, number>[] {
  const records: Record<CsvDelimiter, number>[] = [];
  let counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (!blank) records.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
      blank = true;
      continue;
    } else if (!quoted && c in counts) counts[c as CsvDelimiter]++;
    if (c !== ' ') blank = false;
  }
  if (records.length === 0 && !blank) records.push(counts);
  return records;
}

/** A row of a CSV file and the line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** A problem that stopped reading: rows before it count, nothing after it was read. */
export interface CsvStop {
  line: number;
  reason: string;
  hint?: string;
}

export interface ReadCsvOptions {
  /** The file, for the hint of a stop at bytes that are not UTF-8 (it names the file in an iconv command). */
  source: TextSource;
  /** The field separator (default a comma); see `sniffDelimiter`. */
  delimiter?: CsvDelimiter;
}

/** Thrown inside the parser to end reading at a stop; never leaves readCsvRows. */
class StopReading extends Error {}

/**
 * Reads RFC 4180 CSV (double quotes, quoted fields spanning lines, a byte-order mark) row by row, each
 * with the line it starts on and blank rows left out, as a team's exports need for messages that point
 * at a row. Short or long rows are the caller's to judge. Reading stops, and `stopped()` says why and
 * where, at the first of: a quote never closed, a row over `maxRowChars` (at once: the rest of the
 * file is not even scanned), bytes that are not UTF-8. Every row before the stop is read.
 * Read either `rows` or `batches` (the same rows, a chunk's worth at a time), not both.
 */
export function readCsvRows(
  input: Readable,
  maxRowChars: number,
  options: ReadCsvOptions,
): { rows: AsyncIterable<CsvRow>; batches: AsyncIterable<CsvRow[]>; stopped: () => CsvStop | undefined; close: () => void } {
  // Lines are counted from each row's raw text, in the parser's own (synchronous) callbacks,
  // because csv-parse's `lines` counter counts a CRLF inside a quoted field twice.
  let cursor = 1;
  const advance = (raw: string | undefined): number => {
    if (!raw) return cursor;
    const start = cursor + lineBreaks(raw, true);
    cursor += lineBreaks(raw, false);
    return start;
  };
  let stopped: CsvStop | undefined;
  // Rows go to this queue from the parser's callbacks, so none is lost when the parser stops with an error.
  const queue: CsvRow[] = [];
  let records = 0;
  let cutShort = false;
  let closed = false;
  let halted = false;
  const cap = maxRowChars.toLocaleString('en-US');
  const csvOptions: CsvOptions<CsvRow, { record: string[]; raw: string }> = {
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRowChars,
    raw: true,
    on_record: (record) => {
      const line = advance(record.raw);
      // A row of nothing but spaces is as empty as an empty line.
      if (record.record.length === 1 && record.record[0]!.trim() === '') return undefined;
      // The input ended at bytes that are not UTF-8: the row they cut short is not read.
      if (cutShort && !/[\r\n]$/.test(record.raw)) return undefined;
      records++;
      queue.push({ line, fields: record.record });
      return undefined;
    },
    on_skip: (error, raw) => {
      const line = advance(raw);
      if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
        stopped ??= { line, reason: 'a quoted field starts in this row and is never closed; the rest of the file was not read', hint: 'Inside a quoted field, write a double quote as two: "".' };
        return;
      }
      const start = JSON.stringify((raw ?? '').replace(/^[\uFEFF\r\n]+/, '').slice(0, 40));
      stopped ??=
        error?.code === 'CSV_MAX_RECORD_SIZE'
          ? records === 0
            ? { line, reason: `the header row is longer than ${cap} characters (${start}…); no row could be read`, hint: 'Is this a CSV export? Its first line should name the columns, like: Account ID,Account Name,Industry' }
            : { line, reason: `this row is longer than ${cap} characters (${start}…); the rest of the file was not read`, hint: 'Often a quote that is never closed: check the quotes on this line.' }
          : { line, reason: `this row cannot be read as CSV (${error?.message ?? 'unknown error'}); the rest of the file was not read` };
      // Thrown from here, csv-parse ends with this error instead of going on through the rest of the row.
      halted = true;
      throw new StopReading();
    },
  };
  // csv-parse's overloads type what on_record takes only when `columns` is set: the cast says what it takes here.
  const parser = parse(csvOptions as unknown as CsvOptions);
  let parserError: unknown;
  parser.on('error', (error) => (parserError ??= error));
  // Nothing is pushed (on_record returns undefined); reading keeps the stream flowing to its end.
  parser.resume();
  const utf8 = new Utf8Check();

  const feed = (bytes: Buffer | undefined) => {
    if (bytes && bytes.length) parser.write(bytes);
  };
  const invalid = () => {
    cutShort = true;
    stopped ??= utf8Stop(utf8.problem!, options.source);
  };
  const check = () => {
    if (parserError && !(parserError instanceof StopReading)) throw parserError;
    return !halted && !closed;
  };

  // The rows of each chunk read, together: a reader that loops over them spares an await per row.
  async function* batches(): AsyncGenerator<CsvRow[]> {
    try {
      for await (const chunk of input as AsyncIterable<Buffer | string>) {
        // csv-parse handles each write synchronously, so the queue is full when write returns.
        feed(utf8.take(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
        if (queue.length) yield queue.splice(0);
        if (utf8.problem) invalid();
        if (!check() || utf8.problem) break;
      }
      if (!check()) return;
      if (!utf8.problem) {
        feed(utf8.finish());
        if (utf8.problem) invalid();
      }
      await new Promise<void>((resolve) => parser.end(resolve));
      check();
      if (queue.length) yield queue.splice(0);
    } finally {
      parser.destroy();
    }
  }
  const batched = batches();
  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const batch of batched) yield* batch;
  }
  return {
    rows: rows(),
    batches: batched,
    stopped: () => stopped,
    close: () => {
      closed = true;
    },
  };
}

/** Line breaks (CRLF, CR or LF) in `text`, or only those before its first other character. */
function lineBreaks(text: string, leadingOnly: boolean): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) count++;
    else if (leadingOnly) break;
  }
  return count;
}
