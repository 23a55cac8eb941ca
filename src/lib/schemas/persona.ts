import { z } from 'zod';
import { headlineSchema, textSchema } from './common.ts';

export const BUYER_ROLES = ['economic', 'technical', 'user'] as const;

export const personaSchema = z
  .strictObject({
    name: textSchema.describe('The role as buyers would name it, like "Chief Procurement Officer".'),
    shortName: textSchema.max(30).describe('Short form for navigation, reports and campaign names, like "CPO".'),
    buyerRole: z.enum(BUYER_ROLES).describe('Role in the buying committee: economic (signs), technical (evaluates fit), user (works with it daily).'),
    titles: z.array(textSchema).default([]).describe('Job titles this persona goes by, for targeting on social platforms.'),
    headline: headlineSchema.describe('Default landing-page headline for this persona. "{segment}" is replaced by the segment’s nickname; [[a phrase]] may be replaced by keyword insertion.'),
    valueProposition: textSchema.describe('What this persona gets from the offer, in one or two sentences.'),
    goals: z.array(textSchema).min(1, { error: 'list at least one goal' }).describe('What this persona is measured on and wants to achieve.'),
    pains: z.array(textSchema).default([]).describe('What gets in this persona’s way, in their words.'),
    objections: z
      .array(
        z.strictObject({
          objection: textSchema.describe('The objection, as this persona would raise it.'),
          answer: textSchema.describe('Our answer: honest, specific, checkable.'),
        })
        .describe('An objection and our answer.'),
      )
      .default([])
      .describe('Objections this persona raises, each with our answer.'),
    cta: z
      .strictObject({
        label: textSchema.max(40).describe('Button text, like "Book a controls walkthrough".'),
        promise: textSchema.optional().describe('One line under the button saying what happens next.'),
      })
      .describe('The call to action this persona prefers.'),
  })
  .describe('A buyer persona: frontmatter of a Markdown file in content/personas/; the body is the persona copy shown on its landing pages.');

export type Persona = z.output<typeof personaSchema>;
