/**
 * A seeded sample CRM export for the sample events: one row per lead (the lead form's hidden fields,
 * as a CRM keeps them) and, for the leads sales took on, the opportunity's stage, amount and dates.
 * Its lead ids are the event_ids of the sample's generate_lead events, so `npm run report -- <events>
 * --crm <this file>` joins the two. Its own generator, seeded from the same seed, decides the
 * outcomes: the events are the same with or without it.
 *
 * So that the sample shows every rule of the join, a few rows have no lead id (joined by their hidden
 * fields), a few leads have a second, lost opportunity (counted once) and a few opportunities are in
 * euros (listed, not summed).
 */
import { csvRow } from '../csv.ts';
import type { TrackingEvent } from '../tracking/contract.ts';
import { mulberry32, type Random } from './random.ts';

/** The header, as the defaults of content/crm.yaml name the columns. */
export const SAMPLE_CRM_COLUMNS = ['Opportunity ID', 'Lead ID', 'Segment', 'Persona', 'Last UTM Source', 'Last UTM Medium', 'Opportunity Stage', 'Amount', 'Currency', 'Created Date', 'Close Date'] as const;

const OPEN_STAGES = ['Qualification', 'Discovery', 'Proposal/Price Quote', 'Negotiation/Review'];
/** Share of leads that become an opportunity, and of those, the share won and lost (the rest is open). */
const OPPORTUNITY_RATE = 0.45;
const WON_RATE = 0.35;
const LOST_RATE = 0.3;
/** Rows without the lead id (forms sent before it existed), second opportunities, opportunities in euros. */
const NO_LEAD_ID_RATE = 0.08;
const SECOND_OPPORTUNITY_RATE = 0.03;
const EURO_RATE = 0.05;
const DAY_MS = 86_400_000;
/** Mixed into the seed so that the outcomes are not drawn from the events' own sequence. */
const SEED_SALT = 0x5eed_c12a;

export interface SampleCrm {
  /** Takes every sample event; only generate_leads make rows. Returns the CSV lines they make (with the header before the first). */
  add(event: TrackingEvent): string;
  /** Rows written so far, the header not counted. */
  readonly rows: number;
}

export function createSampleCrm(seed: number): SampleCrm {
  const random = mulberry32((seed ^ SEED_SALT) >>> 0);
  let rows = 0;
  let opportunities = 0;
  let header = false;
  return {
    get rows() {
      return rows;
    },
    add(event) {
      if (event.event !== 'generate_lead') return '';
      let out = header ? '' : csvRow(SAMPLE_CRM_COLUMNS);
      header = true;
      const created = Date.parse(event.event_time);
      const lead = {
        leadId: random.chance(NO_LEAD_ID_RATE) ? '' : event.event_id,
        segment: event.segment ?? '',
        persona: event.persona ?? '',
        source: event.utm_source ?? '',
        medium: event.utm_medium ?? '',
      };
      const becomes = random.chance(OPPORTUNITY_RATE);
      const row = (stage: string, amount: number | undefined, closed: boolean) => {
        rows++;
        const id = stage ? `OPP-${String(++opportunities).padStart(5, '0')}` : '';
        const currency = amount === undefined ? '' : random.chance(EURO_RATE) ? 'EUR' : 'USD';
        const close = closed ? day(created + random.between(14, 120) * DAY_MS) : '';
        return csvRow([id, lead.leadId, lead.segment, lead.persona, lead.source, lead.medium, stage, amount === undefined ? '' : amount.toFixed(2), currency, day(created), close]);
      };
      if (!becomes) return out + row('', undefined, false);
      const outcome = stageOf(random);
      out += row(outcome.stage, amountOf(random), outcome.closed);
      if (random.chance(SECOND_OPPORTUNITY_RATE)) out += row('Closed Lost', amountOf(random), true);
      return out;
    },
  };
}

function stageOf(random: Random): { stage: string; closed: boolean } {
  const r = random.next();
  if (r < WON_RATE) return { stage: 'Closed Won', closed: true };
  if (r < WON_RATE + LOST_RATE) return { stage: 'Closed Lost', closed: true };
  return { stage: random.pick(OPEN_STAGES), closed: false };
}

/** 8,000 to 120,000 in steps of 500: the deal sizes of a mid-market software sale. */
function amountOf(random: Random): number {
  return random.between(16, 240) * 500;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
