import type { Site } from '../schemas/index.ts';
import { CONSENT_TYPES } from '../schemas/site.ts';
import { STORAGE_KEYS } from './contract.ts';

/** Class on <html> while the visitor has not made a consent choice: the built-in banner shows. */
export const ASK_CLASS = 'sp-ask';

/**
 * The few lines that must run inline, before anything else on the page: Consent Mode v2 defaults
 * (so that no tag can ever start before them) and the visitor's earlier choice, if they made one.
 * Built from site settings at build time; the text is the same on every page of a site, so a
 * Content-Security-Policy can allow it by hash.
 *
 * It defines nothing global but `dataLayer` and `gtag` (everything else lives inside a function), so
 * a later script or a Tag Manager Custom HTML tag may declare any top-level name (`const i = 1`).
 * `gtag` pushes its `arguments` object, as Tag Manager expects.
 */
export function consentBootstrapScript(site: Site): string {
  const defaults = { ...site.consent.defaults, wait_for_update: site.consent.waitForUpdate };
  const lines = [
    '(function(){',
    'window.dataLayer=window.dataLayer||[];',
    'function gtag(){dataLayer.push(arguments);}',
    'window.gtag=gtag;',
    `gtag('consent','default',${json(defaults)});`,
    ...site.consent.regions.map((r) => `gtag('consent','default',${json({ ...r.state, region: r.region })});`),
    // Only the four consent types are taken from storage, and only the values granted/denied.
    `try{var c=JSON.parse(localStorage.getItem(${json(STORAGE_KEYS.consent)})),u={},k=${json(CONSENT_TYPES)};` +
      `for(var i=0;i<k.length;i++){var v=c&&c[k[i]];if(v==='granted'||v==='denied')u[k[i]]=v;}` +
      `if(k.some(function(t){return t in u;}))gtag('consent','update',u);}catch(e){}`,
  ];
  // With the built-in banner and no earlier choice, the banner shows from the first paint (CSS keys
  // off this class), so it takes its place in the flow without moving anything later. Nothing is stored.
  if (site.consent.banner) lines.push(`try{if(!JSON.parse(localStorage.getItem(${json(STORAGE_KEYS.consent)})))document.documentElement.classList.add(${json(ASK_CLASS)});}catch(e){}`);
  lines.push('})();');
  return lines.join('\n');
}

/**
 * Keyword insertion, run right after the headline is parsed so that the visitor never sees the
 * swap: an allow-listed URL parameter replaces the marked phrase, as text only, when it is short
 * and made of letters, digits, spaces and ordinary punctuation. Anything else keeps the authored phrase.
 */
export function keywordInsertionScript(param: string, maxLength: number): string {
  return (
    `(function(){try{var v=new URLSearchParams(location.search).get(${json(param)});if(!v)return;` +
    `v=v.replace(/\\s+/g,' ').trim();if(!v||v.length>${maxLength}||!/^[\\p{L}\\p{N} &'’.,\\/+-]+$/u.test(v))return;` +
    `var e=document.querySelector('[data-keyword]');if(e){e.textContent=v;e.setAttribute('data-keyword-inserted','');}}catch(e){}})();`
  );
}

/** Every inline script a page of this site may carry, for the Content-Security-Policy hashes. */
export function inlineScriptsOf(site: Site): string[] {
  const scripts = [consentBootstrapScript(site)];
  if (site.tracking.keywordParam) scripts.push(keywordInsertionScript(site.tracking.keywordParam, site.tracking.keywordMaxLength));
  return scripts;
}

/** JSON that is safe inside a script element: no `</script>` can be formed from it. */
export function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Settings the page script reads from a JSON data block (data, never executed). */
export interface ClientConfig {
  /** First-party URL that also receives each event by sendBeacon. */
  collectUrl?: string;
  /** Tag Manager container id, when one is configured. */
  gtm?: string;
  gtmLoading: 'after-consent' | 'immediately';
  /** Whether the built-in consent banner is used. */
  banner: boolean;
  /** The global default for analytics storage, which decides whether the script may store anything before a choice. */
  analyticsDefault: 'granted' | 'denied';
}

export function clientConfig(site: Site): ClientConfig {
  return {
    collectUrl: site.tracking.collectUrl,
    gtm: site.tracking.gtmContainerId,
    gtmLoading: site.tracking.tagManagerLoading,
    banner: site.consent.banner,
    analyticsDefault: site.consent.defaults.analytics_storage,
  };
}
