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
 * Portable by construction: CASE, COALESCE, NULLIF, TRIM with a set of characters, TRANSLATE, REPLACE,
 * SUBSTR, IN, `||`, and TRUE/FALSE are the same in DuckDB, PostgreSQL, Snowflake and BigQuery. What differs is
 * isolated in a dialect: identifier quoting, string literal escaping, the floating-point type, the
 * regular-expression functions (testing that a cell is a number or a currency code, normalising the
 * separators of the systems list) and finding a substring.
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

/** A cell as the stream reads it (cells.ts trimCell, blank as NULL): `text` is a column or any text expression. */
export function cellSql(d: SqlDialect, text: string): string {
  return `NULLIF(TRIM(${text}, ${d.string(CELL_SPACES)}), '')`;
}

/** cells.ts foldCase in SQL: A–Z to a–z, every other character as it is. */
export function foldSql(text: string): string {
  return `TRANSLATE(${text}, '${ASCII_UPPER}', '${ASCII_LOWER}')`;
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

/** One query: every column of the table plus the segment columns, for rows that have an account id. */
export function compileSql(mapping: CompiledMapping, segments: readonly RankedSegment[], options: SqlOptions = {}): string {
  const d = DIALECT[options.dialect ?? 'duckdb'];
  const table = options.table ?? 'accounts';
  const columns = mapping.data.columns;
  const str = d.string;
  const column = (field: MappingField) => (columns[field] === undefined ? undefined : d.quote(columns[field]!));
  const fold = foldSql;
  const upper = upperAsciiSql;
  const cell = (field: MappingField) => {
    const c = column(field);
    return c === undefined ? undefined : cellSql(d, c);
  };
  const lowerCell = (field: MappingField) => {
    const c = cell(field);
    return c === undefined ? undefined : fold(c);
  };
  const number = (field: MappingField) => {
    const c = cell(field);
    if (c === undefined) return 'NULL';
    const plain = `REPLACE(${c}, ',', '')`;
    return `CASE WHEN ${d.isNumber(plain)} THEN CAST(${plain} AS ${d.double}) END`;
  };
  const list = (values: readonly string[]) => values.map(str).join(', ');
  const employees = number('employees');
  const amount = number('revenue');
  const fixed = mapping.data.currency;
  const currencyCell = cell('revenueCurrency');
  const currency = currencyCell
    ? `CASE WHEN ${currencyCell} IS NULL THEN ${fixed ? str(fixed) : 'NULL'} WHEN ${d.isCurrency(upper(currencyCell))} THEN ${upper(currencyCell)} END`
    : fixed
      ? str(fixed)
      : 'NULL';
  const revenueKnown = columns.revenue === undefined ? 'FALSE' : `(${amount}) IS NOT NULL AND (${currency}) IS NOT NULL`;
  const rates = mapping.data.exchangeRates;
  const per = mapping.data.revenuePerEmployee;

  /** Revenue in `target`, as criteria.ts computes it (reported and converted, else estimated), or NULL. */
  const revenueIn = (target: string): string => {
    const whens: string[] = [];
    if (columns.revenue !== undefined) {
      const conversions = [`WHEN ${str(target)} THEN ${amount}`];
      if (rates[target] !== undefined) {
        for (const [code, rate] of Object.entries(rates)) if (code !== target) conversions.push(`WHEN ${str(code)} THEN ${amount} * ${literal(rate)} / ${literal(rates[target]!)}`);
      }
      whens.push(`WHEN ${revenueKnown} THEN CASE ${currency} ${conversions.join(' ')} END`);
    }
    if (per && columns.employees !== undefined) {
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
  const oneOf = (text: string | undefined, values: readonly string[]) => (text === undefined ? 'FALSE' : `COALESCE(${text} IN (${list(values)}), FALSE)`);
  const valueIs = (field: ValueField, wanted: readonly (string | number)[]) => oneOf(lowerCell(field), valuesMeaning(mapping, field, wanted));

  const sep = mapping.data.systemsSeparator;
  const systemsColumn = column('systems');
  const systems = systemsColumn === undefined ? undefined : d.replaceAll(`${str(sep)} || ${fold(`COALESCE(${systemsColumn}, '')`)} || ${str(sep)}`, `[${CELL_SPACES}]*[${sep}][${CELL_SPACES}]*`, sep);
  const runsAny = (names: readonly string[]) => (systems === undefined ? 'FALSE' : `(${names.map((n) => d.contains(systems, str(`${sep}${foldCase(n)}${sep}`))).join(' OR ')})`);

  const runsAll = (names: readonly string[]) => (systems === undefined ? 'FALSE' : `(${names.map((n) => d.contains(systems, str(`${sep}${foldCase(n)}${sep}`))).join(' AND ')})`);

  const firmographicChecks = (f: FirmographicGroup): Check[] => {
    const checks: Check[] = [];
    if (f.industries.length) checks.push({ criterion: 'industry', sql: oneOf(lowerCell('industry'), f.industries.map(foldCase)) });
    if (f.employees && (f.employees.min !== undefined || f.employees.max !== undefined)) checks.push({ criterion: 'employees', sql: inRange(employees, f.employees) });
    if (f.revenue && (f.revenue.min !== undefined || f.revenue.max !== undefined)) checks.push({ criterion: 'revenue', sql: inRange(`(${revenueIn(f.revenue.currency)})`, f.revenue) });
    if (f.regions.length) checks.push({ criterion: 'region', sql: oneOf(lowerCell('country'), placesIn(mapping, f.regions)) });
    if (f.ownership.length) checks.push({ criterion: 'ownership', sql: valueIs('ownership', f.ownership) });
    return checks;
  };

  /** The parts of a segment's test, in the order criteria.ts checks them: the either-or test after the firmographic fields. */
  const partsOf = (segment: RankedSegment): Part[] => {
    const c = segment.criteria;
    const f = c.firmographic;
    const parts: Part[] = firmographicChecks(f);
    if (f.anyOf?.length) parts.push({ groups: f.anyOf.map(firmographicChecks) });
    const t = c.technographic;
    if (t.uses.length || t.usesAll.length) parts.push({ criterion: 'systems', sql: `(${[...(t.uses.length ? [runsAny(t.uses)] : []), ...(t.usesAll.length ? [runsAll(t.usesAll)] : [])].join(' AND ')})` });
    if (t.notUses.length) parts.push({ criterion: 'excludedSystems', sql: systems === undefined ? 'TRUE' : `NOT ${runsAny(t.notUses)}` });
    if (c.tier !== undefined) parts.push({ criterion: 'tier', sql: valueIs('tier', [c.tier]) });
    if (c.needs !== undefined) parts.push({ criterion: 'needs', sql: valueIs('needs', [c.needs]) });
    if (c.sophistication !== undefined) parts.push({ criterion: 'sophistication', sql: valueIs('sophistication', [c.sophistication]) });
    return parts;
  };

  const all = (checks: readonly Check[]) => `(${checks.map((c) => c.sql).join(' AND ')})`;
  const holds = (part: Part) => ('groups' in part ? `(${part.groups.map(all).join(' OR ')})` : part.sql);
  const failedNames = (checks: readonly Check[]) => checks.map((c) => `CASE WHEN ${c.sql} THEN '' ELSE ${str(`, ${c.criterion}`)} END`).join(' || ');
  /**
   * The failed criteria of a part, as ", name" each. For an either-or test those of the group
   * criteria.ts reports: the first with the fewest failed checks (a group that holds has none).
   */
  const failed = (part: Part): string => {
    if (!('groups' in part)) return failedNames([part]);
    const misses = part.groups.map((g) => `(${g.map((c) => `CASE WHEN ${c.sql} THEN 0 ELSE 1 END`).join(' + ')})`);
    const last = part.groups.length - 1;
    // Earlier WHENs having failed, group i is the first with the fewest when it misses no more than any later group.
    const whens = part.groups.slice(0, last).map((g, i) => `WHEN ${misses.slice(i + 1).map((m) => `${misses[i]} <= ${m}`).join(' AND ')} THEN ${failedNames(g)}`);
    return `CASE ${whens.join(' ')} ELSE ${failedNames(part.groups[last]!)} END`;
  };

  const compiled = segments.map((segment) => {
    const parts = partsOf(segment);
    const matches = parts.length ? `(${parts.map(holds).join('\n        AND ')})` : 'TRUE';
    return { segment, parts, matches };
  });

  const I = '    ';
  const segmentCase = compiled.length
    ? `CASE\n${compiled.map((s) => `${I}  -- ${s.segment.id}\n${I}  WHEN ${s.matches}\n${I}  THEN ${str(s.segment.id)}`).join('\n')}\n${I}END`
    : 'NULL';
  const matchedList = compiled.length ? `NULLIF(SUBSTR(\n${compiled.map((s) => `${I}  CASE WHEN ${s.matches} THEN ${str(`;${s.segment.id}`)} ELSE '' END`).join(' ||\n')},\n${I}  2), '')` : 'NULL';
  const reasons = compiled.length
    ? compiled
        .map((s) => {
          if (s.parts.length === 0) return `${I}  ${str(`${s.segment.id}: matches`)}`;
          const names = s.parts.map(failed).join(' || ');
          return `${I}  CASE WHEN ${s.matches} THEN ${str(`${s.segment.id}: matches`)}\n${I}  ELSE ${str(`${s.segment.id}: fails `)} || SUBSTR(${names}, 3) END`;
        })
        .join(` || ' | ' ||\n`)
    : `''`;
  const revenueSource = [
    columns.revenue !== undefined ? `WHEN ${revenueKnown} THEN ${str(REVENUE_SOURCE_LABELS.reported)}` : '',
    per && columns.employees !== undefined ? `WHEN ${employees} IS NOT NULL THEN ${str(REVENUE_SOURCE_LABELS.estimated)}` : '',
  ].filter(Boolean);

  const header = [
    ...(options.comment ?? []),
    `Dialect: ${options.dialect ?? 'duckdb'}. Every cell is read as text; blank means unknown, and unknown never meets a criterion.`,
    'Segments in priority order (weighted score, ties by id); an account matching several is assigned the first:',
    ...compiled.map((s, i) => `  ${i + 1}. ${s.segment.id}${s.segment.score !== undefined ? ` (${s.segment.score.toFixed(1)})` : ' (not scored)'}`),
    'Rows without an account id are left out, as the streaming command skips them.',
  ];
  return [
    ...header.map((line) => `-- ${line}`),
    'SELECT',
    `  ${table}.*,`,
    `  ${segmentCase} AS segment,`,
    `  ${matchedList} AS matched_segments,`,
    `  ${compiled.length ? `(\n${reasons}\n${I})` : reasons} AS match_reasons,`,
    `  ${revenueSource.length ? `CASE ${revenueSource.join(' ')} END` : 'NULL'} AS revenue_source`,
    `FROM ${table}`,
    `WHERE ${cell('id')} IS NOT NULL;`,
    '',
  ].join('\n');
}
