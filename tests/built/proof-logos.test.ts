import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { builtDir, read, siteFiles } from './site-files.ts';

/**
 * Customer logos as the sample builds them: the raster logo (content/proof/logos/osterfeld-maschinenbau.png)
 * through Astro's image service as WebP at 1× and 2×, the SVG logos from public/ as they are; every
 * logo an <img> with its size, alt text and lazy loading, never an inlined <svg>.
 */
describe.each([
  { name: 'sample', base: '' },
  { name: 'sample-subpath', base: '/solutions' },
])('proof logos of the $name site', ({ name, base }) => {
  const dir = builtDir(name);
  const files = siteFiles(dir);
  const page = read(join(dir, 'eu-due-diligence', 'esg-lead', 'index.html'));
  const strip = /<ul class="proof-logos"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '';
  const imgOf = (id: string) => new RegExp(`<li data-proof-logo="${id}">\\s*(<img\\b[^>]*>)`).exec(strip)?.[1] ?? '';
  const attr = (img: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(img)?.[1];

  it('serves the raster logo as WebP in the width it is shown at and twice that, with srcset and sizes', async () => {
    // In the hero the logos are shown 22 px high: the 116 × 32 logo at 80 × 22.
    const img = imgOf('osterfeld-maschinenbau');
    expect(img).not.toBe('');
    expect([attr(img, 'width'), attr(img, 'height'), attr(img, 'sizes'), attr(img, 'alt')]).toEqual(['80', '22', '80px', 'Osterfeld Maschinenbau']);
    const candidates = attr(img, 'srcset')!.split(', ').map((c) => c.split(' ') as [string, string]);
    expect(candidates.map(([, descriptor]) => descriptor)).toEqual(['80w', '160w']);
    expect(attr(img, 'src')).toBe(candidates[0]![0]);
    for (const [url, descriptor] of candidates) {
      expect(url).toMatch(new RegExp(`^${base}/_astro/osterfeld-maschinenbau\\.[\\w-]+\\.webp$`));
      const file = files.get(url.slice(base.length + 1));
      expect(file, `${url} is not in the built site`).toBeDefined();
      const meta = await sharp(readFileSync(file!)).metadata();
      expect([meta.format, `${meta.width}w`, meta.height]).toEqual(['webp', descriptor, (parseInt(descriptor, 10) * 22) / 80]);
    }
  });

  it('publishes only the converted copies of the raster logo, not the original', () => {
    const published = [...files.keys()].filter((f) => f.includes('osterfeld-maschinenbau'));
    expect(published.length).toBe(2);
    expect(published.every((f) => f.endsWith('.webp'))).toBe(true);
  });

  it('keeps SVG logos as <img> from public/, with their size and alt text', () => {
    const img = imgOf('lindqvist-logistik');
    // Its 140 × 32 shown 22 px high in the hero.
    expect([attr(img, 'src'), attr(img, 'width'), attr(img, 'height'), attr(img, 'alt')]).toEqual([`${base}/logos/lindqvist-logistik.svg`, '96', '22', 'Lindqvist Logistik']);
    expect(files.has('logos/lindqvist-logistik.svg')).toBe(true);
  });

  it('gives every logo on every page alt text and async decoding, eager in the hero (the first screen) and lazy elsewhere, and never inlines an SVG', () => {
    const pages = [...files.keys()].filter((f) => f.endsWith('index.html'));
    let logos = 0;
    let inHero = 0;
    for (const path of pages) {
      const html = read(files.get(path)!);
      const hero = /<section class="hero\b[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      for (const [ul] of html.matchAll(/<ul class="proof-logos"[\s\S]*?<\/ul>/g)) {
        expect(ul, path).not.toMatch(/<svg\b/);
        const eager = hero.includes(ul);
        for (const [img] of ul.matchAll(/<img\b[^>]*>/g)) {
          logos += 1;
          if (eager) inHero += 1;
          expect(attr(img, 'alt')?.trim(), `${path}: ${img}`).toBeTruthy();
          expect([attr(img, 'loading'), attr(img, 'decoding')], `${path}: ${img}`).toEqual([eager ? 'eager' : 'lazy', 'async']);
        }
      }
    }
    expect(logos).toBeGreaterThan(20);
    expect(inHero).toBeGreaterThan(20);
  });
});
