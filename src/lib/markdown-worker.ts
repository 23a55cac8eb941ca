import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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
): { result: Promise<RenderedBodies | undefined>; cancel: () => void } | undefined {
  const jobs = files.flatMap((f) => {
    const topHeading = headingOf(f.file);
    return topHeading === undefined ? [] : [{ file: f, topHeading }];
  });
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

if (!isMainThread && (workerData as Partial<Job> | undefined)?.role === ROLE) {
  const job = workerData as Job;
  const out: [string, number, RenderedMarkdown][] = [];
  job.files.forEach((file, i) => {
    const decoded = decodeSourceText(file.file, file.bytes);
    const body = decoded.ok ? markdownBody(decoded.text) : undefined;
    const topHeading = job.topHeadings[i]!;
    if (body !== undefined) out.push([body, topHeading, renderMarkdown(body, { topHeading })]);
  });
  parentPort!.postMessage(out);
}
