/**
 * What differs between the warehouses the data tools write SQL for, at the level every query needs:
 * quoting an identifier, writing a string literal, naming the floating-point and text types. The
 * workbench's assignment query (assign/sql.ts) and the conversion report's query (report/sql.ts)
 * build on these and add their own functions per dialect.
 */

export const DIALECTS = ['duckdb', 'postgres', 'snowflake', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface SqlDialect {
  /** An identifier, quoted so that any name (spaces, capitals, keywords) reads as written. */
  quote(identifier: string): string;
  /** A string literal holding exactly `text`. */
  string(text: string): string;
  /** The double-precision floating-point type. */
  double: string;
  /** The variable-length text type. */
  text: string;
}

/** Standard SQL strings: a quote is doubled, a backslash is itself (PostgreSQL's standard_conforming_strings, DuckDB). */
export const standardString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const doubleQuoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Control characters, line breaks and invisible spaces, which Snowflake and BigQuery strings can
 * write as `\uXXXX` (a BigQuery string may not hold a raw line break): the query stays on its lines
 * and shows what it holds. Standard SQL strings (PostgreSQL, DuckDB) have no escapes and hold them as they are.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;
const backslashString = (text: string, quote: string) =>
  `'${text
    .replaceAll('\\', '\\\\')
    .replaceAll("'", quote)
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;

export const SQL_DIALECTS: Record<DialectName, SqlDialect> = {
  duckdb: { quote: doubleQuoted, string: standardString, double: 'DOUBLE', text: 'VARCHAR' },
  postgres: { quote: doubleQuoted, string: standardString, double: 'DOUBLE PRECISION', text: 'TEXT' },
  // Snowflake reads backslash escapes inside single-quoted strings.
  snowflake: { quote: doubleQuoted, string: (text) => backslashString(text, "''"), double: 'DOUBLE', text: 'VARCHAR' },
  bigquery: {
    quote: (identifier) => `\`${identifier.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
    string: (text) => backslashString(text, "\\'"),
    double: 'FLOAT64',
    text: 'STRING',
  },
};

/** A number as SQL reads it: integers as written, anything else as a double-precision literal (`1.08E0`), never a DECIMAL. */
export function numberLiteral(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  const text = String(n);
  return /e/i.test(text) ? text : `${text}E0`;
}
