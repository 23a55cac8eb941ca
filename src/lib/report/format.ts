/** Numbers and explanations shared by the text and HTML reports, so both say exactly the same thing. */
import { plural } from '../diagnostics.ts';
import { ALPHA, MIN_EACH_OUTCOME, type ConversionReport, type GroupRow } from './aggregate.ts';
import { UNSAFE_CHARS } from './events.ts';
import type { ReadSummary } from './read-events.ts';
import type { Interval } from './stats.ts';

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

export function testsRun(report: ConversionReport): number {
  return [...report.segments, ...report.pages].filter((r) => r.test).length;
}

/**
 * The definitions, in the words the README, the text and HTML notes and the CSV header notes all use,
 * so that every output says exactly the same thing.
 */
export const DEFINITIONS = {
  duplicate: 'Duplicates: a landing page_view or generate_lead whose event_id was already seen is a replay and is dropped.',
  visit: 'Visit of a page: a distinct visit_id with at least one landing page_view of that segment × persona; a visit that saw several pages counts once for each.',
  channel: 'Channel of a visit: the utm_source, utm_medium, utm_campaign and page_variant of its first landing page_view of the page (earliest event_time, ties to the first in the file); a missing utm value is (none), a missing page_variant default.',
  lead: 'Lead of a page: a visit of that page with a generate_lead on the same segment × persona, attributed to the visit’s channel. A generate_lead whose visit has no landing page_view of that page in the export is an unattributed lead: counted in one line, never in a row or a rate.',
  rate: 'Rate: leads / visits, with its 95% Wilson score interval (the range the true rate most likely lies in).',
  comparison: `Verdict: each row is compared with all other visits, as two independent samples: every visit of a landing page that is not in the row, converting when it has a lead on any page (pooled two-proportion z-test, two-sided): “higher than other visits” or “lower than other visits” when p < ${ALPHA}, otherwise “no clear difference”.`,
} as const;

/** How the numbers are counted and judged, in plain words: printed under the tables and in the HTML. */
export function reportNotes(report: ConversionReport): string[] {
  const notes: string[] = [
    DEFINITIONS.visit,
    DEFINITIONS.lead,
    DEFINITIONS.channel,
    DEFINITIONS.rate,
    DEFINITIONS.comparison,
    tooSmallNote(report.minVisits),
  ];
  const tests = testsRun(report);
  if (tests > 1) {
    notes.push(
      `${plural(tests, 'test')} at p < ${ALPHA}: even if no group truly differed, about ${(tests * ALPHA).toFixed(1)} of them would show a “difference” by chance alone. Treat a single borderline p as a reason to keep measuring, not as a result.`,
    );
  }
  const unattributed = unattributedSummary(report);
  if (unattributed) notes.push(unattributed);
  const duplicates = duplicatesSummary(report);
  if (duplicates) notes.push(duplicates);
  if (report.visitsInSeveralSegments > 0) {
    notes.push(`${plural(report.visitsInSeveralSegments, 'visit')} saw the landing pages of more than one segment and count${report.visitsInSeveralSegments === 1 ? 's' : ''} once in each, so the segment rows add up to more than the total.`);
  }
  if (report.visitsOnSeveralPages > report.visitsInSeveralSegments) {
    notes.push(`${plural(report.visitsOnSeveralPages, 'visit')} saw more than one landing page and count${report.visitsOnSeveralPages === 1 ? 's' : ''} once for each page.`);
  }
  return notes;
}

export function tooSmallNote(minVisits: number): string {
  return `Too small to judge: fewer than ${minVisits} visits, fewer than ${MIN_EACH_OUTCOME} leads or fewer than ${MIN_EACH_OUTCOME} visits without a lead, in the row or in the other visits. The normal approximation behind the test is unreliable there, so no z or p is given. Change the visit threshold with --min-visits.`;
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

/** `5,000 visits, 231 leads on 21 landing pages; 21,602 events from 2026-10-01 to 2026-10-28.` */
export function reportSummary(report: ConversionReport): string {
  const events = Object.values(report.events).reduce((a, b) => a + b, 0);
  const period = report.period ? ` from ${formatDay(report.period.from)} to ${formatDay(report.period.to)}` : '';
  return `${formatCount(report.total.visits)} visits and ${formatCount(report.total.leads)} leads on ${plural(report.pages.length, 'landing page')} of ${plural(report.segments.length, 'segment')}; ${formatCount(events)} events${period}.`;
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
