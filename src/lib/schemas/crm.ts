import { z } from 'zod';
import { currencySchema, textSchema } from './common.ts';

const columnSchema = textSchema.describe('A column name exactly as the header row of the CRM export writes it.');

const stageList = (what: string, fallback: string[]) =>
  z
    .array(textSchema)
    .default(fallback)
    .describe(`The stage values that mean ${what}, as the CRM writes them (matched without regard to case).`);

/** Salesforce's and HubSpot's standard opportunity and deal stages, before close. */
export const DEFAULT_OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Appointment Scheduled',
  'Qualified To Buy',
  'Presentation Scheduled',
  'Decision Maker Bought-In',
  'Contract Sent',
];
export const DEFAULT_WON_STAGES = ['Closed Won', 'closedwon'];
export const DEFAULT_LOST_STAGES = ['Closed Lost', 'closedlost'];

export const crmSchema = z
  .strictObject({
    columns: z
      .strictObject({
        leadId: columnSchema
          .default('Lead ID')
          .describe('Column with the lead form’s hidden `lead_id` (the event_id of the page’s generate_lead event): the join key. Rows where it is blank are joined by segment, persona, source and medium instead.'),
        segment: columnSchema.default('Segment').describe('Column with the lead form’s hidden `segment` field: used when a row has no lead id.'),
        persona: columnSchema.default('Persona').describe('Column with the lead form’s hidden `persona` field: used when a row has no lead id.'),
        source: columnSchema.default('Last UTM Source').describe('Column with the hidden `last_utm_source` field: used when a row has no lead id.'),
        medium: columnSchema.default('Last UTM Medium').describe('Column with the hidden `last_utm_medium` field: used when a row has no lead id.'),
        stage: columnSchema.default('Opportunity Stage').describe('Column with the opportunity (deal) stage; blank on a lead that never became an opportunity.'),
        amount: columnSchema.default('Amount').describe('Column with the opportunity amount: digits with a point for decimals, optionally with thousands commas (12,500.00).'),
        currency: columnSchema.default('Currency').describe('Column with the three-letter currency code of the amount. When the export has no such column, every amount is in `currency`.'),
        id: columnSchema.optional().describe('Column with the CRM record id (like Opportunity ID), shown in the examples the report lists.'),
      })
      .prefault({})
      .describe('Which column of the CRM export holds what. The defaults fit a Salesforce or HubSpot report with the lead form’s hidden fields as custom fields.'),
    currency: currencySchema
      .default('USD')
      .describe('The currency of the report’s values, and of amounts whose currency cell is blank. Amounts in another currency are listed, never summed.'),
    stages: z
      .strictObject({
        open: stageList('an opportunity still open', DEFAULT_OPEN_STAGES),
        won: stageList('an opportunity won', DEFAULT_WON_STAGES),
        lost: stageList('an opportunity lost', DEFAULT_LOST_STAGES),
      })
      .prefault({})
      .describe('Which stages make a row an opportunity (open, won or lost). A blank stage is a lead that is not an opportunity; a stage in none of the lists is counted as not an opportunity and listed, so a new stage gets noticed.'),
  })
  .superRefine((crm, ctx) => {
    const seen = new Map<string, string>();
    for (const list of ['open', 'won', 'lost'] as const) {
      crm.stages[list].forEach((stage, index) => {
        const key = stage.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined && first !== list) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', list, index],
            message: `"${stage}" is listed under both stages.${first} and stages.${list} (case does not count)`,
            params: { hint: 'A stage means one thing: keep it in one list.' },
          });
        } else seen.set(key, list);
      });
    }
  })
  .describe('How the CRM export of leads and opportunities (CSV) joins the conversion report (content/crm.yaml): `npm run report -- <events> --crm <export.csv>`.');

export type CrmMapping = z.output<typeof crmSchema>;
export type CrmColumn = keyof CrmMapping['columns'];
