import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { CELL_SPACES } from '../../../src/lib/assign/cells.ts';
import { generateAccountCsv, type GenerateOptions } from '../../../src/lib/assign/generate.ts';
import type { AssignSetup } from '../../../src/lib/assign/setup.ts';
import { assignAccountFile } from '../../../src/lib/assign/stream.ts';

/** One account's result, as both the streaming command and the SQL report it. */
export interface Verdict {
  segment: string;
  matched: string;
  reasons: string;
  revenue: string;
}

/** Writes a generated export to `path`, respecting back-pressure. */
export async function writeGenerated(path: string, options: GenerateOptions): Promise<void> {
  const out = createWriteStream(path);
  for (const line of generateAccountCsv(options)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** The streaming command's verdict per account id. */
export async function streamingVerdicts(path: string, setup: AssignSetup): Promise<Map<string, Verdict>> {
  let text = '';
  const outcome = await assignAccountFile(path, { mapping: setup.mapping!, segments: setup.segments, csvName: path, write: (chunk) => void (text += chunk) });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r.account_id!, { segment: r.segment!, matched: r.matched_segments!, reasons: r.match_reasons!, revenue: r.revenue_source! }]));
}

/**
 * The SQL query's verdict per account id, run by DuckDB over the same CSV loaded as text, by
 * `load` when given (a statement creating the table `accounts`).
 */
export async function duckdbVerdicts(path: string, sql: string, idColumn: string, load?: string): Promise<Map<string, Verdict>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const literal = `'${path.replaceAll("'", "''")}'`;
    await connection.run(load ?? `CREATE TABLE accounts AS SELECT * FROM read_csv(${literal}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`);
    const query = `SELECT TRIM("${idColumn}", '${CELL_SPACES}') AS account_id, segment, matched_segments, match_reasons, revenue_source FROM (${sql.trim().replace(/;$/, '')}) AS assigned`;
    const reader = await connection.runAndReadAll(query);
    const out = new Map<string, Verdict>();
    for (const row of reader.getRowObjectsJS() as Record<string, string | null>[]) {
      out.set(row.account_id!, { segment: row.segment ?? '', matched: row.matched_segments ?? '', reasons: row.match_reasons ?? '', revenue: row.revenue_source ?? '' });
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
