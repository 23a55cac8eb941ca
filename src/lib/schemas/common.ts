import { z } from 'zod';
import { headlineMarkerProblem } from '../headline.ts';

/** File names double as ids and URL slugs, so they must be safe in both places. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z
  .string()
  .regex(SLUG_PATTERN, {
    error: 'expected an id made of lowercase letters, digits and single hyphens (like "mid-market")',
  })
  .describe('An id: lowercase letters, digits and hyphens, the file name of the entry it points to.');

export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

/** ISO 8601 calendar date. YAML dates stay strings with the YAML 1.2 core schema we parse with. */
export const isoDateSchema = z.iso.date({ error: 'expected a date written as YYYY-MM-DD, like 2026-03-31' });

/** Only web addresses: `javascript:`, `data:` and friends never reach a page. */
export const webUrlSchema = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.hostname,
  error: 'expected a web address starting with https:// (or http://)',
});

export const sourceSchema = z
  .strictObject({
    title: textSchema.describe('What the source is called, as a reader would look it up.'),
    publisher: textSchema.optional().describe('Who published it: an authority, a publication, a firm.'),
    url: webUrlSchema.optional().describe('Where to read it.'),
    retrieved: isoDateSchema.optional().describe('When you last read it (YYYY-MM-DD).'),
  })
  .describe('A source a claim rests on.');
export type Source = z.output<typeof sourceSchema>;

export const rangeSchema = z
  .strictObject({
    min: z.number().nonnegative().optional().describe('Lowest value that qualifies (inclusive). Leave out for no lower bound.'),
    max: z.number().nonnegative().optional().describe('Highest value that qualifies (inclusive). Leave out for no upper bound.'),
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    error: 'min must not be greater than max',
    params: { hint: 'Swap the two numbers, or leave one out to keep that end of the range open.' },
  })
  .describe('An inclusive numeric range; either end may be left open.');
export type Range = z.output<typeof rangeSchema>;

/** An ISO 4217 currency code as the content writes it: three capital letters, like EUR. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(text: string): boolean {
  return CURRENCY_CODE.test(text);
}

export const currencySchema = z
  .string()
  .regex(CURRENCY_CODE, { error: 'expected a three-letter currency code, like USD or EUR' })
  .describe('ISO 4217 currency code, like USD, EUR or GBP.');

/** A headline: text that may mark one phrase as `[[…]]` for keyword insertion. */
export const headlineSchema = textSchema.superRefine((value, ctx) => {
  const problem = headlineMarkerProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});
