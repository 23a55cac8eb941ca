/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of a build and splits it two ways:
 * - phases, by wall-clock time on the main thread: startup, our content check before Astro,
 *   Astro's config and bundling (the module graph: Vite/Rolldown resolve, transform and bundle
 *   pages, components and our src/lib), page generation (getStaticPaths, rendering, writing), finish;
 * - CPU time by owner: our load/check/compose (in scripts/build.ts and again inside the Astro build),
 *   Astro's page rendering, everything else, garbage collection and idle time (the main thread waits
 *   for I/O and for Rolldown's native worker threads, so bundling shows up largely as idle).
 *   node scripts/bench/profile.ts FILE.cpuprofile
 */
import { readFile } from 'node:fs/promises';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  phases: { name: string; ms: number }[];
  owners: { name: string; ms: number }[];
  /** Functions of our code with the most self time. */
  hotspots: { name: string; ms: number }[];
}

const isBundled = (url: string) => url.includes('/.prerender/') || url.includes('/chunks/') || url.includes('/dist/server/');
const STAGES: [string, string][] = [
  ['readContentFiles', 'read files'],
  ['parseProject', 'load: parse + validate'],
  ['checkProject', 'check: cross-file rules'],
  ['contentVersionOf', 'content hash'],
  ['createComposeContext', 'compose'],
  ['composeSite', 'compose'],
];

export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackCache = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    let stack = stackCache.get(id);
    if (!stack) {
      stack = [];
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!.callFrame);
      stackCache.set(id, stack);
    }
    return stack;
  };

  const owners = new Map<string, number>();
  const hot = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  // Wall-clock markers on the main thread.
  let t = profile.startTime;
  let gateStart: number | undefined;
  let gateEnd: number | undefined;
  let generateStart: number | undefined;
  let generateEnd: number | undefined;
  let last = t;

  // First pass: wall-clock markers; second pass: owners (page generation is told by time, because
  // rendering resumes from promises and its stacks do not always reach Astro's generate.js).
  const times: number[] = [];
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
    last = t;
    const stack = stackOf(id);
    const build = stack.find((f) => f.functionName === 'buildSiteFromDisk');
    if (build && !isBundled(build.url)) {
      gateStart ??= t;
      gateEnd = t;
    }
    if (stack.some((f) => f.url.endsWith('/astro/dist/core/build/generate.js'))) {
      generateStart ??= t;
      generateEnd = t;
    }
  });
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const at = times[i]!;
    const stack = stackOf(id);
    const leaf = stack[0]!;
    const build = stack.find((f) => f.functionName === 'buildSiteFromDisk');
    let owner: string;
    if (build) {
      const where = isBundled(build.url) ? 'ours, again inside the Astro build (src/site-data.ts)' : 'ours, content check before Astro (scripts/build.ts)';
      const stage = STAGES.find(([fn]) => stack.some((f) => f.functionName === fn))?.[1] ?? 'other';
      owner = `${where}: ${stage}`;
    } else if (stack.some((f) => f.functionName === 'readSiteLocation')) owner = 'ours: integration reads site.yaml (readSiteLocation)';
    else if (leaf.functionName === '(garbage collector)') owner = 'garbage collection';
    else if (leaf.functionName === '(idle)') owner = 'idle main thread (I/O, native bundler threads)';
    else if (leaf.functionName === '(program)') owner = 'V8 / native (program)';
    else if (generateStart !== undefined && at >= generateStart && at <= generateEnd!) owner = 'Astro: generating pages (render, write)';
    else owner = 'Astro/Vite/Node: startup, config, bundling (JavaScript side)';
    add(owners, owner, us);
    if (/\/src\/lib\/|\/\.prerender\/chunks\/site-data/.test(leaf.url)) {
      const file = leaf.url.replace(/^.*\/src\//, 'src/').replace(/^.*\/\.prerender\/chunks\//, '(bundled) ');
      add(hot, `${leaf.functionName || '(anonymous)'} ${file}:${leaf.lineNumber + 1}`, us);
    }
  });

  const start = profile.startTime;
  const phases: { name: string; ms: number }[] = [];
  const span = (a: number, b: number) => Math.max(0, b - a) / 1000;
  if (gateStart !== undefined && gateEnd !== undefined) {
    phases.push({ name: 'startup (Node, loading scripts/build.ts)', ms: span(start, gateStart) });
    phases.push({ name: 'our content check + compose before Astro (scripts/build.ts)', ms: span(gateStart, gateEnd) });
  } else {
    phases.push({ name: 'startup (Node, loading the build script)', ms: 0 });
  }
  const bundleStart = gateEnd ?? start;
  if (generateStart !== undefined && generateEnd !== undefined) {
    phases.push({ name: 'Astro: config, sync and bundling (module graph)', ms: span(bundleStart, generateStart) });
    phases.push({ name: 'Astro: generating pages (incl. getStaticPaths)', ms: span(generateStart, generateEnd) });
    phases.push({ name: 'finish (assets, swap into place, exit)', ms: span(generateEnd, last) });
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 }));
  return { totalMs: span(start, last), phases, owners: sorted(owners), hotspots: sorted(hot).slice(0, 12) };
}

export async function summarizeProfileFile(file: string): Promise<ProfileSummary> {
  return summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile);
}

export function formatProfileSummary(title: string, s: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(0)}%`;
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [`#### ${title}: ${sec(s.totalMs)} on the main thread`, '', '| phase (wall clock) | time | share |', '| --- | ---: | ---: |'];
  for (const p of s.phases) lines.push(`| ${p.name} | ${sec(p.ms)} | ${pct(p.ms)} |`);
  lines.push('', '| CPU time by owner | time | share |', '| --- | ---: | ---: |');
  for (const o of s.owners) if (o.ms >= 50) lines.push(`| ${o.name} | ${sec(o.ms)} | ${pct(o.ms)} |`);
  if (s.hotspots.length) {
    lines.push('', '| our functions with the most self time | time |', '| --- | ---: |');
    for (const h of s.hotspots) if (h.ms >= 10) lines.push(`| \`${h.name}\` | ${h.ms >= 1000 ? sec(h.ms) : `${Math.round(h.ms)} ms`} |`);
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: node scripts/bench/profile.ts FILE.cpuprofile');
    process.exit(2);
  }
  console.log(formatProfileSummary(file, await summarizeProfileFile(file)));
}
