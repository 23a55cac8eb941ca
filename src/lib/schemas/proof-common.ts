import { z } from 'zod';
import { idSchema } from './common.ts';

/** Where a piece of proof may appear; the same rule as a question's scope (every listed dimension must match). */
export const proofScopeSchema = z
  .strictObject({
    segments: z.array(idSchema).default([]).describe('Segment ids this proof is for. Empty means every segment.'),
    personas: z.array(idSchema).default([]).describe('Persona ids this proof is for. Empty means every persona.'),
    verticals: z.array(idSchema).default([]).describe('Vertical ids this proof is for. Empty means every vertical.'),
  })
  .describe('Where the proof appears: every listed dimension must match. Proof for the page’s persona is shown first, then for its segment, its vertical, and finally proof for everywhere.');
export type ProofScope = z.output<typeof proofScopeSchema>;

export const fictionalSchema = z
  .boolean()
  .default(false)
  .describe('True for made-up proof (sample or demo content): the page then shows an "Illustrative example" note beside it.');

/** The scope field of every proof file: everywhere unless narrowed. */
export const proofScopeField = proofScopeSchema.prefault({}).describe(proofScopeSchema.description!);
