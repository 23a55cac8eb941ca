import { describe, expect, it } from 'vitest';
import { CONSENT_TYPES } from '../../../src/lib/schemas/site.ts';
import { CONSENT_PURPOSES, consentForPurposes, purposesOf } from '../../../src/lib/tracking/consent.ts';

describe('consent purposes', () => {
  it('cover each Consent Mode signal exactly once', () => {
    expect(Object.values(CONSENT_PURPOSES).flat().sort()).toEqual([...CONSENT_TYPES].sort());
  });

  it('analytics only grants analytics storage and denies the three advertising signals', () => {
    expect(consentForPurposes({ analytics: true, advertising: false })).toEqual({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
  });

  it('advertising only grants the three advertising signals and denies analytics storage', () => {
    expect(consentForPurposes({ analytics: false, advertising: true })).toEqual({
      analytics_storage: 'denied',
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
    });
  });

  it('accept all and reject all set every signal; a purpose left out is denied', () => {
    expect(Object.values(consentForPurposes({ analytics: true, advertising: true }))).toEqual(['granted', 'granted', 'granted', 'granted']);
    expect(Object.values(consentForPurposes({}))).toEqual(['denied', 'denied', 'denied', 'denied']);
  });

  it('reads the purposes back from a stored choice', () => {
    for (const chosen of [
      { analytics: true, advertising: false },
      { analytics: false, advertising: true },
      { analytics: true, advertising: true },
      { analytics: false, advertising: false },
    ]) {
      expect(purposesOf(consentForPurposes(chosen))).toEqual(chosen);
    }
  });

  it('shows nothing ticked before a choice, and a partly granted purpose as off', () => {
    expect(purposesOf(null)).toEqual({ analytics: false, advertising: false });
    expect(purposesOf({ ad_storage: 'granted', analytics_storage: 'granted' })).toEqual({ analytics: true, advertising: false });
  });
});
