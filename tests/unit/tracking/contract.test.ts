import { describe, expect, it } from 'vitest';
import { generateSampleEvents, sampleLandingsFromSite } from '../../../src/lib/report/sample-events.ts';
import { build, PROJECT_ROOT, readTree } from '../helpers.ts';
import { CLICK_ID_PARAMS, EVENT_FIELDS, EVENT_NAMES, LOCALE_FIELD, PAGE_TYPES, TOUCH_FIELDS, UTM_PARAMS } from '../../../src/lib/tracking/contract.ts';

describe('event contract', () => {
  it('names the four documented events, GA4’s generate_lead among them', () => {
    expect(EVENT_NAMES).toEqual(['page_view', 'cta_click', 'faq_open', 'generate_lead']);
    expect(PAGE_TYPES).toEqual(['home', 'overview', 'segment', 'landing', 'faq', 'thank-you', 'not-found', 'preview']);
  });

  it('lists every event field once, campaign parameters included and click ids excluded', () => {
    expect(new Set(EVENT_FIELDS).size).toBe(EVENT_FIELDS.length);
    for (const param of UTM_PARAMS) expect(EVENT_FIELDS).toContain(param);
    for (const param of CLICK_ID_PARAMS) expect(EVENT_FIELDS).not.toContain(param);
  });

  it('carries the page’s locale in every event and in the lead form, under one name', () => {
    expect(EVENT_FIELDS).toContain('page_locale');
    // Beside the page's other ids, before the visit's.
    expect(EVENT_FIELDS.indexOf('page_locale')).toBe(EVENT_FIELDS.indexOf('content_version') + 1);
    expect(LOCALE_FIELD).toBe('page_locale');
    expect(TOUCH_FIELDS).not.toContain(LOCALE_FIELD);
  });

  it('gives the lead form a first- and a last-touch field for every campaign parameter and the landing page', () => {
    expect(TOUCH_FIELDS).toHaveLength(2 * (UTM_PARAMS.length + CLICK_ID_PARAMS.length + 1));
    expect(TOUCH_FIELDS).toContain('first_utm_source');
    expect(TOUCH_FIELDS).toContain('last_li_fat_id');
    expect(TOUCH_FIELDS).toContain('first_landing_page');
  });
});

describe('events as the sample generator writes them', () => {
  it('use only the contract’s fields', () => {
    const site = build(readTree(PROJECT_ROOT));
    const events = [...generateSampleEvents({ seed: 7, visits: 200, landings: sampleLandingsFromSite(site), channels: site.settings.channels })];
    expect(events.length).toBeGreaterThan(200);
    for (const event of events) for (const key of Object.keys(event)) expect(EVENT_FIELDS as readonly string[]).toContain(key);
  });

  it('carry the locale of the page they happened on', () => {
    const site = build(readTree(PROJECT_ROOT));
    const events = [...generateSampleEvents({ seed: 7, visits: 500, landings: sampleLandingsFromSite(site), channels: site.settings.channels })];
    for (const event of events) expect(event.page_locale, event.page_path).toBe(event.page_path.startsWith('/de/') ? 'de' : site.settings.language);
    expect(new Set(events.map((e) => e.page_locale))).toEqual(new Set(['de', 'en']));
  });
});
