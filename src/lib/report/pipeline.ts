/**
 * From lead to pipeline: joins the rows of a CRM export (crm-export.ts) to the leads the conversion
 * report counted, and sums them per segment × persona × channel (utm_source / utm_medium).
 *
 * The join:
 * - A row with a lead id belongs to the lead whose generate_lead had that event_id (the lead form's
 *   hidden `lead_id`), and counts in that lead's row whatever the row's own hidden fields say. A lead
 *   id that is no lead of the report is an *unmatched CRM row*: counted in one line, with examples.
 * - Rows naming the same lead count once: the row with the furthest stage is kept (won, then lost,
 *   then open, then none), the first in the file among equals; the others are counted as duplicates.
 * - A row without a lead id falls back to its own hidden fields: segment, persona, last_utm_source and
 *   last_utm_medium (blank → `(none)`, as in the report). It stands for one of that row's leads that no
 *   row names by id; a row with more such CRM rows than leads left counts the later ones as unmatched,
 *   so that no rate can pass 100 %.
 * - A row with neither a lead id nor a segment and persona did not come from a landing page: counted
 *   in one line, never in a row.
 *
 * What is counted per row: leads (from the events); opportunities, the leads whose row has an open,
 * won or lost stage, and the opportunity rate (opportunities / leads); pipeline value (the amounts of
 * those opportunities); won opportunities and their value; and the win rate, won / closed (won +
 * lost): an open opportunity has not been decided yet. Rates carry their Wilson 95 % interval.
 * Values are summed in one currency: an opportunity in another still counts, but its amount is listed
 * apart, never added.
 */
import type { CrmRow, StageKind } from './crm-export.ts';
import { NO_VALUE } from './aggregate.ts';
import { quote } from './events.ts';
import { wilsonInterval, type Interval } from './stats.ts';

/** A lead the conversion report counted (a visit × page with a generate_lead), with the channel of its visit. */
export interface PipelineLead {
  /**
   * The event_ids of the lead's generate_leads (the lead form's hidden `lead_id`), as `leadKey` of
   * joinPipeline's options gives them: usually one; two when the form was sent twice in the visit,
   * none when the events carry no event_id.
   */
  leadIds: readonly string[];
  segment: string;
  persona: string;
  /** utm_source of the visit's first landing page_view, `(none)` when it had none. */
  source: string;
  /** utm_medium of the same page_view, `(none)` when it had none. */
  medium: string;
}


export interface PipelineTotals {
  leads: number;
  opportunities: number;
  /** opportunities / leads; 0 without leads. */
  opportunityRate: number;
  opportunityInterval: Interval;
  /** Sum of the opportunities' amounts in the report's currency. */
  pipelineValue: number;
  won: number;
  wonValue: number;
  lost: number;
  /** Won and lost opportunities: the ones decided. */
  closed: number;
  /** won / closed; 0 when none is closed. */
  winRate: number;
  winInterval: Interval;
}

export interface PipelineRow extends PipelineTotals {
  segment: string;
  persona: string;
  source: string;
  medium: string;
}

export interface CrmExamples {
  rows: number;
  /** The first few, like `line 12 ("OPP-00042"): lead id "9f1c…"` (the record id when the mapping names its column), values shortened and escaped. */
  examples: string[];
}

export interface PipelineReport {
  currency: string;
  /** One row per segment × persona × channel that has leads, in code-unit order of the four. */
  rows: PipelineRow[];
  total: PipelineTotals;
  /** CRM rows joined by lead id, and by their hidden fields. */
  matchedById: number;
  matchedByFields: number;
  unmatched: CrmExamples;
  duplicates: CrmExamples;
  /** Rows with neither a lead id nor a segment and persona. */
  notFromSite: number;
  /** Counted opportunities in another currency, by currency: their amounts are not in any value. */
  otherCurrencies: { currency: string; opportunities: number; amount: number; lines: number[] }[];
  /** Stages in none of the mapping's lists, most rows first: counted as no opportunity. */
  unknownStages: { stage: string; rows: number }[];
}

/** How many examples a line names. */
export const CRM_EXAMPLES = 3;
/** How many lines of other-currency opportunities are named per currency. */
const CURRENCY_LINES = 5;
/** Distinct unknown stages listed. */
const STAGE_LIMIT = 20;

const RANK: Record<StageKind, number> = { won: 4, lost: 3, open: 2, unknown: 1, none: 0 };

interface Group {
  key: Pick<PipelineRow, 'segment' | 'persona' | 'source' | 'medium'>;
  leads: number;
  byId: number;
  fallback: CrmRow[];
  counted: CrmRow[];
}

const groupKey = (segment: string, persona: string, source: string, medium: string) => JSON.stringify([segment, persona, source, medium]);

export interface JoinOptions {
  /** The report's currency: amounts in any other are not summed. */
  currency: string;
  /** How the leads' ids are kept (the aggregator keeps a fixed-size hash of each): applied to a row's lead id before looking it up. Default: as it is. */
  leadKey?: (leadId: string) => string;
}

export function joinPipeline(leads: Iterable<PipelineLead>, rows: Iterable<CrmRow>, options: JoinOptions): PipelineReport {
  const leadKey = options.leadKey ?? ((id: string) => id);
  const groups = new Map<string, Group>();
  /** Lead id key → its lead: the group, and a number that stands for the lead whichever of its ids a row names. */
  const leadOf = new Map<string, { group: Group; lead: number }>();
  let count = 0;
  for (const lead of leads) {
    const key = groupKey(lead.segment, lead.persona, lead.source, lead.medium);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key: { segment: lead.segment, persona: lead.persona, source: lead.source, medium: lead.medium }, leads: 0, byId: 0, fallback: [], counted: [] }));
    group.leads++;
    const number = count++;
    for (const id of lead.leadIds) if (!leadOf.has(id)) leadOf.set(id, { group, lead: number });
  }

  const report: PipelineReport = {
    currency: options.currency,
    rows: [],
    total: totalsOf(0, []),
    matchedById: 0,
    matchedByFields: 0,
    unmatched: { rows: 0, examples: [] },
    duplicates: { rows: 0, examples: [] },
    notFromSite: 0,
    otherCurrencies: [],
    unknownStages: [],
  };
  // The examples are the rows nearest the top of the file, whenever the join finds them.
  const lines = new Map<CrmExamples, number[]>();
  const example = (list: CrmExamples, { line, id }: CrmRow, text: string) => {
    list.rows++;
    const at = lines.get(list) ?? [];
    lines.set(list, at);
    const index = at.findIndex((l) => l > line);
    const position = index === -1 ? at.length : index;
    if (position >= CRM_EXAMPLES) return;
    at.splice(position, 0, line);
    list.examples.splice(position, 0, `line ${line}${id === undefined ? '' : ` (${quote(id)})`}: ${text}`);
    at.length = Math.min(at.length, CRM_EXAMPLES);
    list.examples.length = at.length;
  };
  const stages = new Map<string, number>();
  /** The row kept for each lead (by its number), and its group. */
  const kept = new Map<number, { row: CrmRow; group: Group }>();

  for (const row of rows) {
    if (row.kind === 'unknown' && row.stage !== undefined && (stages.has(row.stage) || stages.size < STAGE_LIMIT)) stages.set(row.stage, (stages.get(row.stage) ?? 0) + 1);
    if (row.leadId !== undefined) {
      const lead = leadOf.get(leadKey(row.leadId));
      if (!lead) {
        example(report.unmatched, row, `lead id ${quote(row.leadId)}`);
        continue;
      }
      const before = kept.get(lead.lead);
      if (before) {
        example(report.duplicates, row, `lead id ${quote(row.leadId)}, already on line ${before.row.line}`);
        if (RANK[row.kind] > RANK[before.row.kind]) before.row = row;
        continue;
      }
      kept.set(lead.lead, { row, group: lead.group });
      continue;
    }
    if (row.segment === undefined || row.persona === undefined) {
      report.notFromSite++;
      continue;
    }
    const group = groups.get(groupKey(row.segment, row.persona, row.source ?? NO_VALUE, row.medium ?? NO_VALUE));
    if (!group) {
      example(report.unmatched, row, `no lead of ${describeRow(row)} in the events`);
      continue;
    }
    group.fallback.push(row);
  }

  for (const { row, group } of kept.values()) {
    group.byId++;
    group.counted.push(row);
  }
  report.matchedById = kept.size;
  const currencies = new Map<string, { currency: string; opportunities: number; cents: number; lines: number[] }>();
  const sorted = [...groups.values()].sort((a, b) => compare(a.key.segment, b.key.segment) || compare(a.key.persona, b.key.persona) || compare(a.key.source, b.key.source) || compare(a.key.medium, b.key.medium));
  const all: CrmRow[] = [];
  for (const group of sorted) {
    const room = group.leads - group.byId;
    group.fallback.forEach((row, i) => {
      if (i < room) {
        group.counted.push(row);
        report.matchedByFields++;
      } else example(report.unmatched, row, `more CRM rows without a lead id than leads left for ${describeRow(row)}`);
    });
    for (const row of group.counted) {
      if (!isOpportunity(row.kind) || row.amount === undefined || row.currency === options.currency) continue;
      let tally = currencies.get(row.currency);
      if (!tally) currencies.set(row.currency, (tally = { currency: row.currency, opportunities: 0, cents: 0, lines: [] }));
      tally.opportunities++;
      tally.cents += toCents(row.amount);
      if (tally.lines.length < CURRENCY_LINES) tally.lines.push(row.line);
    }
    report.rows.push({ ...group.key, ...totalsOf(group.leads, group.counted, options.currency) });
    all.push(...group.counted);
  }
  report.total = totalsOf(
    sorted.reduce((n, g) => n + g.leads, 0),
    all,
    options.currency,
  );
  report.otherCurrencies = [...currencies.values()]
    .sort((a, b) => compare(a.currency, b.currency))
    .map((c) => ({ currency: c.currency, opportunities: c.opportunities, amount: c.cents / 100, lines: [...c.lines].sort((a, b) => a - b) }));
  report.unknownStages = [...stages].map(([stage, n]) => ({ stage, rows: n })).sort((a, b) => b.rows - a.rows || compare(a.stage, b.stage));
  return report;
}

function isOpportunity(kind: StageKind): boolean {
  return kind === 'open' || kind === 'won' || kind === 'lost';
}

/** Amounts are summed in cents, so that 0.1 + 0.2 stays 0.30. */
function toCents(amount: number): number {
  return Math.round(amount * 100);
}

function totalsOf(leads: number, rows: readonly CrmRow[], currency?: string): PipelineTotals {
  let opportunities = 0;
  let won = 0;
  let lost = 0;
  let pipeline = 0;
  let wonCents = 0;
  for (const row of rows) {
    if (!isOpportunity(row.kind)) continue;
    opportunities++;
    const cents = row.amount !== undefined && row.currency === currency ? toCents(row.amount) : 0;
    pipeline += cents;
    if (row.kind === 'won') {
      won++;
      wonCents += cents;
    } else if (row.kind === 'lost') lost++;
  }
  const closed = won + lost;
  return {
    leads,
    opportunities,
    opportunityRate: leads > 0 ? opportunities / leads : 0,
    opportunityInterval: wilsonInterval(opportunities, leads),
    pipelineValue: pipeline / 100,
    won,
    wonValue: wonCents / 100,
    lost,
    closed,
    winRate: closed > 0 ? won / closed : 0,
    winInterval: wilsonInterval(won, closed),
  };
}

function describeRow(row: CrmRow): string {
  return [row.segment ?? '', row.persona ?? '', row.source ?? NO_VALUE, row.medium ?? NO_VALUE].map((v) => quote(v)).join(' / ');
}

/** Plain code-unit order, the same on every machine whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
