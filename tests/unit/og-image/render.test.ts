import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OgCard } from '../../../src/lib/og-image/card.ts';
import { loadOgRenderer, renderOgPng } from '../../../src/lib/og-image/render.ts';
import { writeOgImages } from '../../../src/lib/og-image/write.ts';

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are no PNG. */
function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const card: OgCard = { siteName: 'Fieldwork', headline: 'Every visit on time, whatever the weather', context: 'Field teams · Operations lead' };

describe('rendering an Open Graph image', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'segment-pages-og-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const renderer = loadOgRenderer();

  it('renders a valid 1200×630 PNG, byte for byte the same every time', async () => {
    const png = await renderOgPng(card, renderer);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect((await renderOgPng(card, renderer)).equals(png)).toBe(true);
    expect((await renderOgPng({ ...card, headline: 'Another headline' }, renderer)).equals(png)).toBe(false);
  });

  it('renders on worker threads exactly what it renders here, and a rebuild takes every image from the cache', async () => {
    const jobs = ['a', 'b', 'c'].map((id) => ({ card: { ...card, headline: `Headline ${id}` }, file: `${id}/og.png` }));
    const here = join(scratch, 'here');
    const threads = join(scratch, 'threads');
    expect(await writeOgImages(jobs, { outDir: here, cacheDir: join(scratch, 'cache-here'), minImagesForWorkers: 100 })).toEqual({ rendered: 3, cached: 0 });
    expect(await writeOgImages(jobs, { outDir: threads, cacheDir: join(scratch, 'cache-threads'), minImagesForWorkers: 2 })).toEqual({ rendered: 3, cached: 0 });
    for (const { file } of jobs) expect(readFileSync(join(threads, file)).equals(readFileSync(join(here, file))), file).toBe(true);
    expect(await writeOgImages(jobs, { outDir: join(scratch, 'again'), cacheDir: join(scratch, 'cache-here') })).toEqual({ rendered: 0, cached: 3 });
    expect(readdirSync(join(scratch, 'cache-here')).sort()).toHaveLength(3);
  });
});
