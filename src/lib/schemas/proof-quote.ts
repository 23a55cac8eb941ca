import { z } from 'zod';
import { isoDateSchema, textSchema } from './common.ts';
import { fictionalSchema, proofScopeField } from './proof-common.ts';

export const proofQuoteSchema = z
  .strictObject({
    text: textSchema.max(400).describe('What the customer said, word for word, without quotation marks.'),
    person: textSchema.max(80).optional().describe('Full name of the person quoted. Required: an unnamed quote is not proof.'),
    role: textSchema.max(80).optional().describe('Their job title, like "Head of Procurement".'),
    company: textSchema.max(80).optional().describe('The company they work for. Required.'),
    date: isoDateSchema.optional().describe('When they said it (YYYY-MM-DD). Quotes older than two years are reported as stale.'),
    permission: textSchema.optional().describe('How and when the customer allowed publication, like "Approved by email to J. Doe, 2026-03-02". Required.'),
    scope: proofScopeField,
    fictional: fictionalSchema,
  })
  .describe('A customer quote: content/proof/quotes/<id>.yaml.');

export type ProofQuote = z.output<typeof proofQuoteSchema>;
