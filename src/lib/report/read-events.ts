/**
 * Streams an event export (NDJSON or CSV) row by row, hands every valid event to a callback and
 * collects the rows it had to skip with their line numbers, so that a 2 GB export never has to fit
 * in memory as text and one broken row never stops the report. What cannot be read to its end (bytes
 * that are not UTF-8, a quote never closed, a last line cut off) stops the reading, with its line:
 * the export is written by anyone who can load a page, so no row and no line may cost more than a cap.
 */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { readCsvRows, type CsvRow, type CsvStop } from '../csv.ts';
import { readFailure, readStart, type InputKind } from '../input-file.ts';
import { closestMatch, plural } from '../diagnostics.ts';
import { checkCsvEvent, checkEvent, EVENT_FIELDS, quote, REQUIRED_COLUMNS, type ReportEvent, type RowProblem } from './events.ts';
import { EncodingError, utf8Stop, type TextSource } from '../text-encoding.ts';
import { readTextLineBatches } from './text-lines.ts';

/** Receives every valid event with the line it starts on. */
export type EventHandler = (event: ReportEvent, line: number) => void;

export type EventFormat = 'ndjson' | 'csv';

export interface BadRow extends RowProblem {
  /** 1-based line where the row starts, as an editor shows it. */
  line: number;
}

/** A problem that stopped reading: rows before it count, nothing after it was read. */
export type ReadStop = CsvStop;

export interface ReadSummary {
  format: EventFormat;
  /** Rows read, blank lines not counted (for CSV: data rows, the header not counted). */
  rows: number;
  /** Rows that were valid events and went to the callback. */
  events: number;
  /** The first bad rows, in file order (at most `maxBadRows`). */
  badRows: BadRow[];
  /** Every bad row, including those not kept in `badRows`. */
  badRowCount: number;
  /** How many bad rows of each kind, by `code`. */
  badRowCodes: Record<string, number>;
  stopped?: ReadStop;
}

export interface ReadOptions {
  /** How many bad rows to keep with their line and reason (default 20); all are counted. */
  maxBadRows?: number;
  /** The file's name as the user gave it, for the hint on converting it to UTF-8 (default events.ndjson or events.csv). */
  name?: string;
}


export const DEFAULT_MAX_BAD_ROWS = 20;

/** Longest NDJSON line accepted, in bytes: far above any real event (under 1 KiB), and all a line may cost in memory. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Longest CSV row accepted, in characters: the same bound, so that an unclosed quote cannot eat the memory. */
export const MAX_CSV_ROW_CHARS = 64 * 1024;

/** Bytes read from the file at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;

const EVENT_EXPORT: InputKind = {
  noun: 'an events file',
  example: 'exports/events.ndjson',
  exportHint: 'Export the events as UTF-8 NDJSON or CSV.',
  saveAsUtf8: 'Export the events as UTF-8.',
};

/** The format a file name promises, if it promises one. */
export function formatFromName(path: string): EventFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  if (ext === '.csv') return 'csv';
  return undefined;
}

/** The format the start of a file looks like: JSON starts with a brace or bracket, anything else is taken as CSV. */
export function sniffFormat(start: string): EventFormat {
  const first = start.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'ndjson' : 'csv';
}

/**
 * Reads an export file. The format comes from the extension (`.ndjson`, `.jsonl`, `.json`, `.csv`),
 * or from the content when the extension says nothing. Throws InputFileError only when the file cannot
 * be read at all; everything wrong inside the file is in the summary.
 */
export async function readEventFile(path: string, onEvent: EventHandler, options: ReadOptions = {}): Promise<ReadSummary> {
  const start = await readStart(path, EVENT_EXPORT);
  const format = formatFromName(path) ?? sniffFormat(start);
  // Large chunks: fewer reads and fewer batches of lines, for the same memory bound (one chunk and one line).
  const input = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    return format === 'csv' ? await readCsv(input, onEvent, { name: path, ...options }) : await readNdjson(input, onEvent, { name: path, ...options, start });
  } catch (error) {
    throw readFailure(path, error);
  } finally {
    input.destroy();
  }
}



function createCollector(maxBadRows: number) {
  const badRows: BadRow[] = [];
  const badRowCodes: Record<string, number> = {};
  let badRowCount = 0;
  return {
    add(line: number, problem: RowProblem): void {
      badRowCount++;
      badRowCodes[problem.code] = (badRowCodes[problem.code] ?? 0) + 1;
      if (badRows.length < maxBadRows) badRows.push({ line, ...problem });
    },
    result(format: EventFormat, rows: number, events: number, stopped?: ReadStop): ReadSummary {
      const summary: ReadSummary = { format, rows, events, badRows, badRowCount, badRowCodes };
      if (stopped) summary.stopped = stopped;
      return summary;
    },
  };
}

/**
 * NDJSON: one JSON object per line. `start` (the first bytes, when the caller has them) lets a JSON
 * array or pretty-printed JSON be named for what it is instead of producing a bad row per line.
 * A line longer than MAX_LINE_BYTES is a bad row, counted without being held in memory; a last line
 * that is cut off (no line break, not complete JSON) stops the reading, as does a byte that is not UTF-8.
 */
export async function readNdjson(input: Readable, onEvent: EventHandler, options: ReadOptions & { start?: string } = {}): Promise<ReadSummary> {
  const collector = createCollector(options.maxBadRows ?? DEFAULT_MAX_BAD_ROWS);
  const misfit = options.start === undefined ? undefined : notNdjson(options.start);
  if (misfit) return collector.result('ndjson', 0, 0, misfit);

  let rows = 0;
  let events = 0;
  try {
    for await (const batch of readTextLineBatches(input, MAX_LINE_BYTES)) for (const item of batch) {
      const { line } = item;
      if ('tooLong' in item) {
        rows++;
        if (!item.complete) return collector.result('ndjson', rows, events, cutShort(line));
        collector.add(line, { code: 'too-long', reason: `this line is ${formatBytes(item.tooLong)} long, more than the ${formatBytes(MAX_LINE_BYTES)} one event may take` });
        continue;
      }
      const text = item.text.trim();
      if (text === '') continue;
      rows++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        if (!item.complete) return collector.result('ndjson', rows, events, cutShort(line));
        const hint = text.startsWith('{') ? ' (an event must be one complete JSON object on one line)' : '';
        collector.add(line, { code: 'json', reason: `not valid JSON${hint}` });
        continue;
      }
      const checked = checkEvent(value);
      if (checked.ok) {
        events++;
        onEvent(checked.event, line);
      } else collector.add(line, checked.problem);
    }
  } catch (error) {
    if (error instanceof EncodingError) return collector.result('ndjson', rows, events, utf8Stop(error.problem, eventSource(options.name ?? 'events.ndjson')));
    throw error;
  }
  return collector.result('ndjson', rows, events);
}

function cutShort(line: number): ReadStop {
  return {
    line,
    reason: 'the file ends in the middle of this line: it has no line break and is not a complete event, so the export was probably cut short',
    hint: 'Export the events again, or remove the incomplete last line if the rest is all you need.',
  };
}

function eventSource(name: string): TextSource {
  return { name, kind: EVENT_EXPORT };
}

/** `64 KiB`, `2.0 MiB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

function notNdjson(start: string): ReadStop | undefined {
  const text = start.replace(/^\uFEFF/, '');
  const offset = text.length - text.trimStart().length;
  // CRLF, LF and CR alone end a line, as for every line number the report gives.
  const line = text.slice(0, offset).split(/\r\n|\r|\n/).length;
  const firstLine = text.slice(offset).split(/\r\n|\r|\n/, 1)[0]!.trim();
  if (firstLine.startsWith('[')) {
    return {
      line,
      reason: 'this is a JSON array; the report reads NDJSON, one event object per line',
      hint: "Convert it with: jq -c '.[]' events.json > events.ndjson",
    };
  }
  if (firstLine === '{') {
    return {
      line,
      reason: 'this event spans several lines; the report reads NDJSON, one event object per line',
      hint: 'Convert it with: jq -c . events.json > events.ndjson',
    };
  }
  return undefined;
}


/**
 * CSV with a header row naming the contract's fields (RFC 4180: commas, double quotes, quoted fields
 * may span lines). Columns the contract does not know are ignored.
 */
export async function readCsv(input: Readable, onEvent: EventHandler, options: ReadOptions = {}): Promise<ReadSummary> {
  const collector = createCollector(options.maxBadRows ?? DEFAULT_MAX_BAD_ROWS);
  const csv = readCsvRows(input, MAX_CSV_ROW_CHARS, { source: eventSource(options.name ?? 'events.csv') });

  let columns: Map<string, number> | undefined;
  let width = 0;
  let rows = 0;
  let events = 0;
  for await (const row of csv.rows) {
    if (!columns) {
      const header = readHeader(row);
      if (!header.ok) return collector.result('csv', 0, 0, header.stop);
      columns = header.columns;
      width = row.fields.length;
      continue;
    }
    rows++;
    if (row.fields.length !== width) {
      collector.add(row.line, { code: 'columns', reason: `expected ${plural(width, 'field')} as in the header, found ${row.fields.length}` });
      continue;
    }
    const record: Record<string, string> = {};
    for (const [name, index] of columns) record[name] = row.fields[index]!;
    const checked = checkCsvEvent(record);
    if (checked.ok) {
      events++;
      onEvent(checked.event, row.line);
    } else collector.add(row.line, checked.problem);
  }
  return collector.result('csv', rows, events, csv.stopped());
}

function readHeader(row: CsvRow): { ok: true; columns: Map<string, number> } | { ok: false; stop: ReadStop } {
  const names = row.fields.map((f) => f.trim());
  const columns = new Map<string, number>();
  names.forEach((name, index) => {
    if ((EVENT_FIELDS as readonly string[]).includes(name) && !columns.has(name)) columns.set(name, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length === 0) return { ok: true, columns };
  const unknown = names.filter((n) => !columns.has(n));
  const guesses = missing.flatMap((m) => {
    const match = closestMatch(m, unknown);
    return match ? [`${quote(match)} for "${m}"`] : [];
  });
  const separator = names.length === 1 && /[;\t|]/.test(names[0]!) ? ' The header is one single column: is the file separated by commas?' : '';
  return {
    ok: false,
    stop: {
      line: row.line,
      reason: `the header has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length === 1 ? '' : 's'}; no row could be read`,
      hint: `${guesses.length ? `Did you mean ${guesses.join(', ')}? ` : ''}The header must name the contract's fields: ${EVENT_FIELDS.join(',')}.${separator}`,
    },
  };
}
