/**
 * The ad platform tags, fetched on demand: the hook VendorTags.astro puts on the page adds this
 * script only once the visitor has granted advertising storage, so a visitor who has not chosen, or
 * chose otherwise, never downloads it. Running it loads each platform's tag the way the platform's
 * own snippet does (written here as code of the site, so no inline script is needed), then hands the
 * hook `convert` (the `sp:tags` event). For every lead the hook passes on, `convert` fires each
 * platform's conversion once, with the lead's id so the platform can de-duplicate it against the
 * same lead sent from the server.
 */
import type { VendorConfig } from '../lib/tracking/ad-platforms.ts';

interface Lead {
  event_id: string;
  segment?: string | null;
  persona?: string | null;
  vertical?: string | null;
  page_variant?: string;
}
type Queue = ((...args: unknown[]) => void) & { q?: unknown[][]; queue?: unknown[][]; push?: unknown; loaded?: boolean; version?: string; callMethod?: (...args: unknown[]) => void };

declare global {
  interface Window {
    _linkedin_partner_id?: string;
    _linkedin_data_partner_ids?: string[];
    lintrk?: Queue;
    uetq?: unknown[] | { push(...args: unknown[]): void };
    UET?: new (options: Record<string, unknown>) => { push(...args: unknown[]): void };
    fbq?: Queue;
    _fbq?: Queue;
  }
}

const doc = document;
const win = window;
const config = JSON.parse(doc.getElementById('sp-vendors')?.textContent || '{}') as VendorConfig;
const fired = new Set<string>();

function load(src: string, onload?: () => void) {
  const script = doc.createElement('script');
  script.async = true;
  script.src = src;
  if (onload) script.onload = onload;
  doc.head.append(script);
}

/** Each platform's base code, as its snippet runs it: a queue first, so calls made before the script arrives are kept. */
function loadTags() {
  const { linkedin, googleAds, microsoftAds, metaPixel } = config;
  if (linkedin) {
    win._linkedin_partner_id = linkedin.partnerId;
    (win._linkedin_data_partner_ids ??= []).push(linkedin.partnerId);
    if (!win.lintrk) {
      const lintrk: Queue = (a, b) => lintrk.q!.push([a, b]);
      lintrk.q = [];
      win.lintrk = lintrk;
    }
    load('https://snap.licdn.com/li.lms-analytics/insight.min.js');
  }
  if (googleAds) {
    // The consent bootstrap already defined gtag() on the shared dataLayer, with Consent Mode applied.
    win.gtag('js', new Date());
    win.gtag('config', googleAds.conversionId);
    load(`https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(googleAds.conversionId)}`);
  }
  if (microsoftAds) {
    win.uetq ??= [];
    load('https://bat.bing.net/bat.js', () => {
      if (!win.UET || !Array.isArray(win.uetq)) return;
      const uet = new win.UET({ ti: microsoftAds.tagId, q: win.uetq });
      win.uetq = uet;
      uet.push('pageLoad');
    });
  }
  if (metaPixel) {
    if (!win.fbq) {
      const fbq: Queue = (...args) => (fbq.callMethod ? fbq.callMethod(...args) : fbq.queue!.push(args));
      fbq.push = fbq;
      fbq.loaded = true;
      fbq.version = '2.0';
      fbq.queue = [];
      win.fbq = win._fbq = fbq;
    }
    win.fbq('init', metaPixel.pixelId);
    win.fbq('track', 'PageView');
    load('https://connect.facebook.net/en_US/fbevents.js');
  }
}

/** One conversion per platform per lead, each carrying the lead id where the platform takes one. */
function convert(lead: Lead) {
  const id = lead?.event_id;
  if (!id || fired.has(id)) return;
  fired.add(id);
  const { linkedin, googleAds, microsoftAds, metaPixel } = config;
  if (linkedin) win.lintrk?.('track', { conversion_id: Number(linkedin.conversionId), event_id: id });
  if (googleAds) win.gtag('event', 'conversion', { send_to: `${googleAds.conversionId}/${googleAds.conversionLabel}`, transaction_id: id });
  // UET events take no de-duplication id: the lead id goes along as the event label, for matching.
  if (microsoftAds) (win.uetq as { push(...args: unknown[]): void } | undefined)?.push('event', microsoftAds.leadAction, { event_category: 'lead', event_label: id });
  if (metaPixel) win.fbq?.('track', 'Lead', { content_category: lead.segment ?? undefined, content_name: lead.persona ?? undefined }, { eventID: id });
}

// The script runs once per page, and only after advertising consent: running it is loading the tags.
loadTags();
doc.dispatchEvent(new CustomEvent('sp:tags', { detail: convert }));
