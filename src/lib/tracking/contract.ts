/**
 * The event contract: what the page script pushes to `window.dataLayer` (and, when configured, sends
 * to the first-party collection URL), what the campaign export produces and what the conversion
 * report reads. Documented in docs/measurement.md; this file is the source of truth for its shapes.
 *
 * No event carries personal data: nothing typed into the form, no click ids, no IP or user agent.
 */

export const EVENT_NAMES = ['page_view', 'cta_click', 'faq_open', 'generate_lead'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Campaign parameters read from the landing URL, in the order they are documented. */
export const UTM_PARAMS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id'] as const;
export type UtmParam = (typeof UTM_PARAMS)[number];

/** Ad-platform click ids: kept for the lead form (so the CRM can close the loop), never sent in events. */
export const CLICK_ID_PARAMS = ['gclid', 'li_fat_id'] as const;
export type ClickIdParam = (typeof CLICK_ID_PARAMS)[number];

export type TouchParam = UtmParam | ClickIdParam;

/** One touch: the campaign parameters a visitor arrived with, and the page they arrived on. */
export type Touch = Partial<Record<TouchParam, string>> & { landing_page: string };

/** `preview` is the dev server's index of every page; it never appears in production. */
export const PAGE_TYPES = ['home', 'overview', 'segment', 'landing', 'faq', 'thank-you', 'not-found', 'preview'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** Fields every event carries. Ids are null on pages that have none (the home page has no segment). */
export interface EventBase {
  event: EventName;
  page_type: PageType;
  segment: string | null;
  persona: string | null;
  vertical: string | null;
  /** `default`, or the variant named by the page's override file. */
  page_variant: string;
  /** Hash of the content the page was built from. */
  content_version: string;
  /**
   * Locale of the page (BCP 47, like `en` or `de`), from its `data-locale`: the site's `language` on
   * default pages, the locale of the `/<locale>/` pages otherwise. Absent from events of pages built
   * before pages carried it; the report counts those in the site's default locale.
   */
  page_locale?: string;
  /** Path of the page, without query string or fragment. */
  page_path: string;
  /** Random id of the visit: kept in sessionStorage when analytics storage is granted, otherwise new on every page load. */
  visit_id: string;
  /** Random id of this event, for de-duplication. */
  event_id: string;
  /** When the event happened, ISO 8601 in UTC. */
  event_time: string;
  /**
   * Whether the visitor had granted analytics storage when the event happened. Without it the visit id
   * is new on every page load, so a report can tell page loads from visits.
   */
  analytics_consent: 'granted' | 'denied';
  /** Campaign parameters of the visit's last touch (absent when the visit came without them). */
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  utm_id?: string;
}

export interface PageViewEvent extends EventBase {
  event: 'page_view';
}

export interface CtaClickEvent extends EventBase {
  event: 'cta_click';
  /** Which call to action: `hero`, `form`, or the `data-cta` value of a custom link. */
  cta_id: string;
}

export interface FaqOpenEvent extends EventBase {
  event: 'faq_open';
  /** Id (file name) of the question opened. */
  faq_id: string;
}

/** GA4's recommended event name for a lead; sent only after the form endpoint accepted the submission. */
export interface GenerateLeadEvent extends EventBase {
  event: 'generate_lead';
  form_id: string;
}

export type TrackingEvent = PageViewEvent | CtaClickEvent | FaqOpenEvent | GenerateLeadEvent;

/**
 * Every field an event can carry, in documentation order: also the column order of CSV exports.
 * In CSV, a null or absent value is an empty cell. A `page_view` of a landing page and every
 * `generate_lead` always carry `segment`, `persona` and `vertical` (landing pages have all three).
 */
export const EVENT_FIELDS = [
  'event',
  'page_type',
  'segment',
  'persona',
  'vertical',
  'page_variant',
  'content_version',
  'page_locale',
  'page_path',
  'visit_id',
  'event_id',
  'event_time',
  'analytics_consent',
  ...UTM_PARAMS,
  'cta_id',
  'faq_id',
  'form_id',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/**
 * Hidden field of the lead form holding the lead's id, set by the page script just before the post: the
 * same id is the `event_id` of the lead's `generate_lead` event and of the ad platforms' conversions,
 * so the CRM, the event export and the platforms can match one lead. Empty when a browser posts the form
 * without JavaScript (then no event or conversion is sent in the browser either).
 */
export const LEAD_ID_FIELD = 'lead_id';

/**
 * Field of the lead form holding the page's locale (its `data-locale`), added by the page script to what
 * it posts, so the CRM can tell which language a lead came in; absent when a browser posts the form
 * without JavaScript.
 */
export const LOCALE_FIELD = 'page_locale';

/** Hidden fields of the lead form, besides the page's own ids and `lead_id`: first- and last-touch parameters. */
export const TOUCH_FIELD_PREFIXES = ['first', 'last'] as const;

export function touchFieldName(which: (typeof TOUCH_FIELD_PREFIXES)[number], param: TouchParam | 'landing_page'): string {
  return `${which}_${param}`;
}

/** Every hidden touch field of the lead form, in a stable order. */
export const TOUCH_FIELDS: string[] = TOUCH_FIELD_PREFIXES.flatMap((which) =>
  [...UTM_PARAMS, ...CLICK_ID_PARAMS, 'landing_page' as const].map((param) => touchFieldName(which, param)),
);

/** Storage keys; nothing is written under them before the visitor grants analytics storage (the consent choice itself excepted). */
export const STORAGE_KEYS = {
  /** localStorage: the visitor's consent choice, so the banner is not shown again. */
  consent: 'sp_consent',
  /** sessionStorage: the visit id. */
  visit: 'sp_visit',
  /** sessionStorage: first and last touch of the visit, JSON. */
  touches: 'sp_touches',
} as const;

/** Longest value kept from any URL parameter; longer values are cut, so a hostile URL cannot bloat events or forms. */
export const MAX_PARAM_LENGTH = 100;
