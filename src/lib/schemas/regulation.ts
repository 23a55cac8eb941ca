import { z } from 'zod';
import { isoDateSchema, sourceSchema, textSchema } from './common.ts';

const isIsoDate = (value: unknown) => isoDateSchema.safeParse(value).success;

export const REGULATION_STATUSES = ['proposed', 'adopted', 'awaiting-rules', 'in-force', 'amended', 'pending-amendment', 'repealed'] as const;
export const DEADLINE_UNITS = ['hours', 'days', 'business-days', 'weeks', 'months', 'years'] as const;
export const PENALTY_COMBINATIONS = ['higher', 'lower'] as const;
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

export const obligationSchema = z
  .strictObject({
    what: textSchema.describe('What must be done, like "Early warning to the national CSIRT".'),
    who: textSchema.optional().describe('Who must do it, when not every entity in scope, like "Essential and important entities".'),
    within: z
      .strictObject({
        amount: z.number().positive().describe('How many units, like 72.'),
        unit: z.enum(DEADLINE_UNITS).describe(`The unit of the deadline: ${DEADLINE_UNITS.join(', ')}.`),
      })
      .describe('The deadline, as an amount and a unit.'),
    from: textSchema.describe('The event that starts the clock, worded to follow "of", like "becoming aware of a significant incident".'),
  })
  .describe('Something the regulation requires within a deadline.');
export type Obligation = z.output<typeof obligationSchema>;

export const penaltySchema = z
  .strictObject({
    who: textSchema.optional().describe('Who the maximum applies to, when it differs by entity class, like "Essential entities".'),
    upTo: z
      .strictObject({
        amount: z.number().positive().describe('The maximum fine in whole units (10000000 for 10 million).'),
        currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected a currency code like EUR' }).describe('ISO 4217 currency code, like EUR.'),
      })
      .optional()
      .describe('A fixed maximum amount.'),
    turnoverShare: z.number().positive().max(100).optional().describe('A maximum as a percentage of worldwide annual turnover, like 2 for 2%.'),
    whicheverIs: z.enum(PENALTY_COMBINATIONS).optional().describe('With both a fixed amount and a share of turnover: which of the two is the maximum (higher or lower).'),
    note: textSchema.optional().describe('A qualifier, like "set by each Member State within these limits".'),
  })
  .refine((p) => p.upTo !== undefined || p.turnoverShare !== undefined, {
    error: 'give upTo, turnoverShare or both',
    params: { hint: 'A penalty needs its maximum: a fixed amount (upTo: { amount, currency }), a share of turnover (turnoverShare: 2), or both with whicheverIs.' },
  })
  .refine((p) => (p.upTo !== undefined && p.turnoverShare !== undefined) === (p.whicheverIs !== undefined), {
    error: 'give whicheverIs exactly when both upTo and turnoverShare are set',
    path: ['whicheverIs'],
    params: { hint: 'With a fixed amount and a share of turnover, say which one is the maximum: whicheverIs: higher (or lower). With only one of them, delete whicheverIs.' },
  })
  .describe('The maximum penalty, for everyone in scope or one class of entity.');
export type Penalty = z.output<typeof penaltySchema>;

export const regulationSchema = z
  .strictObject({
    officialName: textSchema.describe('The official title of the law or rule.'),
    shortName: textSchema.max(40).describe('The short name buyers use, like "EU CSDDD".'),
    jurisdiction: textSchema.describe('Where it applies, like "European Union".'),
    authority: textSchema.describe('Who enforces it.'),
    status: z
      .enum(REGULATION_STATUSES)
      .describe(
        'proposed (not law yet), adopted (law, not yet applicable), awaiting-rules (enacted, waiting for the rules that implement it), in-force, amended (text changed since adoption), pending-amendment (a change is proposed but not law) or repealed.',
      ),
    summary: textSchema.describe('What it requires, in two or three plain sentences, with no thresholds or dates (those come from the fields below).'),
    appliesTo: textSchema.describe('Who it applies to, in words; the numbers belong in thresholds.'),
    keyDates: z
      .array(
        z.strictObject({
          date: isoDateSchema.describe('The date (YYYY-MM-DD).'),
          label: textSchema.describe('What happens on that date.'),
          who: textSchema.optional().describe('Who the date applies to, when it differs by entity class, like "Companies with more than 5,000 employees".'),
        })
        .describe('A date and what happens on it.'),
      )
      .default([])
      .describe('Dates that matter, earliest first.'),
    thresholds: z.array(thresholdSchema).default([]).describe('Thresholds that decide who is in scope.'),
    obligations: z.array(obligationSchema).default([]).describe('What must be done within a deadline, like notifying an incident within 72 hours.'),
    penalties: z.array(penaltySchema).default([]).describe('Maximum penalties, per class of entity where they differ.'),
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
