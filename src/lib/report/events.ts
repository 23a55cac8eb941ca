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
    time = ISO_TIME.test(eventTime) ? Date.parse(eventTime) : NaN;
    if (Number.isNaN(time)) return fail('event_time', `event_time: expected an ISO 8601 time like 2026-10-01T09:30:00.000Z, found ${quote(eventTime)}`);
  }
  const event: ReportEvent = { event: name, page_type: pageType, segment, persona, visit_id: visit };
  if (time !== undefined) event.time = time;
  for (const field of KEPT_FIELDS) {
    const value = idOf(record[field]);
    if (value !== null) event[field] = value;
  }
  return { ok: true, event };
}

const EVENT_NAME_SET: ReadonlySet<string> = new Set(EVENT_NAMES);
const CAPS = EVENT_FIELDS.map((field) => FIELD_CAPS[field]);

/**
 * Whether every contract field of the record is absent, null or a string within its cap: the one pass
 * most events need. Any other record takes the checks below, which name the first problem in order.
 */
function plainFields(record: Readonly<Record<string, unknown>>): boolean {
  for (let i = 0; i < EVENT_FIELDS.length; i++) {
    const value = record[EVENT_FIELDS[i]!];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length > CAPS[i]!) return false;
  }
  return true;
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
