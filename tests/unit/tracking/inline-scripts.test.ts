import { createContext, runInContext, runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ASK_CLASS, clientConfig, consentBootstrapScript, inlineScriptsOf, json, keywordInsertionScript } from '../../../src/lib/tracking/inline-scripts.ts';
import { build, edit, fixture } from '../helpers.ts';

function runBootstrap(script: string, stored: string | null, classes = new Set<string>()) {
  // In a browser the global object is window; the vm context plays both parts.
  const context: Record<string, unknown> = { localStorage: { getItem: () => stored }, JSON, document: { documentElement: { classList: { add: (c: string) => classes.add(c) } } } };
  context.window = context;
  runInNewContext(script, context);
  return JSON.parse(JSON.stringify((context.dataLayer as IArguments[]).map((args) => Array.from(args)))) as unknown[][];
}

const site = build(
  edit(fixture('minimal'), 'content/site.yaml', 'cta:', 'consent:\n  waitForUpdate: 700\n  regions:\n    - region: [US, CA]\n      state: { analytics_storage: granted }\ncta:'),
).settings;

describe('consent bootstrap', () => {
  it('sets Consent Mode v2 defaults, denied, before anything else', () => {
    const calls = runBootstrap(consentBootstrapScript(site), null);
    expect(calls).toEqual([
      ['consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 700 }],
      ['consent', 'default', { analytics_storage: 'granted', region: ['US', 'CA'] }],
    ]);
  });

  it('applies a choice the visitor made earlier', () => {
    const calls = runBootstrap(consentBootstrapScript(site), JSON.stringify({ analytics_storage: 'granted', ad_storage: 'denied' }));
    expect(calls.at(-1)).toEqual(['consent', 'update', { analytics_storage: 'granted', ad_storage: 'denied' }]);
  });

  it('ignores anything but the four consent types and their two values', () => {
    const calls = runBootstrap(consentBootstrapScript(site), JSON.stringify({ analytics_storage: '<b>yes</b>', evil: 'granted', ad_storage: 'granted' }));
    expect(calls.at(-1)).toEqual(['consent', 'update', { ad_storage: 'granted' }]);
    expect(runBootstrap(consentBootstrapScript(site), 'not json')).toHaveLength(2);
  });

  it('marks the page for the consent bar only while no choice is stored and the built-in banner is on', () => {
    const asking = new Set<string>();
    runBootstrap(consentBootstrapScript(site), null, asking);
    expect([...asking]).toEqual([ASK_CLASS]);
    const chosen = new Set<string>();
    runBootstrap(consentBootstrapScript(site), JSON.stringify({ analytics_storage: 'denied' }), chosen);
    expect([...chosen]).toEqual([]);
    const ownPlatform = new Set<string>();
    runBootstrap(consentBootstrapScript({ ...site, consent: { ...site.consent, banner: false } }), null, ownPlatform);
    expect([...ownPlatform]).toEqual([]);
  });

  it('is the same text on every page of a site, so a Content-Security-Policy hash covers it', () => {
    const pages = build(fixture('composition')).routes.map((r) => r.view.chrome.consentBootstrap);
    expect(new Set(pages).size).toBe(1);
  });
});

/**
 * A Tag Manager Custom HTML tag or any later page script declares names of its own at the top level
 * (`const i = 1`), so an inline script must leave nothing there but the documented dataLayer and gtag.
 */
describe('inline scripts define no globals', () => {
  const browserLike = (stored: string | null, search = '') => {
    const context = createContext({
      localStorage: { getItem: () => stored },
      location: { search },
      URLSearchParams,
      JSON,
      document: { documentElement: { classList: { add: () => undefined } }, querySelector: () => ({ textContent: '', setAttribute: () => undefined }) },
    }) as Record<string, unknown>;
    context.window = context;
    return context;
  };
  const withKeyword = { ...site, tracking: { ...site.tracking, keywordParam: 'kw' } };
  const LATER_PAGE_SCRIPT = 'const i = 1; let c = 2; const k = 3, u = 4, v = 5; const e = 6, w = 7, d = 8, g = 9, n = 10, t = 11;';

  for (const [name, stored] of [['without a stored choice', null], ['with a stored choice', JSON.stringify({ analytics_storage: 'granted', ad_storage: 'denied' })], ['with a broken stored choice', '{']] as const) {
    it(`adds only dataLayer and gtag to the global object, ${name}`, () => {
      const context = browserLike(stored, '?kw=SAP%20Ariba');
      const before = new Set(Object.keys(context));
      for (const script of inlineScriptsOf(withKeyword)) runInContext(script, context);
      expect(Object.keys(context).filter((key) => !before.has(key)).sort()).toEqual(['dataLayer', 'gtag']);
    });

    it(`lets a later script declare short top-level names, ${name}`, () => {
      const context = browserLike(stored, '?kw=SAP%20Ariba');
      for (const script of inlineScriptsOf(withKeyword)) runInContext(script, context);
      expect(() => runInContext(LATER_PAGE_SCRIPT, context)).not.toThrow();
      expect(runInContext('[i, c, k, u, v]', context)).toEqual([1, 2, 3, 4, 5]);
    });
  }

  it('keeps gtag a function that pushes its arguments object, as Tag Manager requires', () => {
    const context = browserLike(null);
    runInContext(consentBootstrapScript(site), context);
    (context.gtag as (...args: unknown[]) => void)('event', 'x');
    const last = (context.dataLayer as unknown[]).at(-1);
    expect(Object.prototype.toString.call(last)).toBe('[object Arguments]');
    expect(Array.from(last as IArguments)).toEqual(['event', 'x']);
  });

  it('keeps a dataLayer that something else created first', () => {
    const context = browserLike(null);
    const earlier = [{ event: 'earlier' }];
    context.dataLayer = earlier;
    runInContext(consentBootstrapScript(site), context);
    expect(context.dataLayer).toBe(earlier);
    expect(earlier[0]).toEqual({ event: 'earlier' });
  });

  it('wraps keyword insertion in a function of its own', () => {
    expect(keywordInsertionScript('kw', 40)).toMatch(/^\(function\(\)\{[\s\S]*\}\)\(\);$/);
  });
});

describe('page script settings', () => {
  it('passes only what the script needs', () => {
    expect(clientConfig(site)).toEqual({ collectUrl: undefined, gtm: undefined, gtmLoading: 'after-consent', banner: true, analyticsDefault: 'denied' });
  });

  it('embeds JSON that cannot close its script element', () => {
    expect(json({ a: '</script><script>alert(1)</script>' })).toBe('{"a":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
  });
});
