import { z } from 'zod';
import { isoDateSchema, sourceSchema, textSchema } from './common.ts';

const isIsoDate = (value: unknown) => isoDateSchema.safeParse(value).success;

export const REGULATION_STATUSES = ['in-force', 'amended', 'pending-amendment'] as const;
export const THRESHOLD_COMPARISONS = ['more-than', 'at-least', 'less-than', 'between'] as const;
export const CHANGE_STATUSES = ['adopted', 'agreed', 'proposed'] as const;

export const thresholdSchema = z
  .strictObject({
    label: textSchema.describe('What is measured, like "Employees worldwide".'),
    comparison: z.enum(THRESHOLD_COMPARISONS).describe(`How the value applies: ${THRESHOLD_COMPARISONS.join(', ')}.`),
    value: z.number().nonnegative().describe('The threshold, in whole units (1500000000 for 1.5 billion).'),
    upTo: z.number().nonnegative().optional().describe('Upper end, when comparison is "between" (exclusive).'),
    unit: textSchema.describe('Unit of the value: a currency code like EUR, or a word like "employees".'),
    note: textSchema.optional().describe('A qualifier, like "non-EU companies: turnover in the EU".'),
  })
  .refine((t) => (t.comparison === 'between') === (t.upTo !== undefined), {
    error: 'give upTo exactly when comparison is "between"',
    params: { hint: 'With comparison: between, write the lower end in value and the upper end in upTo; with any other comparison, delete upTo.' },
    path: ['upTo'],
  })
  // The same rule for editors, which read the JSON Schema generated from this file.
  .meta({
    if: { properties: { comparison: { const: 'between' } }, required: ['comparison'] },
    then: { required: ['upTo'], properties: { upTo: { description: 'Required when comparison is "between".' } } },
    else: { not: { required: ['upTo'], properties: { upTo: { description: 'Only with comparison "between".' } } } },
  })
  .describe('A threshold that decides who the regulation applies to.');
export type Threshold = z.output<typeof thresholdSchema>;

export const regulationSchema = z
  .strictObject({
    officialName: textSchema.describe('The official title of the law or rule.'),
    shortName: textSchema.max(40).describe('The short name buyers use, like "EU CSDDD".'),
    jurisdiction: textSchema.describe('Where it applies, like "European Union".'),
    authority: textSchema.describe('Who enforces it.'),
    status: z.enum(REGULATION_STATUSES).describe(`in-force, amended (text changed since adoption) or pending-amendment (a change is proposed but not law).`),
    summary: textSchema.describe('What it requires, in two or three plain sentences, with no thresholds or dates (those come from the fields below).'),
    appliesTo: textSchema.describe('Who it applies to, in words; the numbers belong in thresholds.'),
    keyDates: z
      .array(
        z.strictObject({
          date: isoDateSchema.describe('The date (YYYY-MM-DD).'),
          label: textSchema.describe('What happens on that date.'),
        })
        .describe('A date and what happens on it.'),
      )
      .default([])
      .describe('Dates that matter, earliest first.'),
    thresholds: z.array(thresholdSchema).default([]).describe('Thresholds that decide who is in scope.'),
    documentation: z.array(textSchema).min(1, { error: 'list at least one thing that must be documented' }).describe('What a company must document or produce to comply.'),
    changes: z
      .array(
        z.strictObject({
          date: isoDateSchema.describe('When the change was decided or proposed.'),
          summary: textSchema.describe('What changes.'),
          status: z.enum(CHANGE_STATUSES).describe('adopted (law), agreed (political deal, formal adoption pending) or proposed.'),
        })
        .describe('An amendment and where it stands.'),
      )
      .default([])
      .describe('Amendments adopted or under way.'),
    sources: z.array(sourceSchema.extend({ retrieved: isoDateSchema.describe('When you read it (YYYY-MM-DD).') }).describe('A source, with the date you read it.')).min(1, { error: 'list at least one source' }).describe('Where each fact comes from, with the date you read it.'),
    lastVerified: isoDateSchema.describe('When someone last checked every fact in this file against its sources (YYYY-MM-DD).'),
    reviewBy: isoDateSchema.describe('When the facts must be checked again (YYYY-MM-DD).'),
  })
  // Compared only when both are valid dates: a malformed one has its own message already.
  .refine((r) => !isIsoDate(r.reviewBy) || !isIsoDate(r.lastVerified) || r.reviewBy >= r.lastVerified, {
    error: 'must not be before lastVerified',
    path: ['reviewBy'],
    params: { hint: 'reviewBy is the date the facts must be checked again: set it after lastVerified, usually 6 to 12 months later.' },
  })
  .describe('A regulation: one dated, sourced file in content/regulations/. Pages read thresholds and dates from here.');

export type Regulation = z.output<typeof regulationSchema>;
