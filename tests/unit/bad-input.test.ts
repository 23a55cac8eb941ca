/**
 * The bad-input corpus: every mistake a marketer can plausibly make in content, run end to end
 * through the real `npm run check` and `npm run build` on a copy of a base fixture. Each case must
 * come back as a message naming file:line:column and field with a hint (snapshotted in the case's
 * expected.txt), the right exit code, and the previously built site untouched.
 *
 * All CLI runs happen before the first case asserts, at most one per core at a time: each build in
 * its own `node scripts/build.ts` process, each check in a long-lived process that runs
 * scripts/check.ts afresh per run with its own arguments, environment, exit code and output (see
 * CheckRunner), which saves reloading the check's libraries a hundred times. Each case then reads
 * its results, so a busy machine makes the corpus slower, never a case late.
 *
 * Cases live in tests/fixtures/bad-input/<name>/ (case.json, files/, expected.txt); see
 * tests/unit/bad-input-cases.ts for the format. To add one, create the folder and run
 *   npx vitest run tests/unit/bad-input.test.ts -u
 * then read the new expected.txt as the marketer would.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckRunner, GENERATORS, hashDir, KNOWN_PRODUCT_PROBLEMS, leftovers, loadCases, materializeCase, normalize, runPooled, runScript, stackTraceSigns, tempDir, writePreviousOutput, type Case, type Run } from './bad-input-cases.ts';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
if (NODE_MAJOR < 22) {
  throw new Error(`These tests run the CLIs on the Node running vitest (${process.version}); Astro 7 needs Node 22. Run them through npm/npx so node_modules/.bin/node is used.`);
}

const cases = loadCases();
const SUMMARY = /^(\d+) files checked in X ms: (\d+) errors?, (\d+) warnings?\.$/;

describe('the bad-input corpus', () => {
  it('runs the CLIs on Node 22 or newer', () => {
    expect(NODE_MAJOR).toBeGreaterThanOrEqual(22);
  });

  it('has at least 45 well-formed cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    for (const c of cases) {
      expect(c.name, 'case folders are kebab-case').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['minimal', 'composition', 'second-vertical'], c.name).toContain(c.spec.base);
      expect(['errors', 'warnings-only'], c.name).toContain(c.spec.expect);
      expect(c.spec.description.length, `${c.name} needs a description`).toBeGreaterThan(10);
      for (const g of c.spec.generate) expect(Object.keys(GENERATORS), c.name).toContain(g.kind);
      expect(c.spec.at, `${c.name} needs "at": where the mistake is`).toMatch(/^[^:]+(:\d+:\d+)?$/);
    }
    for (const name of Object.keys(KNOWN_PRODUCT_PROBLEMS)) expect(cases.map((c) => c.name), 'known problems name real cases').toContain(name);
  });
});

type RunName = 'check' | 'strictCheck' | 'plainCheck' | 'build';
type Planned = Partial<Record<RunName, { script: 'check.ts' | 'build.ts'; args: string[] }>>;

/** The CLI runs a case needs: its check, and whichever of the other three its expectation calls for. */
function plannedRuns(c: Case): Planned {
  const strictCase = c.spec.args.includes('--strict');
  // `npm run build` has no strict mode: it refuses errors only. Cases that are errors only
  // under --strict, and warnings-only cases, would build for real; Astro is slow and proves
  // nothing here, so their build is not run.
  const runsBuild = c.spec.expect === 'errors' && !strictCase;
  return {
    check: { script: 'check.ts', args: c.spec.args },
    ...(c.spec.expect === 'warnings-only' ? { strictCheck: { script: 'check.ts', args: [...c.spec.args, '--strict'] } } : {}),
    ...(strictCase ? { plainCheck: { script: 'check.ts', args: c.spec.args.filter((a) => a !== '--strict') } } : {}),
    ...(runsBuild ? { build: { script: 'build.ts', args: [] } } : {}),
  };
}

/** A case on disk with the results of its CLI runs, or what stopped it from getting there. */
interface Prepared {
  tmp: string;
  root: string;
  outDir: string;
  /** Hash of the previous output before any run. */
  before: string;
  runs: Partial<Record<RunName, Run>>;
  error?: unknown;
}

/** CLI runs in flight at once: one per core, so a run's time is its own work, not a crowd's. */
const POOL = availableParallelism();
/** A refused build takes about a second and a check a few milliseconds, even on a busy 2-core machine: a run still going after this hangs, and is killed. */
const RUN_LIMIT_MS = 120_000;
/** What one run may take on average, per core, for the whole corpus: ten times and more what a run takes with both cores busy with other work. */
const RUN_BUDGET_MS = 20_000;
const PLANNED_RUNS = cases.reduce((n, c) => n + Object.keys(plannedRuns(c)).length, 0);
const CORPUS_LIMIT_MS = Math.ceil(PLANNED_RUNS / POOL) * RUN_BUDGET_MS + RUN_LIMIT_MS;

describe('the long-lived check process', () => {
  it('gives each run what a fresh `npm run check` gives, also after a run that ends its process', async () => {
    const tmp = tempDir('bad-input-check-runner');
    const runner = new CheckRunner();
    try {
      const env = { CONTENT_ROOT: join(tmp, 'site'), OUT_DIR: join(tmp, 'dist') };
      materializeCase(cases.find((c) => c.spec.expect === 'warnings-only')!, env.CONTENT_ROOT);
      const shown = (run: Run) => ({ status: run.status, stdout: normalize(run.stdout, tmp).replace(/"milliseconds": \d+/, '"milliseconds": X'), stderr: run.stderr });
      const runs: [string[], { CHECK_DATE?: string }][] = [
        [[], {}],
        [['--strict'], {}],
        [['--format', 'json'], {}],
        [['--strict', '--bogus'], {}],
        [[], { CHECK_DATE: 'tomorrow' }],
        [['--strict'], {}],
      ];
      const statuses: (number | null)[] = [];
      for (const [args, extra] of runs) {
        const fresh = await runScript('check.ts', args, { ...env, ...extra }, RUN_LIMIT_MS);
        const kept = await runner.run(args, { ...env, ...extra }, RUN_LIMIT_MS);
        expect(shown(kept), `npm run check ${args.join(' ')}`).toEqual(shown(fresh));
        statuses.push(kept.status);
      }
      expect(statuses, 'warnings pass, --strict fails them, wrong usage and a bad CHECK_DATE exit 2').toEqual([0, 1, 0, 2, 2, 1]);
    } finally {
      runner.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 12 * RUN_BUDGET_MS);
});

const title = (c: Case) => `${c.name}: ${c.spec.description}`;
const prepared = new Map<string, Prepared>();
/** One long-lived check process per pool slot: see CheckRunner. Builds are spawned afresh. */
const checkRunners = Array.from({ length: POOL }, () => new CheckRunner());

describe('a marketer’s mistake', () => {
  // Every CLI run of the selected cases goes through one bounded pool before the first case's
  // assertions, and each case then reads its own results. Starting the runs inside the cases
  // would put dozens of Node processes on the machine at once, or, queued, count the wait against
  // each case's timeout (vitest starts that clock when the case starts).
  beforeAll(async ({}, suite) => {
    const selected = new Set(suite.tasks.filter((task) => task.mode === 'run' || task.mode === 'only').map((task) => task.name));
    const jobs: ((slot: number) => Promise<void>)[] = [];
    for (const c of cases.filter((c) => selected.has(title(c)))) {
      const tmp = tempDir(`bad-input-${c.name}`);
      const p: Prepared = { tmp, root: join(tmp, 'site'), outDir: join(tmp, 'dist'), before: '', runs: {} };
      prepared.set(c.name, p);
      try {
        materializeCase(c, p.root);
        writePreviousOutput(p.outDir);
        p.before = hashDir(p.outDir);
      } catch (error) {
        p.error = error;
        continue;
      }
      const env = { CONTENT_ROOT: p.root, OUT_DIR: p.outDir };
      for (const [name, { script, args }] of Object.entries(plannedRuns(c))) {
        jobs.push(async (slot) => {
          try {
            p.runs[name as RunName] = script === 'check.ts' ? await checkRunners[slot]!.run(args, env, RUN_LIMIT_MS) : await runScript(script, args, env, RUN_LIMIT_MS);
          } catch (error) {
            p.error ??= error;
          }
        });
      }
    }
    const started = performance.now();
    try {
      await runPooled(jobs, POOL);
    } finally {
      for (const runner of checkRunners) runner.close();
    }
    const runs = [...prepared].flatMap(([name, p]) => Object.entries(p.runs).map(([run, r]) => ({ what: `${run} of ${name}`, ms: r.ms })));
    const slowest = runs.sort((a, b) => b.ms - a.ms)[0];
    console.log(
      `bad-input corpus: ${runs.length} CLI runs for ${prepared.size} cases, ${POOL} at a time, in ${((performance.now() - started) / 1000).toFixed(1)} s` +
        (slowest ? `; slowest: ${slowest.what} in ${(slowest.ms / 1000).toFixed(1)} s` : ''),
    );
  }, CORPUS_LIMIT_MS);

  afterAll(() => {
    for (const p of prepared.values()) rmSync(p.tmp, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(title(c), async () => {
      const p = prepared.get(c.name);
      if (!p) throw new Error(`${c.name} was not prepared`);
      try {
        if (p.error) throw p.error;
        const { tmp, root, outDir, before } = p;
        const { check, strictCheck, plainCheck, build } = p.runs;
        if (!check) throw new Error(`${c.name}: the check did not run`);

        for (const [name, run] of Object.entries(p.runs)) {
          expect(run.timedOut, `${name} did not finish within ${RUN_LIMIT_MS / 1000} s`).toBeUndefined();
          expect(stackTraceSigns(run.stdout + run.stderr), `${name} shows a crash:\n${run.stdout}${run.stderr}`).toEqual([]);
        }

        const stdout = normalize(check.stdout, tmp);
        await expect(stdout).toMatchFileSnapshot(join(c.dir, 'expected.txt'));
        expect(check.stderr, 'check writes nothing to stderr').toBe('');
        const lines = stdout.trimEnd().split('\n');
        const summary = SUMMARY.exec(lines.at(-1) ?? '');
        expect(summary, `the last line is the summary:\n${stdout}`).not.toBeNull();
        const [, , errors, warnings] = summary!.map(Number) as [number, number, number, number];
        const problems = lines.slice(0, -1).join('\n');
        expect(problems, 'every problem is reported').not.toBe('');

        // Where and what: some message points where the mistake is, and every message has a hint.
        // For a known product problem the check must still fail: when it passes, the entry is stale.
        const known = KNOWN_PRODUCT_PROBLEMS[c.name];
        const heads = lines.slice(0, -1).filter((line) => !line.startsWith(' '));
        const at = c.spec.at!;
        const pointsAt = heads.some((line) => line.startsWith(`${at} `) || (!/:\d+:\d+$/.test(at) && line.startsWith(`${at}:`)));
        const hintless = lines.slice(0, -1).filter((line, i, all) => !line.startsWith(' ') && !all[i + 1]?.startsWith('    hint: '));
        if (known?.fails.includes('at')) expect(pointsAt, `known problem fixed? ${c.name} now points at ${at}: delete its KNOWN_PRODUCT_PROBLEMS entry`).toBe(false);
        else expect(pointsAt, `no message points at ${at}:\n${problems}`).toBe(true);
        const outside = positionsOutsideTheirFile(heads, root);
        if (known?.fails.includes('inside')) expect(outside, `known problem fixed? every position of ${c.name} is inside its file now: update its KNOWN_PRODUCT_PROBLEMS entry`).not.toEqual([]);
        else expect(outside, 'positions past the end of their line or file').toEqual([]);
        if (known?.fails.includes('hint')) expect(hintless, `known problem fixed? every message of ${c.name} has a hint now: delete its KNOWN_PRODUCT_PROBLEMS entry`).not.toEqual([]);
        else expect(hintless, 'messages without a hint').toEqual([]);

        if (c.spec.expect === 'errors') {
          expect(check.status, stdout).toBe(1);
          expect(errors).toBeGreaterThan(0);
        } else {
          expect(check.status, stdout).toBe(0);
          expect(errors).toBe(0);
          expect(warnings).toBeGreaterThan(0);
          expect(strictCheck!.status, '--strict turns the warnings into errors').toBe(1);
          expect(normalize(strictCheck!.stdout, tmp)).toContain(`: ${warnings + errors} error${warnings + errors === 1 ? '' : 's'}, 0 warnings.`);
        }
        if (plainCheck) {
          expect(plainCheck.status, 'without --strict the same content only warns').toBe(0);
          expect(normalize(plainCheck.stdout, tmp)).toMatch(/: 0 errors, [1-9]\d* warnings?\.\n$/);
        }

        if (build) {
          const stderr = normalize(build.stderr, tmp);
          expect(build.status, stderr).toBe(1);
          expect(build.stdout, 'a refused build prints nothing on stdout').toBe('');
          expect(stderr, 'the build reports the same problems as the check').toContain(`${problems}\n`);
          expect(stderr).toContain(`The content has ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Nothing was built; <tmp>/dist/ is unchanged.`);
        }
        expect(hashDir(outDir), 'the previous output is untouched').toBe(before);
        expect(leftovers(outDir), 'no staging or previous-output folder is left behind').toEqual([]);
      } finally {
        rmSync(p.tmp, { recursive: true, force: true });
      }
    });
  }
});

/**
 * Messages whose line:column is not a place in the file as an editor shows it (BOM dropped, CRLF
 * as one line end): a line past the end, or a column past the end of its line.
 */
function positionsOutsideTheirFile(heads: string[], root: string): string[] {
  const outside: string[] = [];
  for (const head of heads) {
    const match = /^(.+?):(\d+):(\d+) /.exec(head);
    if (!match) continue;
    const [, file, line, column] = match as unknown as [string, string, string, string];
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const lines = new TextDecoder().decode(readFileSync(path)).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const text = lines[Number(line) - 1];
    if (Number(line) > lines.length + 1 || Number(column) > (text ?? '').length + 1) outside.push(`${head} (line ${line} is ${JSON.stringify(text ?? '<past the end>')})`);
  }
  return outside;
}
