import type { ConsentState } from '../schemas/site.ts';

/**
 * The purposes the built-in consent bar asks about, each mapped to the Consent Mode v2 signals it
 * grants. The visitor chooses purposes; tags and the stored choice (`sp_consent`) only ever see the
 * four signals. Type-only imports: the page script bundles this file.
 */
export const CONSENT_PURPOSES = {
  /** Measure which pages and campaigns lead to enquiries. */
  analytics: ['analytics_storage'],
  /** Let ad platforms such as LinkedIn and Google Ads learn which ads led to an enquiry. */
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
} as const satisfies Record<string, readonly (keyof ConsentState)[]>;

export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;
export type PurposeChoice = Record<ConsentPurpose, boolean>;

/** All four signals for a choice of purposes: a purpose left out is denied. */
export function consentForPurposes(chosen: Partial<PurposeChoice>): ConsentState {
  const state = {} as ConsentState;
  for (const [purpose, types] of Object.entries(CONSENT_PURPOSES)) {
    for (const type of types) state[type] = chosen[purpose as ConsentPurpose] ? 'granted' : 'denied';
  }
  return state;
}

/**
 * The purposes a stored choice grants, to show the visitor what they chose: a purpose counts as
 * granted only when every one of its signals is (a partial grant from a site's own consent platform
 * shows as off). No stored choice shows everything off: nothing is ticked before the visitor chooses.
 */
export function purposesOf(choice: Partial<ConsentState> | null | undefined): PurposeChoice {
  const purposes = {} as PurposeChoice;
  for (const [purpose, types] of Object.entries(CONSENT_PURPOSES)) {
    purposes[purpose as ConsentPurpose] = types.every((type) => choice?.[type] === 'granted');
  }
  return purposes;
}
