import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

/** Runs a script the way `npm run` does, on the same Node as the tests. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The content the event fixtures were made for: segment small-finance, personas cfo and controller. */
const EVENTS_CONTENT = join(FIXTURES, 'events', 'content');
const temp = () => mkdtempSync(join(tmpdir(), 'report-cli-'));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('npm run report', () => {
  it('writes the CSV and HTML reports and lists skipped rows, exiting 0', () => {
    const out = join(temp(), 'new', 'folder');
    const result = run('report.ts', [join(FIXTURES, 'events', 'mixed-problems.ndjson'), '--out', out, '--min-visits', '1', '--content', EVENTS_CONTENT]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Conversion by segment');
    expect(result.stdout).toMatch(/Read 3 events from .*mixed-problems\.ndjson in [\d.]+ s; 11 rows skipped\./);
    expect(result.stderr).toContain('mixed-problems.ndjson:3 warning: not valid JSON');
    expect(readFileSync(join(out, 'conversion-report.csv'), 'utf8')).toMatch(/^level,segment,persona,/);
    expect(existsSync(join(out, 'conversion-report.html'))).toBe(true);
  });

  it('exits 2 with the usage for wrong arguments', () => {
    for (const args of [[], ['a.ndjson', 'b.ndjson'], ['a.ndjson', '--min-visits', 'ten'], ['a.ndjson', '--min-visits', '0'], ['a.ndjson', '--colour'], ['a.ndjson', '--content', '']]) {
      const result = run('report.ts', args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run report -- <events file>');
    }
  });

  it('exits 1 with a message, not a stack trace, for a file it cannot use', () => {
    const dir = temp();
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '\n  \n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'event,page_type,segment,persona,visit_id\nclick,landing,a,b,v1\n');
    const homeOnly = join(dir, 'home.ndjson');
    writeFileSync(homeOnly, '{"event":"page_view","page_type":"home","segment":null,"persona":null,"visit_id":"v1"}\n');
    const leadOnly = join(dir, 'lead.ndjson');
    writeFileSync(leadOnly, '{"event":"generate_lead","page_type":"landing","segment":"eu-due-diligence","persona":"cpo","visit_id":"v1"}\n');
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.ndjson'), /cannot read .*missing\.ndjson: there is no such file/],
      [dir, /is a folder, not an events file/],
      [empty, /empty\.ndjson is empty: it has no events/],
      [bad, /bad\.csv has no valid events \(1 row read, none usable\)/],
      [homeOnly, /but no landing page visit/],
      [leadOnly, /lead\.ndjson has 1 valid event but no landing page visit \(a page_view with page_type "landing"\); its 1 lead without a landing page view cannot be counted: nothing to report/],
    ];
    for (const [file, message] of cases) {
      const result = run('report.ts', [file, '--out', join(dir, 'out')]);
      expect(result.status, file).toBe(1);
      expect(result.stderr).toMatch(message);
      noStack(result.stderr);
    }
    expect(run('report.ts', [bad]).stderr).toContain('bad.csv:2 warning: unknown event "click"');
  });
});

describe('npm run sample-events', () => {
  it('writes NDJSON to standard output, the same for the same seed', () => {
    const first = run('sample-events.ts', ['--visits', '30', '--seed', '9']);
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('visit_id');
    expect(first.stderr).toMatch(/^Wrote [\d,]+ events of 30 visits on \d+ landing pages \(seed 9, 5 channels, A\/B test short-form on eu-due-diligence\/cpo; 40% of eu-due-diligence in de\)\.$/m);
    expect(run('sample-events.ts', ['--visits', '30', '--seed', '9']).stdout).toBe(first.stdout);
  });

  it('writes to a file that the report reads without a bad row', () => {
    const dir = temp();
    const file = join(dir, 'events.ndjson');
    expect(run('sample-events.ts', ['--visits', '500', '--out', file]).status).toBe(0);
    const report = run('report.ts', [file, '--out', dir]);
    expect(report.status).toBe(0);
    expect(report.stderr).toBe('');
    expect(report.stdout).toContain('500 visits and');
  });

  it('uses the content of CONTENT_ROOT', () => {
    const result = run('sample-events.ts', ['--visits', '20'], { CONTENT_ROOT: join(FIXTURES, 'minimal') });
    expect(result.status).toBe(0);
    const segments = new Set(result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { segment: string }).segment));
    expect(segments).toEqual(new Set(['small-finance']));
    const broken = run('sample-events.ts', ['--visits', '20'], { CONTENT_ROOT: temp() });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/content\/site\.yaml the site settings file is missing/);
    noStack(broken.stderr);
  });

  it('exits 2 with the usage for wrong arguments', () => {
    for (const args of [['--seed', '-1'], ['--seed', '4294967296'], ['--visits', 'many'], ['extra']]) {
      const result = run('sample-events.ts', args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run sample-events');
    }
  });
});
