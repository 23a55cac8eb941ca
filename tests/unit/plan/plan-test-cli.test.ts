/**
 * npm run plan-test on the hand-built export of tests/fixtures/events/variants: the control of
 * small-finance × cfo (`default`) has 12 leads of 120 visits, so the baseline is 10%; the page has
 * 230 visits over exactly 2 weeks, 115 a week. For +20% (10% → 12%), by hand:
 * (1.959964·√(2·0.11·0.89) + 0.841621·√(0.09 + 0.1056))² / 0.02² = 3,840.8 → 3,841 per arm,
 * 7,682 in all, 7,682 / 115 = 66.8 weeks: more than 26.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

const CONTENT = join(FIXTURES, 'events', 'variants');
const EVENTS = join(CONTENT, 'events.ndjson');
/** Spawning Node on a busy 2-core machine can take seconds. */
const SLOW = 60_000;

function run(args: string[]) {
  const result = spawnSync(process.execPath, [join('scripts', 'plan-test.ts'), '--content', CONTENT, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('npm run plan-test', () => {
  it('takes the baseline and the traffic from an export, and says plainly that the page cannot carry the test', { timeout: SLOW }, () => {
    const result = run(['--segment', 'small-finance', '--persona', 'cfo', '--lift', '20%', '--events', EVENTS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Test plan for small-finance × cfo (control: default)');
    expect(result.stdout).toContain('Baseline          10.00%: the control’s rate in');
    expect(result.stdout).toContain('12 leads of 120 visits, 2026-10-01 to 2026-10-15');
    expect(result.stdout).toContain('Visitors per arm  3,841');
    expect(result.stdout).toContain('Total visitors    7,682');
    expect(result.stdout).toMatch(/Weekly visits {5}115: the page’s landing visits in .*events\.ndjson \(230\) over 2\.0 weeks/);
    expect(result.stdout).toContain('This page’s traffic cannot support this test: it would take 66.8 weeks, more than 26.');
    expect(result.stdout).toContain('What this traffic could detect: in 4 weeks (230 visitors per arm) +92% relative (+9.20 pp): 10.00% → 19.20%');
  });

  it('plans from a given baseline and traffic: 8,158 per arm for 5% and +20%', { timeout: SLOW }, () => {
    const result = run(['--segment', 'small-finance', '--persona', 'cfo', '--lift', '20%', '--baseline', '5%', '--weekly-visits', '2000']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Visitors per arm  8,158');
    expect(result.stdout).toContain('This page’s traffic supports the test: 8.2 weeks at 2,000 visits a week.');
  });

  it('takes the control of a page with an override from its file', { timeout: SLOW }, () => {
    const result = run(['--segment', 'small-finance', '--persona', 'controller', '--lift', '1pp', '--events', EVENTS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Test plan for small-finance × controller (control: custom)');
    expect(result.stdout).toContain('3 leads of 30 visits');
    expect(result.stdout).toContain('+10% relative (+1.00 pp): 10.00% → 11.00%');
  });

  it('names the closest segment or persona for an unknown one', { timeout: SLOW }, () => {
    const segment = run(['--segment', 'smal-finance', '--persona', 'cfo', '--lift', '20%', '--baseline', '5%']);
    expect(segment.status).toBe(1);
    expect(segment.stderr).toMatch(/^plan-test: unknown segment "smal-finance": no segments\/smal-finance\.yaml in .*\n {4}hint: Did you mean "small-finance"\? Known segments: small-finance\n$/);
    const persona = run(['--segment', 'small-finance', '--persona', 'controler', '--lift', '20%', '--baseline', '5%']);
    expect(persona.status).toBe(1);
    expect(persona.stderr).toBe('plan-test: segment "small-finance" has no landing page for persona "controler"\n    hint: Did you mean "controller"? Known personas of small-finance: cfo, controller\n');
  });

  it('exits 2 with the usage for a bad percentage or a missing baseline', { timeout: SLOW }, () => {
    const cases: [string[], string][] = [
      [['--lift', '20'], 'plan-test: --lift "20" is not a lift: write 20% for a relative lift'],
      [['--lift', '20%'], 'plan-test: no baseline: give --events <export> to take the control’s conversion rate from it, or --baseline 5%'],
      [['--lift', '20%', '--baseline', '5'], 'plan-test: --baseline "5" is ambiguous: write 5% for a percentage, or a fraction below 1 like 0.05'],
      [['--lift', '20%', '--baseline', '150%'], 'plan-test: --baseline must be above 0% and below 100%, got "150%"'],
      [['--lift', '50pp', '--baseline', '60%'], 'plan-test: a baseline of 60% with that lift is 110%: a rate cannot reach 100%'],
      [['--lift', '20%', '--baseline', '5%', '--power', '30%'], 'plan-test: --power 30% would miss a real lift more often than find it'],
    ];
    for (const [args, message] of cases) {
      const result = run(['--segment', 'small-finance', '--persona', 'cfo', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
      expect(result.stderr).toContain('Usage: npm run plan-test --');
    }
  });

  it('exits 1 without a stack trace when the export has no visit of the control', { timeout: SLOW }, () => {
    const missing = run(['--segment', 'small-finance', '--persona', 'cfo', '--lift', '20%', '--events', join(CONTENT, 'no-such.ndjson')]);
    expect(missing.status).toBe(1);
    noStack(missing.stderr);
    const other = run(['--segment', 'small-finance', '--persona', 'cfo', '--lift', '20%', '--events', join(FIXTURES, 'events', 'channels.ndjson')]);
    expect(other.status, other.stderr).toBe(1);
    expect(other.stderr).toContain('there is no baseline to plan from');
    expect(other.stderr).toContain('hint: Give the control’s conversion rate with --baseline 5%');
    noStack(other.stderr);
  });
});
