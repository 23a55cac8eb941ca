import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ContentCache } from './load/cache.ts';
import type { SourceFile } from './load/files.ts';
import { markdownBody } from './load/frontmatter.ts';
import { decodeSourceText } from './load/source-text.ts';
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts';

/** Marks the worker this module starts, so that importing it on any other thread does nothing. */
const ROLE = 'segment-pages:markdown';

/** Below this many bodies, starting a thread costs more than rendering them here. */
export const MIN_BODIES_FOR_WORKER = 200;

interface Job {
  role: typeof ROLE;
  files: SourceFile[];
  topHeadings: number[];
}

/** Bodies rendered ahead of composition, looked up by their text and heading level. */
export class RenderedBodies {
  readonly #rendered: Map<string, RenderedMarkdown>;

  constructor(bodies: Iterable<readonly [body: string, topHeading: number, rendered: RenderedMarkdown]> = []) {
    this.#rendered = new Map([...bodies].map(([body, topHeading, rendered]) => [key(body, topHeading), rendered]));
  }

  get(body: string, topHeading: number): RenderedMarkdown | undefined {
    return this.#rendered.get(key(body, topHeading));
  }

  /** Every body held, with its heading level. */
  *entries(): IterableIterator<[body: string, topHeading: number, rendered: RenderedMarkdown]> {
    for (const [k, rendered] of this.#rendered) {
      const cut = k.indexOf('\n');
      yield [k.slice(cut + 1), Number(k.slice(0, cut)), rendered];
    }
  }
}

const key = (body: string, topHeading: number) => `${topHeading}\n${body}`;

/**
 * Renders the Markdown bodies of `files` on a worker thread while the caller parses and checks the
 * content; `headingOf` gives the heading level of a file's body, or undefined for files that are
 * not rendered this way. Bodies are split from the file exactly as the loader splits them, so
 * composition finds each entry's body here; one that is missing (a file that fails to load, a
 * thread that failed) is simply rendered on the spot. Returns undefined when there are too few
 * bodies to be worth a thread.
 */
export function renderBodiesInWorker(
  files: readonly SourceFile[],
  headingOf: (file: string) => number | undefined,
  minBodies = MIN_BODIES_FOR_WORKER,
  cache?: ContentCache,
): { result: Promise<RenderedBodies | undefined>; cancel: () => void } | undefined {
  const jobs = files.flatMap((f) => {
    const topHeading = headingOf(f.file);
    return topHeading === undefined ? [] : [{ file: f, topHeading }];
  });
  if (cache) return renderWithCache(jobs, cache, minBodies);
  if (jobs.length === 0 || jobs.length < minBodies) return undefined;
  const job: Job = { role: ROLE, files: jobs.map((j) => j.file), topHeadings: jobs.map((j) => j.topHeading) };
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  const result = new Promise<RenderedBodies | undefined>((resolve) => {
    worker.once('message', (bodies: [string, number, RenderedMarkdown][]) => resolve(new RenderedBodies(bodies)));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { result, cancel: () => void worker.terminate() };
}

/**
 * Bodies of files rendered by an earlier build come from the cache; the others are rendered on a
 * worker thread when there are enough of them, here otherwise, and kept in the cache.
 */
function renderWithCache(jobs: { file: SourceFile; topHeading: number }[], cache: ContentCache, minBodies: number): { result: Promise<RenderedBodies | undefined>; cancel: () => void } {
  const done: [string, number, RenderedMarkdown][] = [];
  const missing: typeof jobs = [];
  for (const job of jobs) {
    const hit = cache.rendered(job.file.bytes, job.topHeading);
    if (hit) done.push([hit[0], job.topHeading, hit[1]]);
    else missing.push(job);
  }
  const keep = (bodies: [string, number, RenderedMarkdown][], from: typeof jobs) => {
    const byBody = new Map(bodies.map(([body, topHeading, rendered]) => [`${topHeading}\n${body}`, rendered]));
    for (const { file, topHeading } of from) {
      const decoded = decodeSourceText(file.file, file.bytes);
      const body = decoded.ok ? markdownBody(decoded.text) : undefined;
      const rendered = body === undefined ? undefined : byBody.get(`${topHeading}\n${body}`);
      if (body !== undefined && rendered) cache.keepRendered(file.bytes, topHeading, body, rendered);
    }
  };
  if (missing.length === 0 || missing.length < minBodies) {
    const here = renderJob({ role: ROLE, files: missing.map((j) => j.file), topHeadings: missing.map((j) => j.topHeading) });
    keep(here, missing);
    return { result: Promise.resolve(new RenderedBodies([...done, ...here])), cancel: () => undefined };
  }
  const headings = new Map(missing.map((j) => [j.file.file, j.topHeading]));
  const worker = renderBodiesInWorker(missing.map((j) => j.file), (file) => headings.get(file), minBodies)!;
  return {
    result: worker.result.then((rendered) => {
      if (!rendered) return undefined;
      const bodies = [...done, ...rendered.entries()];
      keep(bodies, missing);
      return new RenderedBodies(bodies);
    }),
    cancel: worker.cancel,
  };
}

function renderJob(job: Job): [string, number, RenderedMarkdown][] {
  const out: [string, number, RenderedMarkdown][] = [];
  job.files.forEach((file, i) => {
    const decoded = decodeSourceText(file.file, file.bytes);
    const body = decoded.ok ? markdownBody(decoded.text) : undefined;
    const topHeading = job.topHeadings[i]!;
    if (body !== undefined) out.push([body, topHeading, renderMarkdown(body, { topHeading })]);
  });
  return out;
}

if (!isMainThread && (workerData as Partial<Job> | undefined)?.role === ROLE) {
  parentPort!.postMessage(renderJob(workerData as Job));
}
