import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { composeOgElement, OG_FONT_FAMILY, OG_HEIGHT, OG_WIDTH, type OgCard } from './card.ts';

const require = createRequire(import.meta.url);

/** Inter from the @fontsource/inter package: satori reads WOFF (not WOFF2), and nothing is downloaded. */
const FONT_FILES = [
  { weight: 400, file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
  { weight: 700, file: '@fontsource/inter/files/inter-latin-700-normal.woff' },
] as const;

export interface OgRenderer {
  fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
  /** Changes whenever the same card could render differently: font files, satori or resvg versions. */
  fingerprint: string;
}

const versionOf = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

export function loadOgRenderer(): OgRenderer {
  const hash = createHash('sha256');
  const fonts = FONT_FILES.map(({ weight, file }) => {
    const data = readFileSync(require.resolve(file));
    hash.update(data);
    return { name: OG_FONT_FAMILY, data, weight, style: 'normal' as const };
  });
  hash.update(`satori ${versionOf('satori')} resvg ${versionOf('@resvg/resvg-js')}`);
  return { fonts, fingerprint: hash.digest('hex') };
}

/** Cache key of a card's image: its element tree and the renderer that draws it. */
export function ogImageKey(card: OgCard, renderer: OgRenderer): string {
  return createHash('sha256').update(renderer.fingerprint).update(JSON.stringify(composeOgElement(card))).digest('hex').slice(0, 32);
}

/** Renders a card to a 1200×630 PNG: satori lays it out as SVG, resvg rasterises it (system fonts ignored). */
export async function renderOgPng(card: OgCard, renderer: OgRenderer): Promise<Buffer> {
  // satori's typings want a React node; a plain { type, props } tree is what it reads.
  const svg = await satori(composeOgElement(card) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: renderer.fonts });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
