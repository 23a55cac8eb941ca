import { z } from 'zod';
import { idSchema, textSchema } from './common.ts';

export const faqScopeSchema = z
  .strictObject({
    segments: z.array(idSchema).default([]).describe('Segment ids this question is for. Empty means every segment.'),
    personas: z.array(idSchema).default([]).describe('Persona ids this question is for. Empty means every persona.'),
    verticals: z.array(idSchema).default([]).describe('Vertical ids this question is for. Empty means every vertical.'),
    regulations: z.array(idSchema).default([]).describe('Regulation ids the answer is about; their dated facts are shown with the answer, and the question appears only where one of them applies.'),
  })
  .describe('Where the question appears: every listed dimension must match.');

export const faqSchema = z
  .strictObject({
    question: textSchema.max(200).describe('The question, as a buyer would ask it.'),
    scope: faqScopeSchema.prefault({}),
    order: z.int().default(100).describe('Position among questions; lower comes first.'),
  })
  .describe('A frequently asked question: frontmatter of a Markdown file in content/faqs/; the body is the answer.');

export type Faq = z.output<typeof faqSchema>;
export type FaqScope = z.output<typeof faqScopeSchema>;
