import { z } from 'zod';
import { currencySchema, headlineSchema, idSchema, isoDateSchema, rangeSchema, sourceSchema, textSchema } from './common.ts';

export const SEGMENT_STATUSES = ['draft', 'active', 'retired'] as const;
export const OWNERSHIP_TYPES = ['public', 'private', 'private-equity', 'family-owned', 'subsidiary', 'nonprofit', 'government'] as const;
export const NEEDS_FOCUS = ['price', 'quality', 'service', 'partnership'] as const;
export const SOPHISTICATION_LEVELS = ['manual', 'core-system', 'point-solutions', 'competitor-suite', 'modern-suite'] as const;
export const PRIORITISATION_CRITERIA = [
  'sizeAndGrowth',
  'competitiveIntensity',
  'companyFit',
  'structuralAttractiveness',
  'accessibility',
  'expectedResponse',
] as const;
export type PrioritisationCriterion = (typeof PRIORITISATION_CRITERIA)[number];

const revenueRangeSchema = z
  .strictObject({
    min: z.number().nonnegative().optional().describe('Lowest annual revenue that qualifies (inclusive), in whole currency units.'),
    max: z.number().nonnegative().optional().describe('Highest annual revenue that qualifies (inclusive), in whole currency units.'),
    currency: currencySchema.default('USD'),
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    error: 'min must not be greater than max',
    params: { hint: 'Swap the two numbers, or leave one out to keep that end of the range open.' },
  });

/** The firmographic fields; a segment's own, and each either-or group's. */
const firmographicFields = {
  industries: z.array(textSchema).default([]).describe('Industries the accounts work in, as your CRM names them. Empty means any industry.'),
  employees: rangeSchema.optional().describe('Headcount range of the account (worldwide).'),
  revenue: revenueRangeSchema.optional().describe('Annual revenue range of the account.'),
  regions: z.array(textSchema).default([]).describe('Where the account is headquartered: region or country names as your CRM uses them. Empty means anywhere.'),
  ownership: z.array(z.enum(OWNERSHIP_TYPES)).default([]).describe(`Ownership types that qualify: ${OWNERSHIP_TYPES.join(', ')}. Empty means any.`),
};

const restrictsRange = (range: { min?: number | undefined; max?: number | undefined } | undefined) => range !== undefined && (range.min !== undefined || range.max !== undefined);

export const firmographicGroupSchema = z
  .strictObject(firmographicFields)
  .refine((g) => g.industries.length > 0 || restrictsRange(g.employees) || restrictsRange(g.revenue) || g.regions.length > 0 || g.ownership.length > 0, {
    error: 'an anyOf group must restrict something',
    params: { hint: 'Give the group at least one of industries, employees (min or max), revenue (min or max), regions or ownership, or delete it.' },
  })
  .describe('One alternative of an either-or test: industries, employees, revenue, regions and/or ownership, all of which must hold.');

const firmographicSchema = z
  .strictObject({
    ...firmographicFields,
    anyOf: z
      .array(firmographicGroupSchema)
      .refine((groups) => groups.length >= 2, {
        error: 'anyOf needs at least two groups',
        params: { hint: 'An either-or test lists two or more alternatives, like [{ employees: { min: 250 } }, { revenue: { min: 50000000, currency: EUR } }]. With one group, move its fields up into firmographic.' },
      })
      .optional()
      .describe('Either-or test: an account must meet at least one of these groups, in addition to every other firmographic field above. Like the NIS2 size test: [{ employees: { min: 250 } }, { revenue: { min: 50000000, currency: EUR } }].'),
  })
  .describe('Who the accounts are, from data most CRMs already hold.');

const technographicSchema = z
  .strictObject({
    uses: z.array(textSchema).default([]).describe('Systems an account must run to qualify, like "SAP S/4HANA". Any one of them is enough.'),
    usesAll: z.array(textSchema).default([]).describe('Systems an account must all run to qualify, like an ERP and a SIEM. Every one of them is needed, in addition to one of `uses`.'),
    notUses: z.array(textSchema).default([]).describe('Systems that rule an account out, like a competing suite.'),
  })
  .describe('What the accounts run today.');

const criteriaSchema = z
  .strictObject({
    firmographic: firmographicSchema.prefault({}),
    technographic: technographicSchema.prefault({}),
    tier: z.int().min(1).max(3).optional().describe('Value tier: 1 is the most valuable accounts, 3 the least.'),
    needs: z.enum(NEEDS_FOCUS).optional().describe(`What the accounts value most: ${NEEDS_FOCUS.join(', ')}.`),
    sophistication: z
      .enum(SOPHISTICATION_LEVELS)
      .optional()
      .describe(`How far the accounts have come in solving the problem: ${SOPHISTICATION_LEVELS.join(', ')}.`),
  })
  .describe('The criteria that decide whether an account belongs to this segment; each account should fit one segment only.');

const figureSchema = z.strictObject({
  source: sourceSchema.describe('Where the figure comes from. Every figure needs one.'),
  year: z.int().min(1990).max(2100).describe('The year the figure describes.'),
  note: textSchema.optional().describe('How the figure was derived, if not obvious.'),
});

const profileSchema = z
  .strictObject({
    keyTrends: z.array(textSchema).default([]).describe('Trends that shape how these accounts buy.'),
    majorChallenges: z.array(textSchema).default([]).describe('The hardest problems these accounts face.'),
    emergingOpportunities: z.array(textSchema).default([]).describe('Openings that make now a good time.'),
    marketSize: figureSchema
      .extend({
        value: z.number().positive().describe('Estimated annual spend of the segment on the category, in whole currency units.'),
        currency: currencySchema.default('USD'),
      })
      .optional()
      .describe('Estimated market size, with its source.'),
    growthRate: figureSchema
      .extend({
        percent: z.number().min(-100).max(1000).describe('Compound annual growth rate in percent, like 9.5.'),
        period: textSchema.describe('The period the rate covers, like "2025–2030".'),
      })
      .optional()
      .describe('Estimated growth, with its source.'),
    dataSources: z.array(sourceSchema).default([]).describe('The data sources used to define and size this segment.'),
  })
  .describe('The segment profile: what the team knows about these accounts, with sources.');

const prioritisationSchema = z
  .strictObject({
    sizeAndGrowth: z.int().min(1).max(5).describe('1–5: how large and fast-growing the opportunity is.'),
    competitiveIntensity: z.int().min(1).max(5).describe('1–5: how open the field is (5 = little competition, incumbents vulnerable).'),
    companyFit: z.int().min(1).max(5).describe('1–5: how well the segment fits the company’s objectives and resources.'),
    structuralAttractiveness: z.int().min(1).max(5).describe('1–5: how attractive the segment’s economics are (buyer power, substitutes, entrants).'),
    accessibility: z.int().min(1).max(5).describe('1–5: how easily the accounts can be identified and reached.'),
    expectedResponse: z.int().min(1).max(5).describe('1–5: expected response and profitability.'),
    rationale: textSchema.optional().describe('Why these scores; one or two sentences.'),
  })
  .describe('Scores on the six prioritisation criteria, 1 (poor) to 5 (excellent).');

export const segmentPersonaSchema = z
  .strictObject({
    id: idSchema.describe('A persona id: the file name of a persona in content/personas/.'),
    headline: headlineSchema.optional().describe('Headline of this persona’s landing page in this segment; [[a phrase]] may be replaced by keyword insertion. Defaults to the persona’s headline.'),
    valueProposition: textSchema.optional().describe('Value proposition for this persona in this segment: leads the page (hero and meta description) instead of the persona’s. The segment’s own still supports it under “Why companies like yours choose us”.'),
    noindex: z.boolean().default(false).describe('Keep this landing page out of search engines (for paid-only variants).'),
  })
  .describe('A persona in scope for this segment, with optional copy for its landing page.');

export const segmentSchema = z
  .strictObject({
    name: textSchema.describe('Full, intuitive name of the segment, as shown on pages.'),
    nickname: textSchema.max(40).describe('Short name used in headlines, navigation and reports.'),
    description: textSchema.describe('One or two sentences: who these accounts are and why they buy.'),
    status: z.enum(SEGMENT_STATUSES).describe('draft (not published), active (published) or retired (no longer published).'),
    vertical: idSchema.describe('The vertical this segment belongs to: a file name in content/verticals/.'),
    criteria: criteriaSchema,
    personas: z.array(segmentPersonaSchema).min(1, { error: 'a segment needs at least one persona' }).describe('The personas in the buying committee this segment speaks to; one landing page each.'),
    pains: z.array(idSchema).default([]).describe('Pain point ids from the vertical, most important for this segment first.'),
    regulations: z.array(idSchema).default([]).describe('Regulation ids that put pressure on this segment, most pressing first.'),
    profile: profileSchema.prefault({}),
    prioritisation: prioritisationSchema.optional(),
    messaging: z
      .strictObject({
        valueProposition: textSchema.describe('What this segment gets from the offer, in one or two sentences.'),
        emphasis: z.array(textSchema).default([]).describe('Themes to stress in copy for this segment, most important first.'),
        proofPoints: z.array(textSchema).default([]).describe('Evidence that supports the value proposition.'),
      })
      .describe('How to speak to this segment.'),
    objections: z
      .array(z.strictObject({ objection: textSchema.describe('What a buyer in this segment says.'), answer: textSchema.describe('How we answer it.') }).describe('An objection and our answer.'))
      .default([])
      .describe('Objections specific to this segment, answered on each of its landing pages.'),
    reviewed: isoDateSchema.optional().describe('When the segment definition was last reviewed against data (YYYY-MM-DD).'),
  })
  .describe('A customer segment: one file in segments/, its file name is its id and URL slug.');

export type Segment = z.output<typeof segmentSchema>;
export type SegmentPersona = z.output<typeof segmentPersonaSchema>;
export type SegmentCriteria = Segment['criteria'];
export type FirmographicGroup = z.output<typeof firmographicGroupSchema>;
export type Prioritisation = NonNullable<Segment['prioritisation']>;
