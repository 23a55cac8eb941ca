import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_SITES } from '../sites.ts';
import { builtDir, read, siteFiles } from './site-files.ts';

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are no PNG. */
function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const metaContent = (html: string, attribute: string, name: string) => new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html)?.[1];

/** Every public page links a 1200×630 PNG that the build wrote, at the URL its og:image names. */
describe.each(TEST_SITES.map((s) => s.name))('Open Graph images of the %s site', (name) => {
  const dir = builtDir(name);
  const files = siteFiles(dir);
  // Nobody shares the thank-you page, in any language: it has no image (tests/built/thank-you.test.ts).
  const pages = [...files.keys()].filter((f) => f.endsWith('index.html') && !/^(de\/)?thank-you\/index\.html$/.test(f));
  const site = TEST_SITES.find((s) => s.name === name)!;

  it('has an image on every page, with its size, alt text and the large card', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const page of pages) {
      const html = read(files.get(page)!);
      expect(metaContent(html, 'property', 'og:image'), page).toMatch(/^https:\/\/.+\/og\.png$/);
      expect(metaContent(html, 'property', 'og:image:width'), page).toBe('1200');
      expect(metaContent(html, 'property', 'og:image:height'), page).toBe('630');
      expect(metaContent(html, 'property', 'og:image:alt'), page).toBeTruthy();
      expect(metaContent(html, 'name', 'twitter:card'), page).toBe('summary_large_image');
    }
  });

  it('writes a 1200×630 PNG at the path each og:image URL names', () => {
    const base = site.basePath ?? '/';
    for (const page of pages) {
      const url = new URL(metaContent(read(files.get(page)!), 'property', 'og:image')!);
      expect(url.pathname.startsWith(base), `${page}: ${url.pathname}`).toBe(true);
      const file = files.get(url.pathname.slice(base.length));
      expect(file, `${page}: ${url.pathname} is not in the built site`).toBeDefined();
      expect(pngSize(readFileSync(file!)), page).toEqual({ width: 1200, height: 630 });
    }
  });
});
