/**
 * Reads a CRM export of leads and opportunities (CSV) through the mapping of content/crm.yaml, with
 * the workbench's reading of hostile input: the encoding checked (UTF-8, with the line of a bad byte
 * and how to convert it), the delimiter judged from the start (comma, semicolon or tab), rows capped
 * in size and in number, every value capped in length, and every row that cannot be used listed
 * with its line. Cells read as the workbench reads them (spaces around a cell ignored, numbers as
 * digits with a decimal point and optional thousands commas).
 */
import { isCurrencyCode } from '../schemas/common.ts';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { cleanCell, readNumber } from '../assign/accounts.ts';
import { readCsvRows, sniffDelimiter, type CsvDelimiter, type CsvStop } from '../csv.ts';
import { closestMatch, type Diagnostic } from '../diagnostics.ts';
import { readFailure, readStart, type InputKind } from '../input-file.ts';
import { readContentFile } from '../load/files.ts';
import { parseProject, type Entry } from '../load/project.ts';
import { crmSchema, type CrmColumn, type CrmMapping } from '../schemas/crm.ts';
import { quote } from './events.ts';

/** Where the mapping lives in a content tree; without the file the schema's defaults apply. */
export const CRM_MAPPING_FILE = 'content/crm.yaml';

/** Longest CSV row accepted, as for account exports: an unclosed quote cannot eat the memory. */
export const MAX_CRM_ROW_CHARS = 1 << 20;
/** Most data rows read: far above the leads a site gets, low enough to bound the memory (about 200 bytes a row). */
export const MAX_CRM_ROWS = 1_000_000;
/** Longest value kept from each joined column, as for the same fields in events. */
export const CRM_FIELD_CAPS: Readonly<Record<Exclude<CrmColumn, 'amount' | 'currency'>, number>> = {
  leadId: 100,
  segment: 100,
  persona: 100,
  source: 200,
  medium: 200,
  stage: 100,
  id: 100,
};
export const DEFAULT_MAX_CRM_BAD_ROWS = 20;

/** What a row's stage makes it: not an opportunity (blank, or a stage no list names), or an open, won or lost one. */
export type StageKind = 'none' | 'unknown' | 'open' | 'won' | 'lost';

/** One usable row of the export, with the values the join needs. */
export interface CrmRow {
  line: number;
  leadId?: string;
  segment?: string;
  persona?: string;
  source?: string;
  medium?: string;
  /** The stage as written, when there is one. */
  stage?: string;
  kind: StageKind;
  /** The amount in whole currency units; absent when the cell is blank. */
  amount?: number;
  /** Three-letter code, upper case: the row's own, or the mapping's when the cell is blank or the export has no column. */
  currency: string;
  /** The CRM record id, for examples. */
  id?: string;
}

export interface CrmBadRow {
  line: number;
  code: 'columns' | 'amount' | 'currency' | 'too-long';
  reason: string;
}

export interface CrmRead {
  delimiter: CsvDelimiter;
  /** Data rows (the header and blank lines not counted). */
  rows: number;
  usable: CrmRow[];
  /** The first bad rows, in file order; `skippedCount` counts them all. */
  skipped: CrmBadRow[];
  skippedCount: number;
  /** Columns of the mapping the export does not have, that the join can do without (a note for the user). */
  absent: { field: CrmColumn; column: string }[];
  stopped?: CsvStop;
}

export type CrmReadOutcome = { ok: true; read: CrmRead } | { ok: false; diagnostics: Diagnostic[] };

/** The mapping and where it came from: its file entry, or the defaults when the content has no content/crm.yaml. */
export interface CrmMappingSource {
  data: CrmMapping;
  entry?: Entry<CrmMapping>;
}

export function defaultCrmMapping(): CrmMappingSource {
  return { data: crmSchema.parse({}) };
}

/**
 * The mapping of the content under `root`: content/crm.yaml read and checked as the content loader
 * does (a symbolic link is refused, never followed), or the defaults when there is no such file.
 */
export async function loadCrmMapping(root: string): Promise<{ ok: true; mapping: CrmMappingSource } | { ok: false; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readContentFile(root, CRM_MAPPING_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: true, mapping: defaultCrmMapping() };
    throw error;
  }
  const { project, diagnostics } = parseProject([bytes ? { file: CRM_MAPPING_FILE, bytes } : { file: CRM_MAPPING_FILE, bytes: new Uint8Array(), symlink: true }]);
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.file === CRM_MAPPING_FILE);
  if (errors.length || !project.crm) return { ok: false, diagnostics: errors };
  return { ok: true, mapping: { data: project.crm.data, entry: project.crm } };
}

export const CRM_EXPORT: InputKind = {
  noun: 'a CRM export',
  example: 'exports/opportunities.csv',
  exportHint: 'Export the report from your CRM as CSV (UTF-8): in Salesforce, "Export" › "Details Only" › "Comma Delimited .csv" with encoding "Unicode (UTF-8)"; in HubSpot, "Export" › CSV.',
  saveAsUtf8: 'Export it again as UTF-8: Salesforce asks for the encoding when exporting ("Unicode (UTF-8)"); HubSpot always exports UTF-8.',
};

/** In a semicolon-separated export a comma, or points between groups of three digits, may be the European way: not guessed (as for accounts). */
const LOCALE_AMBIGUOUS = /,|^[0-9]{1,3}(\.[0-9]{3})+$/;

export interface ReadCrmOptions {
  /** The export as messages name it. */
  name: string;
  delimiter?: CsvDelimiter;
  maxBadRows?: number;
  maxRows?: number;
  maxRowChars?: number;
}

export async function readCrmFile(path: string, mapping: CrmMappingSource, options: Omit<ReadCrmOptions, 'name' | 'delimiter'> = {}): Promise<CrmReadOutcome> {
  const start = await readStart(path, CRM_EXPORT);
  const input = createReadStream(path);
  try {
    return await readCrmExport(input, mapping, { ...options, name: path, delimiter: sniffDelimiter(start) });
  } catch (error) {
    throw readFailure(path, error);
  } finally {
    input.destroy();
  }
}

/**
 * Reads the rows of an export. The outcome is not ok when the header lacks what the join needs: the
 * stage and amount columns, and either the lead id column or all four hidden-field columns.
 */
export async function readCrmExport(input: Readable, mapping: CrmMappingSource, options: ReadCrmOptions): Promise<CrmReadOutcome> {
  const delimiter = options.delimiter ?? ',';
  const maxBadRows = options.maxBadRows ?? DEFAULT_MAX_CRM_BAD_ROWS;
  const maxRows = options.maxRows ?? MAX_CRM_ROWS;
  const csv = readCsvRows(input, options.maxRowChars ?? MAX_CRM_ROW_CHARS, { delimiter, source: { name: options.name, kind: CRM_EXPORT } });
  const read: CrmRead = { delimiter, rows: 0, usable: [], skipped: [], skippedCount: 0, absent: [] };
  const bad = (line: number, code: CrmBadRow['code'], reason: string) => {
    read.skippedCount++;
    if (read.skipped.length < maxBadRows) read.skipped.push({ line, code, reason });
  };
  const stages = stageKinds(mapping.data);
  const localeNumbers = delimiter === ';';

  let header: string[] | undefined;
  let at: Partial<Record<CrmColumn, number>> = {};
  for await (const row of csv.rows) {
    if (!header) {
      header = row.fields;
      const checked = checkCrmColumns(mapping, header, options.name);
      if (!checked.ok) {
        csv.close();
        return { ok: false, diagnostics: checked.diagnostics };
      }
      at = checked.at;
      read.absent = checked.absent;
      continue;
    }
    read.rows++;
    if (read.rows > maxRows) {
      csv.close();
      read.rows--;
      read.stopped = {
        line: row.line,
        reason: `the export has more than ${maxRows.toLocaleString('en-US')} rows; the rest of the file was not read`,
        hint: 'Export only the leads of the period the events cover (filter on the created date).',
      };
      return { ok: true, read };
    }
    if (row.fields.length !== header.length) {
      bad(row.line, 'columns', `expected ${header.length} fields as in the header, found ${row.fields.length}`);
      continue;
    }
    const cell = (field: CrmColumn) => (at[field] === undefined ? undefined : cleanCell(row.fields[at[field]]));
    const long = (Object.keys(CRM_FIELD_CAPS) as (keyof typeof CRM_FIELD_CAPS)[]).find((f) => (cell(f)?.length ?? 0) > CRM_FIELD_CAPS[f]);
    if (long) {
      const value = cell(long)!;
      bad(row.line, 'too-long', `${mapping.data.columns[long]}: ${value.length.toLocaleString('en-US')} characters, more than the ${CRM_FIELD_CAPS[long]} allowed (${quote(value, 20)})`);
      continue;
    }
    const amountText = cell('amount');
    let amount: number | undefined;
    if (amountText !== undefined) {
      const value = localeNumbers && LOCALE_AMBIGUOUS.test(amountText) ? null : readNumber(amountText);
      if (value === null || value === undefined) {
        const why = localeNumbers && readNumber(amountText) !== null ? 'may be written with a decimal comma or a thousands point in a semicolon-separated export' : 'is not an amount';
        bad(row.line, 'amount', `${mapping.data.columns.amount}: ${quote(amountText)} ${why}; write digits with a point for decimals, like 12500.00`);
        continue;
      }
      amount = value;
    }
    const currencyText = cell('currency');
    let currency = mapping.data.currency;
    if (currencyText !== undefined) {
      if (!isCurrencyCode(currencyText.toUpperCase())) {
        bad(row.line, 'currency', `${mapping.data.columns.currency}: ${quote(currencyText)} is not a three-letter currency code like USD or EUR`);
        continue;
      }
      currency = currencyText.toUpperCase();
    }
    const stage = cell('stage');
    const out: CrmRow = { line: row.line, kind: stage === undefined ? 'none' : (stages.get(stage.toLowerCase()) ?? 'unknown'), currency };
    for (const field of ['leadId', 'segment', 'persona', 'source', 'medium', 'id'] as const) {
      const value = cell(field);
      if (value !== undefined) out[field] = value;
    }
    if (stage !== undefined) out.stage = stage;
    if (amount !== undefined) out.amount = amount;
    read.usable.push(out);
  }
  if (!header) {
    const stopped = csv.stopped();
    return {
      ok: false,
      diagnostics: [
        stopped
          ? { severity: 'error', rule: 'stopped', file: options.name, line: stopped.line, message: stopped.reason, hint: stopped.hint }
          : { severity: 'error', rule: 'crm-empty', file: options.name, message: 'the file is empty: it has no header row', hint: 'Export the leads and opportunities from your CRM as CSV with a header row.' },
      ],
    };
  }
  const stopped = csv.stopped();
  if (stopped) read.stopped = stopped;
  return { ok: true, read };
}

/** Lowercased stage → what it means. */
function stageKinds(mapping: CrmMapping): Map<string, StageKind> {
  const kinds = new Map<string, StageKind>();
  for (const kind of ['won', 'lost', 'open'] as const) for (const stage of mapping.stages[kind]) if (!kinds.has(stage.toLowerCase())) kinds.set(stage.toLowerCase(), kind);
  return kinds;
}

/** Columns the join cannot do without: a stage and an amount. */
const REQUIRED: readonly CrmColumn[] = ['stage', 'amount'];
/** Columns a row without a lead id is joined by. */
const FALLBACK: readonly CrmColumn[] = ['segment', 'persona', 'source', 'medium'];

/**
 * Where each mapped column is in the header. Missing `stage` or `amount`, or missing the lead id and
 * a hidden-field column at once, is an error positioned at the mapping's line (or at the export's
 * header when the mapping is the default), with the closest header name and every column it has.
 */
export function checkCrmColumns(
  mapping: CrmMappingSource,
  header: readonly string[],
  csvName: string,
): { ok: true; at: Partial<Record<CrmColumn, number>>; absent: { field: CrmColumn; column: string }[] } | { ok: false; diagnostics: Diagnostic[] } {
  const columns = mapping.data.columns;
  const at: Partial<Record<CrmColumn, number>> = {};
  const absent: { field: CrmColumn; column: string }[] = [];
  for (const [field, column] of Object.entries(columns) as [CrmColumn, string | undefined][]) {
    if (column === undefined) continue;
    const index = header.indexOf(column);
    if (index === -1) absent.push({ field, column });
    else at[field] = index;
  }
  const missing = new Set<CrmColumn>(absent.filter((a) => REQUIRED.includes(a.field)).map((a) => a.field));
  if (at.leadId === undefined) for (const field of FALLBACK) if (at[field] === undefined) missing.add('leadId').add(field);
  if (missing.size === 0) return { ok: true, at, absent };

  const named = header.filter((h) => h.trim() !== '');
  const diagnostics = [...missing].map((field): Diagnostic => {
    const column = columns[field]!;
    const sameButCase = header.find((h) => h.toLowerCase() === column.toLowerCase());
    // CRMs name the same field with or without its object: "Stage" for "Opportunity Stage".
    const lower = column.toLowerCase();
    const within = named.find((h) => h.trim().length >= 3 && (lower.includes(h.trim().toLowerCase()) || h.toLowerCase().includes(lower)));
    const match = sameButCase ?? closestMatch(column, named) ?? within;
    const why = field === 'leadId' || FALLBACK.includes(field) ? ': a row is joined to its lead by the lead id, or else by segment, persona, source and medium' : '';
    const list = `The columns of ${csvName}: ${header.map((h) => (h === '' ? '(blank)' : h)).join(', ')}`;
    const position = mapping.entry?.locate.at(['columns', field]);
    return mapping.entry
      ? { severity: 'error', rule: 'crm-column', file: mapping.entry.file, line: position?.line, column: position?.column, field: `columns.${field}`, message: `the column "${column}" is not in ${csvName}${why}`, hint: `${match ? `Did you mean "${match}"? ` : ''}${list}` }
      : {
          severity: 'error',
          rule: 'crm-column',
          file: csvName,
          line: 1,
          message: `there is no column "${column}" (the default of columns.${field}, as there is no ${CRM_MAPPING_FILE})${why}`,
          hint: `${match ? `Did you mean "${match}"? ` : ''}Name the export's columns in ${CRM_MAPPING_FILE} (columns: ${field}: …). ${list}`,
        };
  });
  return { ok: false, diagnostics };
}
