/**
 * Streams an account export through the assigner: each row is read, assigned and written out before
 * the next, and only counters and small, bounded samples are kept, so a file of any length runs in
 * the same memory. Rows that cannot be read are counted and listed with their line numbers; reading
 * stops (see readCsvRows) only at a quote never closed, a row over MAX_ROW_CHARS or bytes that are not UTF-8.
 * The delimiter (comma, semicolon or tab) is judged from the start of the file.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { revenueSource, type MatchContext } from '../criteria.ts';
import { csvRow, readCsvRows, sniffDelimiter, type CsvDelimiter, type CsvStop } from '../csv.ts';
import { readFailure, readStart, type InputKind } from '../input-file.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { CriterionKey } from '../schemas/index.ts';
import { createAccountReader, type ValueProblem, type ValueProblemCode } from './accounts.ts';
import { assignAccount, closestMiss, explain, matchContextOf, matchReasons, type Assignment, type RankedSegment } from './assign.ts';
import { checkColumns, type CompiledMapping } from './mapping.ts';

/** Columns of the assignments CSV, in order. */
export const OUTPUT_COLUMNS = ['line', 'account_id', 'account_name', 'segment', 'matched_segments', 'revenue_source', 'reasons', 'match_reasons', 'notes'] as const;

export const REVENUE_SOURCE_LABELS = { reported: 'reported', estimated: 'estimated from employees' } as const;

/** Longest CSV row accepted: far above any real account, low enough that an unclosed quote cannot eat the memory. */
export const MAX_ROW_CHARS = 1 << 20;

export interface AssignOptions {
  mapping: CompiledMapping;
  /** The segments that count, highest priority first (see rankSegments). */
  segments: readonly RankedSegment[];
  /** The export as messages name it, like the path the user typed. */
  csvName: string;
  /** Receives the assignments CSV in chunks; awaited, so a slow disk holds the reading back. */
  write?: (chunk: string) => void | Promise<void>;
  /** How many example accounts to keep for overlaps and for gaps (default 5). */
  samples?: number;
  /** How many unreadable rows, and how many cells not understood, to keep with their lines (default 20); all are counted. */
  maxBadRows?: number;
  /** The field separator (default a comma; assignAccountFile judges it from the file). */
  delimiter?: CsvDelimiter;
  /** Longest row read (default MAX_ROW_CHARS). */
  maxRowChars?: number;
}

export interface AccountSample {
  line: number;
  id: string;
  name?: string;
  /** Overlaps: the segments matched, in rank order. */
  segments?: string[];
  /** Unassigned: the closest segment and the checks failed for it, in words. */
  closest?: { segment: string; reasons: string[] };
}

export interface BadRow {
  line: number;
  code: string;
  reason: string;
}

export interface ProblemSample extends ValueProblem {
  line: number;
  id: string;
}

export interface AssignRun {
  /** The field separator the file was read with. */
  delimiter: CsvDelimiter;
  /** Data rows (the header and blank lines not counted). */
  rows: number;
  /** Rows read as accounts. */
  read: number;
  assigned: number;
  unassigned: number;
  /** Accounts matching more than one segment. */
  overlapping: number;
  revenueEstimated: number;
  segments: { segment: RankedSegment; assigned: number; matched: number }[];
  /** Accounts by the exact set of segments they match (two or more), most first. */
  overlaps: { segments: string[]; accounts: number }[];
  overlapSamples: AccountSample[];
  unassignedSamples: AccountSample[];
  /** Unassigned accounts by the segment they come closest to and the criteria they fail for it, most first. */
  gaps: { closest: string; failed: CriterionKey[]; accounts: number }[];
  unreadable: { count: number; rows: BadRow[] };
  valueProblems: { count: number; byCode: Partial<Record<ValueProblemCode, number>>; samples: ProblemSample[] };
  /** Values the mapping does not know, by column, most frequent first (a bounded tally). */
  unknownValues: { column: string; value: string; accounts: number }[];
  /** Cells with unknown values beyond the tally's bound of distinct values, not listed. */
  unknownValuesNotListed: number;
  /** Set when reading had to stop: rows before it count, nothing after it was read. */
  stopped?: CsvStop;
}

export type AssignOutcome = { ok: true; run: AssignRun; header: string[] } | { ok: false; diagnostics: Diagnostic[]; header: string[] };

/** Distinct keys kept by each tally; more would let a pathological file grow memory with its length. */
const TALLY_LIMIT = 500;
const CHUNK_CHARS = 1 << 16;




/**
 * Assigns the accounts of a CSV file. Throws InputFileError only when the file cannot be read at
 * all; everything wrong inside it is in the outcome.
 */
const ACCOUNT_EXPORT: InputKind = {
  noun: 'an account export',
  example: 'content/accounts/accounts.csv',
  exportHint: 'Export the accounts from your CRM, or save the sheet, as CSV (UTF-8): in Excel, "CSV UTF-8 (Comma delimited)".',
  saveAsUtf8: 'Save the file as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)"; Google Sheets always downloads CSV as UTF-8.',
};

export async function assignAccountFile(path: string, options: AssignOptions): Promise<AssignOutcome> {
  const start = await readStart(path, ACCOUNT_EXPORT);
  const input = createReadStream(path);
  try {
    return await assignAccounts(input, { delimiter: sniffDelimiter(start), ...options });
  } catch (error) {
    throw readFailure(path, error);
  } finally {
    input.destroy();
  }
}


/** Only the header row of an export (for checking a mapping before printing SQL), or why it cannot be read. */
export async function readHeader(path: string): Promise<{ header: string[]; delimiter: CsvDelimiter; stopped?: CsvStop }> {
  const delimiter = sniffDelimiter(await readStart(path, ACCOUNT_EXPORT));
  const input = createReadStream(path);
  try {
    const csv = readCsvRows(input, MAX_ROW_CHARS, { delimiter, source: { name: path, kind: ACCOUNT_EXPORT } });
    for await (const row of csv.rows) return { header: row.fields, delimiter };
    const stopped = csv.stopped();
    return stopped ? { header: [], delimiter, stopped } : { header: [], delimiter };
  } catch (error) {
    throw readFailure(path, error);
  } finally {
    input.destroy();
  }
}

export async function assignAccounts(input: Readable, options: AssignOptions): Promise<AssignOutcome> {
  const samples = options.samples ?? 5;
  const maxBadRows = options.maxBadRows ?? 20;
  const { mapping, segments } = options;
  const ctx: MatchContext = matchContextOf(mapping.data);

  const delimiter = options.delimiter ?? ',';
  const csv = readCsvRows(input, options.maxRowChars ?? MAX_ROW_CHARS, { delimiter, source: { name: options.csvName, kind: ACCOUNT_EXPORT } });

  const counts = new Map(segments.map((s) => [s.id, { segment: s, assigned: 0, matched: 0 }]));
  const run: AssignRun = {
    delimiter,
    rows: 0,
    read: 0,
    assigned: 0,
    unassigned: 0,
    overlapping: 0,
    revenueEstimated: 0,
    segments: [...counts.values()],
    overlaps: [],
    overlapSamples: [],
    unassignedSamples: [],
    gaps: [],
    unreadable: { count: 0, rows: [] },
    valueProblems: { count: 0, byCode: {}, samples: [] },
    unknownValues: [],
    unknownValuesNotListed: 0,
  };
  const overlaps = new Tally();
  const gaps = new Tally();
  const unknown = new Tally();
  // Output rows are collected and joined once per chunk: appending to one string that grows for a
  // whole chunk costs more in flattening and garbage than the join.
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async () => {
    const chunk = pending.join('');
    pending = [];
    pendingChars = 0;
    if (chunk && options.write) await options.write(chunk);
  };
  const push = (text: string) => {
    pending.push(text);
    pendingChars += text.length;
  };
  const bad = (line: number, code: string, reason: string) => {
    run.unreadable.count++;
    if (run.unreadable.rows.length < maxBadRows) run.unreadable.rows.push({ line, code, reason });
  };

  let header: string[] | undefined;
  let reader: ReturnType<typeof createAccountReader> | undefined;
  for await (const batch of csv.batches) for (const row of batch) {
    if (!header) {
      header = row.fields;
      const missing = checkColumns(mapping.entry, header, options.csvName);
      if (missing.length) {
        csv.close();
        return { ok: false, diagnostics: missing, header };
      }
      reader = createAccountReader(mapping, header, { localeNumbers: delimiter === ';' });
      push(csvRow(OUTPUT_COLUMNS));
      continue;
    }
    run.rows++;
    if (row.fields.length !== header.length) {
      bad(row.line, 'columns', `expected ${header.length} fields as in the header, found ${row.fields.length}`);
      continue;
    }
    const read = reader!.read(row.fields);
    if ('code' in read) {
      bad(row.line, read.code, read.reason);
      continue;
    }
    run.read++;
    const { account, problems } = read;
    for (const p of problems) {
      run.valueProblems.count++;
      run.valueProblems.byCode[p.code] = (run.valueProblems.byCode[p.code] ?? 0) + 1;
      if (run.valueProblems.samples.length < maxBadRows) run.valueProblems.samples.push({ ...p, line: row.line, id: account.id });
      if (p.value !== '' && p.code !== 'employees' && p.code !== 'revenue') unknown.add(`${p.column}\u0000${p.value}`);
    }
    const source = revenueSource(account, ctx);
    if (source === 'estimated') run.revenueEstimated++;

    const assignment = assignAccount(account, segments, ctx);
    for (const s of assignment.matched) counts.get(s.id)!.matched++;
    let miss: ReturnType<typeof closestMiss>;
    if (assignment.assigned) {
      run.assigned++;
      counts.get(assignment.assigned.id)!.assigned++;
      if (assignment.matched.length > 1) {
        run.overlapping++;
        const ids = assignment.matched.map((s) => s.id);
        overlaps.add(ids.join(';'));
        if (run.overlapSamples.length < samples) run.overlapSamples.push(sample(row.line, account.id, read.name, { segments: ids }));
      }
    } else {
      run.unassigned++;
      miss = closestMiss(assignment);
      if (miss) gaps.add(`${miss.segment.id}\u0000${miss.failed.map((c) => c.criterion).join(',')}`);
      if (run.unassignedSamples.length < samples) {
        const closest = miss && { segment: miss.segment.id, reasons: miss.failed.map((c) => c.reason) };
        run.unassignedSamples.push(sample(row.line, account.id, read.name, closest ? { closest } : {}));
      }
    }

    push(outputRow(row.line, account.id, read.name, assignment, miss, source, problems));
    if (pendingChars >= CHUNK_CHARS) await flush();
  }
  await flush();
  return { ok: true, run: finish(run, overlaps, gaps, unknown, csv.stopped()), header: header ?? [] };
}

function sample(line: number, id: string, name: string | undefined, extra: Partial<AccountSample>): AccountSample {
  const out: AccountSample = { line, id, ...extra };
  if (name !== undefined) out.name = name;
  return out;
}

function outputRow(line: number, id: string, name: string | undefined, assignment: Assignment, miss: ReturnType<typeof closestMiss>, source: 'reported' | 'estimated' | undefined, problems: readonly ValueProblem[]): string {
  return csvRow([
    line,
    id,
    name,
    assignment.assigned?.id,
    assignment.matched.map((s) => s.id).join(';'),
    source ? REVENUE_SOURCE_LABELS[source] : '',
    explain(assignment, miss),
    matchReasons(assignment),
    problems.map((p) => `${p.column}: ${p.message}`).join('; '),
  ]);
}

function finish(run: AssignRun, overlaps: Tally, gaps: Tally, unknown: Tally, stopped: AssignRun['stopped']): AssignRun {
  run.overlaps = overlaps.sorted().map(([key, accounts]) => ({ segments: key.split(';'), accounts }));
  run.gaps = gaps.sorted().map(([key, accounts]) => {
    const [closest, failed] = key.split('\u0000') as [string, string];
    return { closest, failed: failed.split(',') as CriterionKey[], accounts };
  });
  run.unknownValues = unknown.sorted().map(([key, accounts]) => {
    const [column, value] = key.split('\u0000') as [string, string];
    return { column, value, accounts };
  });
  run.unknownValuesNotListed = unknown.dropped;
  if (stopped) run.stopped = stopped;
  return run;
}

/** Counts per key, keeping at most TALLY_LIMIT distinct keys; occurrences of later new keys are only counted. */
class Tally {
  readonly counts = new Map<string, number>();
  /** Occurrences of keys that did not fit. */
  dropped = 0;

  add(key: string): void {
    const n = this.counts.get(key);
    if (n !== undefined) this.counts.set(key, n + 1);
    else if (this.counts.size < TALLY_LIMIT) this.counts.set(key, 1);
    else this.dropped++;
  }

  /** Most frequent first, then by key. */
  sorted(): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}
