import { z } from 'zod';
import { textSchema } from './common.ts';
import { fictionalSchema, proofScopeField } from './proof-common.ts';

/** An SVG below public/, never outside it: every path segment starts with a letter or digit, so no "..". */
export const PUBLIC_IMAGE_PATTERN = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.svg$/;
/** A PNG, JPEG or WebP beside the logo's YAML file (content/proof/logos/), written "./name.png"; no "..". */
export const CONTENT_IMAGE_PATTERN = /^\.\/(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.(?:png|jpe?g|webp)$/;
/** Where raster logos live, relative to the content root: the folder of the logo files. */
export const LOGO_IMAGE_DIR = 'content/proof/logos';

/** The content file of a raster logo ("./acme.png" → "content/proof/logos/acme.png"), or undefined for an SVG in public/. */
export function logoImageFile(image: string): string | undefined {
  return image.startsWith('./') ? `${LOGO_IMAGE_DIR}/${image.slice(2)}` : undefined;
}

const imageSchema = z.string().superRefine((image, ctx) => {
  if (PUBLIC_IMAGE_PATTERN.test(image) || CONTENT_IMAGE_PATTERN.test(image)) return;
  const name = image.split('/').pop()!.toLowerCase();
  if (/\.(?:png|jpe?g|webp)$/.test(name) && !image.startsWith('./')) {
    ctx.addIssue({
      code: 'custom',
      input: image,
      message: `a ${name.split('.').pop()!.toUpperCase()} logo goes beside this file, not in public/`,
      params: { hint: `Move the file to content/proof/logos/${name} and write image: ./${name}. Raster logos are resized and converted to WebP at build time; only SVG logos are served from public/ as they are.` },
    });
    return;
  }
  ctx.addIssue({
    code: 'custom',
    input: image,
    message: `expected an SVG under public/, like "logos/acme.svg", or a PNG, JPEG or WebP beside this file, like "./acme.png", received "${image}"`,
    params: { hint: 'Use lowercase letters, digits, "-", "_" and "." in file names; a path may not leave its folder ("..").' },
  });
});

export const proofLogoSchema = z
  .strictObject({
    company: textSchema.max(80).describe('The customer’s name; the image’s alt text is made from it.'),
    image: imageSchema.describe(
      'The logo file. An SVG (preferred: tiny and sharp) is a path under public/, like "logos/harbor-freight.svg", served as it is. A PNG, JPEG or WebP goes beside this file and is written "./harbor-freight.png": the build resizes it to the width below (and twice that for sharp screens) and converts it to WebP.',
    ),
    width: z.int().min(1).max(400).describe('Width the logo is shown at, in CSS pixels (reserves its space while it loads).'),
    height: z.int().min(1).max(200).describe('Height the logo is shown at, in CSS pixels.'),
    scope: proofScopeField,
    fictional: fictionalSchema,
  })
  .describe('A customer logo: content/proof/logos/<id>.yaml.');

export type ProofLogo = z.output<typeof proofLogoSchema>;
