/**
 * `npm run bench`: build speed and memory of our generator against a bare Astro project and Hugo,
 * on the same synthetic site (scripts/bench/generate.ts) at several sizes. A benchmark, not a test:
 * it prints a Markdown table (ready for docs/deploy.md) and never fails on a slow result.
 *
 *   npm run bench                                   sizes 100, 1,000 and 10,000 pages, 3 runs each
 *   npm run bench -- --sizes 100,1000 --runs 5
 *   npm run bench -- --tools ours,astro --no-check
 *   npm run bench -- --sizes 1000,10000 --profile   one CPU profile per size instead of timed runs
 *
 * Options:
 *   --sizes LIST      page counts (default 100,1000,10000)
 *   --runs N          cold builds per tool and size (default 3); the table shows the median
 *   --tools LIST      ours, astro, hugo (default all three; Hugo is skipped when not installed)
 *   --warm-runs N     warm rebuilds of our generator per size after a one-file edit (default: --runs; 0 skips)
 *   --check-runs N    timed runs of scripts/check.ts per size of 1,000 pages or more (default: --runs)
 *   --no-check        skip timing scripts/check.ts
 *   --profile         instead of timed runs: build once per size with `node --cpu-prof` (ours and
 *                     the bare-Astro baseline) and print where the time goes (scripts/bench/profile.ts)
 *   --work DIR        work folder (default: a new folder in the system temp dir, removed at the end)
 *   --keep            keep the work folder (generated content, outputs, raw results.json)
 *   --out FILE        also write the Markdown report to FILE
 *
 * Every run is cold: the output folder, Astro's caches (`.astro/`, `node_modules/.astro/`), Vite's
 * dependency cache (`node_modules/.vite/`, vitest's results excepted), our content cache
 * (`node_modules/.cache/segment-pages/`) and Hugo's cache are deleted first. Warm rebuilds keep the
 * content cache (and Astro's caches) of the build before, edit one persona file and build again. Wall time is measured from spawn to exit of the real command; peak memory is the highest
 * sum of the resident set size (VmRSS) of the command's process and all its descendants, sampled
 * from /proc every 25 ms. Do not run it while other builds or tests use this checkout or the CPU:
 * they share the caches it deletes and the cores it measures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from '../../src/lib/load/cache.ts';
import { optionsOrExit } from '../cli.ts';
import { BENCH_TODAY, generate, type GenerateResult, type SiteData } from './generate.ts';
import { prepareHugoSite } from './hugo-site.ts';
import { formatProfileSummary, summarizeProfileFile } from './profile.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = resolve(benchDir, '../..');
const baselineDir = join(benchDir, 'baseline');

type Tool = 'ours' | 'astro' | 'hugo';
const TOOLS: Tool[] = ['ours', 'astro', 'hugo'];

// ---------------------------------------------------------------- options

const usage = 'Usage: npm run bench -- [--sizes 100,1000,10000] [--runs 3] [--tools ours,astro,hugo] [--warm-runs N] [--check-runs N] [--no-check] [--profile] [--work DIR] [--keep] [--out FILE]';
const values = optionsOrExit(usage, {
  sizes: { type: 'string', default: '100,1000,10000' },
  runs: { type: 'string', default: '3' },
  tools: { type: 'string', default: TOOLS.join(',') },
  'check-runs': { type: 'string' },
  'warm-runs': { type: 'string' },
  'no-check': { type: 'boolean', default: false },
  profile: { type: 'boolean', default: false },
  work: { type: 'string' },
  keep: { type: 'boolean', default: false },
  out: { type: 'string' },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const runs = Number(values.runs);
const checkRuns = Number(values['check-runs'] ?? values.runs);
const warmRuns = Number(values['warm-runs'] ?? values.runs);
const requestedTools = values.tools.split(',').map((t) => t.trim()) as Tool[];
if (sizes.some((n) => !Number.isInteger(n) || n < 5) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(checkRuns) || checkRuns < 1 || !Number.isInteger(warmRuns) || warmRuns < 0 || requestedTools.some((t) => !TOOLS.includes(t))) {
  console.error(usage);
  process.exit(2);
}

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------- the machine and the tools

function run(cmd: string, args: string[], cwd = projectRoot): string | undefined {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const release = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return { cpu: model, cores: os.availableParallelism(), ramGiB: os.totalmem() / 2 ** 30, os: release ?? `${os.type()} ${os.release()}` };
}

/** The Astro both Astro builds use: the baseline has no node_modules of its own, so it resolves the project's. */
function astroInfo(): { version: string; path: string } {
  for (let dir = baselineDir; dir.startsWith(projectRoot) && dir !== projectRoot; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) throw new Error(`${join(dir, 'node_modules')} exists: the baseline must resolve Astro from ${join(projectRoot, 'node_modules')}; delete it`);
  }
  const entry = fileURLToPath(import.meta.resolve('astro'));
  const pkgDir = entry.slice(0, entry.lastIndexOf('/node_modules/astro/') + '/node_modules/astro'.length);
  if (!pkgDir.startsWith(join(projectRoot, 'node_modules'))) throw new Error(`Astro resolves from ${pkgDir}, not from ${projectRoot}/node_modules`);
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { version, path: pkgDir };
}

function hugoVersion(): string | undefined {
  const out = run('hugo', ['version']);
  return out ? (/v(\d+\.\d+\.\d+\S*)/.exec(out)?.[1] ?? out) : undefined;
}

function gitState(): string {
  const commit = run('git', ['rev-parse', '--short', 'HEAD']);
  if (!commit) return 'not a git checkout';
  const changed = (run('git', ['status', '--porcelain']) ?? '').split('\n').filter((l) => l && !/ scripts\/bench\/| package\.json$/.test(l)).length;
  return changed ? `commit ${commit} with ${changed} other uncommitted change${changed === 1 ? '' : 's'}` : `commit ${commit}`;
}

// ---------------------------------------------------------------- measuring a process tree

interface Measurement {
  wallMs: number;
  /** User + system CPU time of the process and its descendants (GNU time), in ms; 0 when not measured. */
  cpuMs: number;
  /** Highest sum of VmRSS over the process and its descendants, in KiB. */
  peakKiB: number;
  /** Most processes seen at once in the tree. */
  processes: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const PAGE_KIB = 4;
const canPoll = existsSync('/proc/self/statm');
/** GNU time reports the CPU time of a process including its waited-for children, which Node's child_process does not. */
const GNU_TIME = existsSync('/usr/bin/time') && /GNU/.test(((r) => `${r.stdout ?? ''}${r.stderr ?? ''}`)(spawnSync('/usr/bin/time', ['--version'], { encoding: 'utf8' }))) ? '/usr/bin/time' : undefined;

function rssKiB(pid: number): number {
  try {
    // statm: size resident shared … in pages; resident equals VmRSS.
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KIB;
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process exited while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

let timeFileCounter = 0;

function measure(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measurement> {
  const timeFile = GNU_TIME ? join(os.tmpdir(), `segment-pages-bench-time-${process.pid}-${timeFileCounter++}`) : undefined;
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = timeFile
      ? spawn(GNU_TIME!, ['-f', '%U %S', '-o', timeFile, cmd, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-20000)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20000)));
    let peak = 0;
    let processes = 0;
    let tree: number[] = [];
    let polls = 0;
    const timer = canPoll
      ? setInterval(() => {
          if (child.pid === undefined) return;
          // The process table is rescanned every 10th poll (250 ms); resident sizes every 25 ms.
          if (polls++ % 10 === 0) tree = descendants(child.pid);
          let sum = 0;
          // With GNU time in front, the measured tree starts below it.
          for (const pid of tree) if (!timeFile || pid !== child.pid) sum += rssKiB(pid);
          peak = Math.max(peak, sum);
          processes = Math.max(processes, tree.filter((pid) => (!timeFile || pid !== child.pid) && existsSync(`/proc/${pid}`)).length);
        }, 25)
      : undefined;
    child.on('error', (error) => {
      if (timer) clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (timer) clearInterval(timer);
      let cpuMs = 0;
      if (timeFile) {
        try {
          const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
          cpuMs = ((user ?? 0) + (system ?? 0)) * 1000;
        } catch {
          // no report: the command could not be started
        }
        rm(timeFile, { force: true }).catch(() => {});
      }
      resolvePromise({ wallMs, cpuMs, peakKiB: peak, processes, code, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------- the three builds

interface SizeSetup {
  pages: number;
  dir: string;
  gen: GenerateResult;
  data: SiteData;
  outs: Record<Tool, string>;
  hugoSite: string;
}

const BASE_ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'DEBUG', 'CONTENT_ROOT', 'OUT_DIR', 'SITE_URL', 'BASE_PATH', 'INCLUDE_DRAFTS', 'NODE_OPTIONS']) delete env[name];
  return env;
})();

async function removeMatching(dir: string, pattern: RegExp): Promise<void> {
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) if (pattern.test(name)) await rm(join(dir, name), { recursive: true, force: true });
}

/** Deletes everything a build could reuse from an earlier one. */
async function clean(tool: Tool, setup: SizeSetup): Promise<void> {
  const out = setup.outs[tool];
  await rm(out, { recursive: true, force: true });
  if (tool === 'ours') {
    await removeMatching(dirname(out), /\.(staging|previous)-\d+$/);
    await rm(join(projectRoot, '.astro'), { recursive: true, force: true });
    await rm(join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
    await removeMatching(join(projectRoot, 'node_modules/.vite'), /^(?!vitest$)/);
    await rm(defaultCacheDir(projectRoot), { recursive: true, force: true });
  } else if (tool === 'astro') {
    await rm(join(setup.dir, 'astro-cache'), { recursive: true, force: true });
    await rm(join(baselineDir, '.astro'), { recursive: true, force: true });
  } else {
    await rm(join(setup.dir, 'hugo-cache'), { recursive: true, force: true });
    await rm(join(setup.hugoSite, 'resources'), { recursive: true, force: true });
    await rm(join(setup.hugoSite, '.hugo_build.lock'), { force: true });
  }
}

function command(tool: Tool, setup: SizeSetup, nodeFlags: string[] = []): { cmd: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  if (tool === 'ours') {
    return {
      cmd: process.execPath,
      args: [...nodeFlags, 'scripts/build.ts'],
      cwd: projectRoot,
      env: { ...BASE_ENV, CONTENT_ROOT: setup.gen.contentRoot, OUT_DIR: setup.outs.ours, CHECK_DATE: BENCH_TODAY },
    };
  }
  if (tool === 'astro') {
    return {
      cmd: process.execPath,
      args: [...nodeFlags, 'scripts/bench/baseline/build.ts'],
      cwd: projectRoot,
      env: { ...BASE_ENV, BENCH_DATA: setup.gen.dataFile, BENCH_OUT_DIR: setup.outs.astro, BENCH_CACHE_DIR: join(setup.dir, 'astro-cache') },
    };
  }
  return {
    cmd: 'hugo',
    args: ['--source', setup.hugoSite, '--destination', setup.outs.hugo, '--cacheDir', join(setup.dir, 'hugo-cache'), '--quiet'],
    cwd: setup.dir,
    env: BASE_ENV,
  };
}

/** Pages a build wrote: index.html files (404.html, sitemap and robots are not counted). */
async function countPages(dir: string): Promise<{ pages: number; htmlBytes: number }> {
  let pages = 0;
  let htmlBytes = 0;
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.html')) {
        htmlBytes += (await stat(path)).size;
        if (entry.name === 'index.html') pages++;
      }
    }
  };
  if (existsSync(dir)) await walk(dir);
  return { pages, htmlBytes };
}

/** The same pains, regulations and questions, in the same order, on every landing page of every tool. */
async function verifySamePages(setup: SizeSetup, tools: Tool[]): Promise<{ compared: number; differences: string[] }> {
  const differences: string[] = [];
  let compared = 0;
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);|&#x([0-9a-f]+);/gi, (_, dec: string | undefined, hex: string | undefined) => String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)))
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .trim();
  const ids = (html: string) =>
    [/data-faq-id="([^"]+)"/g, /data-regulation="([^"]+)"/g, /id="pain-([^"]+)"/g, /<h1[^>]*>([\s\S]*?)<\/h1>/g].map((re) => [...html.matchAll(re)].map((m) => text(m[1]!)).join(',')).join(' | ');
  for (const segment of setup.data.segments) {
    for (const landing of segment.landings) {
      const path = `${segment.id}/${landing.persona}/index.html`;
      const seen = await Promise.all(tools.map(async (tool) => ids(await readFile(join(setup.outs[tool], path), 'utf8').catch(() => 'missing'))));
      compared++;
      if (seen.some((s) => s !== seen[0]) && differences.length < 5) differences.push(`${path}: ${tools.map((t, i) => `${t}=${seen[i]}`).join(' ≠ ')}`);
    }
  }
  return { compared, differences };
}

// ---------------------------------------------------------------- statistics and formatting

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const seconds = (ms: number) => (ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const mib = (kib: number) => (kib ? `${Math.round(kib / 1024)} MiB` : 'n/a');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : 'n/a');
const int = (n: number) => n.toLocaleString('en-US');
const duration = (ms: number) => `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;

// ---------------------------------------------------------------- main

const startedAt = new Date();
const started = performance.now();
const hugo = hugoVersion();
const tools = requestedTools.filter((t) => t !== 'hugo' || hugo);
const astro = astroInfo();
const box = machine();
const git = gitState();
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadAtStart = load();
log(`${box.cpu}, ${box.cores} cores, ${box.ramGiB.toFixed(1)} GiB; Node ${process.version}; Astro ${astro.version} (${astro.path}); Hugo ${hugo ?? 'not installed'}; ${git}; load ${loadAtStart}`);
if (!canPoll) log('no /proc: peak memory is not measured on this system');

const work = values.work ? resolve(values.work) : await mkdtemp(join(os.tmpdir(), 'segment-pages-bench-'));
await mkdir(work, { recursive: true });

interface Row {
  pages: number;
  tool: Tool;
  /** Warm rebuilds after a one-file edit, not cold builds. */
  warm?: boolean;
  runs: Measurement[];
  output: { pages: number; htmlBytes: number };
}
const rows: Row[] = [];
const checks: { pages: number; files: number; runs: { wallMs: number; cpuMs: number; selfMs: number; peakKiB: number }[] }[] = [];
const profiles: string[] = [];
const verifications: string[] = [];

try {
  for (const pages of sizes) {
    const dir = join(work, String(pages));
    log(`${int(pages)} pages: generating content into ${dir}`);
    const gen = await generate({ pages, out: dir });
    const data = JSON.parse(await readFile(gen.dataFile, 'utf8')) as SiteData;
    const setup: SizeSetup = { pages, dir, gen, data, outs: { ours: join(dir, 'out-ours'), astro: join(dir, 'out-astro'), hugo: join(dir, 'out-hugo') }, hugoSite: join(dir, 'hugo-site') };
    if (tools.includes('hugo')) await prepareHugoSite(gen.dataFile, setup.hugoSite);
    log(`${int(pages)} pages: ${int(gen.segments)} segments, ${int(gen.landingPages)} landing pages, ${int(gen.files)} content files`);

    if (values.profile) {
      for (const tool of tools.filter((t): t is 'ours' | 'astro' => t !== 'hugo')) {
        await clean(tool, setup);
        const profDir = join(dir, `profile-${tool}`);
        await rm(profDir, { recursive: true, force: true });
        const c = command(tool, setup, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
        log(`${int(pages)} pages: profiling ${tool}`);
        const m = await measure(c.cmd, c.args, c);
        if (m.code !== 0) throw new Error(`${tool} failed (exit ${m.code}):\n${m.stderr || m.stdout}`);
        // One file per thread; the main thread's has thread id 0 in its name.
        const files = (await readdir(profDir)).filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
        if (files.length !== 1) throw new Error(`expected one main-thread profile in ${profDir}, found ${files.join(', ') || 'none'}`);
        const summary = await summarizeProfileFile(join(profDir, files[0]!));
        const title = `${int(pages)} pages, ${tool === 'ours' ? 'our build (`node --cpu-prof scripts/build.ts`)' : 'bare Astro baseline'}; wall ${seconds(m.wallMs)} with profiling`;
        profiles.push(formatProfileSummary(title, summary));
        log(`${int(pages)} pages: ${tool} profiled in ${seconds(m.wallMs)}; profile in ${profDir}${values.keep || values.work ? '' : ' (removed at the end; --keep keeps it)'}`);
      }
      continue;
    }

    const bySize = new Map<Tool, Row>(tools.map((tool) => [tool, { pages, tool, runs: [], output: { pages: 0, htmlBytes: 0 } }]));
    for (let r = 1; r <= runs; r++) {
      // Tools take turns, so that a slow phase of the machine does not hit one tool's runs only.
      for (const tool of tools) {
        await clean(tool, setup);
        const c = command(tool, setup);
        const m = await measure(c.cmd, c.args, c);
        if (m.code !== 0) throw new Error(`${tool} failed on ${pages} pages (exit ${m.code}):\n${(m.stderr || m.stdout).slice(-4000)}`);
        const row = bySize.get(tool)!;
        row.runs.push(m);
        row.output = await countPages(setup.outs[tool]);
        if (row.output.pages !== pages) throw new Error(`${tool} wrote ${row.output.pages} pages instead of ${pages}`);
        log(`${int(pages)} pages: ${tool} run ${r}/${runs}: ${seconds(m.wallMs)} wall, ${m.cpuMs ? `${seconds(m.cpuMs)} CPU, ` : ''}${mib(m.peakKiB)}, ${m.processes} process${m.processes === 1 ? '' : 'es'} (load ${load()})`);
      }
    }
    rows.push(...bySize.values());
    if (tools.length > 1) {
      const v = await verifySamePages(setup, tools);
      verifications.push(`${int(pages)} pages: ${int(v.compared)} landing pages compared across ${tools.join(', ')}; ${v.differences.length ? `DIFFERENCES:\n${v.differences.join('\n')}` : 'same headline, pains, regulations and questions in the same order on every one'}`);
      log(verifications.at(-1)!);
    }

    if (warmRuns > 0 && tools.includes('ours')) {
      const row: Row = { pages, tool: 'ours', warm: true, runs: [], output: { pages: 0, htmlBytes: 0 } };
      const persona = join(gen.contentRoot, 'content/personas', (await readdir(join(gen.contentRoot, 'content/personas'))).sort()[0]!);
      const original = await readFile(persona, 'utf8');
      try {
        // The cache as the last cold build left it, filled again should a tool have cleared it.
        if (!existsSync(defaultCacheDir(projectRoot))) await measure(command('ours', setup).cmd, command('ours', setup).args, command('ours', setup));
        for (let r = 1; r <= warmRuns; r++) {
          // One file edited: a sentence added to a persona's body, which shows on every landing page of that persona.
          await writeFile(persona, `${original.trimEnd()}\n\nEdited for warm rebuild ${r}.\n`);
          const c = command('ours', setup);
          const m = await measure(c.cmd, c.args, c);
          if (m.code !== 0) throw new Error(`the warm rebuild failed on ${pages} pages (exit ${m.code}):\n${(m.stderr || m.stdout).slice(-4000)}`);
          row.runs.push(m);
          row.output = await countPages(setup.outs.ours);
          if (row.output.pages !== pages) throw new Error(`the warm rebuild wrote ${row.output.pages} pages instead of ${pages}`);
          log(`${int(pages)} pages: ours warm rebuild ${r}/${warmRuns}: ${seconds(m.wallMs)} wall, ${m.cpuMs ? `${seconds(m.cpuMs)} CPU, ` : ''}${mib(m.peakKiB)} (load ${load()})`);
        }
      } finally {
        await writeFile(persona, original);
      }
      rows.push(row);
    }

    if (!values['no-check'] && tools.includes('ours') && pages >= 1000) {
      const entry = { pages, files: gen.files, runs: [] as { wallMs: number; cpuMs: number; selfMs: number; peakKiB: number }[] };
      for (let r = 1; r <= checkRuns; r++) {
        const m = await measure(process.execPath, ['scripts/check.ts'], { cwd: projectRoot, env: { ...BASE_ENV, CONTENT_ROOT: gen.contentRoot, CHECK_DATE: BENCH_TODAY } });
        const self = /(\d+) files checked in (\d+) ms: (\d+) errors?/.exec(m.stdout);
        if (m.code !== 0 || !self || self[3] !== '0') throw new Error(`scripts/check.ts failed on the ${pages}-page content (exit ${m.code}):\n${m.stdout.slice(-3000)}`);
        entry.runs.push({ wallMs: m.wallMs, cpuMs: m.cpuMs, selfMs: Number(self[2]), peakKiB: m.peakKiB });
        log(`${int(pages)} pages: check run ${r}/${checkRuns}: ${seconds(m.wallMs)} (reports ${self[2]} ms for ${self[1]} files)`);
      }
      checks.push(entry);
    }
    if (!values.keep) for (const tool of tools) await rm(setup.outs[tool], { recursive: true, force: true });
  }
} finally {
  await rm(join(baselineDir, '.astro'), { recursive: true, force: true });
  if (!values.keep && !values.work) await rm(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------- report

const totalMs = performance.now() - started;
const argv = process.argv.slice(2);
const label: Record<Tool, string> = { ours: 'Segment Pages (`node scripts/build.ts`)', astro: `bare Astro ${astro.version} (scripts/bench/baseline)`, hugo: `Hugo ${hugo ?? ''}` };
const lines: string[] = [];
lines.push(
  `Measured ${startedAt.toISOString().slice(0, 10)} on ${box.cpu} (${box.cores} cores, ${box.ramGiB.toFixed(1)} GiB RAM, ${box.os}); Node ${process.version}, Astro ${astro.version}, Hugo ${hugo ?? 'not installed (skipped)'}; ${git}.`,
  `Command: \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\`, which took ${duration(totalMs)} (load average ${loadAtStart} at the start, ${load()} at the end).`,
  '',
);
if (rows.length) {
  lines.push(
    `Cold builds, median of ${runs} run${runs === 1 ? '' : 's'} (range in brackets)${warmRuns > 0 && tools.includes('ours') ? `; warm rebuilds of our generator, median of ${warmRuns}, each after adding a sentence to one persona file, with the content cache and Astro's caches of the build before` : ''}. CPU: user + system time of the build and all its child processes${GNU_TIME ? ' (GNU time)' : ' (not measured: no GNU time)'}; more CPU than wall time means more than one core was busy. Peak memory: highest sum of resident memory (VmRSS) of the build and all its child processes, sampled every 25 ms. Pages: home, overview, and per segment a hub, a FAQ page and one landing page per persona (404, sitemap and robots.txt come on top in every tool).`,
    '',
    '| pages | tool | wall time | CPU time | peak memory | pages/s | ours ÷ this: wall | ours ÷ this: memory |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const pages of sizes) {
    const ours = rows.find((r) => r.pages === pages && r.tool === 'ours' && !r.warm);
    const astroCold = rows.find((r) => r.pages === pages && r.tool === 'astro');
    const oursWall = ours ? median(ours.runs.map((m) => m.wallMs)) : 0;
    const oursMem = ours ? median(ours.runs.map((m) => m.peakKiB)) : 0;
    for (const row of rows.filter((r) => r.pages === pages)) {
      const walls = row.runs.map((m) => m.wallMs);
      const wall = median(walls);
      const mem = median(row.runs.map((m) => m.peakKiB));
      const range = row.runs.length > 1 ? ` (${seconds(Math.min(...walls)).replace(/ s$/, '')}–${seconds(Math.max(...walls))})` : '';
      const cpu = median(row.runs.map((m) => m.cpuMs));
      const vs = row.tool === 'ours' || !ours ? ['–', '–'] : [ratio(oursWall, wall), ratio(oursMem, mem)];
      if (row.warm) {
        const astroWall = astroCold ? median(astroCold.runs.map((m) => m.wallMs)) : 0;
        lines.push(`| ${int(pages)} | ${label.ours}, **warm** rebuild after a one-file edit | ${seconds(wall)}${range} | ${cpu ? seconds(cpu) : 'n/a'} | ${mib(mem)} | ${int(Math.round(pages / (wall / 1000)))} | ${astroCold ? `warm ÷ bare Astro cold: ${ratio(wall, astroWall)}` : '–'} | – |`);
        continue;
      }
      lines.push(`| ${int(pages)} | ${label[row.tool]} | ${seconds(wall)}${range} | ${cpu ? seconds(cpu) : 'n/a'} | ${mib(mem)} | ${int(Math.round(pages / (wall / 1000)))} | ${vs[0]} | ${vs[1]} |`);
    }
  }
  if (!tools.includes('hugo') && requestedTools.includes('hugo')) lines.push('', 'Hugo is not installed on this machine, so it was skipped (`apt-get install hugo`).');
  lines.push('', `Output per tool (last run): ${rows.filter((r) => r.pages === sizes.at(-1) && !r.warm).map((r) => `${r.tool} ${(r.output.htmlBytes / 1e6).toFixed(1)} MB of HTML`).join(', ')} for ${int(sizes.at(-1)!)} pages.`);
  for (const v of verifications) lines.push(`Same pages: ${v}.`);
}
if (checks.length) {
  lines.push('', `Content check alone (\`node scripts/check.ts\`, median of ${checkRuns} run${checkRuns === 1 ? '' : 's'}; "in process" is the time it reports itself, without Node startup):`, '', '| content files | pages | wall time | CPU time | in process | peak memory |', '| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of checks) {
    const cpu = median(c.runs.map((r) => r.cpuMs));
    lines.push(`| ${int(c.files)} | ${int(c.pages)} | ${seconds(median(c.runs.map((r) => r.wallMs)))} | ${cpu ? seconds(cpu) : 'n/a'} | ${seconds(median(c.runs.map((r) => r.selfMs)))} | ${mib(median(c.runs.map((r) => r.peakKiB)))} |`);
  }
}
if (profiles.length) lines.push('', ...profiles.flatMap((p) => [p, '']));
const report = lines.join('\n');
console.log(report);
if (values.out) await writeFile(values.out, `${report}\n`);
if (values.keep) {
  await writeFile(join(work, 'results.json'), JSON.stringify({ startedAt, box, astro, hugo, git, sizes, runs, rows: rows.map((r) => ({ ...r, runs: r.runs.map(({ stdout: _o, stderr: _e, ...m }) => m) })), checks }, null, 2));
  log(`work folder kept: ${work}`);
}
