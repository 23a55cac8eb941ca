/** Numbers and explanations shared by the text and HTML reports, so both say exactly the same thing. */
import { plural } from '../diagnostics.ts';
import { ALPHA, MAX_DISTINCT_VALUES, MIN_EACH_OUTCOME, OTHER_VALUE, type ConversionReport, type GroupRow, type Level } from './aggregate.ts';
import { UNSAFE_CHARS } from './events.ts';
import type { ReadSummary } from './read-events.ts';
import type { Interval } from './stats.ts';
import { MAX_WEEKS } from '../plan/sample-size.ts';
import { beyondTraffic, variantVerdictLabel, type VariantComparison } from './variant-control.ts';

/** What the renderers say about where the numbers came from. */
export interface ReportSource {
  /** The events file as the user named it. */
  name: string;
  read: ReadSummary;
}

/** `1,234,567`, the same on every machine whatever its locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatPercent(rate: number, digits = 2): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

export function formatInterval(interval: Interval, digits = 2): string {
  return `${(interval.low * 100).toFixed(digits)}–${(interval.high * 100).toFixed(digits)}%`;
}

export function formatZ(z: number): string {
  return z.toFixed(2);
}

export function formatP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** `2026-10-01`: the day of an ISO time. */
export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Makes text from the events file safe for a terminal: control characters (which could move the
 * cursor or recolour the screen) and bidirectional overrides become visible escapes.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Tests behind the verdicts of every table, shown or not. */
export function testsRun(report: ConversionReport): number {
  return [...report.segments, ...report.pages, ...report.channels, ...report.campaigns, ...report.variants, ...report.locales].filter((r) => r.test).length;
}

/**
 * The definitions, in the words docs/conversion-report.md, the text and HTML notes and the CSV header notes all use,
 * so that every output says exactly the same thing.
 */
export const DEFINITIONS = {
  duplicate: 'Duplicate events: a landing page_view or generate_lead whose event_id was already seen is a replay and is dropped; an event without an event_id is never a replay.',
  visit: 'Visit of a page: a distinct visit_id with at least one landing page_view of that segment × persona; a visit that saw several pages counts once for each.',
  channel:
    'Channel of a visit: the utm_source, utm_medium, utm_campaign, page_variant and page_locale of its first landing page_view of the page (earliest event_time, a view without one after every timed view, ties to the first in the file); a missing utm value is (none), a missing page_variant default, a missing page_locale the site’s default locale, the language of content/site.yaml.',
  lead: 'Lead of a page: a visit of that page with a generate_lead on the same segment × persona, in either order in the file, attributed to the visit’s channel. A generate_lead whose visit has no landing page_view of that page in the export is an unattributed lead: counted once per visit × page in one line, never in a row or a rate, so no rate exceeds 100%.',
  rate: 'Rate: leads / visits, with its 95% Wilson score interval (the range the true rate most likely lies in).',
  variantControl:
    'Variant against its control: within each segment × persona × locale, every page_variant seen other than the page’s own version, its control (default, or the variant named by the page’s override file content/pages/<segment>/<persona>.mdx, custom when it names none), visits and leads counted as above. Difference: variant rate − control rate, with Newcombe’s 95% hybrid score interval (method 10). Verdict: not planned when the variant file has no plannedVisitorsPerArm; collecting (n of N per arm) until both arms have the planned visitors, whatever the rates meanwhile; then variant better or control better when the interval excludes 0, otherwise no difference detected.',
  comparison: `Verdict: each row is compared with all other visits, as two independent samples: every distinct visit of a landing page of the content that is not in the row, converting when it has a lead on any page; a visit is in exactly one of the two. Pooled two-proportion z-test, two-sided: “higher than other visits” or “lower than other visits” when p < ${ALPHA}, otherwise “no clear difference”.`,
} as const;

/** The small-sample rule in words, with the visit threshold of this report. */
export function tooSmallNote(minVisits: number): string {
  return `Too small to judge: fewer than ${minVisits} visits (--min-visits), fewer than ${MIN_EACH_OUTCOME} leads or fewer than ${MIN_EACH_OUTCOME} visits without a lead, in the row or in the other visits; the normal approximation behind the test is unreliable there, so no z or p is given.`;
}

/** Every definition, in order, as the outputs list them. */
export function definitionNotes(minVisits: number): string[] {
  return [DEFINITIONS.duplicate, DEFINITIONS.visit, DEFINITIONS.channel, DEFINITIONS.lead, DEFINITIONS.rate, DEFINITIONS.comparison, tooSmallNote(minVisits), DEFINITIONS.variantControl];
}

/** How the numbers are counted and judged, in plain words: printed under the tables and in the HTML. */
export function reportNotes(report: ConversionReport): string[] {
  const notes = definitionNotes(report.minVisits);
  const tests = testsRun(report);
  if (tests > 1) {
    notes.push(
      `${plural(tests, 'test')} at p < ${ALPHA}: even if no group truly differed, about ${(tests * ALPHA).toFixed(1)} of them would show a “difference” by chance alone. Treat a single borderline p as a reason to keep measuring, not as a result.`,
    );
  }
  if (report.variantTests.length > 0) notes.push(PEEKING_NOTE);
  if (report.visitsInSeveralSegments > 0) {
    notes.push(`${plural(report.visitsInSeveralSegments, 'visit')} saw the landing pages of more than one segment and count${report.visitsInSeveralSegments === 1 ? 's' : ''} once in each, so the segment rows add up to more than the total.`);
  }
  if (report.visitsOnSeveralPages > report.visitsInSeveralSegments) {
    notes.push(`${plural(report.visitsOnSeveralPages, 'visit')} saw more than one landing page and count${report.visitsOnSeveralPages === 1 ? 's' : ''} once for each page.`);
  }
  return notes;
}

/** `Unattributed leads: 3 …`, or undefined when there were none. */
export function unattributedSummary(report: ConversionReport): string | undefined {
  const n = report.unattributedLeads;
  if (n === 0) return undefined;
  return `Unattributed leads: ${formatCount(n)} ${n === 1 ? 'lead' : 'leads'} (visit × page) came from visits with no landing page_view of that page in this export; not counted in any row or rate.`;
}

/** `Duplicate events: 12 …`, or undefined when there were none. */
export function duplicatesSummary(report: ConversionReport): string | undefined {
  const n = report.duplicates;
  if (n === 0) return undefined;
  return `Duplicate events: ${formatCount(n)} landing page ${n === 1 ? 'view or lead repeats' : 'views and leads repeat'} an event_id already seen; dropped as replays.`;
}

/** `Other values: …`, or undefined when every channel field stayed under its cap. */
export function overflowSummary(report: ConversionReport): string | undefined {
  if (report.overflow.length === 0) return undefined;
  const parts = report.overflow.map((o) => `${o.field} (${plural(o.views, 'view')})`);
  return `Other values: past ${formatCount(MAX_DISTINCT_VALUES)} distinct values of a field, further values are counted as ${OTHER_VALUE}: ${parts.join(', ')}.`;
}

/** The lines about what the report left out of its rows, shown under the summary: duplicates, unattributed leads, values past the cap, unknown pages. */
export function exclusionLines(report: ConversionReport): string[] {
  return [duplicatesSummary(report), unattributedSummary(report), overflowSummary(report), unknownSummary(report)].filter((line): line is string => line !== undefined);
}

/** A column that names a row: its title and its value. */
export interface IdColumn {
  title: string;
  value: (row: GroupRow) => string;
}

const SEGMENT: IdColumn = { title: 'Segment', value: (r) => r.segment };
const PERSONA: IdColumn = { title: 'Persona', value: (r) => r.persona ?? '' };

/** One table of the report: its rows and the columns that name them. */
export interface ReportTable {
  level: Level;
  /** For ids in the HTML. */
  id: string;
  title: string;
  idColumns: IdColumn[];
  rows: GroupRow[];
}

/** The two main tables: every row is shown. */
export function mainTables(report: ConversionReport): ReportTable[] {
  return [
    { level: 'segment', id: 'segments', title: 'Conversion by segment', idColumns: [SEGMENT], rows: report.segments },
    { level: 'segment_persona', id: 'pages', title: 'Conversion by segment × persona', idColumns: [SEGMENT, PERSONA], rows: report.pages },
  ];
}

/** The breakdowns by channel, campaign, variant and locale: outputs show their larger rows (see `shownRows`). */
export function breakdownTables(report: ConversionReport): ReportTable[] {
  return [
    {
      level: 'segment_persona_channel',
      id: 'channels',
      title: 'Conversion by channel (utm_source / utm_medium) within segment × persona',
      idColumns: [SEGMENT, PERSONA, { title: 'Source', value: (r) => r.source ?? '' }, { title: 'Medium', value: (r) => r.medium ?? '' }],
      rows: report.channels,
    },
    { level: 'segment_campaign', id: 'campaigns', title: 'Conversion by campaign (utm_campaign) within segment', idColumns: [SEGMENT, { title: 'Campaign', value: (r) => r.campaign ?? '' }], rows: report.campaigns },
    { level: 'segment_persona_variant', id: 'variants', title: 'Conversion by page variant within segment × persona', idColumns: [SEGMENT, PERSONA, { title: 'Variant', value: (r) => r.variant ?? '' }], rows: report.variants },
    { level: 'segment_persona_locale', id: 'locales', title: 'Conversion by locale (page_locale) within segment × persona', idColumns: [SEGMENT, PERSONA, { title: 'Locale', value: (r) => r.locale ?? '' }], rows: report.locales },
  ];
}

/**
 * The rows of a breakdown an output shows: those with at least `minVisits` visits, and of those at
 * most `limit` (the ones with the most visits), in table order; with a sentence saying what was left
 * out, so a reader never takes a shortened table for the whole.
 */
export function shownRows(rows: GroupRow[], minVisits: number, limit: number): { rows: GroupRow[]; note: string } {
  const enough = rows.filter((r) => r.visits >= minVisits);
  const keep = enough.length <= limit ? new Set(enough) : new Set([...enough].sort((a, b) => b.visits - a.visits).slice(0, limit));
  const shown = rows.filter((r) => keep.has(r));
  const which = enough.length <= limit ? `those with at least ${minVisits} visits` : `the ${limit} with the most visits of the ${formatCount(enough.length)} with at least ${minVisits} visits`;
  const note = shown.length === rows.length ? `All ${plural(rows.length, 'row')}.` : `${formatCount(shown.length)} of ${plural(rows.length, 'row')} shown: ${which}. The CSV has every row.`;
  return { rows: shown, note };
}

/** A value from the events file as a table shows it: shortened and with control characters escaped. */
export function shownValue(value: string, max = 40): string {
  return printable(value.length > max ? `${value.slice(0, max - 1)}…` : value);
}

/** Most locales the summary names; past it, it gives their number only. */
const MAX_LOCALES_NAMED = 8;

/** `5,000 visits and 231 leads on 21 landing pages of 4 segments in 2 locales (de, en); 21,602 events from 2026-10-01 to 2026-10-28.` (the locales only when there are several) */
export function reportSummary(report: ConversionReport): string {
  const events = Object.values(report.events).reduce((a, b) => a + b, 0);
  const period = report.period ? ` from ${formatDay(report.period.from)} to ${formatDay(report.period.to)}` : '';
  const locales = [...new Set(report.locales.map((r) => r.locale ?? ''))].sort();
  const named = locales.length <= MAX_LOCALES_NAMED ? ` (${locales.map((l) => shownValue(l, 20)).join(', ')})` : '';
  const languages = locales.length > 1 ? ` in ${locales.length} locales${named}` : '';
  return `${formatCount(report.total.visits)} visits and ${formatCount(report.total.leads)} leads on ${plural(report.pages.length, 'landing page')} of ${plural(report.segments.length, 'segment')}${languages}; ${formatCount(events)} events${period}.`;
}

/**
 * The one line about events of pages the content does not define, or undefined when there were none:
 * `Unknown pages: 5 landing page views and leads name … (segment / persona): line 3: "x" / "cfo"; … (and 2 more).`
 * The examples are already shortened and escaped.
 */
export function unknownSummary(report: ConversionReport): string | undefined {
  const { events, examples } = report.unknown;
  if (events === 0) return undefined;
  const more = events > examples.length ? ` (and ${formatCount(events - examples.length)} more)` : '';
  const what = events === 1 ? 'landing page view or lead names a segment and persona' : 'landing page views and leads name a segment and persona';
  return `Unknown pages: ${formatCount(events)} ${what} the content does not define, not counted (segment / persona): ${examples.join('; ')}${more}.`;
}

/** Bad-row codes in words, for the one-line summary of what was skipped. */
const CODE_LABELS: Record<string, string> = {
  json: 'not valid JSON',
  'not-object': 'not an event object',
  event: 'missing or unknown event',
  visit_id: 'missing visit_id',
  page_type: 'missing page_type',
  ids: 'missing segment or persona',
  type: 'wrong type',
  event_time: 'bad event_time',
  columns: 'wrong number of fields',
  'too-long': 'too long',
};

/** `12 rows skipped (10 not valid JSON, 2 missing visit_id)`, or undefined when none were. */
export function skippedSummary(read: ReadSummary): string | undefined {
  if (read.badRowCount === 0) return undefined;
  const parts = Object.entries(read.badRowCodes)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => `${formatCount(n)} ${CODE_LABELS[code] ?? code}`);
  return `${formatCount(read.badRowCount)} ${read.badRowCount === 1 ? 'row' : 'rows'} skipped (${parts.join(', ')})`;
}

/** The cells every table shows for a row, formatted. */
export function rowCells(row: GroupRow): { visits: string; leads: string; rate: string; interval: string; z: string; p: string } {
  return {
    visits: formatCount(row.visits),
    leads: formatCount(row.leads),
    rate: formatPercent(row.rate),
    interval: formatInterval(row.interval),
    z: row.test ? formatZ(row.test.z) : '',
    p: row.test ? formatP(row.test.p) : '',
  };
}

/** Why the variant verdict waits for the planned size: shown whenever the report compares a variant with its control. */
export const PEEKING_NOTE =
  'A test looked at again and again at a fixed 5% level calls a false winner far more often than 5% of the time (with daily looks, several times as often), so a variant’s verdict waits until both arms have the planned visitors; npm run plan-test computes that size.';

/** `+1.23 pp`: a difference of rates in percentage points, with its sign. */
export function formatPoints(difference: number, digits = 2): string {
  const points = (difference * 100).toFixed(digits);
  return `${difference >= 0 && !points.startsWith('-') ? '+' : ''}${points} pp`;
}

/** `-0.50 to +2.90 pp`. */
export function formatPointsInterval(interval: Interval | undefined, digits = 2): string {
  if (!interval) return '';
  return `${formatPoints(interval.low, digits).replace(/ pp$/, '')} to ${formatPoints(interval.high, digits)}`;
}

/** `12.3`: weeks, one decimal. */
export function formatWeeks(weeks: number): string {
  return weeks.toFixed(1);
}

/** The columns of the variant table, as every output shows them. */
export const VARIANT_COLUMNS = ['Segment', 'Persona', 'Locale', 'Variant', 'Visits', 'Leads', 'Rate', '95% interval', 'Control', 'Visits', 'Leads', 'Rate', '95% interval', 'Difference', '95% interval', 'Verdict'] as const;
/** How many of VARIANT_COLUMNS name the row. */
export const VARIANT_ID_COLUMNS = 4;

export const VARIANT_TABLE_TITLE = 'Variant against its control within segment × persona × locale';

/** The cells of one comparison, formatted, in the order of VARIANT_COLUMNS. */
export function variantCells(c: VariantComparison): string[] {
  return [
    c.segment,
    c.persona,
    c.locale,
    c.variant,
    formatCount(c.variantRate.visits),
    formatCount(c.variantRate.leads),
    formatPercent(c.variantRate.rate),
    formatInterval(c.variantRate.interval),
    c.control,
    formatCount(c.controlRate.visits),
    formatCount(c.controlRate.leads),
    formatPercent(c.controlRate.rate),
    formatInterval(c.controlRate.interval),
    formatPoints(c.difference),
    formatPointsInterval(c.differenceInterval),
    variantVerdictLabel(c, formatCount),
  ];
}

/**
 * The comparisons an output shows: those of a variant with a file that plans its size, and those with at
 * least `minVisits` visits (page_variant comes from the export, which anyone can write to, so invented
 * values must not flood the table); of those at most `limit`, the ones with the most visits. The note
 * says what was left out, or is undefined when nothing was.
 */
export function shownComparisons(tests: readonly VariantComparison[], minVisits: number, limit: number): { rows: VariantComparison[]; note?: string } {
  const enough = tests.filter((c) => c.planned !== undefined || c.variantRate.visits >= minVisits);
  const keep = enough.length <= limit ? new Set(enough) : new Set([...enough].sort((a, b) => b.variantRate.visits - a.variantRate.visits).slice(0, limit));
  const rows = tests.filter((c) => keep.has(c));
  if (rows.length === tests.length) return { rows };
  const which = enough.length <= limit ? `those planned in a variant file or with at least ${minVisits} visits` : `the ${limit} with the most visits`;
  return { rows, note: `${formatCount(rows.length)} of ${plural(tests.length, 'variant')} shown: ${which}. The CSV has every one.` };
}

/** When the report has no variant to compare. */
export const NO_VARIANTS = 'No page variant other than the control in this export.';

/**
 * The line under the variant table for a page whose traffic cannot reach the planned size, or
 * undefined: `eu-due-diligence × cpo: at 180 visits a week, …`.
 */
export function trafficLine(c: VariantComparison): string | undefined {
  if (!beyondTraffic(c)) return undefined;
  const weekly = c.weeklyVisits ?? 0;
  const pace = weekly > 0 ? `at ${formatCount(Math.round(weekly))} visits a week, the planned ${formatCount(c.planned ?? 0)} visitors per arm (${c.arms} arms) would take ${formatWeeks(c.weeksForPlan ?? Infinity)} weeks, more than ${MAX_WEEKS}` : `with no visits in this export, the planned ${formatCount(c.planned ?? 0)} visitors per arm would never be reached`;
  return `${shownValue(c.segment)} × ${shownValue(c.persona)} (${shownValue(c.locale)}), variant ${shownValue(c.variant)}: ${pace}: this page’s traffic cannot support a test of that size. Plan for a larger lift (npm run plan-test), or test on a page with more traffic.`;
}

/** The lines under the variant table: one per comparison whose page cannot reach its planned size. */
export function trafficLines(comparisons: readonly VariantComparison[]): string[] {
  return comparisons.map(trafficLine).filter((line): line is string => line !== undefined);
}
