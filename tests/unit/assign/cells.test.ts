import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { CELL_SPACES, foldCase, trimCell, upperAscii } from '../../../src/lib/assign/cells.ts';
import { cellSql, DIALECT, foldSql, upperAsciiSql } from '../../../src/lib/assign/sql.ts';

/** Cells where JavaScript's and the warehouses' own string functions part ways. */
const TRICKY = [
  'DE',
  ' DE ',
  '\tDE\t',
  'DE\u00a0',
  '\u3000DE\u3000',
  '\u2009DE\u202f',
  'United\u00a0States',
  '\u00a0\u3000',
  '',
  'DE\n',
  '\u200bDE',
  'İE',
  'İTALY',
  'ITALY',
  'ßx',
  'ẞX',
  'ǅ',
  '\u212a',
  'Σ',
  'ﬀ',
  'çà',
  'Manufacturing',
  ' Mixed CASE\t',
  '\u000bDE',
  'DE\r',
  '\t \t',
];

describe('the one rule for cells', () => {
  it('trims exactly the tab and the Unicode space characters (Zs)', () => {
    const zs = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => /\p{Zs}/u.test(c));
    expect([...CELL_SPACES].sort()).toEqual(['\t', ...zs].sort());
    expect(['\u00a0DE\u3000', ' DE\t', 'United\u00a0States', '\u00a0', 'DE\n', '\u200bDE', '\ufeffDE'].map(trimCell)).toEqual(['DE', 'DE', 'United\u00a0States', '', 'DE\n', '\u200bDE', '\ufeffDE']);
  });

  it('changes the case of the ASCII letters only', () => {
    expect(['İTALY', 'İE', 'ITALY', 'ẞX', 'ÉNERGIE', '\u212a'].map(foldCase)).toEqual(['İtaly', 'İe', 'italy', 'ẞx', 'Énergie', '\u212a']);
    expect(['ßx', 'usd', 'çhf', 'eur'].map(upperAscii)).toEqual(['ßX', 'USD', 'çHF', 'EUR']);
  });

  it('reads the same in SQL as in the stream, in DuckDB for the duckdb and postgres dialects', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const dialect of ['duckdb', 'postgres'] as const) {
        const d = DIALECT[dialect];
        const values = TRICKY.map((t) => `(${d.string(t)})`).join(', ');
        // The DuckDB dialect reads ASCII cells through a faster path (lower, upper, TRIM of tab and space): it must read alike.
        const reader = await connection.runAndReadAll(
          `SELECT v, ${cellSql(d, 'v')} AS cell, ${foldSql('v', d)} AS folded, ${upperAsciiSql('v')} AS upper, ${cellSql(d, 'v', 'fold')} AS folded_cell, ${cellSql(d, 'v', 'upper')} AS upper_cell FROM (VALUES ${values}) AS t(v)`,
        );
        const rows = reader.getRowObjectsJS() as { v: string; cell: string | null; folded: string; upper: string; folded_cell: string | null; upper_cell: string | null }[];
        const cellOf = (t: string) => (trimCell(t) === '' ? null : trimCell(t));
        expect(rows.map((r) => r.folded_cell), dialect).toEqual(TRICKY.map((t) => cellOf(t) && foldCase(cellOf(t)!)));
        expect(rows.map((r) => r.upper_cell), dialect).toEqual(TRICKY.map((t) => cellOf(t) && upperAscii(cellOf(t)!)));
        expect(rows.map((r) => r.v)).toEqual(TRICKY);
        expect(rows.map((r) => r.cell), dialect).toEqual(TRICKY.map((t) => (trimCell(t) === '' ? null : trimCell(t))));
        expect(rows.map((r) => r.folded), dialect).toEqual(TRICKY.map(foldCase));
        expect(rows.map((r) => r.upper), dialect).toEqual(TRICKY.map(upperAscii));
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
