import { z } from 'zod';
import { isoDateSchema, textSchema, webUrlSchema } from './common.ts';
import { fictionalSchema, proofScopeField } from './proof-common.ts';

export const proofFigureSchema = z
  .strictObject({
    value: z.number().describe('The number, like 38 or 1.5.'),
    unit: textSchema.max(20).describe('Its unit, like "%", "days" or "hours per month".'),
    measured: textSchema.max(120).describe('What was measured, read after the number: "less time from request to purchase order".'),
    customer: textSchema.max(80).optional().describe('For whom: the customer (or group of customers) the figure is about.'),
    source: z
      .strictObject({
        title: textSchema.describe('Title of the case study or report the figure comes from.'),
        url: webUrlSchema.optional().describe('Where to read it.'),
      })
      .optional()
      .describe('The published case study or report behind the figure. Required unless customerReported is true.'),
    customerReported: z.boolean().default(false).describe('True when the customer reported the figure and nothing is published; customer must then name them.'),
    date: isoDateSchema.optional().describe('When the figure was measured or reported (YYYY-MM-DD). Required; figures older than two years are reported as stale.'),
    scope: proofScopeField,
    fictional: fictionalSchema,
  })
  .describe('A case-study figure: content/proof/figures/<id>.yaml.');

export type ProofFigure = z.output<typeof proofFigureSchema>;
