import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assignAccount, closestMiss, explain, matchContextOf } from '../../../src/lib/assign/assign.ts';
import { createAccountReader } from '../../../src/lib/assign/accounts.ts';
import { assignAccountFile } from '../../../src/lib/assign/stream.ts';
import { csvField, readCsvRows, type CsvRow } from '../../../src/lib/csv.ts';
import { PROJECT_ROOT } from '../helpers.ts';
import { writeGenerated } from './duckdb-helpers.ts';
import { ACCOUNTS, setupFor } from './helpers.ts';

const source = { name: 'accounts.csv', kind: { noun: 'an account export', example: 'accounts.csv', exportHint: '', saveAsUtf8: '' } };

describe('the assignments file as it is written', () => {
  it('arrives in chunks of whole rows, each about 64 KB, every account once and in order', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'assign-output-')), 'accounts.csv');
    await writeGenerated(file, { seed: 3, rows: 5_000, messy: true });
    const setup = await setupFor(PROJECT_ROOT);
    const chunks: string[] = [];
    const outcome = await assignAccountFile(file, { mapping: setup.mapping!, segments: setup.segments, csvName: file, write: (chunk) => void chunks.push(chunk) });
    if (!outcome.ok) throw new Error('expected the header to fit the mapping');
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.endsWith('\r\n')).toBe(true);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(1 << 16);
      expect(chunk.length).toBeLessThan((1 << 16) + 4096);
    }
    const rows = parse(chunks.join(''), { columns: true }) as Record<string, string>[];
    const lines = rows.map((r) => Number(r.line));
    expect(lines.length).toBe(outcome.run.read);
    expect(outcome.run.read).toBeGreaterThan(4_900);
    expect(lines.every((line, i) => i === 0 || line > lines[i - 1]!)).toBe(true);
  });

  it('words an unassigned account the same whether its closest segment is passed in or worked out', async () => {
    const setup = await setupFor(ACCOUNTS);
    const header = ['Account Id', 'Company', 'Sector', 'Headcount', 'Revenue', 'Rev Currency', 'HQ Country', 'Ownership Type', 'Tech Stack', 'Tier'];
    const reader = createAccountReader(setup.mapping!, header, { localeNumbers: false });
    const read = reader.read(['X1', 'Small Co', 'Retail', '12', '', '', 'JP', 'Private', '', 'C']);
    if ('code' in read) throw new Error(read.reason);
    const assignment = assignAccount(read.account, setup.segments, matchContextOf(setup.mapping!.data));
    expect(assignment.assigned).toBeUndefined();
    const worded = explain(assignment);
    expect(worded).toMatch(/^matches no segment; closest is /);
    expect(explain(assignment, closestMiss(assignment))).toBe(worded);
  });
});

describe('reading a chunk of rows at a time', () => {
  it('gives the same rows and lines as reading row by row, and the same stop', async () => {
    const file = join(ACCOUNTS, 'malformed-rows.csv');
    const byRow: CsvRow[] = [];
    const one = readCsvRows(createReadStream(file, { highWaterMark: 64 }), 1 << 20, { source });
    for await (const row of one.rows) byRow.push(row);
    const byBatch: CsvRow[] = [];
    const many = readCsvRows(createReadStream(file, { highWaterMark: 64 }), 1 << 20, { source });
    let batches = 0;
    for await (const batch of many.batches) {
      batches++;
      byBatch.push(...batch);
    }
    expect(byRow.length).toBeGreaterThan(3);
    expect(batches).toBeGreaterThan(1);
    expect(byBatch).toEqual(byRow);
    expect(many.stopped()).toEqual(one.stopped());
  });
});

describe('cells starting with a letter or digit', () => {
  it('are written as they are, controls inside still shown as pictures', () => {
    expect(csvField('Acme=1')).toBe('Acme=1');
    expect(csvField('7-Eleven')).toBe('7-Eleven');
    expect(csvField('A\u0007b')).toBe('A\u2407b');
    expect(csvField('e\u0301+1')).toBe('e\u0301+1');
  });

  it('while any other start is still judged after NFKC, so formulas stay defused', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(' @SUM(A1)')).toBe("' @SUM(A1)");
    expect(csvField('\uff1d1+1')).toBe("'\uff1d1+1");
    expect(csvField('\u0000=1')).toBe("'\u2400=1");
  });
});
