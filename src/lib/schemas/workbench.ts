import { z } from 'zod';
import { currencySchema, idSchema, textSchema } from './common.ts';
import { NEEDS_FOCUS, OWNERSHIP_TYPES, SOPHISTICATION_LEVELS } from './segment.ts';

/** The criteria the workbench checks, by the names its reports and SQL use. */
export const CRITERION_KEYS = ['industry', 'employees', 'revenue', 'region', 'ownership', 'systems', 'excludedSystems', 'tier', 'needs', 'sophistication'] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

/** Characters that may separate the systems in one cell; each means itself, never a pattern. */
export const SYSTEM_SEPARATORS = [';', ',', '|'] as const;

const columnSchema = textSchema.describe('A column name exactly as the header row of the CSV export writes it.');

const valueMap = <T extends z.ZodType>(value: T, what: string) =>
  z
    .record(z.string().trim().min(1, { error: 'must not be empty' }), value)
    .default({})
    .describe(`How the CRM writes ${what}: each CRM value (matched without regard to case) and the value segments use. Values already written as segments write them need no entry.`);

export const workbenchSchema = z
  .strictObject({
    columns: z
      .strictObject({
        id: columnSchema.describe('Column with the account id, like the CRM record id. A row without one cannot be read.'),
        name: columnSchema.optional().describe('Column with the account name, copied to the output so people can read it.'),
        industry: columnSchema.optional().describe('Column with the industry, compared with a segment’s industries without regard to case.'),
        employees: columnSchema.optional().describe('Column with the headcount: digits, optionally with a decimal point and thousands commas (1,200).'),
        revenue: columnSchema.optional().describe('Column with the annual revenue in whole currency units: digits, optionally with thousands commas.'),
        revenueCurrency: columnSchema.optional().describe('Column with the three-letter currency code of the revenue (USD, EUR). Leave out when every row uses `currency`.'),
        country: columnSchema.optional().describe('Column with the country of the headquarters, as an ISO code or a name; `regions` says which region each belongs to.'),
        ownership: columnSchema.optional().describe('Column with the ownership type; `values.ownership` maps the CRM’s words to the ownership types segments use.'),
        systems: columnSchema.optional().describe('Column listing the systems the account runs, separated by `systemsSeparator`, like "SAP S/4HANA; Coupa". A blank cell means no system on record.'),
        tier: columnSchema.optional().describe('Column with the value tier (1, 2 or 3, or words mapped in `values.tier`).'),
        needs: columnSchema.optional().describe('Column with what the account values most (price, quality, service, partnership, or words mapped in `values.needs`).'),
        sophistication: columnSchema.optional().describe('Column with how the account works today (manual … modern-suite, or words mapped in `values.sophistication`).'),
      })
      .describe('Which column of the CRM export holds what. Only `id` is required; a criterion whose column is left out cannot be met by any account.'),
    currency: currencySchema
      .optional()
      .describe('Currency of the revenue figures when the export has no currency column, or for rows whose currency cell is blank.'),
    systemsSeparator: z.enum(SYSTEM_SEPARATORS).default(';').describe('The character between two systems in the systems column: ";", "," or "|".'),
    revenuePerEmployee: z
      .strictObject({
        amount: z.number().positive().describe('Typical annual revenue per employee, in whole currency units, like 250000.'),
        currency: currencySchema,
      })
      .optional()
      .describe('Stands in for revenue where an account has none: revenue is estimated as employees × this amount, and the output says so. Leave out to estimate nothing.'),
    exchangeRates: z
      .record(z.string().regex(/^[A-Z]{3}$/, { error: 'expected a three-letter currency code, like USD or EUR' }), z.number().positive())
      .default({})
      .describe('Value of one unit of each currency in a common unit (like USD: 1, EUR: 1.08), to compare revenue across currencies. Without a rate, revenue in another currency than a segment’s cannot meet its revenue range.'),
    regions: z
      .record(z.string().trim().min(1, { error: 'must not be empty' }), z.array(textSchema).min(1, { error: 'list at least one country' }))
      .default({})
      .describe('Each region name segments use (like "North America") and the country values that belong to it, as ISO codes and as the CRM writes names. A country may belong to several regions.'),
    values: z
      .strictObject({
        ownership: valueMap(z.enum(OWNERSHIP_TYPES), 'ownership'),
        tier: valueMap(z.int().min(1).max(3), 'the value tier'),
        needs: valueMap(z.enum(NEEDS_FOCUS), 'what the account values most'),
        sophistication: valueMap(z.enum(SOPHISTICATION_LEVELS), 'how the account works today'),
      })
      .prefault({})
      .describe('How CRM values translate into the values segment criteria use.'),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.columns.revenue && !mapping.columns.revenueCurrency && !mapping.currency) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', 'revenue'],
        message: 'the revenue column needs a currency',
        params: { hint: 'Add `currency: USD` (or another code) when every row is in one currency, or name the currency column as columns.revenueCurrency.' },
      });
    }
    for (const [field, map] of Object.entries(mapping.values)) {
      const seen = new Map<string, { key: string; value: unknown }>();
      for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
        const lower = key.trim().toLowerCase();
        const first = seen.get(lower);
        if (first && first.value !== value) {
          ctx.addIssue({
            code: 'custom',
            path: ['values', field, key],
            message: `"${key}" and "${first.key}" are the same CRM value (case does not count) mapped to ${String(value)} and ${String(first.value)}`,
            params: { hint: 'Keep one of the two.' },
          });
        } else seen.set(lower, { key, value });
      }
    }
  })
  .describe('The segment workbench mapping (content/workbench.yaml): how a CRM account export (CSV) reads as the criteria segments use.');

export type Workbench = z.output<typeof workbenchSchema>;

const count = z.int().min(0);

export const assignmentSummarySchema = z
  .strictObject({
    input: z
      .strictObject({
        file: textSchema.describe('File name of the account export the summary was made from (without its folder).'),
        rows: count.describe('Data rows in the file: the header and blank lines not counted, unreadable rows counted.'),
      })
      .describe('The account export that was assigned.'),
    mapping: textSchema.describe('The mapping file used, like content/workbench.yaml.'),
    contentVersion: z.string().regex(/^[0-9a-f]{12}$/, { error: 'expected 12 hexadecimal digits' }).describe('Hash of the content files at the time, leaving out content/accounts/ and this summary.'),
    criteriaVersion: z
      .string()
      .regex(/^[0-9a-f]{12}$/, { error: 'expected 12 hexadecimal digits' })
      .describe('Hash of everything that decides assignments: the counted segments’ criteria and scores, the weights and the mapping. The overview page says when it no longer matches the content.'),
    includeDrafts: z.boolean().default(false).describe('Whether draft segments were counted as well as active ones.'),
    accounts: z
      .strictObject({
        read: count.describe('Accounts read: rows that could be read.'),
        assigned: count.describe('Accounts assigned to a segment.'),
        overlapping: count.describe('Accounts matching more than one segment (each assigned to the highest-ranked one).'),
        unassigned: count.describe('Accounts matching no segment.'),
        unreadable: count.describe('Rows that could not be read (no account id, wrong number of fields).'),
        revenueEstimated: count.describe('Accounts whose revenue was estimated from their employees.'),
      })
      .describe('What happened to the rows.'),
    segments: z
      .array(
        z
          .strictObject({
            id: idSchema.describe('The segment id.'),
            score: z.number().optional().describe('Weighted priority score the segment was ranked by.'),
            assigned: count.describe('Accounts assigned to this segment.'),
            matched: count.describe('Accounts matching this segment, overlaps included.'),
          })
          .describe('One segment’s counts.'),
      )
      .describe('The counted segments, highest priority first: the order that decides overlaps.'),
    overlaps: z
      .array(z.strictObject({ segments: z.array(idSchema).min(2).describe('The segments, in priority order.'), accounts: count.describe('Accounts matching exactly these segments.') }).describe('Accounts matching the same set of segments.'))
      .default([])
      .describe('Accounts matching more than one segment, by the set of segments they match.'),
    gaps: z
      .array(
        z
          .strictObject({
            closest: idSchema.describe('The segment these accounts miss by the fewest criteria.'),
            failed: z.array(z.enum(CRITERION_KEYS)).min(1).describe('The criteria they fail for it.'),
            accounts: count.describe('How many accounts.'),
          })
          .describe('Unassigned accounts that miss the same segment on the same criteria.'),
      )
      .default([])
      .describe('The largest groups of unassigned accounts, by the segment they come closest to.'),
  })
  .superRefine((s, ctx) => {
    const add = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message, params: { hint: 'Write the summary with `npm run assign` rather than editing it by hand.' } });
    if (s.accounts.assigned + s.accounts.unassigned !== s.accounts.read) add(['accounts'], `assigned (${s.accounts.assigned}) and unassigned (${s.accounts.unassigned}) do not add up to the accounts read (${s.accounts.read})`);
    if (s.accounts.read + s.accounts.unreadable !== s.input.rows) add(['accounts'], `accounts read (${s.accounts.read}) and unreadable rows (${s.accounts.unreadable}) do not add up to the rows (${s.input.rows})`);
    const total = s.segments.reduce((sum, x) => sum + x.assigned, 0);
    if (total !== s.accounts.assigned) add(['segments'], `the segments’ assigned accounts add up to ${total}, not ${s.accounts.assigned}`);
  })
  .describe('What `npm run assign` found: accounts per segment, overlaps, gaps and unreadable rows (content/assignment-summary.json).');

export type AssignmentSummary = z.output<typeof assignmentSummarySchema>;
