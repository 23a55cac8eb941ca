import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Route } from '../compose/types.ts';
import { ogCardOf, type OgCard } from './card.ts';
import { loadOgRenderer, ogImageKey, renderOgPng } from './render.ts';

/** Marks the workers this module starts, so that importing it on any other thread does nothing. */
const ROLE = 'segment-pages:og-image';

/** Below this many images to render, starting threads costs more than rendering them here. */
export const MIN_IMAGES_FOR_WORKERS = 40;

/**
 * Images one thread renders before it ends. resvg's native buffers are invisible to the garbage
 * collector, so a thread that renders hundreds holds gigabytes; a fresh thread per batch stays small.
 */
const IMAGES_PER_THREAD = 60;

export interface OgImageJob {
  card: OgCard;
  /** Where the PNG goes, relative to the output folder, like `mid-market/cpo/og.png`. */
  file: string;
}

/** The image of every page that has one (PageMeta.image), from the composed routes. */
export function ogImageJobs(routes: readonly Route[]): OgImageJob[] {
  return routes.flatMap((route) => {
    const card = ogCardOf(route.view);
    const image = route.view.meta.image;
    return card && image ? [{ card, file: image.path.replace(/^\//, '') }] : [];
  });
}

export interface OgImages {
  files: { file: string; png: Buffer }[];
  /** How many were rendered, and how many came from the cache. */
  rendered: number;
  cached: number;
}

/** Renders every job's PNG and writes them into `outDir` (see renderOgImages). */
export async function writeOgImages(jobs: readonly OgImageJob[], options: { outDir: string; cacheDir: string; minImagesForWorkers?: number }): Promise<{ rendered: number; cached: number }> {
  const images = await renderOgImages(jobs, options);
  await writeOgImageFiles(images, options.outDir);
  return { rendered: images.rendered, cached: images.cached };
}

export async function writeOgImageFiles(images: OgImages, outDir: string): Promise<void> {
  for (const { file, png } of images.files) {
    const target = join(outDir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, png);
  }
}

/**
 * The PNG of every job. Images are cached in `cacheDir` by a hash of their element tree, font files
 * and renderer versions, so a rebuild renders only the cards that changed; those render on worker
 * threads when there are many.
 */
export async function renderOgImages(jobs: readonly OgImageJob[], options: { cacheDir: string; minImagesForWorkers?: number }): Promise<OgImages> {
  const renderer = loadOgRenderer();
  await mkdir(options.cacheDir, { recursive: true });
  const keyed = jobs.map((job) => ({ ...job, key: ogImageKey(job.card, renderer) }));
  const pngs = new Map<string, Buffer>();
  const missing = new Map<string, OgCard>();
  await Promise.all(
    keyed.map(async ({ key, card }) => {
      const png = await readFile(join(options.cacheDir, `${key}.png`)).catch(() => undefined);
      if (png) pngs.set(key, png);
      else missing.set(key, card);
    }),
  );
  const fresh = await renderAll([...missing], options.minImagesForWorkers ?? MIN_IMAGES_FOR_WORKERS);
  for (const [key, png] of fresh) {
    pngs.set(key, png);
    // Written aside and renamed, so that a build stopped mid-write leaves no half image in the cache.
    const cached = join(options.cacheDir, `${key}.png`);
    await writeFile(`${cached}.tmp`, png);
    await rename(`${cached}.tmp`, cached);
  }
  return { files: keyed.map(({ key, file }) => ({ file, png: pngs.get(key)! })), rendered: fresh.length, cached: keyed.length - fresh.length };
}

async function renderAll(cards: [key: string, card: OgCard][], minForWorkers: number): Promise<[string, Buffer][]> {
  if (cards.length === 0) return [];
  if (cards.length < minForWorkers) return renderHere(cards);
  const batches: [string, OgCard][][] = [];
  for (let i = 0; i < cards.length; i += IMAGES_PER_THREAD) batches.push(cards.slice(i, i + IMAGES_PER_THREAD));
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(cards.length / minForWorkers), batches.length));
  const out: [string, Buffer][][] = [];
  let next = 0;
  // `threads` threads at a time, each taking the next batch when the last one ends.
  const run = async (): Promise<void> => {
    for (let i = next++; i < batches.length; i = next++) out[i] = await renderInWorker(batches[i]!);
  };
  await Promise.all(Array.from({ length: threads }, run));
  return out.flat();
}

async function renderHere(cards: [string, OgCard][]): Promise<[string, Buffer][]> {
  const renderer = loadOgRenderer();
  const out: [string, Buffer][] = [];
  for (const [key, card] of cards) out.push([key, await renderOgPng(card, renderer)]);
  return out;
}

function renderInWorker(cards: [string, OgCard][]): Promise<[string, Buffer][]> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, cards } });
  return new Promise((resolve, reject) => {
    worker.once('message', (pngs: [string, Uint8Array][]) => resolve(pngs.map(([key, png]) => [key, Buffer.from(png)])));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the Open Graph image thread stopped (exit code ${code}) before it finished`)));
  });
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) {
  const { cards } = workerData as { cards: [string, OgCard][] };
  const pngs = await renderHere(cards);
  parentPort!.postMessage(pngs);
}
