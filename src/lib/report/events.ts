/**
 * Checks one exported event against the tracking contract and keeps what the report needs.
 *
 * The report is strict about what it counts and lenient about the rest: `event` and `visit_id` are
 * required on every event, `page_type` on a `page_view`, and a landing `page_view` or a
 * `generate_lead` must name its segment and persona. Other contract fields may be missing (exports from other tools drop some),
 * but when present they must have the contract's type. Fields the contract does not name are ignored.
 */
import { closestMatch } from '../diagnostics.ts';
import { EVENT_FIELDS, EVENT_NAMES, type EventBase, type EventField, type EventName } from '../tracking/contract.ts';

export { EVENT_FIELDS };

/** The part of an event the report reads. */
export interface ReportEvent {
  event: EventName;
  page_type: string | null;
  segment: string | null;
  persona: string | null;
  visit_id: string;
  /** Milliseconds since the epoch, when the event has a valid `event_time`. */
  time?: number;
  /** The event's own id, for dropping replays; absent when the export has none. */
  event_id?: string;
  /** The channel of a landing page_view, each absent when the event has none. */
  page_variant?: string;
  /** The page's locale; absent in exports from before events carried it (the report counts those in the default locale). */
  page_locale?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
}

/** Fields of the event kept as they are when present (and not empty). */
const KEPT_FIELDS = ['event_id', 'page_variant', 'page_locale', 'utm_source', 'utm_medium', 'utm_campaign'] as const satisfies readonly (keyof ReportEvent)[];

/** Why a row was skipped: a stable code for counting, and a short sentence for people. */
export interface RowProblem {
  code: string;
  reason: string;
}

export type EventCheck = { ok: true; event: ReportEvent } | { ok: false; problem: RowProblem };

/** Columns a CSV export must have for the report to count anything. */
export const REQUIRED_COLUMNS = ['event', 'page_type', 'segment', 'persona', 'visit_id'] as const;

/** Fields that may be null: the page's ids, on pages that have none. */
const NULLABLE_FIELDS = ['segment', 'persona', 'vertical'] as const satisfies readonly (keyof EventBase)[];
const STRING_FIELDS = EVENT_FIELDS.filter((f) => f !== 'event' && !(NULLABLE_FIELDS as readonly string[]).includes(f));

/**
 * Longest value accepted in each field, in characters. Real values are far shorter (ids are slugs or
 * random ids, times ISO 8601); a longer one is a row skipped as `too-long`, so no field of an export,
 * which anyone can write to through the collection URL, can grow the report's memory or output.
 */
export const FIELD_CAPS: Readonly<Record<EventField, number>> = Object.fromEntries(
  EVENT_FIELDS.map((field) => [field, field === 'page_path' ? 2000 : field.startsWith('utm_') ? 200 : field === 'event_time' ? 40 : 100]),
) as Record<EventField, number>;

/**
 * The time of `2026-10-01T09:30:00.000Z`, the form exports write, read digit by digit (the regular
 * expression and Date.parse cost more than the rest of an event's checks); undefined for any other
 * form, or a day past the 28th, which then take the general path.
 */
export function utcMillis(text: string): number | undefined {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return undefined;
  const d = (at: number) => text.charCodeAt(at) - 48;
  for (const at of SEPARATORS) if (text.charCodeAt(at[0]) !== at[1]) return undefined;
  let bad = 0;
  for (const at of DIGITS) {
    const digit = d(at);
    if (digit < 0 || digit > 9) bad = 1;
  }
  if (bad) return undefined;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const hour = d(11) * 10 + d(12);
  const minute = d(14) * 10 + d(15);
  const second = d(17) * 10 + d(18);
  const millis = d(20) * 100 + d(21) * 10 + d(22);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}
const SEPARATORS: readonly (readonly [number, number])[] = [[4, 45], [7, 45], [10, 84], [13, 58], [16, 58], [19, 46]];
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Checks a parsed JSON value (one NDJSON line). */
export function checkEvent(value: unknown): EventCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('not-object', `expected an event object, found ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (plainFields(record)) {
    // Every field is absent, null or a string within its cap: only the event name and visit_id are left to check.
    const name = record.event;
    const visit = record.visit_id;
    if (typeof name === 'string' && EVENT_NAME_SET.has(name) && typeof visit === 'string' && visit !== '') return finish(name as EventName, visit, record);
  }
  const long = tooLong(record);
  if (long) return long;
  const name = record.event;
  if (name === undefined || name === null || name === '') return fail('event', 'missing "event"');
  if (typeof name !== 'string') return fail('type', `event: expected a string, found ${describe(name)}`);
  if (!(EVENT_NAMES as readonly string[]).includes(name)) {
    const match = closestMatch(name, EVENT_NAMES);
    return fail('event', `unknown event ${quote(name)}${match ? ` (did you mean "${match}"?)` : ''}; the contract knows ${EVENT_NAMES.join(', ')}`);
  }
  const visit = record.visit_id;
  if (visit === undefined || visit === null || visit === '') return fail('visit_id', 'missing "visit_id"');
  if (typeof visit !== 'string') return fail('type', `visit_id: expected a string, found ${describe(visit)}`);

  for (const field of NULLABLE_FIELDS) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return fail('type', `${field}: expected a string or null, found ${describe(v)}`);
  }
  for (const field of STRING_FIELDS) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return fail('type', `${field}: expected a string, found ${describe(v)}`);
  }
  return finish(name as EventName, visit, record);
}

/**
 * Checks one CSV record, already keyed by header name. Every value is text: an empty cell means
 * "absent" (or null, for the segment, persona and vertical ids).
 */
export function checkCsvEvent(record: Readonly<Record<string, string | undefined>>): EventCheck {
  const long = tooLong(record);
  if (long) return long;
  const name = record.event ?? '';
  if (name === '') return fail('event', 'missing "event"');
  if (!(EVENT_NAMES as readonly string[]).includes(name)) {
    const match = closestMatch(name, EVENT_NAMES);
    return fail('event', `unknown event ${quote(name)}${match ? ` (did you mean "${match}"?)` : ''}; the contract knows ${EVENT_NAMES.join(', ')}`);
  }
  const visit = record.visit_id ?? '';
  if (visit === '') return fail('visit_id', 'missing "visit_id"');
  return finish(name as EventName, visit, record);
}

function finish(name: EventName, visit: string, record: Readonly<Record<string, unknown>>): EventCheck {
  // Only a page_view needs its page type (is it a landing page?); a lead counts wherever its ids say.
  const pageType = idOf(record.page_type);
  if (name === 'page_view' && pageType === null) return fail('page_type', 'a page_view without "page_type": it cannot tell a landing page from another');
  const segment = idOf(record.segment);
  const persona = idOf(record.persona);
  const counted = name === 'generate_lead' || (name === 'page_view' && pageType === 'landing');
  if (counted && (segment === null || persona === null)) {
    const what = name === 'generate_lead' ? 'a generate_lead' : 'a landing page_view';
    const missing = segment === null && persona === null ? '"segment" and "persona"' : segment === null ? '"segment"' : '"persona"';
    return fail('ids', `${what} without ${missing}: it cannot be counted for a page`);
  }
  let time: number | undefined;
  const eventTime = record.event_time;
  if (typeof eventTime === 'string' && eventTime !== '') {
    time = utcMillis(eventTime) ?? (ISO_TIME.test(eventTime) ? Date.parse(eventTime) : NaN);
    if (Number.isNaN(time)) return fail('event_time', `event_time: expected an ISO 8601 time like 2026-10-01T09:30:00.000Z, found ${quote(eventTime)}`);
  }
  const event: ReportEvent = { event: name, page_type: pageType, segment, persona, visit_id: visit };
  if (time !== undefined) event.time = time;
  // Named reads and writes in KEPT_FIELDS' order: a loop over the names costs a generic lookup for each.
  const eventId = idOf(record.event_id);
  if (eventId !== null) event.event_id = eventId;
  const variant = idOf(record.page_variant);
  if (variant !== null) event.page_variant = variant;
  const locale = idOf(record.page_locale);
  if (locale !== null) event.page_locale = locale;
  const source = idOf(record.utm_source);
  if (source !== null) event.utm_source = source;
  const medium = idOf(record.utm_medium);
  if (medium !== null) event.utm_medium = medium;
  const campaign = idOf(record.utm_campaign);
  if (campaign !== null) event.utm_campaign = campaign;
  return { ok: true, event };
}

const EVENT_NAME_SET: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * Whether every contract field of the record is absent, null or a string within its cap: the one pass
 * most events need. Any other record takes the checks below, which name the first problem in order.
 * Each field is read by its name: a loop over EVENT_FIELDS would make every read a generic lookup,
 * and this check runs once per event (a test holds the list to EVENT_FIELDS).
 */
function plainFields(r: Readonly<Record<string, unknown>>): boolean {
  const c = FIELD_CAPS;
  return (
    plain(r.event, c.event) && plain(r.page_type, c.page_type) && plain(r.segment, c.segment) && plain(r.persona, c.persona) &&
    plain(r.vertical, c.vertical) && plain(r.page_variant, c.page_variant) && plain(r.content_version, c.content_version) &&
    plain(r.page_locale, c.page_locale) && plain(r.page_path, c.page_path) && plain(r.visit_id, c.visit_id) && plain(r.event_id, c.event_id) &&
    plain(r.event_time, c.event_time) && plain(r.analytics_consent, c.analytics_consent) && plain(r.utm_source, c.utm_source) &&
    plain(r.utm_medium, c.utm_medium) && plain(r.utm_campaign, c.utm_campaign) && plain(r.utm_term, c.utm_term) &&
    plain(r.utm_content, c.utm_content) && plain(r.utm_id, c.utm_id) && plain(r.cta_id, c.cta_id) && plain(r.faq_id, c.faq_id) &&
    plain(r.form_id, c.form_id)
  );
}

/** The fields plainFields reads, in its order: kept equal to EVENT_FIELDS by a test. */
export const PLAIN_CHECKED_FIELDS = [
  'event', 'page_type', 'segment', 'persona', 'vertical', 'page_variant', 'content_version', 'page_locale', 'page_path', 'visit_id', 'event_id',
  'event_time', 'analytics_consent', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'cta_id', 'faq_id', 'form_id',
] as const satisfies readonly EventField[];

function plain(value: unknown, cap: number): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.length <= cap);
}

/** The first field longer than its cap, as a problem; checked before anything else reads the row. */
function tooLong(record: Readonly<Record<string, unknown>>): EventCheck | undefined {
  for (const field of EVENT_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value.length > FIELD_CAPS[field]) {
      return fail('too-long', `${field}: ${value.length.toLocaleString('en-US')} characters, more than the ${FIELD_CAPS[field].toLocaleString('en-US')} allowed (${quote(value, 20)})`);
    }
  }
  return undefined;
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function fail(code: string, reason: string): EventCheck {
  return { ok: false, problem: { code, reason } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : `the ${typeof value}`} ${String(value)}`;
}

/**
 * A value from the events file, shortened and quoted so it is safe to print: control characters,
 * line separators and bidirectional overrides are shown as escapes instead of acting on the terminal.
 */
export function quote(value: string, max = 40): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(short).replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** C1 controls, DEL, line/paragraph separators and bidi controls (JSON.stringify already escapes C0). */
export const UNSAFE_CHARS = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
