/**
 * The same assignment as one SQL query, for teams whose accounts live in a warehouse. The query reads
 * a table `accounts` whose columns are the export's (all text, as a CSV load gives them), and returns
 * every column plus `segment`, `matched_segments`, `match_reasons` and `revenue_source`, computed
 * exactly as the streaming command computes them (tests/unit/assign/sql-duckdb.test.ts runs both).
 *
 * Cells are read by the one rule of cells.ts: `TRIM(cell, <CELL_SPACES>)` drops exactly the white space
 * the stream drops, and `TRANSLATE` folds only the ASCII letters, never LOWER or UPPER, whose Unicode
 * case mapping differs from JavaScript's and between warehouses.
 *
 * Each cell is cleaned once per row and each check computed once (see compileSql): an export of a
 * million rows is read in seconds, where a query that cleaned a cell at every use took minutes.
 *
 * Portable by construction: CASE, COALESCE, NULLIF, TRIM with a set of characters, TRANSLATE, REPLACE,
 * SUBSTR, IN, `||`, and TRUE/FALSE are the same in DuckDB, PostgreSQL, Snowflake and BigQuery. What differs is
 * isolated in a dialect: identifier quoting, string literal escaping, the floating-point type, the
 * regular-expression functions (testing that a cell is a number or a currency code, normalising the
 * separators of the systems list), finding a substring, leaving the query's own columns out of the
 * result, and DuckDB's fast path for ASCII cells.
 */
import { convertMoney } from '../criteria.ts';
import type { CriterionKey, FirmographicGroup } from '../schemas/index.ts';
import type { RankedSegment } from './assign.ts';
import { ASCII_LOWER, ASCII_UPPER, CELL_SPACES, foldCase } from './cells.ts';
import { placesIn, valuesMeaning, type CompiledMapping, type MappingField, type ValueField } from './mapping.ts';
import { REVENUE_SOURCE_LABELS } from './stream.ts';
import { DIALECTS, numberLiteral as literal, SQL_DIALECTS, type DialectName, type SqlDialect } from '../sql-dialect.ts';

export { DIALECTS, type DialectName };

interface Dialect extends SqlDialect {
  /** `text` (never NULL here) is digits with an optional decimal part. */
  isNumber(text: string): string;
  /** `text` is three capital letters. */
  isCurrency(text: string): string;
  /** Every match of `pattern` (a POSIX/RE2-compatible pattern) replaced. */
  replaceAll(text: string, pattern: string, replacement: string): string;
  /** `haystack` contains `needle` (both never NULL here). */
  contains(haystack: string, needle: string): string;
  /**
   * `text` is ASCII only, where the warehouse's own LOWER, UPPER and one-argument-set TRIM are known
   * to do exactly what the portable TRANSLATE and TRIM do, only faster. Absent: always the portable form.
   */
  asciiOnly?(text: string): string;
}

const NUMBER_PATTERN = '[0-9]+([.][0-9]+)?';
const CURRENCY_PATTERN = '[A-Z]{3}';

const { duckdb, postgres, snowflake, bigquery } = SQL_DIALECTS;

export const DIALECT: Record<DialectName, Dialect> = {
  duckdb: {
    ...duckdb,
    isNumber: (t) => `regexp_full_match(${t}, '${NUMBER_PATTERN}')`,
    isCurrency: (t) => `regexp_full_match(${t}, '${CURRENCY_PATTERN}')`,
    replaceAll: (t, p, r) => `regexp_replace(${t}, ${duckdb.string(p)}, ${duckdb.string(r)}, 'g')`,
    contains: (h, n) => `strpos(${h}, ${n}) > 0`,
    // DuckDB's lower and upper map A–Z and a–z alone in ASCII text, whatever the locale; its TRANSLATE
    // and its TRIM with a set of non-ASCII characters cost ten times as much (measured in docs/workbench.md).
    asciiOnly: (t) => `strlen(${t}) = length(${t})`,
  },
  postgres: {
    ...postgres,
    isNumber: (t) => `(${t} ~ '^${NUMBER_PATTERN}$')`,
    isCurrency: (t) => `(${t} ~ '^${CURRENCY_PATTERN}$')`,
    replaceAll: (t, p, r) => `regexp_replace(${t}, ${postgres.string(p)}, ${postgres.string(r)}, 'g')`,
    contains: (h, n) => `strpos(${h}, ${n}) > 0`,
  },
  snowflake: {
    ...snowflake,
    // REGEXP_LIKE matches the whole string; REGEXP_REPLACE replaces every match.
    isNumber: (t) => `REGEXP_LIKE(${t}, '${NUMBER_PATTERN}')`,
    isCurrency: (t) => `REGEXP_LIKE(${t}, '${CURRENCY_PATTERN}')`,
    replaceAll: (t, p, r) => `REGEXP_REPLACE(${t}, ${snowflake.string(p)}, ${snowflake.string(r)})`,
    contains: (h, n) => `POSITION(${n} IN ${h}) > 0`,
  },
  bigquery: {
    ...bigquery,
    isNumber: (t) => `REGEXP_CONTAINS(${t}, '^${NUMBER_PATTERN}$')`,
    isCurrency: (t) => `REGEXP_CONTAINS(${t}, '^${CURRENCY_PATTERN}$')`,
    replaceAll: (t, p, r) => `REGEXP_REPLACE(${t}, ${bigquery.string(p)}, ${bigquery.string(r)})`,
    contains: (h, n) => `STRPOS(${h}, ${n}) > 0`,
  },
};

/** How a cell's letters are read: as written, A–Z folded to a–z (text compared), or a–z to A–Z (currency codes). */
type Letters = 'as-is' | 'fold' | 'upper';

/**
 * A cell as the stream reads it (cells.ts trimCell, blank as NULL), its letters as `letters` says:
 * `text` is a column or any text expression. Where the dialect has a fast path for ASCII text, an
 * ASCII cell takes it (in ASCII the spaces of CELL_SPACES are the tab and the space alone).
 */
export function cellSql(d: Dialect | SqlDialect, text: string, letters: Letters = 'as-is'): string {
  const portable = caseSql(letters, `NULLIF(TRIM(${text}, ${d.string(CELL_SPACES)}), '')`);
  if (!('asciiOnly' in d) || !d.asciiOnly) return portable;
  const ascii = `NULLIF(TRIM(${text}, ${d.string(ASCII_CELL_SPACES)}), '')`;
  return `CASE WHEN ${d.asciiOnly(text)} THEN ${letters === 'fold' ? `lower(${ascii})` : letters === 'upper' ? `upper(${ascii})` : ascii} ELSE ${portable} END`;
}

const ASCII_CELL_SPACES = [...CELL_SPACES].filter((c) => c.charCodeAt(0) < 0x80).join('');

function caseSql(letters: Letters, text: string): string {
  return letters === 'fold' ? foldSql(text) : letters === 'upper' ? upperAsciiSql(text) : text;
}

/** cells.ts foldCase in SQL: A–Z to a–z, every other character as it is (with the dialect's ASCII fast path when given one). */
export function foldSql(text: string, d?: Dialect): string {
  const portable = `TRANSLATE(${text}, '${ASCII_UPPER}', '${ASCII_LOWER}')`;
  return d?.asciiOnly ? `CASE WHEN ${d.asciiOnly(text)} THEN lower(${text}) ELSE ${portable} END` : portable;
}

/** cells.ts upperAscii in SQL: a–z to A–Z, every other character as it is. */
export function upperAsciiSql(text: string): string {
  return `TRANSLATE(${text}, '${ASCII_LOWER}', '${ASCII_UPPER}')`;
}

export interface SqlOptions {
  dialect?: DialectName;
  /** The table holding the accounts (default `accounts`), written as given: qualify it as your warehouse needs. */
  table?: string;
  /** Lines for the comment at the top, like where the query came from. */
  comment?: string[];
}

interface Check {
  criterion: CriterionKey;
  sql: string;
}

/** One check, or an either-or test: at least one group of checks must all hold. */
type Part = Check | { groups: Check[][] };

/**
 * One query: every column of the table plus the segment columns, for rows that have an account id.
 *
 * Each cell is cleaned once per row, however many criteria read it. The work is nested in levels,
 * each a subquery over the one before: `cells` (the mapped cells trimmed and folded), `cell_values`
 * (numbers, the currency, the systems list), `checks` (one TRUE/FALSE column per distinct check of
 * any segment), `segment_matches` (one per segment), then the four output columns. The levels sit in a
 * LATERAL subquery beside the table's row (in BigQuery, which has no LATERAL, an UNNEST of one STRUCT),
 * so that `accounts.*` is the table's columns and nothing else, whatever they are called.
 */
/** Prefix of the columns the query adds for its own use (left out of its result): no export's column should start with it. */
export const INTERNAL_PREFIX = '_assign_';

export function compileSql(mapping: CompiledMapping, segments: readonly RankedSegment[], options: SqlOptions = {}): string {
  const dialectName = options.dialect ?? 'duckdb';
  const d = DIALECT[dialectName];
  const table = options.table ?? 'accounts';
  const columns = mapping.data.columns;
  const str = d.string;
  const q = d.quote;
  // The table's own columns are named with it (`accounts."Industry"`), and the query's own carry
  // INTERNAL_PREFIX: DuckDB compares names without regard to case, so a column "Industry" and one
  // "industry" of a subquery would be one name to it.
  const column = (field: MappingField) => (columns[field] === undefined ? undefined : `accounts.${q(columns[field]!)}`);
  const list = (values: readonly string[]) => values.map(str).join(', ');
  const has = (field: MappingField) => columns[field] !== undefined;
  /** A column the query adds for its own use, named apart from the table's columns and left out of the result. */
  const internal = (name: string) => q(`${INTERNAL_PREFIX}${name}`);

  // Level 1, cells: each mapped cell read once (cells.ts), folded where it is compared as text.
  const cells: [string, string][] = [['account_id', cellSql(d, column('id')!)]];
  for (const field of ['industry', 'country', 'ownership', 'tier', 'needs', 'sophistication'] as const) {
    if (has(field)) cells.push([field, cellSql(d, column(field)!, 'fold')]);
  }
  for (const field of ['employees', 'revenue'] as const) if (has(field)) cells.push([`${field}_text`, `REPLACE(${cellSql(d, column(field)!)}, ',', '')`]);
  if (has('revenueCurrency')) cells.push(['currency_text', cellSql(d, column('revenueCurrency')!, 'upper')]);
  const sep = mapping.data.systemsSeparator;
  if (has('systems')) cells.push(['systems', d.replaceAll(`${str(sep)} || ${foldSql(`COALESCE(${column('systems')!}, '')`, d)} || ${str(sep)}`, `[${CELL_SPACES}]*[${sep}][${CELL_SPACES}]*`, sep)]);

  // Level 2, cell_values: numbers and the currency, from the cleaned text. Inside the levels a column is
  // named without its subquery: the nearest subquery holds it, before any column of the table outside.
  const numberOf = (text: string) => `CASE WHEN ${d.isNumber(text)} THEN CAST(${text} AS ${d.double}) END`;
  const fixed = mapping.data.currency;
  const values: [string, string][] = [];
  if (has('employees')) values.push(['employees', numberOf(internal('employees_text'))]);
  if (has('revenue')) {
    values.push(['revenue', numberOf(internal('revenue_text'))]);
    const currencyText = internal('currency_text');
    values.push([
      'currency',
      has('revenueCurrency') ? `CASE WHEN ${currencyText} IS NULL THEN ${fixed ? str(fixed) : 'NULL'} WHEN ${d.isCurrency(currencyText)} THEN ${currencyText} END` : fixed ? str(fixed) : 'NULL',
    ]);
  }

  // Level 3, checks: every distinct check once, over the values.
  const employees = has('employees') ? internal('employees') : 'NULL';
  const amount = internal('revenue');
  const currency = internal('currency');
  const revenueKnown = has('revenue') ? `${amount} IS NOT NULL AND ${currency} IS NOT NULL` : 'FALSE';
  const rates = mapping.data.exchangeRates;
  const per = mapping.data.revenuePerEmployee;

  /** Revenue in `target`, as criteria.ts computes it (reported and converted, else estimated), or NULL. */
  const revenueIn = (target: string): string => {
    const whens: string[] = [];
    if (has('revenue')) {
      const conversions = [`WHEN ${str(target)} THEN ${amount}`];
      if (rates[target] !== undefined) {
        for (const [code, rate] of Object.entries(rates)) if (code !== target) conversions.push(`WHEN ${str(code)} THEN ${amount} * ${literal(rate)} / ${literal(rates[target]!)}`);
      }
      whens.push(`WHEN ${revenueKnown} THEN CASE ${currency} ${conversions.join(' ')} END`);
    }
    if (per && has('employees')) {
      const base = `${employees} * ${literal(per.amount)}`;
      if (per.currency === target) whens.push(`WHEN ${employees} IS NOT NULL THEN ${base}`);
      else if (convertMoney(1, per.currency, target, rates) !== undefined) whens.push(`WHEN ${employees} IS NOT NULL THEN ${base} * ${literal(rates[per.currency]!)} / ${literal(rates[target]!)}`);
    }
    return whens.length ? `CASE ${whens.join(' ')} END` : 'NULL';
  };

  const inRange = (value: string, { min, max }: { min?: number; max?: number }) => {
    const test = min !== undefined && max !== undefined ? `BETWEEN ${literal(min)} AND ${literal(max)}` : min !== undefined ? `>= ${literal(min)}` : `<= ${literal(max!)}`;
    return `COALESCE(${value} ${test}, FALSE)`;
  };
  const lowerCell = (field: MappingField) => (has(field) ? internal(field) : undefined);
  const oneOf = (text: string | undefined, wanted: readonly string[]) => (text === undefined ? 'FALSE' : `COALESCE(${text} IN (${list(wanted)}), FALSE)`);
  const valueIs = (field: ValueField, wanted: readonly (string | number)[]) => oneOf(lowerCell(field), valuesMeaning(mapping, field, wanted));
  const systems = has('systems') ? internal('systems') : undefined;
  const runs = (names: readonly string[], join: 'OR' | 'AND') => (systems === undefined ? 'FALSE' : `(${names.map((n) => d.contains(systems, str(`${sep}${foldCase(n)}${sep}`))).join(` ${join} `)})`);

  // Each distinct check becomes a column of `checks`; parts refer to it by name.
  const checkColumns = new Map<string, string>();
  const named = (sql: string): string => {
    if (sql === 'TRUE' || sql === 'FALSE') return sql;
    let name = checkColumns.get(sql);
    if (name === undefined) {
      name = `check_${checkColumns.size + 1}`;
      checkColumns.set(sql, name);
    }
    return internal(name);
  };

  const firmographicChecks = (f: FirmographicGroup): Check[] => {
    const checks: Check[] = [];
    if (f.industries.length) checks.push({ criterion: 'industry', sql: named(oneOf(lowerCell('industry'), f.industries.map(foldCase))) });
    if (f.employees && (f.employees.min !== undefined || f.employees.max !== undefined)) checks.push({ criterion: 'employees', sql: named(inRange(employees, f.employees)) });
    if (f.revenue && (f.revenue.min !== undefined || f.revenue.max !== undefined)) checks.push({ criterion: 'revenue', sql: named(inRange(`(${revenueIn(f.revenue.currency)})`, f.revenue)) });
    if (f.regions.length) checks.push({ criterion: 'region', sql: named(oneOf(lowerCell('country'), placesIn(mapping, f.regions))) });
    if (f.ownership.length) checks.push({ criterion: 'ownership', sql: named(valueIs('ownership', f.ownership)) });
    return checks;
  };

  /** The parts of a segment's test, in the order criteria.ts checks them: the either-or test after the firmographic fields. */
  const partsOf = (segment: RankedSegment): Part[] => {
    const cr = segment.criteria;
    const f = cr.firmographic;
    const parts: Part[] = firmographicChecks(f);
    if (f.anyOf?.length) parts.push({ groups: f.anyOf.map(firmographicChecks) });
    const t = cr.technographic;
    if (t.uses.length || t.usesAll.length) parts.push({ criterion: 'systems', sql: named(`(${[...(t.uses.length ? [runs(t.uses, 'OR')] : []), ...(t.usesAll.length ? [runs(t.usesAll, 'AND')] : [])].join(' AND ')})`) });
    if (t.notUses.length) parts.push({ criterion: 'excludedSystems', sql: systems === undefined ? 'TRUE' : named(`NOT ${runs(t.notUses, 'OR')}`) });
    if (cr.tier !== undefined) parts.push({ criterion: 'tier', sql: named(valueIs('tier', [cr.tier])) });
    if (cr.needs !== undefined) parts.push({ criterion: 'needs', sql: named(valueIs('needs', [cr.needs])) });
    if (cr.sophistication !== undefined) parts.push({ criterion: 'sophistication', sql: named(valueIs('sophistication', [cr.sophistication])) });
    return parts;
  };

  const all = (checks: readonly Check[]) => `(${checks.map((k) => k.sql).join(' AND ')})`;
  const holds = (part: Part) => ('groups' in part ? `(${part.groups.map(all).join(' OR ')})` : part.sql);
  const failedNames = (checks: readonly Check[]) => checks.map((k) => `CASE WHEN ${k.sql} THEN '' ELSE ${str(`, ${k.criterion}`)} END`).join(' || ');
  /**
   * The failed criteria of a part, as ", name" each. For an either-or test those of the group
   * criteria.ts reports: the first with the fewest failed checks (a group that holds has none).
   */
  const failed = (part: Part): string => {
    if (!('groups' in part)) return failedNames([part]);
    const misses = part.groups.map((g) => `(${g.map((k) => `CASE WHEN ${k.sql} THEN 0 ELSE 1 END`).join(' + ')})`);
    const last = part.groups.length - 1;
    // Earlier WHENs having failed, group i is the first with the fewest when it misses no more than any later group.
    const whens = part.groups.slice(0, last).map((g, i) => `WHEN ${misses.slice(i + 1).map((m) => `${misses[i]} <= ${m}`).join(' AND ')} THEN ${failedNames(g)}`);
    return `CASE ${whens.join(' ')} ELSE ${failedNames(part.groups[last]!)} END`;
  };

  // Level 4, segment_matches: whether each segment matches, once.
  const compiled = segments.map((segment, i) => {
    const parts = partsOf(segment);
    return { segment, parts, test: parts.length ? parts.map(holds).join(' AND ') : 'TRUE', matches: internal(`matches_${i + 1}`) };
  });

  const I = '    ';
  const segmentCase = compiled.length ? `CASE\n${compiled.map((s) => `${I}  WHEN ${s.matches} THEN ${str(s.segment.id)}`).join('\n')}\n${I}END` : 'NULL';
  const matchedList = compiled.length ? `NULLIF(SUBSTR(\n${compiled.map((s) => `${I}  CASE WHEN ${s.matches} THEN ${str(`;${s.segment.id}`)} ELSE '' END`).join(' ||\n')},\n${I}  2), '')` : 'NULL';
  const reasons = compiled.length
    ? `(\n${compiled
        .map((s) => {
          if (s.parts.length === 0) return `${I}  ${str(`${s.segment.id}: matches`)}`;
          const names = s.parts.map(failed).join(' || ');
          return `${I}  CASE WHEN ${s.matches} THEN ${str(`${s.segment.id}: matches`)}\n${I}  ELSE ${str(`${s.segment.id}: fails `)} || SUBSTR(${names}, 3) END`;
        })
        .join(` || ' | ' ||\n`)}\n${I})`
    : `''`;
  const revenueSource = [
    has('revenue') ? `WHEN ${revenueKnown} THEN ${str(REVENUE_SOURCE_LABELS.reported)}` : '',
    per && has('employees') ? `WHEN ${employees} IS NOT NULL THEN ${str(REVENUE_SOURCE_LABELS.estimated)}` : '',
  ].filter(Boolean);

  // Postgres cannot leave columns out of `*`: its levels sit in a LATERAL subquery beside the table's
  // row, so that `accounts.*` is the table's columns only. The others carry the table's columns up
  // through the levels and drop their own at the end (EXCLUDE in DuckDB and Snowflake, EXCEPT in
  // BigQuery), a plain projection that keeps the rows in the table's order.
  const lateral = dialectName === 'postgres';
  /** `SELECT [<alias>.*,] <columns> FROM <inner> AS <alias>`, indented by `depth`; an inner query is put in brackets. */
  const level = (depth: number, alias: string | undefined, cols: readonly (readonly [string, string])[], inner?: string, star = true): string => {
    const pad = '  '.repeat(depth);
    const select = [...(alias && star ? [`${alias}.*`] : []), ...cols.map(([name, sql]) => `${sql} AS ${name.startsWith('"') || name.startsWith('`') ? name : internal(name)}`)];
    const lines = [`${pad}SELECT`, select.map((x) => `${pad}  ${x}`).join(',\n')];
    if (inner !== undefined) lines.push(`${pad}FROM ${/^\s/.test(inner) ? `(\n${inner}\n${pad})` : inner} AS ${alias}`);
    return lines.join('\n');
  };
  const from = `${table}${table === 'accounts' ? '' : ' AS accounts'}`;
  const cellsLevel = lateral ? level(5, undefined, cells) : level(5, 'accounts', cells, table);
  const valuesLevel = level(4, 'cells', values, cellsLevel);
  const checksLevel = level(3, 'cell_values', [...checkColumns].map(([sql, name]) => [name, sql] as const), valuesLevel);
  const matchesLevel = level(2, 'checks', compiled.map((k, i) => [`matches_${i + 1}`, `(${k.test})`] as const), checksLevel);
  const out: [string, string][] = [
    [q('segment'), segmentCase],
    [q('matched_segments'), matchedList],
    [q('match_reasons'), reasons],
    [q('revenue_source'), revenueSource.length ? `CASE ${revenueSource.join(' ')} END` : 'NULL'],
  ];
  const id = internal('account_id');
  let query: string[];
  if (lateral) {
    const assigned = level(1, 'segment_matches', [[id, id], ...out], matchesLevel, false);
    query = ['SELECT', '  accounts.*,', ...out.map(([name], i) => `  assigned.${name}${i < out.length - 1 ? ',' : ''}`), `FROM ${from}`, `CROSS JOIN LATERAL (\n${assigned}\n) AS assigned`, `WHERE assigned.${id} IS NOT NULL;`];
  } else {
    const hidden = [...cells, ...values, ...[...checkColumns.values()].map((name) => [name]), ...compiled.map((_, i) => [`matches_${i + 1}`])].map(([name]) => internal(name!));
    const except = dialectName === 'bigquery' ? 'EXCEPT' : 'EXCLUDE';
    query = [`SELECT * ${except} (${hidden.join(', ')})`, 'FROM (', level(1, 'segment_matches', out, matchesLevel), ') AS assigned', `WHERE ${id} IS NOT NULL;`];
  }

  const header = [
    ...(options.comment ?? []),
    `Dialect: ${dialectName}. Every cell is read as text; blank means unknown, and unknown never meets a criterion.`,
    'Segments in priority order (weighted score, ties by id); an account matching several is assigned the first:',
    ...compiled.map((s, i) => `  ${i + 1}. ${s.segment.id}${s.segment.score !== undefined ? ` (${s.segment.score.toFixed(1)})` : ' (not scored)'}`),
    'Each cell is cleaned once, in the subquery "cells"; each check is computed once, in "checks".',
    'Rows without an account id are left out, as the streaming command skips them.',
  ];
  return [
    ...header.map((line) => `-- ${line}`),
    ...query,
    '',
  ].join('\n');
}
