/**
 * Streams an event export (NDJSON or CSV) row by row, hands every valid event to a callback and
 * collects the rows it had to skip with their line numbers, so that a 2 GB export never has to fit
 * in memory as text and one broken row never stops the report.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse, type Options as CsvOptions } from 'csv-parse';
import { closestMatch, plural } from '../diagnostics.ts';
import { checkCsvEvent, checkEvent, EVENT_FIELDS, quote, REQUIRED_COLUMNS, type ReportEvent, type RowProblem } from './events.ts';
import { formatCount } from './format.ts';

export type EventFormat = 'ndjson' | 'csv';

export interface BadRow extends RowProblem {
  /** 1-based line where the row starts, as an editor shows it. */
  line: number;
}

/** A problem that stopped reading: rows before it count, nothing after it was read. */
export interface ReadStop {
  line: number;
  reason: string;
  hint?: string;
}

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
}

/** A file the report cannot read at all: missing, a folder, not permitted. */
export class EventFileError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventFileError';
    this.hint = hint;
  }
}

export const DEFAULT_MAX_BAD_ROWS = 20;

/** Longest CSV row accepted: far above any real event, low enough that an unclosed quote cannot eat the memory. */
export const MAX_CSV_ROW_CHARS = 1 << 20;

const SNIFF_BYTES = 64 * 1024;

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
 * or from the content when the extension says nothing. Throws EventFileError only when the file cannot
 * be read at all; everything wrong inside the file is in the summary.
 */
export async function readEventFile(path: string, onEvent: (event: ReportEvent) => void, options: ReadOptions = {}): Promise<ReadSummary> {
  const start = await readStart(path);
  const format = formatFromName(path) ?? sniffFormat(start);
  const input = createReadStream(path);
  try {
    return format === 'csv' ? await readCsv(input, onEvent, options) : await readNdjson(input, onEvent, { ...options, start });
  } catch (error) {
    // Only failures of the file system are the file's fault; anything else is a bug and keeps its stack.
    if (typeof (error as NodeJS.ErrnoException).errno !== 'number') throw error;
    throw new EventFileError(`cannot read ${path}: ${systemMessage(error)}`, undefined, { cause: error });
  } finally {
    input.destroy();
  }
}

async function readStart(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new EventFileError(`${path} is a folder, not an events file`, 'Pass the export file itself, like exports/events.ndjson.');
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      const start = buffer.subarray(0, bytesRead);
      if (start[0] === 0x1f && start[1] === 0x8b) throw new EventFileError(`${path} is gzip-compressed`, `Unpack it first: gunzip -k ${path}`);
      if (start.includes(0)) throw new EventFileError(`${path} is not UTF-8 text (it contains NUL bytes: UTF-16, or not text at all)`, 'Export the events as UTF-8 NDJSON or CSV.');
      return start.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof EventFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new EventFileError(`cannot read ${path}: there is no such file`, 'Check the path; it is relative to the folder you run the command in.', { cause: error });
    if (code === 'EACCES' || code === 'EPERM') throw new EventFileError(`cannot read ${path}: permission denied`, undefined, { cause: error });
    throw new EventFileError(`cannot read ${path}: ${systemMessage(error)}`, undefined, { cause: error });
  }
}

function systemMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code} (${e.message})` : String(e?.message ?? error);
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
 */
export async function readNdjson(input: Readable, onEvent: (event: ReportEvent) => void, options: ReadOptions & { start?: string } = {}): Promise<ReadSummary> {
  const collector = createCollector(options.maxBadRows ?? DEFAULT_MAX_BAD_ROWS);
  const misfit = options.start === undefined ? undefined : notNdjson(options.start);
  if (misfit) return collector.result('ndjson', 0, 0, misfit);

  let line = 0;
  let rows = 0;
  let events = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (raw) => {
    line++;
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '') return;
    rows++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const hint = text.startsWith('{') ? ' (an event must be one complete JSON object on one line)' : '';
      collector.add(line, { code: 'json', reason: `not valid JSON${hint}` });
      return;
    }
    const checked = checkEvent(value);
    if (checked.ok) {
      events++;
      onEvent(checked.event);
    } else collector.add(line, checked.problem);
  });
  await new Promise<void>((resolve, reject) => {
    input.once('error', reject);
    lines.once('close', resolve);
  });
  return collector.result('ndjson', rows, events);
}

function notNdjson(start: string): ReadStop | undefined {
  const text = start.replace(/^\uFEFF/, '');
  const offset = text.length - text.trimStart().length;
  const line = text.slice(0, offset).split('\n').length;
  const firstLine = text.slice(offset).split(/\r?\n/, 1)[0]!.trim();
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

interface CsvRow {
  line: number;
  fields: string[];
}

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BREAKS = /^(?:\r\n|\r|\n)*/;

/**
 * CSV with a header row naming the contract's fields (RFC 4180: commas, double quotes, quoted fields
 * may span lines). Columns the contract does not know are ignored.
 */
export async function readCsv(input: Readable, onEvent: (event: ReportEvent) => void, options: ReadOptions = {}): Promise<ReadSummary> {
  const collector = createCollector(options.maxBadRows ?? DEFAULT_MAX_BAD_ROWS);
  // Line numbers are counted from each row's raw text, in the parser's own (synchronous) callbacks,
  // because csv-parse's `lines` counter counts a CRLF inside a quoted field twice.
  let cursor = 1;
  const advance = (raw: string | undefined): number => {
    if (!raw) return cursor;
    const start = cursor + (LEADING_BREAKS.exec(raw)![0].match(LINE_BREAK)?.length ?? 0);
    cursor += raw.match(LINE_BREAK)?.length ?? 0;
    return start;
  };
  let stopped: ReadStop | undefined;
  const csvOptions: CsvOptions<CsvRow, { record: string[]; raw: string }> = {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_CSV_ROW_CHARS,
    raw: true,
    on_record: (record) => ({ line: advance(record.raw), fields: record.record }),
    on_skip: (error, raw) => {
      const line = advance(raw);
      // Both errors that get here leave the parser unable to find the next row: it stops.
      stopped ??=
        error?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? { line, reason: 'a quoted field starts in this row and is never closed; the rest of the file was not read', hint: 'Inside a quoted field, write a double quote as two: "".' }
          : { line, reason: `this row is longer than ${formatCount(MAX_CSV_ROW_CHARS)} characters (often a quote that is never closed); the rest of the file was not read` };
      return undefined;
    },
  };
  // csv-parse's overloads type what on_record returns only when `columns` is set: the cast says what it returns here.
  const parser = input.pipe(parse(csvOptions as unknown as CsvOptions));
  input.once('error', (error) => parser.destroy(error));

  let columns: Map<string, number> | undefined;
  let width = 0;
  let rows = 0;
  let events = 0;
  for await (const row of parser as AsyncIterable<CsvRow>) {
    if (row.fields.length === 1 && row.fields[0]!.trim() === '') continue;
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
      onEvent(checked.event);
    } else collector.add(row.line, checked.problem);
  }
  return collector.result('csv', rows, events, stopped);
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
