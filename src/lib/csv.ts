import type { Readable } from 'node:stream';
import { parse, type Options as CsvOptions } from 'csv-parse';

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in CRLF. */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const line = (values: unknown[]) => values.map(csvField).join(',');
  return [line([...columns]), ...rows.map((row) => line(columns.map((c) => row[c])))].join('\r\n') + '\r\n';
}

export function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

/**
 * Reads RFC 4180 CSV (commas, double quotes, quoted fields spanning lines, a byte-order mark) row by
 * row, each with the line it starts on and blank rows left out, as a team's exports need for messages that point at a row.
 * Short or long rows are the caller's to judge; a quote never closed, or a row over `maxRowChars`,
 * leaves the parser unable to find the next row, so reading stops there and `stopped()` says why.
 */
export function readCsvRows(input: Readable, maxRowChars: number): { rows: AsyncIterable<CsvRow>; stopped: () => CsvStop | undefined; close: () => void } {
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
  const options: CsvOptions<CsvRow, { record: string[]; raw: string }> = {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRowChars,
    raw: true,
    on_record: (record) => {
      const line = advance(record.raw);
      // A row of nothing but spaces is as empty as an empty line.
      return record.record.length === 1 && record.record[0]!.trim() === '' ? undefined : { line, fields: record.record };
    },
    on_skip: (error, raw) => {
      const line = advance(raw);
      stopped ??=
        error?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? { line, reason: 'a quoted field starts in this row and is never closed; the rest of the file was not read', hint: 'Inside a quoted field, write a double quote as two: "".' }
          : { line, reason: `this row is longer than ${maxRowChars.toLocaleString('en-US')} characters (often a quote that is never closed); the rest of the file was not read` };
      return undefined;
    },
  };
  // csv-parse's overloads type what on_record returns only when `columns` is set: the cast says what it returns here.
  const parser = input.pipe(parse(options as unknown as CsvOptions));
  input.once('error', (error) => parser.destroy(error));
  return { rows: parser as AsyncIterable<CsvRow>, stopped: () => stopped, close: () => parser.destroy() };
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
