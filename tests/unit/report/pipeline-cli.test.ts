import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

/** Runs the report the way `npm run` does, on the same Node as the tests. */
function report(args: string[]) {
  const result = spawnSync(process.execPath, [join('scripts', 'report.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CRM = join(FIXTURES, 'crm');
/** The content the event fixtures were made for (segment small-finance, personas cfo and controller): no content/crm.yaml, so the defaults apply. */
const CONTENT = join(FIXTURES, 'events', 'content');
const EVENTS = join(CRM, 'events.ndjson');
const temp = () => mkdtempSync(join(tmpdir(), 'report-crm-'));
// Each case starts a Node process that loads TypeScript: slow on a busy machine.
const SLOW = 120_000;

describe('npm run report -- <events> --crm <export>', () => {
  it(
    'prints the pipeline table, writes crm-pipeline.csv and adds a section to the HTML',
    () => {
      const out = temp();
      const result = report([EVENTS, '--crm', join(CRM, 'opportunities.csv'), '--content', CONTENT, '--out', out, '--min-visits', '1']);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('From lead to pipeline (');
      expect(result.stdout).toMatch(/All leads +8 +6 +75\.0% +40\.9–92\.9% +20,001 +2 +10,000 +50\.0%/);
      expect(result.stdout).toContain('opportunities.csv:11 warning: Amount: "12k" is not an amount');
      expect(result.stdout).toMatch(/Wrote .*conversion-report\.csv, .*crm-pipeline\.csv and .*conversion-report\.html\./);
      expect(readFileSync(join(out, 'crm-pipeline.csv'), 'utf8')).toContain('\r\ntotal,,,,,8,6,0.75,');
      expect(readFileSync(join(out, 'conversion-report.html'), 'utf8')).toContain('<h2 id="pipeline">From lead to pipeline</h2>');
    },
    SLOW,
  );

  it(
    'stops before reading the events when the export lacks a column the join needs, writing nothing',
    () => {
      const dir = temp();
      const crm = join(dir, 'opportunities.csv');
      writeFileSync(crm, 'Lead ID,Stage,Amount\r\nlead-1,Closed Won,1\r\n');
      const result = report([EVENTS, '--crm', crm, '--content', CONTENT, '--out', join(dir, 'out')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${crm}:1 there is no column "Opportunity Stage" (the default of columns.stage, as there is no content/crm.yaml)\n    hint: Did you mean "Stage"?`);
      expect(result.stderr).toContain(`report: ${crm} cannot be joined to the leads, so no report was written`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    },
    SLOW,
  );

  it(
    'stops at bytes that are not UTF-8 past the first 64 KiB, with the line, writing nothing',
    () => {
      const dir = temp();
      const crm = join(dir, 'opportunities.csv');
      const filler = Array.from({ length: 3000 }, (_, i) => `lead-x${i},small-finance,cfo,,,Closed Won,1,USD\r\n`).join('');
      writeFileSync(crm, Buffer.concat([Buffer.from(`Lead ID,Segment,Persona,Last UTM Source,Last UTM Medium,Opportunity Stage,Amount,Currency\r\n${filler}`), Buffer.from('lead-1,small-finance,cfo,,,Gew\xfcnnen,1,USD\r\n', 'latin1')]));
      const result = report([EVENTS, '--crm', crm, '--content', CONTENT, '--out', join(dir, 'out')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${crm}:3002 byte 0xFC is not UTF-8: the file looks like Windows-1252 (Latin-1) text; the rest of the file was not read`);
      expect(result.stderr).toContain(`report: reading ${crm} stopped at line 3002, so no report was written`);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    },
    SLOW,
  );

  it(
    'exits 2 when --crm names no file',
    () => {
      const result = report([EVENTS, '--crm', '']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--crm needs a CRM export file');
    },
    SLOW,
  );
});
