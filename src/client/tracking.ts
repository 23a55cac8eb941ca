/**
 * The page script: measurement events, campaign touches, consent and the lead form. It is small
 * on purpose (budget: 3 KB gzipped) and has no dependencies. Everything it reads from the URL is
 * treated as untrusted text: it is length-limited and only ever assigned to `value` or
 * `textContent`, never to HTML.
 */
import { consentForPurposes, purposesOf, type ConsentPurpose, type PurposeChoice } from '../lib/tracking/consent.ts';
import type { ClientConfig } from '../lib/tracking/inline-scripts.ts';
import { CLICK_ID_PARAMS, LEAD_ID_FIELD, LOCALE_FIELD, MAX_PARAM_LENGTH, STORAGE_KEYS, UTM_PARAMS, type EventName, type Touch } from '../lib/tracking/contract.ts';

type Consent = Record<'ad_storage' | 'analytics_storage' | 'ad_user_data' | 'ad_personalization', 'granted' | 'denied'>;
type Touches = { first?: Touch; last?: Touch };
type SegmentPagesApi = { updateConsent(state: Partial<Consent>): void };

declare global {
  interface Window {
    dataLayer: unknown[];
    gtag: (...args: unknown[]) => void;
    segmentPages: SegmentPagesApi;
  }
}

const doc = document;
const ids = doc.body.dataset;
const config = JSON.parse(doc.getElementById('sp-config')?.textContent || '{}') as ClientConfig;
/** The class the inline consent script sets while no choice is stored (ASK_CLASS in inline-scripts.ts). */
const ASK_CLASS = 'sp-ask';
const CONSENT_KEYS = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const;

const read = (store: Storage, key: string) => {
  try {
    return JSON.parse(store.getItem(key) || 'null');
  } catch {
    return null;
  }
};
const write = (store: Storage, key: string, value: unknown) => {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Storage may be full or blocked; measurement degrades, the page keeps working.
  }
};
const randomId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`);

let choice = read(localStorage, STORAGE_KEYS.consent) as Partial<Consent> | null;
const granted = (type: keyof Consent) => (choice?.[type] ?? (type === 'analytics_storage' ? config.analyticsDefault : 'denied')) === 'granted';
const mayStore = () => granted('analytics_storage');

// Campaign touch of this page view, if the URL carries campaign parameters.
const params = new URLSearchParams(location.search);
let current: Touch | undefined;
for (const name of [...UTM_PARAMS, ...CLICK_ID_PARAMS]) {
  const value = params.get(name)?.trim().slice(0, MAX_PARAM_LENGTH);
  if (value) (current ??= { landing_page: location.pathname })[name] = value;
}

let visitId: string = (mayStore() && read(sessionStorage, STORAGE_KEYS.visit)) || randomId();
let touches: Touches = (mayStore() && read(sessionStorage, STORAGE_KEYS.touches)) || {};
if (current) touches = { first: touches.first ?? current, last: current };

/** Keeps the visit across pages while (and only while) the visitor allows analytics storage. */
function persist() {
  if (mayStore()) {
    write(sessionStorage, STORAGE_KEYS.visit, visitId);
    write(sessionStorage, STORAGE_KEYS.touches, touches);
    return;
  }
  // Withdrawn (or never granted): nothing of the visit may stay behind.
  try {
    sessionStorage.removeItem(STORAGE_KEYS.visit);
    sessionStorage.removeItem(STORAGE_KEYS.touches);
  } catch {
    // Storage blocked: nothing was kept.
  }
}

function track(event: EventName, extra: Record<string, string> = {}) {
  const data: Record<string, string | null | undefined> = {
    event,
    page_type: ids.pageType ?? 'not-found',
    segment: ids.segment ?? null,
    persona: ids.persona ?? null,
    vertical: ids.vertical ?? null,
    page_variant: ids.variant ?? 'default',
    content_version: ids.contentVersion ?? '',
    page_locale: ids.locale,
    page_path: location.pathname,
    visit_id: visitId,
    event_id: randomId(),
    event_time: new Date().toISOString(),
    analytics_consent: mayStore() ? 'granted' : 'denied',
    ...extra,
  };
  for (const name of UTM_PARAMS) if (touches.last?.[name]) data[name] = touches.last[name]!;
  window.dataLayer.push(data);
  if (config.collectUrl && mayStore()) navigator.sendBeacon?.(config.collectUrl, JSON.stringify(data));
}

function loadTagManager() {
  if (!config.gtm || doc.getElementById('sp-gtm')) return;
  if (config.gtmLoading !== 'immediately' && !CONSENT_KEYS.some(granted)) return;
  window.dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  const script = doc.createElement('script');
  script.id = 'sp-gtm';
  script.async = true;
  script.src = `https://www.googletagmanager.com/gtm.js?id=${encodeURIComponent(config.gtm)}`;
  doc.head.append(script);
}

function updateConsent(state: Partial<Consent>) {
  const clean: Partial<Consent> = {};
  for (const key of CONSENT_KEYS) if (state[key] === 'granted' || state[key] === 'denied') clean[key] = state[key];
  choice = { ...choice, ...clean };
  write(localStorage, STORAGE_KEYS.consent, choice);
  window.gtag('consent', 'update', clean);
  // Other tags on the page (ad platforms) follow the choice from this event: the whole stored choice.
  doc.dispatchEvent(new CustomEvent('sp:consent', { detail: { ...choice } }));
  doc.documentElement.classList.remove(ASK_CLASS);
  persist();
  loadTagManager();
}
window.segmentPages = { updateConsent };

// The built-in banner asks once (the inline consent script shows it from the first paint); the
// footer's "Cookie settings" asks again, showing the purposes as they stand. After a choice, focus goes
// back to where it was, or to the start of the main content. A site with its own consent platform
// calls segmentPages.updateConsent.
const banner = doc.getElementById('sp-consent');
const root = doc.documentElement.classList;
if (banner && config.banner) {
  let opener: HTMLElement | null = null;
  const panel = doc.getElementById('sp-purposes')!;
  const switches = banner.querySelectorAll<HTMLInputElement>('[data-purpose]');
  const expand = (open: boolean) => {
    panel.hidden = !open;
    banner.querySelector('[data-consent="choose"]')?.setAttribute('aria-expanded', String(open));
    if (open) switches[0]?.focus();
  };
  const ask = (from: HTMLElement | null) => {
    opener = from;
    const current = purposesOf(choice);
    for (const s of switches) s.checked = current[s.dataset.purpose as ConsentPurpose];
    root.add(ASK_CLASS);
  };
  const close = () => {
    root.remove(ASK_CLASS, 'sp-settings');
    expand(false);
    (opener ?? doc.getElementById('main'))?.focus();
  };
  if (!choice) ask(null);
  banner.addEventListener('click', (e) => {
    const answer = (e.target as Element).closest('[data-consent]')?.getAttribute('data-consent');
    if (answer === 'choose') expand(panel.hidden);
    if (!answer || answer === 'choose') return;
    const all = answer === 'accept';
    const chosen: PurposeChoice = { analytics: all, advertising: all };
    if (answer === 'save') for (const s of switches) chosen[s.dataset.purpose as ConsentPurpose] = s.checked;
    updateConsent(consentForPurposes(chosen));
    close();
  });
  // Escape leaves the settings unchanged, once there is a choice to keep.
  banner.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && choice && root.contains('sp-settings')) close();
  });
  const settings = doc.querySelector<HTMLElement>('[data-consent-settings]');
  if (settings) {
    settings.hidden = false;
    settings.addEventListener('click', () => {
      root.add('sp-settings');
      ask(settings);
      expand(true);
    });
  }
}

// Phones: the sticky call to action shows once the hero's button has scrolled away and hides while the form is in view.
const sticky = doc.querySelector('[data-sticky-cta]');
if (sticky && window.IntersectionObserver) {
  const inView = new Set<Element>();
  const watch = new IntersectionObserver((entries) => {
    for (const entry of entries) inView[entry.isIntersecting ? 'add' : 'delete'](entry.target);
    sticky.classList.toggle('show', !inView.size);
  });
  for (const target of doc.querySelectorAll('[data-cta="hero"], #cta')) watch.observe(target);
}

persist();
track('page_view');
loadTagManager();

doc.addEventListener('click', (e) => {
  const cta = (e.target as Element).closest?.('[data-cta]');
  if (cta) track('cta_click', { cta_id: cta.getAttribute('data-cta') || 'unknown' });
});
doc.addEventListener(
  'toggle',
  (e) => {
    const item = e.target as HTMLDetailsElement;
    if (item.open && item.dataset.faqId) track('faq_open', { faq_id: item.dataset.faqId });
  },
  true,
);

// The lead form: browser-side validation with messages tied to each field, a POST that keeps every
// answer on failure, and generate_lead only once the endpoint has accepted the lead.
const form = doc.querySelector<HTMLFormElement>('form[data-lead-form]');
if (form) {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const fillTouches = () => {
    for (const which of ['first', 'last'] as const) {
      for (const name of [...UTM_PARAMS, ...CLICK_ID_PARAMS, 'landing_page'] as const) {
        const input = field(`${which}_${name}`);
        if (input) input.value = touches[which]?.[name] ?? '';
      }
    }
  };
  fillTouches();
  form.noValidate = true;
  const status = doc.getElementById('lead-status')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const say = (key: 'sending' | 'success' | 'failure', role: 'status' | 'alert') => {
    status.textContent = form.dataset[key] ?? '';
    status.setAttribute('role', role);
    status.className = `form-status ${key}`;
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let firstInvalid: HTMLInputElement | undefined;
    for (const input of form.querySelectorAll<HTMLInputElement>('input:not([type="hidden"]), textarea')) {
      const valid = input.checkValidity();
      input.setAttribute('aria-invalid', String(!valid));
      const message = doc.getElementById(`${input.id}-error`);
      if (message) message.hidden = valid;
      if (!valid) firstInvalid ??= input;
    }
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    fillTouches();
    // One id for this lead, sent with the form and reused as the generate_lead event_id and by the ad
    // platforms' conversions, so a lead counted in the browser and from the CRM can be matched up.
    const leadId = randomId();
    const leadField = field(LEAD_ID_FIELD);
    if (leadField) leadField.value = leadId;
    button.disabled = true;
    say('sending', 'status');
    let ok = false;
    try {
      const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      if (ids.locale) body.set(LOCALE_FIELD, ids.locale);
      const response = await fetch(form.action, { method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'omit' });
      ok = response.ok;
    } catch {
      ok = false;
    }
    button.disabled = false;
    if (ok) {
      track('generate_lead', { form_id: form.id, event_id: leadId });
      doc.dispatchEvent(new CustomEvent('sp:lead', { detail: { event_id: leadId, segment: ids.segment ?? null, persona: ids.persona ?? null, vertical: ids.vertical ?? null, page_variant: ids.variant ?? 'default' } }));
    }
    if (ok && form.dataset.thankYou) {
      location.assign(form.dataset.thankYou);
      return;
    }
    if (ok) {
      form.reset();
      form.hidden = true;
      say('success', 'status');
    } else {
      say('failure', 'alert');
    }
    status.focus();
  });
}
