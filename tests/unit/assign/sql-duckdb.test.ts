import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_SPACES } from '../../../src/lib/assign/cells.ts';
import { GENERATED_COLUMNS, generateAccountRows } from '../../../src/lib/assign/generate.ts';
import { compileSql, DIALECTS } from '../../../src/lib/assign/sql.ts';
import { parse } from 'csv-parse/sync';
import { csvRow } from '../../../src/lib/csv.ts';
import { segmentSchema, type SegmentCriteria } from '../../../src/lib/schemas/index.ts';
import type { AssignSetup } from '../../../src/lib/assign/setup.ts';
import { PROJECT_ROOT } from '../helpers.ts';
import { duckdbVerdicts, streamingVerdicts, writeGenerated, type Verdict } from './duckdb-helpers.ts';
import { ACCOUNTS, assignFile, setupFor } from './helpers.ts';

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

/**
 * Cells where JavaScript and SQL string functions part ways: Unicode spaces around and inside a value,
 * the Turkish dotted capital I, the German sharp s. Each is written into copies of the same generated
 * accounts, beside a plain variant it must read like, with ids `<variant>-<n>`.
 */
const EDGE_VARIANTS: Record<string, Partial<Record<(typeof GENERATED_COLUMNS)[number], string>>> = {
  'plain-de': { 'Billing Country': 'DE' },
  'nbsp-de': { 'Billing Country': 'DE\u00a0' },
  'ideographic-de': { 'Billing Country': '\u3000DE\u3000' },
  'thin-space-de': { 'Billing Country': '\u2009DE\u202f' },
  'dotted-ie': { 'Billing Country': 'İE' },
  'dotted-italy': { 'Billing Country': 'İTALY' },
  'capital-italy': { 'Billing Country': 'ITALY' },
  italy: { 'Billing Country': 'Italy' },
  'unknown-place': { 'Billing Country': 'Narnia' },
  'inner-nbsp-country': { 'Billing Country': 'United\u00a0Kingdom' },
  'line-break-de': { 'Billing Country': 'DE\n' },
  'sharp-s-currency': { Currency: 'ßx' },
  'unknown-currency': { Currency: 'EURO' },
  'spaced-currency': { Currency: '\u00a0eur\u3000' },
  'spaced-number': { Employees: '\u00a01,200\u3000', 'Annual Revenue': '\u3000250000000\u00a0' },
  'inner-nbsp-number': { Employees: '1\u00a0200' },
  'spaced-industry': { Industry: '\u3000Manufacturing\u00a0' },
  'dotted-industry': { Industry: 'MANUFACTURİNG' },
  'dotted-ownership': { Ownership: 'PUBLİC' },
  'spaced-ownership': { Ownership: '\u00a0Publicly traded\u3000' },
  'inner-nbsp-tier': { 'Account Tier': 'Tier\u00a01' },
  'spaced-tier': { 'Account Tier': '\u3000Tier 1\u00a0' },
  'spaced-systems': { 'Procurement Systems': '\u00a0SAP S/4HANA\u00a0;\u3000Coupa\u2009' },
  'dotted-systems': { 'Procurement Systems': 'SAP S/4HANA;COUPA;SAP ARİBA' },
  'inner-nbsp-systems': { 'Procurement Systems': 'SAP\u00a0S/4HANA' },
  plain: {},
  'spaced-id': {},
};
const EDGE_BASES = 40;
const edgeRows: string[] = [];
for (const [n, base] of [...generateAccountRows({ seed: 20261130, rows: EDGE_BASES })].entries()) {
  for (const [variant, cells] of Object.entries(EDGE_VARIANTS)) {
    const row = [...base];
    for (const [column, value] of Object.entries(cells)) row[GENERATED_COLUMNS.indexOf(column as (typeof GENERATED_COLUMNS)[number])] = value;
    row[0] = variant === 'spaced-id' ? `\u00a0${variant}-${n}\u3000` : `${variant}-${n}`;
    edgeRows.push(csvRow(row));
  }
}
appendFileSync(file, edgeRows.join(''));

const SETUPS: [string, () => Promise<AssignSetup>][] = [
  ['the sample segments, drafts counted', () => setupFor(PROJECT_ROOT, { includeDrafts: true })],
  // Every kind of criterion: industries, revenue in EUR and USD (reported, converted and estimated), uses and notUses, tier, ownership.
  ['the known-answer segments with the sample mapping, drafts counted', () => setupFor(ACCOUNTS, { includeDrafts: true, mappingPath: join(PROJECT_ROOT, 'content', 'workbench.yaml') })],
  // anyOf groups and usesAll, in the match and in the failed criteria of the group that comes closest.
  ['the known-answer segments and an either-or segment', withEitherOr],
];

/**
 * An either-or segment ranked first, so that it is assigned: three groups of two checks each, so the
 * group reported for a miss (the first with the fewest failed checks) varies by row.
 */
const EITHER_OR = 'either-or-enterprise';
async function withEitherOr(): Promise<AssignSetup> {
  const setup = await setupFor(ACCOUNTS, { includeDrafts: true, mappingPath: join(PROJECT_ROOT, 'content', 'workbench.yaml') });
  const criteria = segmentSchema.shape.criteria.parse({
    firmographic: {
      regions: ['European Union', 'North America'],
      anyOf: [
        { employees: { min: 1000 }, ownership: ['public'] },
        { revenue: { min: 200000000, currency: 'EUR' }, ownership: ['private', 'family-owned'] },
        { industries: ['Manufacturing', 'Chemicals'], employees: { max: 499 } },
      ],
    },
    technographic: { uses: ['Coupa', 'SAP Ariba', 'Jaggaer'], usesAll: ['SAP S/4HANA'] },
  }) as SegmentCriteria;
  return { ...setup, segments: [{ id: EITHER_OR, file: `segments/${EITHER_OR}.yaml`, status: 'active', criteria, prioritisation: undefined, score: 5 }, ...setup.segments] };
}

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
      expect(streaming.size).toBeGreaterThan(ROWS * 0.99 + EDGE_BASES * Object.keys(EDGE_VARIANTS).length);
      expect(verdicts.some((v) => v.matched.includes(';'))).toBe(true);
      expect(verdicts.some((v) => v.segment === '')).toBe(true);
      expect(new Set(verdicts.map((v) => v.revenue))).toEqual(new Set(['reported', 'estimated from employees', '']));

      // PostgreSQL's text runs in DuckDB too (same functions, `~` for patterns), so both are proven here.
      for (const dialect of ['duckdb', 'postgres'] as const) {
        const sql = await duckdbVerdicts(file, compileSql(setup.mapping!, setup.segments, { dialect }), 'Account ID');
        expect(differences(streaming, sql).slice(0, 5), dialect).toEqual([]);
        expect(sql.size, dialect).toBe(streaming.size);
      }
    });
  }
});

describe('either-or segments in the generated accounts', () => {
  it('are missed by a different closest group from row to row, in the stream as in SQL', async () => {
    const streaming = await streamingVerdicts(file, await withEitherOr());
    const misses = new Set([...streaming.values()].map((v) => v.reasons.split(' | ')[0]!).filter((r) => r.startsWith(`${EITHER_OR}: fails`)));
    // Each group stands for the test in some row: only the second checks revenue, only the third industry.
    for (const criterion of ['ownership', 'revenue', 'industry']) expect([...misses].some((m) => m.includes(criterion)), criterion).toBe(true);
  });
});

describe('the either-or segment of the cybersecurity fixture, assigned by the stream and by DuckDB', async () => {
  const accounts = join(ACCOUNTS, 'either-or-accounts.csv');
  const setup = await setupFor(join(PROJECT_ROOT, 'tests', 'fixtures', 'second-vertical'), { mappingPath: join(PROJECT_ROOT, 'content', 'workbench.yaml') });
  const streaming = await streamingVerdicts(accounts, setup);
  const nis2 = (of: Map<string, Verdict>) => Object.fromEntries([...of].map(([id, v]) => [id, v.segment === 'eu-nis2-size-test' ? 'assigned' : v.reasons.split(' | ').find((r) => r.startsWith('eu-nis2-size-test:'))!]));

  it('assigns the accounts meeting either half of the size test, and both, and no other', () => {
    expect(nis2(streaming)).toEqual({
      'size-by-employees': 'assigned',
      'size-by-revenue': 'assigned',
      'size-by-both': 'assigned',
      'size-by-neither': 'eu-nis2-size-test: fails employees',
      'size-just-under': 'eu-nis2-size-test: fails employees',
      'size-just-over': 'assigned',
      'revenue-in-usd': 'assigned',
      'revenue-estimated': 'assigned',
      'size-unknown': 'eu-nis2-size-test: fails employees',
      'no-siem': 'eu-nis2-size-test: fails systems',
      'wrong-industry': 'eu-nis2-size-test: fails industry',
      'outside-eu': 'eu-nis2-size-test: fails region',
      'essential-entity': 'eu-nis2-size-test: fails industry, systems, tier',
    });
    expect(streaming.get('essential-entity')!.segment).toBe('eu-essential-entities');
  });

  it('gets exactly the same verdicts from the SQL query, in each dialect DuckDB runs', async () => {
    for (const dialect of ['duckdb', 'postgres'] as const) {
      const sql = await duckdbVerdicts(accounts, compileSql(setup.mapping!, setup.segments, { dialect }), 'Account ID');
      expect(differences(streaming, sql), dialect).toEqual([]);
      expect(sql.size, dialect).toBe(streaming.size);
    }
  });

  it('reports the accounts matching no segment by the group of the size test they come closest to', async () => {
    const { run, rows } = await assignFile(accounts, setup);
    expect(run.gaps.find((g) => g.closest === 'eu-nis2-size-test' && g.failed.join() === 'employees')?.accounts).toBe(3);
    expect(rows.find((r) => r.account_id === 'size-by-neither')!.reasons).toBe(
      'matches no segment; closest is eu-nis2-size-test: 250+ employees or revenue ≥ EUR 50 million: none met, closest 250+ employees (employees 80, below the minimum of 250)',
    );
    expect(rows.find((r) => r.account_id === 'size-by-revenue')!.reasons).toBe(
      'in Food production; headquartered in European Union (FR); 250+ employees or revenue ≥ EUR 50 million: matched by revenue ≥ EUR 50 million (revenue EUR 80 million, at least EUR 50 million); runs SAP S/4HANA and Splunk Enterprise Security; value tier 2; buying focus quality; sophistication point-solutions',
    );
  });
});

describe('the sample export, loaded by the statement the workbench guide gives', () => {
  it('loads every readable row as text, and the query assigns each as the streaming command does', async () => {
    const guide = readFileSync(join(PROJECT_ROOT, 'docs', 'workbench.md'), 'utf8');
    const statement = guide.match(/^CREATE TABLE accounts AS SELECT \* FROM read_csv\('content\/accounts\/sample-accounts\.csv'.*;$/m)?.[0];
    expect(statement).toBeDefined();
    const sample = join(PROJECT_ROOT, 'content', 'accounts', 'sample-accounts.csv');
    const setup = await setupFor(PROJECT_ROOT);
    const streaming = await streamingVerdicts(sample, setup);
    const sql = await duckdbVerdicts(sample, compileSql(setup.mapping!, setup.segments), 'Account ID', statement!.replace('content/accounts/sample-accounts.csv', sample.replaceAll("'", "''")));
    // 300 rows: line 192 has 13 fields and one row has no account id, so neither path assigns them.
    expect(streaming.size).toBe(298);
    expect(sql.size).toBe(298);
    expect(differences(streaming, sql)).toEqual([]);
  });
});

describe('cells read by the one rule of cells.ts', async () => {
  const setup = await setupFor(PROJECT_ROOT, { includeDrafts: true });
  const streaming = await streamingVerdicts(file, setup);
  const sql = await duckdbVerdicts(file, compileSql(setup.mapping!, setup.segments), 'Account ID');
  const verdictsOf = (variant: string, of: Map<string, Verdict>) => Array.from({ length: EDGE_BASES }, (_, n) => of.get(`${variant}-${n}`));

  it('are read like the plain value they stand for, in the stream and in SQL alike', () => {
    const alike: [string, string][] = [
      ['nbsp-de', 'plain-de'],
      ['ideographic-de', 'plain-de'],
      ['thin-space-de', 'plain-de'],
      ['spaced-id', 'plain'],
      ['capital-italy', 'italy'],
      ['dotted-italy', 'unknown-place'],
      ['dotted-ie', 'unknown-place'],
      ['inner-nbsp-country', 'unknown-place'],
      ['line-break-de', 'unknown-place'],
      ['sharp-s-currency', 'unknown-currency'],
    ];
    for (const [variant, like] of alike) {
      for (const of of [streaming, sql]) {
        const got = verdictsOf(variant, of);
        expect(got.every((v) => v !== undefined), variant).toBe(true);
        expect(got, `${variant} reads like ${like}`).toEqual(verdictsOf(like, of));
      }
    }
    expect(verdictsOf('nbsp-de', streaming).some((v) => v!.segment === 'eu-due-diligence')).toBe(true);
    expect(verdictsOf('dotted-italy', streaming).some((v) => v!.reasons.includes('eu-due-diligence: fails region'))).toBe(true);
  });

  it('agree on every edge row', () => {
    const ids = [...streaming.keys()].filter((id) => Object.keys(EDGE_VARIANTS).some((v) => id.startsWith(`${v}-`)));
    expect(ids).toHaveLength(EDGE_BASES * Object.keys(EDGE_VARIANTS).length);
    expect(ids.filter((id) => JSON.stringify(streaming.get(id)) !== JSON.stringify(sql.get(id)))).toEqual([]);
  });
});

describe('an export whose columns are named like the words the query uses inside', () => {
  it('assigns as the stream does: the columns of the table are read with it, apart from the columns of the query', async () => {
    // DuckDB compares names without regard to case: "Industry" and a column "industry" of a subquery are one name to it.
    const renamed: Record<string, string> = { id: 'account_id', industry: 'Industry', employees: 'EMPLOYEES', revenue: 'revenue', revenueCurrency: 'currency', country: 'country', ownership: 'ownership', systems: 'systems', tier: 'check_1' };
    const setup = await setupFor(ACCOUNTS);
    const columns = { ...setup.mapping!.data.columns };
    const header = readFileSync(join(ACCOUNTS, 'known-answers.csv'), 'utf8').split('\n', 1)[0]!.replace(/\r$/, '').split(',');
    const renamedHeader = header.map((h) => {
      const field = Object.keys(columns).find((f) => columns[f as keyof typeof columns] === h);
      return field && renamed[field] ? renamed[field] : h;
    });
    for (const [field, name] of Object.entries(renamed)) (columns as Record<string, string>)[field] = name;
    setup.mapping!.data.columns = columns;
    setup.mapping!.entry.data.columns = columns;
    const text = readFileSync(join(ACCOUNTS, 'known-answers.csv'), 'utf8');
    const path = join(mkdtempSync(join(tmpdir(), 'assign-names-')), 'accounts.csv');
    // Only the fixture's well-formed rows: DuckDB's read_csv refuses its rows with too many or too few fields.
    const rows = parse(text, { relax_column_count: true }) as string[][];
    appendFileSync(path, [renamedHeader, ...rows.slice(1).filter((r) => r.length === header.length)].map(csvRow).join(''));
    const streaming = await streamingVerdicts(path, setup);
    expect(streaming.size).toBeGreaterThan(5);
    for (const dialect of ['duckdb', 'postgres'] as const) {
      const sql = await duckdbVerdicts(path, compileSql(setup.mapping!, setup.segments, { dialect }), 'account_id');
      expect([...sql].filter(([id, v]) => JSON.stringify(v) !== JSON.stringify(streaming.get(id))), dialect).toEqual([]);
      expect(sql.size, dialect).toBe(streaming.size);
    }
  });
});

describe('the SQL text', async () => {
  const setup = await setupFor(ACCOUNTS);
  const query = (dialect: (typeof DIALECTS)[number]) => compileSql(setup.mapping!, setup.segments, { dialect });

  it('keeps what differs between warehouses in the dialect, and reads cells by the same rule in all', () => {
    const raw = `'${CELL_SPACES}'`;
    const escaped = "'\\u0009 \\u00a0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u202f\\u205f\\u3000'";
    const fold = `'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'`;
    const upper = `'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'`;
    const number = (q: string, test: (t: string) => string, double: string) => `CASE WHEN ${test(`${q}_assign_employees_text${q}`)} THEN CAST(${q}_assign_employees_text${q} AS ${double}) END AS ${q}_assign_employees${q}`;
    const ascii = (column: string) => `strlen(accounts."${column}") = length(accounts."${column}")`;
    const expected: Record<(typeof DIALECTS)[number], string[]> = {
      duckdb: [
        number('"', (t) => `regexp_full_match(${t}, '[0-9]+([.][0-9]+)?')`, 'DOUBLE'),
        `REPLACE(CASE WHEN ${ascii('Headcount')} THEN NULLIF(TRIM(accounts."Headcount", '\t '), '') ELSE NULLIF(TRIM(accounts."Headcount", ${raw}), '') END, ',', '') AS "_assign_employees_text"`,
        `regexp_replace(';' || CASE WHEN strlen(COALESCE(accounts."Tech Stack", '')) = length(COALESCE(accounts."Tech Stack", '')) THEN lower(COALESCE(accounts."Tech Stack", '')) ELSE TRANSLATE(COALESCE(accounts."Tech Stack", ''), ${fold}) END || ';', '[${CELL_SPACES}]*[;][${CELL_SPACES}]*', ';', 'g') AS "_assign_systems"`,
        `strpos("_assign_systems", ';sap s/4hana;') > 0`,
        `CASE WHEN ${ascii('HQ Country')} THEN lower(NULLIF(TRIM(accounts."HQ Country", '\t '), '')) ELSE TRANSLATE(NULLIF(TRIM(accounts."HQ Country", ${raw}), ''), ${fold}) END AS "_assign_country"`,
        `COALESCE("_assign_country" IN (`,
        `CASE WHEN ${ascii('Rev Currency')} THEN upper(NULLIF(TRIM(accounts."Rev Currency", '\t '), '')) ELSE TRANSLATE(NULLIF(TRIM(accounts."Rev Currency", ${raw}), ''), ${upper}) END AS "_assign_currency_text"`,
        `regexp_full_match("_assign_currency_text", '[A-Z]{3}')`,
        'SELECT * EXCLUDE ("_assign_account_id", ',
      ],
      postgres: [
        number('"', (t) => `(${t} ~ '^[0-9]+([.][0-9]+)?$')`, 'DOUBLE PRECISION'),
        `REPLACE(NULLIF(TRIM(accounts."Headcount", ${raw}), ''), ',', '') AS "_assign_employees_text"`,
        `regexp_replace(';' || TRANSLATE(COALESCE(accounts."Tech Stack", ''), ${fold}) || ';', '[${CELL_SPACES}]*[;][${CELL_SPACES}]*', ';', 'g')`,
        `TRANSLATE(NULLIF(TRIM(accounts."HQ Country", ${raw}), ''), ${fold}) AS "_assign_country"`,
        'CROSS JOIN LATERAL (',
        'WHERE assigned."_assign_account_id" IS NOT NULL;',
      ],
      snowflake: [
        number('"', (t) => `REGEXP_LIKE(${t}, '[0-9]+([.][0-9]+)?')`, 'DOUBLE'),
        `REPLACE(NULLIF(TRIM(accounts."Headcount", ${escaped}), ''), ',', '') AS "_assign_employees_text"`,
        `REGEXP_REPLACE(';' || TRANSLATE(COALESCE(accounts."Tech Stack", ''), ${fold}) || ';', '[${escaped.slice(1, -1)}]*[;][${escaped.slice(1, -1)}]*', ';')`,
        `POSITION(';sap s/4hana;' IN "_assign_systems")`,
        'SELECT * EXCLUDE ("_assign_account_id", ',
      ],
      bigquery: [
        number('`', (t) => `REGEXP_CONTAINS(${t}, '^[0-9]+([.][0-9]+)?$')`, 'FLOAT64'),
        `REPLACE(NULLIF(TRIM(accounts.\`Headcount\`, ${escaped}), ''), ',', '') AS \`_assign_employees_text\``,
        `REGEXP_REPLACE(';' || TRANSLATE(COALESCE(accounts.\`Tech Stack\`, ''), ${fold}) || ';', '[${escaped.slice(1, -1)}]*[;][${escaped.slice(1, -1)}]*', ';')`,
        'STRPOS(`_assign_systems`, ',
        'SELECT * EXCEPT (`_assign_account_id`, ',
      ],
    };
    for (const dialect of DIALECTS) {
      const sql = query(dialect);
      for (const part of expected[dialect]) expect(sql, dialect).toContain(part);
      // Unicode case mapping differs between JavaScript and the warehouses: only DuckDB's lower and upper, on ASCII text alone, are used.
      expect(sql, dialect).not.toMatch(/\b(LOWER|UPPER)\(/);
      if (dialect !== 'duckdb') expect(sql, dialect).not.toMatch(/\b(lower|upper)\(/i);
      for (const line of sql.split('\n').filter((l) => /\b(lower|upper)\(/.test(l))) expect(line, dialect).toMatch(/^ *(REPLACE\(|regexp_replace\(';' \|\| )?CASE WHEN strlen\((.*)\) = length\(\2\) THEN (lower|upper)\(/);
      expect(sql.split('\n').filter((l) => l.startsWith('--')).length, dialect).toBeGreaterThan(0);
    }
  });

  it('cleans each cell once: every column of the mapping is read on one line, in the subquery "cells"', () => {
    for (const dialect of DIALECTS) {
      const sql = query(dialect);
      const q = dialect === 'bigquery' ? '`' : '"';
      for (const column of ['Account Id', 'Sector', 'Headcount', 'Revenue', 'Rev Currency', 'HQ Country', 'Ownership Type', 'Tech Stack', 'Tier']) {
        const lines = sql.split('\n').filter((l) => !l.startsWith('--') && l.includes(`accounts.${q}${column}${q}`));
        expect(lines, `${dialect}: ${column}`).toHaveLength(1);
      }
      // Every check is written once, as a column, and the segments' tests and reasons name it.
      const checks = [...sql.matchAll(/ AS [`"](_assign_check_\d+)[`"]/g)].map((m) => m[1]!);
      expect(checks.length, dialect).toBeGreaterThan(5);
      expect(new Set(checks).size, dialect).toBe(checks.length);
      expect(sql.match(/COALESCE\([`"]_assign_employees[`"] /g)?.length, dialect).toBe(new Set(sql.match(/COALESCE\([`"]_assign_employees[`"] [^,]*/g)).size);
    }
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
      '-- Each cell is cleaned once, in the subquery "cells"; each check is computed once, in "checks".',
      '-- Rows without an account id are left out, as the streaming command skips them.',
    ]);
    expect(sql).toContain(`NULLIF(TRIM(accounts."Account Id", '${CELL_SPACES}'), '') END AS "_assign_account_id"`);
    expect(sql).toMatch(/WHERE "_assign_account_id" IS NOT NULL;\n$/);
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
