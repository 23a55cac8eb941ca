import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { BuildOptions, BuildResult } from './site-build.ts';

/** Marks the worker this module starts, so that importing it on any other thread does nothing. */
const ROLE = 'segment-pages:site-build';

interface Job {
  role: typeof ROLE;
  root: string;
  options: BuildOptions;
  cacheDir?: string;
}

export interface WorkerBuildOptions {
  /** Keep a content cache in this folder (src/lib/load/cache.ts); none when left out. */
  cacheDir?: string;
  /** Told the cache's one-line notes (a cache ignored or not written). */
  onNote?: (note: string) => void;
  /** Told how many content files were parsed, and how many of them came from the cache. */
  onCacheUse?: (use: { files: number; unchanged: number }) => void;
}

type Message = { result: BuildResult; cacheUse?: { files: number; unchanged: number } } | { notes: string[] };

/**
 * Reads, checks and composes a content tree ({@link buildSiteFromDisk}) on a worker thread, so that
 * the calling thread is free to start Astro meanwhile: Astro's configuration and bundling keep one
 * core busy and leave the other mostly idle, which is where this work then runs. The result is the
 * one buildSiteFromDisk gives (a structured copy of it); should the thread fail to start or die,
 * the content is built on the calling thread instead, so a failure there is reported as before.
 * The loading code stays off the calling thread, as does the memory it uses: it goes with the
 * thread when it ends.
 */
export function buildSiteOnWorker(root: string, options: BuildOptions = {}, { cacheDir, onNote, onCacheUse }: WorkerBuildOptions = {}): Promise<BuildResult> {
  const here = async () => (await import('./site-build.ts')).buildSiteFromDisk(root, options);
  return new Promise<BuildResult>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, root, options, cacheDir } satisfies Job });
    } catch {
      here().then(resolve, reject);
      return;
    }
    let settled = false;
    const fallBack = () => {
      if (settled) return;
      settled = true;
      here().then(resolve, reject);
    };
    worker.on('message', (message: Message) => {
      if ('notes' in message) {
        for (const note of message.notes) onNote?.(note);
        return;
      }
      settled = true;
      if (message.cacheUse) onCacheUse?.(message.cacheUse);
      resolve(message.result);
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}

if (!isMainThread && (workerData as Partial<Job> | undefined)?.role === ROLE) {
  const job = workerData as Job;
  const [{ buildSiteFromDisk }, { ContentCache }] = await Promise.all([import('./site-build.ts'), import('./load/cache.ts')]);
  const cache = job.cacheDir ? new ContentCache({ dir: job.cacheDir, contentRoot: job.root }) : undefined;
  const result = await buildSiteFromDisk(job.root, { ...job.options, cache });
  const post = (message: Message) => parentPort!.postMessage(message);
  if (cache?.notes.length) post({ notes: cache.notes.splice(0) });
  post({ result, cacheUse: cache?.files });
  // Written while Astro renders: the build does not wait for it.
  cache?.save();
  if (cache?.notes.length) post({ notes: cache.notes.splice(0) });
}
