import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSql, DIALECTS } from '../../../src/lib/assign/sql.ts';
import type { AssignSetup } from '../../../src/lib/assign/setup.ts';
import { PROJECT_ROOT } from '../helpers.ts';
import { duckdbVerdicts, streamingVerdicts, writeGenerated, type Verdict } from './duckdb-helpers.ts';
import { ACCOUNTS, setupFor } from './helpers.ts';

/**
 * The SQL the assigner prints must assign exactly what the streaming command assigns. Both run on the
 * same 5,000 generated accounts, with the irregular cells of real exports (padding, odd case,
 * thousands commas, "n/a", unknown countries and currencies, blank ids, untidy system lists): DuckDB
 * loads the CSV with every column as text and runs the query; every account must get the same
 * segment, the same matching segments, the same failed criteria per segment and the same revenue source.
 */
const ROWS = 5000;
const file = join(mkdtempSync(join(tmpdir(), 'assign-sql-')), 'accounts.csv');
await writeGenerated(file, { seed: 20261123, rows: ROWS, messy: true });

const SETUPS: [string, () => Promise<AssignSetup>][] = [
  ['the sample segments, drafts counted', () => setupFor(PROJECT_ROOT, { includeDrafts: true })],
  // Every kind of criterion: industries, revenue in EUR and USD (reported, converted and estimated), uses and notUses, tier, ownership.
  ['the known-answer segments with the sample mapping, drafts counted', () => setupFor(ACCOUNTS, { includeDrafts: true, mappingPath: join(PROJECT_ROOT, 'content', 'workbench.yaml') })],
];

function differences(streaming: Map<string, Verdict>, sql: Map<string, Verdict>): string[] {
  const out: string[] = [];
  for (const id of new Set([...streaming.keys(), ...sql.keys()])) {
    const a = JSON.stringify(streaming.get(id));
    const b = JSON.stringify(sql.get(id));
    if (a !== b) out.push(`${id}: streaming ${a}, SQL ${b}`);
  }
  return out;
}

describe('the SQL query, run by DuckDB', () => {
  for (const [name, load] of SETUPS) {
    it(`assigns ${ROWS} generated accounts exactly as the streaming command does: ${name}`, async () => {
      const setup = await load();
      const streaming = await streamingVerdicts(file, setup);
      expect(streaming.size).toBeGreaterThan(ROWS * 0.99);
      // The data must exercise every outcome: each segment assigned, overlaps, gaps, estimates.
      const verdicts = [...streaming.values()];
      for (const segment of setup.segments) expect(verdicts.some((v) => v.segment === segment.id), segment.id).toBe(true);
      expect(verdicts.some((v) => v.matched.includes(';'))).toBe(true);
      expect(verdicts.some((v) => v.segment === '')).toBe(true);
      expect(new Set(verdicts.map((v) => v.revenue))).toEqual(new Set(['reported', 'estimated from employees', '']));

      // PostgreSQL's text runs in DuckDB too (same functions, `~` for patterns), so both are proven here.
      for (const dialect of ['duckdb', 'postgres'] as const) {
        const sql = await duckdbVerdicts(file, compileSql(setup.mapping!, setup.segments, { dialect }), 'Account ID');
        expect(differences(streaming, sql).slice(0, 5), dialect).toEqual([]);
      }
    });
  }
});

describe('the SQL text', async () => {
  const setup = await setupFor(ACCOUNTS);
  const query = (dialect: (typeof DIALECTS)[number]) => compileSql(setup.mapping!, setup.segments, { dialect });

  it('keeps what differs between warehouses in the dialect', () => {
    const expected: Record<(typeof DIALECTS)[number], string[]> = {
      duckdb: [
        `CASE WHEN regexp_full_match(REPLACE(NULLIF(TRIM("Headcount"), ''), ',', ''), '[0-9]+([.][0-9]+)?') THEN CAST(REPLACE(NULLIF(TRIM("Headcount"), ''), ',', '') AS DOUBLE) END`,
        `regexp_replace(';' || LOWER(COALESCE("Tech Stack", '')) || ';', '[[:blank:]]*[;][[:blank:]]*', ';', 'g')`,
        `strpos(regexp_replace(`,
      ],
      postgres: [
        `CASE WHEN (REPLACE(NULLIF(TRIM("Headcount"), ''), ',', '') ~ '^[0-9]+([.][0-9]+)?$') THEN CAST(REPLACE(NULLIF(TRIM("Headcount"), ''), ',', '') AS DOUBLE PRECISION) END`,
        `regexp_replace(';' || LOWER(COALESCE("Tech Stack", '')) || ';', '[[:blank:]]*[;][[:blank:]]*', ';', 'g')`,
      ],
      snowflake: [
        `CASE WHEN REGEXP_LIKE(REPLACE(NULLIF(TRIM("Headcount"), ''), ',', ''), '[0-9]+([.][0-9]+)?') THEN CAST(REPLACE(NULLIF(TRIM("Headcount"), ''), ',', '') AS DOUBLE) END`,
        `REGEXP_REPLACE(';' || LOWER(COALESCE("Tech Stack", '')) || ';', '[[:blank:]]*[;][[:blank:]]*', ';')`,
        `POSITION(';sap s/4hana;' IN REGEXP_REPLACE(`,
      ],
      bigquery: [
        'CASE WHEN REGEXP_CONTAINS(REPLACE(NULLIF(TRIM(`Headcount`), \'\'), \',\', \'\'), \'^[0-9]+([.][0-9]+)?$\') THEN CAST(REPLACE(NULLIF(TRIM(`Headcount`), \'\'), \',\', \'\') AS FLOAT64) END',
        "REGEXP_REPLACE(';' || LOWER(COALESCE(`Tech Stack`, '')) || ';', '[[:blank:]]*[;][[:blank:]]*', ';')",
        'STRPOS(REGEXP_REPLACE(',
      ],
    };
    for (const dialect of DIALECTS) for (const part of expected[dialect]) expect(query(dialect), dialect).toContain(part);
  });

  it('lists the segments in the order that decides overlaps, and leaves out rows without an id', () => {
    const sql = query('duckdb');
    expect(sql.split('\n').filter((l) => l.startsWith('--'))).toEqual([
      '-- Dialect: duckdb. Every cell is read as text; blank means unknown, and unknown never meets a criterion.',
      '-- Segments in priority order (weighted score, ties by id); an account matching several is assigned the first:',
      '--   1. enterprise-sap (4.5)',
      '--   2. eu-manufacturers (4.0)',
      '--   3. growth-anywhere (3.0)',
      '--   4. uk-private (3.0)',
      '-- Rows without an account id are left out, as the streaming command skips them.',
    ]);
    expect(sql).toContain(`WHERE NULLIF(TRIM("Account Id"), '') IS NOT NULL;`);
  });

  it('escapes quotes in names and values for each dialect', async () => {
    const odd = await setupFor(ACCOUNTS);
    odd.mapping!.data.columns.name = 'Bob\'s "Company"';
    const sql = (d: (typeof DIALECTS)[number]) => compileSql(odd.mapping!, odd.segments.map((s) => ({ ...s, criteria: { ...s.criteria, firmographic: { ...s.criteria.firmographic, industries: ["Kid's toys"] } } })), { dialect: d });
    expect(sql('duckdb')).toContain(`IN ('kid''s toys')`);
    expect(sql('snowflake')).toContain(`IN ('kid''s toys')`);
    expect(sql('bigquery')).toContain(`IN ('kid\\'s toys')`);
  });
});
