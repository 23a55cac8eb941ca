import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

/** Runs `npm run playbook` the way npm does, on the same Node as the tests. */
function playbook(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join('scripts', 'playbook.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: '', CONTENT_ROOT: '', OUT_DIR: '', CHECK_DATE: '2026-11-29', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temp = () => mkdtempSync(join(tmpdir(), 'playbook-cli-'));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);
// Each run loads and checks the whole sample: generous for a busy CI machine.
const SLOW = 120_000;

describe('npm run playbook', () => {
  it('writes the playbook with the scores and the scorecard into its own folder', () => {
    const out = join(temp(), 'playbook');
    const result = playbook(['--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote the internal playbook \(5 segments, content version [0-9a-f]{12}\) to .*playbook\/: index\.html \(with the campaign plan\), scorecard\.csv and linkedin-audiences\.csv\. Keep it internal: do not publish it\.$/m);
    expect(readdirSync(out).sort()).toEqual(['.segment-pages-playbook', 'index.html', 'linkedin-audiences.csv', 'scorecard.csv']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<h2 id="scorecard">Scorecard</h2>');
    expect(html).toContain('<th scope="row">Listed North American mid-caps</th>');
    expect(html).toContain('Value tier</dt><dd>1 (highest value)');
    expect(html).toContain('100 of the 298 accounts in sample-accounts.csv were assigned to a segment; 198 matched none.');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(readFileSync(join(out, 'scorecard.csv'), 'utf8').split('\r\n')[1]).toMatch(/^1,listed-mid-cap-controls,Listed North American mid-caps,active,11,11,/);
    // A second run replaces its own folder.
    expect(playbook(['--out', out]).status).toBe(0);
  }, SLOW);

  it('never writes into the public site’s output folder', () => {
    const dir = temp();
    const site = join(dir, 'site');
    for (const out of [site, join(site, 'internal')]) {
      const result = playbook(['--out', out], { OUT_DIR: site });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`public site's output folder (OUT_DIR=${site}), which is published; the playbook is internal.`);
      expect(result.stderr).toContain('hint: Nothing was written. The default folder, .build/playbook, is always a safe choice.');
      noStack(result.stderr);
    }
    expect(existsSync(site)).toBe(false);
  }, SLOW);

  it('leaves a folder of other files alone', () => {
    const out = temp();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const result = playbook(['--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `playbook: --out ${out}: this folder holds files that no earlier playbook wrote (1 entry, e.g. notes.txt). Choose an empty or new folder, or delete its contents yourself if they are no longer needed.\n    hint: Nothing was written. The default folder, .build/playbook, is always a safe choice.\n`,
    );
    expect(readdirSync(out)).toEqual(['notes.txt']);
  }, SLOW);

  it('never replaces the project’s work folder, which holds the test sites and build staging', () => {
    const result = playbook(['--out', '.build']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'playbook: --out .build: this is the project’s .build/ folder, which holds the test sites, reports and build staging. Use a new folder inside it instead, such as .build/playbook.\n    hint: Nothing was written. The default folder, .build/playbook, is always a safe choice.\n',
    );
    expect(existsSync(join(PROJECT_ROOT, '.build', '.segment-pages-playbook'))).toBe(false);
  }, SLOW);

  it('stops with the content’s problems, like the build, and writes nothing', () => {
    const content = temp();
    cpSync(join(FIXTURES, 'minimal'), content, { recursive: true });
    const segment = join(content, 'segments', 'small-finance.yaml');
    writeFileSync(segment, readFileSync(segment, 'utf8').replace('vertical: finance-software', 'vertical: fintech'));
    const out = join(temp(), 'playbook');
    mkdirSync(out);
    const result = playbook(['--out', out], { CONTENT_ROOT: content });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('segments/small-finance.yaml:5:1 vertical: unknown vertical "fintech"\n    hint: Known verticals: finance-software (files in content/verticals/)');
    // Every command points at the guide section that explains a content problem, as npm run check does.
    expect(result.stderr).toContain('\n    docs: docs/authoring.md#segments\n');
    expect(result.stderr).toMatch(/playbook: the content has 1 error(, 0 warnings)?\. No playbook was written; .*playbook\/ is unchanged\.\n {4}hint: Fix the problems above \(npm run check lists every problem in the content\)\./);
    noStack(result.stderr);
    expect(readdirSync(out)).toEqual([]);
  }, SLOW);

  it('explains wrong usage with exit code 2', () => {
    const result = playbook(['--out', '']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^playbook: --out needs a folder\n\nUsage: npm run playbook -- \[--out <dir>\]/);
  }, SLOW);
});
