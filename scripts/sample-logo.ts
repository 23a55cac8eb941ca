/**
 * Draws the sample's raster logo, content/proof/logos/osterfeld-maschinenbau.png: a made-up
 * customer's wordmark, kept as a PNG so that the sample exercises the image pipeline raster logos
 * go through (WebP in two widths, see docs/authoring.md#proof). Run it again only to change the
 * drawing: `node scripts/sample-logo.ts`. Text is laid out with Inter from @fontsource/inter, never
 * a system font, so the file is the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import sharp from 'sharp';
import { loadOgRenderer } from '../src/lib/og-image/render.ts';

/** Three times the size the sample shows it at (116×32), so 1× and 2× screens get a sharp copy. */
const SCALE = 3;
const WIDTH = 116 * SCALE;
const HEIGHT = 32 * SCALE;
const INK = '#3b4a5c';

const element = {
  type: 'div',
  props: {
    style: { width: WIDTH, height: HEIGHT, display: 'flex', alignItems: 'center', fontFamily: 'Inter', color: INK },
    children: [
      { type: 'div', props: { style: { width: 24 * SCALE, height: 24 * SCALE, flexShrink: 0, borderRadius: 6 * SCALE, backgroundColor: INK, marginRight: 7 * SCALE } } },
      {
        type: 'div',
        props: {
          style: { display: 'flex', flexDirection: 'column', lineHeight: 1 },
          children: [
            { type: 'div', props: { style: { fontSize: 16 * SCALE, fontWeight: 700 }, children: 'Osterfeld' } },
            { type: 'div', props: { style: { fontSize: 8 * SCALE, fontWeight: 400, letterSpacing: 1.2 * SCALE, marginTop: 1 * SCALE }, children: 'MASCHINENBAU' } },
          ],
        },
      },
    ],
  },
};

const svg = await satori(element as unknown as Parameters<typeof satori>[0], { width: WIDTH, height: HEIGHT, fonts: loadOgRenderer().fonts });
const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
const out = fileURLToPath(new URL('../content/proof/logos/osterfeld-maschinenbau.png', import.meta.url));
writeFileSync(out, await sharp(png).png({ palette: true, compressionLevel: 9 }).toBuffer());
console.log(`Wrote ${out} (${WIDTH}×${HEIGHT}).`);
