import { z } from 'zod';
import { textSchema } from './common.ts';
import { fictionalSchema, proofScopeField } from './proof-common.ts';

/** A file below public/, never outside it: every path segment starts with a letter or digit, so no "..". */
export const PUBLIC_IMAGE_PATTERN = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.(?:svg|png)$/;

export const proofLogoSchema = z
  .strictObject({
    company: textSchema.max(80).describe('The customer’s name; the image’s alt text is made from it.'),
    image: z
      .string()
      .regex(PUBLIC_IMAGE_PATTERN, { error: 'expected a path under public/ to an .svg or .png file, like "logos/harbor-freight.svg"' })
      .describe('Path of the logo file under public/ (lowercase, ending in .svg or .png), like "logos/harbor-freight.svg". SVG is preferred: it is tiny and sharp.'),
    width: z.int().min(1).max(400).describe('Width the logo is shown at, in CSS pixels (reserves its space while it loads).'),
    height: z.int().min(1).max(200).describe('Height the logo is shown at, in CSS pixels.'),
    scope: proofScopeField,
    fictional: fictionalSchema,
  })
  .describe('A customer logo: content/proof/logos/<id>.yaml.');

export type ProofLogo = z.output<typeof proofLogoSchema>;
