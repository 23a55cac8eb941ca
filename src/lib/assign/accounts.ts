/**
 * One CSV row → an Account, through the mapping. Cells are read exactly as the SQL compiler reads
 * them (src/lib/assign/sql.ts), so the streaming command and a warehouse query agree on every row:
 * - white space around a cell is ignored (cells.ts: the one rule both paths apply), and a cell of
 *   only white space is blank (unknown);
 * - numbers are digits with an optional decimal point; commas are thousands separators and dropped
 *   ("1,200" is 1200); anything else ("1.2k", "n/a", "1 200") is unreadable and counts as unknown;
 * - text values (countries, ownership, tiers…) are looked up without regard to case of the ASCII
 *   letters (cells.ts), so İ, ß and other non-ASCII letters compare as written.
 * A cell that cannot be understood is a *value problem*: the account is still assigned, as if the
 * cell were blank, and the problem is reported with its line.
 */
import { isCurrencyCode } from '../schemas/common.ts';
import type { Account } from '../criteria.ts';
import { closestMatch } from '../diagnostics.ts';
import { foldCase, showSpaces, trimCell, upperAscii } from './cells.ts';
import type { CompiledMapping, MappingField, ValueField } from './mapping.ts';

export type ValueProblemCode = 'employees' | 'revenue' | 'currency' | 'country' | ValueField;

export interface ValueProblem {
  code: ValueProblemCode;
  /** The CSV column, as the header names it. */
  column: string;
  value: string;
  /** What is wrong, in words, without the column: `"n/a" is not a number`. */
  message: string;
}

export interface ReadAccount {
  account: Account;
  name?: string;
  problems: ValueProblem[];
}

/** A row that cannot be an account at all. */
export interface RowProblem {
  code: 'id' | 'columns';
  reason: string;
}

const NUMBER = /^[0-9]+(\.[0-9]+)?$/;
/** Distinct unknown values whose "did you mean" is remembered; beyond this it is computed again. */
const SUGGESTION_CACHE = 1000;

/** The cell without white space around it (cells.ts, as the SQL's TRIM), or undefined when nothing is left. */
export function cleanCell(cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined;
  const text = trimCell(cell);
  return text === '' ? undefined : text;
}

/** A number as defined above, or undefined for a blank cell, or null for a cell that is not a number. */
export function readNumber(cell: string | undefined): number | undefined | null {
  const text = cleanCell(cell);
  if (text === undefined) return undefined;
  const plain = text.includes(',') ? text.replaceAll(',', '') : text;
  return NUMBER.test(plain) ? Number(plain) : null;
}

/** Splits a systems cell: the separator between items, white space around each item ignored (as around a cell), empty items dropped. */
export function readSystems(cell: string | undefined, separator: string): string[] {
  if (cell === undefined || cell === '') return [];
  const out: string[] = [];
  for (const part of cell.split(separator)) {
    const item = trimCell(part);
    if (item !== '') out.push(item);
  }
  return out;
}

export interface AccountReader {
  /** The row's problem when it cannot be an account, else the account. `fields` has the header's width. */
  read(fields: readonly string[]): ReadAccount | RowProblem;
}

/**
 * In a semicolon-separated export (Excel in locales that write 1.234,5) a comma or a point between
 * digit groups of three may be a decimal comma or a thousands point: such a number is not guessed.
 */
const LOCALE_AMBIGUOUS = /,|^[0-9]{1,3}(\.[0-9]{3})+$/;

export interface AccountReaderOptions {
  /** Numbers with a comma, or with points between groups of three digits, are not read (see LOCALE_AMBIGUOUS). */
  localeNumbers?: boolean;
}

/** A reader for rows of an export whose header is `header` (checked against the mapping beforehand). */
export function createAccountReader(mapping: CompiledMapping, header: readonly string[], options: AccountReaderOptions = {}): AccountReader {
  const columns = mapping.data.columns;
  const indexOf = (field: MappingField): number | undefined => {
    const name = columns[field];
    if (name === undefined) return undefined;
    const index = header.indexOf(name);
    return index === -1 ? undefined : index;
  };
  const at = {
    id: indexOf('id')!,
    name: indexOf('name'),
    industry: indexOf('industry'),
    employees: indexOf('employees'),
    revenue: indexOf('revenue'),
    revenueCurrency: indexOf('revenueCurrency'),
    country: indexOf('country'),
    ownership: indexOf('ownership'),
    systems: indexOf('systems'),
    tier: indexOf('tier'),
    needs: indexOf('needs'),
    sophistication: indexOf('sophistication'),
  };
  const separator = mapping.data.systemsSeparator;
  const fixedCurrency = mapping.data.currency;
  const suggestions = new Map<string, string | undefined>();
  const suggestPlace = (value: string): string | undefined => {
    if (suggestions.has(value)) return suggestions.get(value);
    const match = closestMatch(value, mapping.places);
    if (suggestions.size < SUGGESTION_CACHE) suggestions.set(value, match);
    return match;
  };
  const cell = (fields: readonly string[], index: number | undefined) => (index === undefined ? undefined : cleanCell(fields[index]));
  const number = (fields: readonly string[], index: number | undefined) => {
    if (index === undefined) return undefined;
    const text = cleanCell(fields[index]);
    return options.localeNumbers && text !== undefined && LOCALE_AMBIGUOUS.test(text) ? null : readNumber(text);
  };
  const notNumber = (text: string) =>
    options.localeNumbers && LOCALE_AMBIGUOUS.test(text) && readNumber(text) !== null
      ? `${quote(text)} is not read: in a semicolon-separated export it may be written with a decimal comma or a thousands point (write 1234.5, without separators)`
      : `${quote(text)} is not a number`;

  return {
    read(fields) {
      const id = cleanCell(fields[at.id]);
      if (id === undefined) return { code: 'id', reason: `no account id (the "${columns.id}" cell is blank)` };
      const problems: ValueProblem[] = [];
      const problem = (code: ValueProblemCode, field: MappingField, value: string, message: string) => problems.push({ code, column: columns[field]!, value, message });

      const account: Account = { id, regions: [], systems: [] };
      const industry = cell(fields, at.industry);
      if (industry !== undefined) account.industry = industry;

      const employees = number(fields, at.employees);
      if (employees === null) problem('employees', 'employees', cleanCell(fields[at.employees!])!, notNumber(cleanCell(fields[at.employees!])!));
      else if (employees !== undefined) account.employees = employees;

      const amount = number(fields, at.revenue);
      if (amount === null) problem('revenue', 'revenue', cleanCell(fields[at.revenue!])!, notNumber(cleanCell(fields[at.revenue!])!));
      const currencyCell = cell(fields, at.revenueCurrency);
      let currency: string | undefined;
      if (currencyCell === undefined) currency = fixedCurrency;
      else if (isCurrencyCode(upperAscii(currencyCell))) currency = upperAscii(currencyCell);
      else problem('currency', 'revenueCurrency', currencyCell, `${quote(currencyCell)} is not a three-letter currency code`);
      if (typeof amount === 'number') {
        if (currency !== undefined) account.revenue = { amount, currency };
        else if (currencyCell === undefined) problem('currency', 'revenueCurrency', '', `the revenue ${quote(cleanCell(fields[at.revenue!])!)} has no currency`);
      }

      const country = cell(fields, at.country);
      if (country !== undefined) {
        account.country = country;
        const regions = mapping.regionsOf.get(foldCase(country));
        if (regions) account.regions = regions;
        else {
          const match = suggestPlace(country);
          problem('country', 'country', country, `${quote(country)} is in no region of ${mapping.entry.file}${match ? ` (did you mean "${match}"?)` : ''}`);
        }
      }

      for (const field of ['ownership', 'tier', 'needs', 'sophistication'] as const) {
        const raw = cell(fields, at[field]);
        if (raw === undefined) continue;
        const value = mapping.values[field].get(foldCase(raw));
        if (value === undefined) problem(field, field, raw, `${quote(raw)} is not a known ${FIELD_WORDS[field]} (add it under values.${field} in ${mapping.entry.file})`);
        else if (field === 'tier') account.tier = value as number;
        else account[field] = value as string;
      }

      if (at.systems !== undefined) account.systems = readSystems(fields[at.systems], separator);
      const result: ReadAccount = { account, problems };
      const name = cell(fields, at.name);
      if (name !== undefined) result.name = name;
      return result;
    },
  };
}

const FIELD_WORDS: Record<ValueField, string> = { ownership: 'ownership', tier: 'value tier', needs: 'buying focus', sophistication: 'sophistication' };

function quote(text: string): string {
  return showSpaces(JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text));
}
