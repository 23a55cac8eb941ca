import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cleanCell, readNumber, readSystems } from '../../../src/lib/assign/accounts.ts';
import { renderRowProblems } from '../../../src/lib/assign/render-text.ts';
import { assignAccounts } from '../../../src/lib/assign/stream.ts';
import { csvRow } from '../../../src/lib/csv.ts';
import { ACCOUNTS, assignFile, setupFor } from './helpers.ts';

const setup = await setupFor(ACCOUNTS);
const MALFORMED = join(ACCOUNTS, 'malformed-rows.csv');

describe('rows the assigner cannot read', () => {
  it('lists each with the line an editor shows, reads the rest, and stops only at a quote never closed', async () => {
    const { run, rows } = await assignFile(MALFORMED, setup, 'malformed-rows.csv');
    expect(rows.map((r) => `${r.line} ${r.account_id}`)).toEqual(['2 M01', '4 M02', '5 M03', '10 M07', '12 M08']);
    expect(rows.find((r) => r.account_id === 'M03')!.account_name).toBe('A name over\r\ntwo lines');
    expect(run).toMatchObject({ rows: 8, read: 5 });
    expect(renderRowProblems(run, 'malformed-rows.csv')).toMatchInlineSnapshot(`
      "6 values not understood; each account was assigned as if the cell were blank:
      malformed-rows.csv:10 Headcount: "1.2k" is not a number
      malformed-rows.csv:10 Revenue: "12.5M" is not a number
      malformed-rows.csv:10 Rev Currency: "EURO" is not a three-letter currency code
      malformed-rows.csv:10 HQ Country: "Narnia" is in no region of content/workbench.yaml
      malformed-rows.csv:10 Ownership Type: "Co-op" is not a known ownership (add it under values.ownership in content/workbench.yaml)
      malformed-rows.csv:10 Tier: "Tier 9" is not a known value tier (add it under values.tier in content/workbench.yaml)
      Values the mapping does not know, most frequent first: HQ Country "Narnia" (1), Ownership Type "Co-op" (1), Rev Currency "EURO" (1), Tier "Tier 9" (1).

      3 rows not read:
      malformed-rows.csv:7 expected 10 fields as in the header, found 3
      malformed-rows.csv:8 no account id (the "Account Id" cell is blank)
      malformed-rows.csv:9 expected 10 fields as in the header, found 11

      malformed-rows.csv:13 a quoted field starts in this row and is never closed; the rest of the file was not read
          hint: Inside a quoted field, write a double quote as two: ""."
    `);
  });

  it('gives the same lines whatever the line ends, and however the file arrives in chunks', async () => {
    const text = readFileSync(MALFORMED, 'utf8');
    const lines = async (variant: string, chunk: number) => {
      const chunks = Array.from({ length: Math.ceil(variant.length / chunk) }, (_, i) => variant.slice(i * chunk, (i + 1) * chunk));
      const outcome = await assignAccounts(Readable.from(chunks), { mapping: setup.mapping!, segments: setup.segments, csvName: 'x.csv' });
      if (!outcome.ok) throw new Error('header');
      return [...outcome.run.unreadable.rows.map((r) => r.line), ...outcome.run.valueProblems.samples.map((p) => p.line), outcome.run.stopped?.line];
    };
    const expected = [7, 8, 9, 10, 10, 10, 10, 10, 10, 13];
    expect(await lines(text, 1 << 16)).toEqual(expected);
    expect(await lines(text.replace(/\r\n/g, '\n'), 7)).toEqual(expected);
    expect(await lines(text.replace(/^\uFEFF/, ''), 3)).toEqual(expected);
  });

  it('reads an empty file, or one with a header only, as no rows', async () => {
    for (const text of ['', '\r\n\r\n', 'Account Id,Company\r\n']) {
      const outcome = await assignAccounts(Readable.from([text]), { mapping: setup.mapping!, segments: setup.segments, csvName: 'x.csv' });
      if (text.startsWith('Account')) expect(outcome.ok).toBe(false);
      else expect(outcome).toMatchObject({ ok: true, header: [], run: { rows: 0, read: 0 } });
    }
  });
});

describe('cells', () => {
  it('reads numbers as digits with thousands commas, and nothing else', () => {
    expect(['1200', ' 1,200 ', '1,200.5', '007', '12,5'].map(readNumber)).toEqual([1200, 1200, 1200.5, 7, 125]);
    expect(['n/a', '1.2k', '1 200', '-5', '1e3', '$5M', ','].map(readNumber)).toEqual([null, null, null, null, null, null, null]);
    expect(['', '   '].map(readNumber)).toEqual([undefined, undefined]);
  });

  it('trims tabs and Unicode spaces around a cell, keeping those inside and line breaks', () => {
    expect([' a ', '\ta\t', '\u00a0DE\u00a0', '\u3000DE', 'DE\u202f', 'United\u00a0States ', '   ', '\u00a0\u3000', ''].map(cleanCell)).toEqual([
      'a',
      'a',
      'DE',
      'DE',
      'DE',
      'United\u00a0States',
      undefined,
      undefined,
      undefined,
    ]);
    expect(['DE\n', '\u200bDE', '\ufeffDE'].map(cleanCell)).toEqual(['DE\n', '\u200bDE', '\ufeffDE']);
  });

  it('names a value with a no-break or ideographic space inside so that the space shows', async () => {
    const [columns, row] = parse(readFileSync(join(ACCOUNTS, 'known-answers.csv'), 'utf8'), { to: 2 }) as string[][];
    row![columns!.indexOf('HQ Country')] = 'United\u00a0Kingdom';
    row![columns!.indexOf('Tier')] = '\u3000Tier\u30001\u00a0';
    const outcome = await assignAccounts(Readable.from([csvRow(columns!) + csvRow(row!)]), { mapping: setup.mapping!, segments: setup.segments, csvName: 'x.csv' });
    if (!outcome.ok) throw new Error('header');
    expect(outcome.run.valueProblems.samples.map((p) => `${p.column}: ${p.message}`)).toEqual([
      'HQ Country: "United\\u00a0Kingdom" is in no region of content/workbench.yaml (did you mean "United Kingdom"?)',
      'Tier: "Tier\\u30001" is not a known value tier (add it under values.tier in content/workbench.yaml)',
    ]);
    expect(renderRowProblems(outcome.run, 'x.csv')).toContain('HQ Country "United\\u00a0Kingdom" (1)');
  });

  it('splits the systems list on its separator, dropping blanks and the spaces and tabs around items', () => {
    expect(readSystems(' SAP S/4HANA ;\tCoupa ;; ', ';')).toEqual(['SAP S/4HANA', 'Coupa']);
    expect(readSystems('SAP\u00a0S/4HANA\u00a0;\u3000Coupa', ';')).toEqual(['SAP\u00a0S/4HANA', 'Coupa']);
    expect(readSystems('SAP S/4HANA|Coupa', ';')).toEqual(['SAP S/4HANA|Coupa']);
    expect(readSystems('', ';')).toEqual([]);
  });
});
