import { z } from 'zod';
import { idSchema, textSchema, webUrlSchema } from './common.ts';

const namedLinkSchema = z
  .strictObject({
    name: textSchema.describe('Its name.'),
    url: webUrlSchema.optional().describe('Where to find it.'),
    note: textSchema.optional().describe('Why it matters for reaching this vertical.'),
  })
  .describe('A named place to reach buyers, with an optional link.');

export const painPointSchema = z
  .strictObject({
    id: idSchema.describe('Id of the pain point, used by segments to rank it.'),
    title: textSchema.max(90).describe('The pain in a few words, shown as a heading.'),
    summary: textSchema.describe('What the pain is and what it costs, in two or three sentences.'),
    regulations: z.array(idSchema).default([]).describe('Ids of the regulations behind this pain, if any.'),
    personas: z.array(idSchema).default([]).describe('Personas who feel this pain most; their landing pages rank it first.'),
  })
  .describe('A pain point shared across the vertical.');
export type PainPoint = z.output<typeof painPointSchema>;

export const verticalSchema = z
  .strictObject({
    name: textSchema.describe('Name of the vertical, like "Procurement & sourcing technology".'),
    summary: textSchema.describe('What selling into this vertical is like, in two or three sentences.'),
    painPoints: z.array(painPointSchema).min(1, { error: 'list at least one pain point' }).describe('Pain points buyers in this vertical share.'),
    channels: z
      .strictObject({
        events: z.array(namedLinkSchema).default([]).describe('Conferences and events where buyers gather.'),
        publications: z.array(namedLinkSchema).default([]).describe('Trade publications buyers read.'),
        socialTargeting: z
          .array(
            z.strictObject({
              platform: textSchema.describe('The platform, like LinkedIn.'),
              titles: z.array(textSchema).min(1).describe('Job titles to target.'),
            })
            .describe('Job titles to target on one platform.'),
          )
          .default([])
          .describe('Job-title targeting on social platforms.'),
        marketplaces: z.array(namedLinkSchema).default([]).describe('Partner marketplaces and app stores.'),
        analystCoverage: z.array(namedLinkSchema).default([]).describe('Analyst reports buyers consult.'),
      })
      .prefault({})
      .describe('Where buyers in this vertical can be reached.'),
  })
  .describe('A vertical: one file in content/verticals/.');

export type Vertical = z.output<typeof verticalSchema>;
