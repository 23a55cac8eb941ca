import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSiteFromDisk } from '../../src/lib/site-build.ts';
import { buildCampaignRows } from '../../src/lib/tracking/campaign-urls.ts';
import { builtSiteDir } from '../sites.ts';

/**
 * The ad platforms on a site that configures all four (tests/fixtures/ad-platforms, the second
 * vertical with every platform set) and on the sample (LinkedIn and Google Ads), with each platform's
 * script stubbed: nothing reaches a platform, nor is the tags script fetched, before advertising
 * consent; the tags load once it is granted; every accepted lead fires each conversion exactly once
 * with the lead's id, also when it is sent while the tags script is still on its way; and the
 * Content-Security-Policy lets all of it run.
 */

const LANDING = '/us-lean-it-teams/it-director/';
const VENDOR_HOSTS = [
  'snap.licdn.com',
  'px.ads.linkedin.com',
  'px4.ads.linkedin.com',
  'dc.ads.linkedin.com',
  'www.googletagmanager.com',
  'www.googleadservices.com',
  'www.google.com',
  'googleads.g.doubleclick.net',
  'pagead2.googlesyndication.com',
  'bat.bing.net',
  'bat.bing.com',
  'connect.facebook.net',
  'www.facebook.com',
];

/**
 * Tiny stand-ins for each platform's script: they record what the page asks of the platform on
 * window.__vendor, and through the __record binding, which outlives a page (the sample's form opens
 * its thank-you page).
 */
const RECORDER =
  'var w=window;w.__vendor=w.__vendor||{loaded:[],calls:[]};' +
  'var rec=function(name,args){var c=[name].concat([].slice.call(args));w.__vendor.calls.push(c);w.__record&&w.__record("call",c)};' +
  'var loaded=function(name){w.__vendor.loaded.push(name);w.__record&&w.__record("loaded",name)};';
const STUBS: Record<string, string> = {
  linkedin: `${RECORDER}loaded('linkedin');var q=(w.lintrk&&w.lintrk.q)||[];w.lintrk=function(){rec('linkedin',arguments)};q.forEach(function(c){w.lintrk(c[0],c[1])});`,
  googleAds:
    `${RECORDER}loaded('googleAds');var dl=w.dataLayer,push=dl.push;` +
    `var see=function(a){if(a&&typeof a==='object'&&'length' in a&&a[0]==='event')rec('googleAds',a)};dl.forEach(see);` +
    `dl.push=function(){for(var i=0;i<arguments.length;i++)see(arguments[i]);return push.apply(dl,arguments)};`,
  // UET reads the calls queued before it arrived from the flat array uetq was (push('event', action, params) adds three items).
  microsoftAds:
    `${RECORDER}loaded('microsoftAds');w.UET=function(o){this.ti=o.ti;var q=o.q||[];` +
    `for(var i=0;i<q.length;i++){if(q[i]==='event'){rec('microsoftAds',q.slice(i,i+3));i+=2}else rec('microsoftAds',[q[i]])}};` +
    `w.UET.prototype.push=function(){rec('microsoftAds',arguments)};`,
  metaPixel: `${RECORDER}loaded('metaPixel');var f=w.fbq;f.callMethod=function(){rec('metaPixel',arguments)};f.queue.forEach(function(a){f.callMethod.apply(f,a)});f.queue=[];`,
};

function stubFor(url: URL): string {
  if (url.hostname === 'snap.licdn.com') return STUBS.linkedin!;
  if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtag/js') return STUBS.googleAds!;
  if (url.hostname.startsWith('bat.bing.')) return STUBS.microsoftAds!;
  if (url.hostname === 'connect.facebook.net') return STUBS.metaPixel!;
  return ''; // gtm.js of the Tag Manager container, and any ping
}

/** What every page of one visit did, in the browser and on the wire, across navigations. */
interface Recorded {
  vendorRequests: string[];
  /** Requests for the site's own ad platform tags script, fetched on demand. */
  tagsScriptRequests: string[];
  posts: URLSearchParams[];
  loaded: string[];
  calls: unknown[][];
  violations: string[];
}

/** The site's own tags script, a file of the build's `_astro/` folder. */
const TAGS_SCRIPT = /\/_astro\/vendors-[\w-]+\.js$/;

async function prepare(page: Page, formHost = 'forms.bastion-signal.example'): Promise<Recorded> {
  const recorded: Recorded = { vendorRequests: [], tagsScriptRequests: [], posts: [], loaded: [], calls: [], violations: [] };
  await page.exposeBinding('__record', (_source, kind: string, value: unknown) => {
    if (kind === 'loaded') recorded.loaded.push(value as string);
    if (kind === 'call') recorded.calls.push(value as unknown[]);
    if (kind === 'violation') recorded.violations.push(value as string);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __record?: (kind: string, value: string) => void };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      w.__record?.('violation', `${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (VENDOR_HOSTS.includes(url.hostname)) recorded.vendorRequests.push(request.url());
    if (TAGS_SCRIPT.test(url.pathname)) recorded.tagsScriptRequests.push(url.pathname);
  });
  for (const host of VENDOR_HOSTS) {
    await page.route(`https://${host}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stubFor(new URL(route.request().url())) }));
  }
  await page.route(`https://${formHost}/**`, async (route) => {
    recorded.posts.push(new URLSearchParams(route.request().postData() ?? ''));
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}', headers: { 'Access-Control-Allow-Origin': '*' } });
  });
  return recorded;
}

const loadedVendors = (page: Page) => page.evaluate(() => [...((window as unknown as { __vendor?: { loaded: string[] } }).__vendor?.loaded ?? [])].sort());
const vendorCalls = (page: Page) => page.evaluate(() => (window as unknown as { __vendor?: { calls: unknown[][] } }).__vendor?.calls ?? []);
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** The conversion calls among everything the page asked of the platforms. */
function conversions(calls: unknown[][]) {
  return calls.filter(
    ([vendor, a, b]) =>
      (vendor === 'linkedin' && a === 'track') ||
      (vendor === 'googleAds' && a === 'event' && b === 'conversion') ||
      (vendor === 'microsoftAds' && a === 'event') ||
      (vendor === 'metaPixel' && a === 'track' && b === 'Lead'),
  );
}

async function fillLead(page: Page) {
  await page.fill('#lead-name', 'Ada Lovelace');
  await page.fill('#lead-email', 'ada@analytical.example');
  await page.fill('#lead-company', 'Analytical Engines Ltd');
}

/** Sends the form of a site that shows its success message in place. */
async function sendLead(page: Page) {
  await fillLead(page);
  await page.locator('button[data-cta="form"]').click();
  await expect(page.locator('#lead-status')).toHaveClass(/success/, { timeout: 20_000 });
}

async function generateLeadIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.dataLayer as Record<string, unknown>[]).filter((e) => e && e.event === 'generate_lead').map((e) => String(e.event_id)));
}

test.describe('[ad-platforms] ad platform tags', () => {
  test('nothing reaches a platform before consent, nor after a rejection, and a lead sent meanwhile is never reported later', async ({ page }) => {
    const recorded = await prepare(page);
    await page.goto(LANDING);
    await expect(page.locator('#sp-consent')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(recorded.vendorRequests).toEqual([]);

    await page.getByRole('button', { name: 'Reject' }).click();
    await sendLead(page);
    const [leadId] = await generateLeadIds(page);
    expect(leadId).toBeTruthy();
    await page.waitForLoadState('networkidle');
    expect(recorded.vendorRequests, 'a rejection keeps every platform away').toEqual([]);

    // Advertising consent given only after the lead: the tags load, but the earlier lead is not sent.
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => loadedVendors(page), { timeout: 20_000 }).toEqual(['googleAds', 'linkedin', 'metaPixel', 'microsoftAds']);
    expect(conversions(await vendorCalls(page))).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });

  test('after advertising consent the tags load, and an accepted lead fires each conversion exactly once with the lead id', async ({ page }) => {
    const recorded = await prepare(page);
    await page.goto(LANDING);
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => loadedVendors(page), { timeout: 20_000 }).toEqual(['googleAds', 'linkedin', 'metaPixel', 'microsoftAds']);
    const scripts = recorded.vendorRequests.map((u) => new URL(u)).map((u) => `${u.hostname}${u.pathname}${u.search}`);
    expect(scripts).toEqual(
      expect.arrayContaining([
        'snap.licdn.com/li.lms-analytics/insight.min.js',
        'www.googletagmanager.com/gtag/js?id=AW-123456789',
        'bat.bing.net/bat.js',
        'connect.facebook.net/en_US/fbevents.js',
      ]),
    );

    await sendLead(page);
    const [leadId] = await generateLeadIds(page);
    expect(recorded.posts).toHaveLength(1);
    expect(recorded.posts[0]!.get('lead_id'), 'the form carries the id of its generate_lead event').toBe(leadId);
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);

    // The same lead announced again (a second listener, a retried dispatch) is not counted twice.
    await page.evaluate((id) => document.dispatchEvent(new CustomEvent('sp:lead', { detail: { event_id: id } })), leadId);
    // Conversions fire synchronously in the sp:lead listener, so both announcements are counted by now.
    const fired = conversions(await vendorCalls(page));
    expect(fired).toHaveLength(4);
    expect(fired).toEqual(
      expect.arrayContaining([
        ['linkedin', 'track', { conversion_id: 87654321, event_id: leadId }],
        ['googleAds', 'event', 'conversion', { send_to: 'AW-123456789/AbC-D_efG-h12', transaction_id: leadId }],
        ['microsoftAds', 'event', 'submit_lead_form', { event_category: 'lead', event_label: leadId }],
        ['metaPixel', 'track', 'Lead', { content_category: 'us-lean-it-teams', content_name: 'it-director' }, { eventID: leadId }],
      ]),
    );
    expect(await violations(page), 'the Content-Security-Policy lets every tag run').toEqual([]);
  });

  test('a lead sent while the tags script is still on its way waits for it, and is converted exactly once', async ({ page }) => {
    const recorded = await prepare(page);
    // Hold the tags script back until the lead has been accepted.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(TAGS_SCRIPT, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(LANDING);
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => recorded.tagsScriptRequests.length).toBe(1);
    await sendLead(page);
    const [leadId] = await generateLeadIds(page);
    expect(await loadedVendors(page), 'no tag has loaded yet').toEqual([]);

    release();
    await expect.poll(() => loadedVendors(page), { timeout: 20_000 }).toEqual(['googleAds', 'linkedin', 'metaPixel', 'microsoftAds']);
    await expect.poll(() => vendorCalls(page).then((calls) => conversions(calls).length)).toBe(4);
    const fired = conversions(await vendorCalls(page));
    expect(fired).toContainEqual(['linkedin', 'track', { conversion_id: 87654321, event_id: leadId }]);
    expect(fired).toContainEqual(['googleAds', 'event', 'conversion', { send_to: 'AW-123456789/AbC-D_efG-h12', transaction_id: leadId }]);
    // Announced again once the tags are there: still one conversion per platform.
    await page.evaluate((id) => document.dispatchEvent(new CustomEvent('sp:lead', { detail: { event_id: id } })), leadId);
    expect(conversions(await vendorCalls(page))).toHaveLength(4);
    expect(recorded.tagsScriptRequests, 'the tags script is fetched once').toHaveLength(1);
    expect(await violations(page)).toEqual([]);
  });

  test('a choice stored on an earlier page loads the tags as the page loads', async ({ page }) => {
    await prepare(page);
    await page.goto(LANDING);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.goto('/us-lean-it-teams/');
    await expect.poll(() => loadedVendors(page), { timeout: 20_000 }).toEqual(['googleAds', 'linkedin', 'metaPixel', 'microsoftAds']);
    const calls = await vendorCalls(page);
    expect(calls).toContainEqual(['metaPixel', 'init', '123456789012345']);
    expect(calls).toContainEqual(['microsoftAds', 'pageLoad']);
    expect(conversions(calls)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    // The listener does see what the policy blocks: an image from an origin no setting allows.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'https://elsewhere.example/pixel.gif' })));
    await expect.poll(() => violations(page)).toContain('img-src https://elsewhere.example/pixel.gif');
  });
});

test.describe('[second-vertical] no ad platform configured', () => {
  test('ships neither the hook, nor the tags script, nor their settings', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/us-lean-it-teams/it-director/');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#sp-vendors').count()).toBe(0);
    expect(scripts.filter((s) => /VendorTags|vendors-/.test(s))).toEqual([]);
    expect(readdirSync(join(builtSiteDir('second-vertical'), '_astro')).filter((name) => /VendorTags|vendors-/.test(name)), 'neither is even published').toEqual([]);
  });
});

/** The landing URL `npm run campaign-urls` gives a channel, for one page, as a path on the test server. */
async function campaignPath(channel: string, segment: string, persona: string): Promise<string> {
  const result = await buildSiteFromDisk('.');
  if (!result.ok) throw new Error('the sample content does not build');
  const row = buildCampaignRows(result.build).find((r) => r.channel === channel && r.segment === segment && r.persona === persona);
  if (!row) throw new Error(`no campaign URL for ${channel}, ${segment}, ${persona}`);
  const url = new URL(row.url);
  return `${url.pathname}${url.search}`;
}

const conversionsOf = (recorded: Recorded) => conversions(recorded.calls);

test.describe('[sample] LinkedIn and Google Ads on the sample', () => {
  const SAMPLE_FORM_HOST = 'forms.northwind-procure.example';
  let landing: string;
  test.beforeAll(async () => {
    landing = await campaignPath('linkedin-sponsored', 'enterprise-procurement', 'cpo');
  });

  test('a visit from a LinkedIn campaign: nothing before consent, then one LinkedIn and one Google Ads conversion for the lead', async ({ page }) => {
    expect(landing).toMatch(/^\/enterprise-procurement\/cpo\/\?utm_source=linkedin&utm_medium=paid-social&utm_campaign=enterprise-procurement&utm_content=cpo&utm_id=sp-[0-9a-f]{12}$/);
    const recorded = await prepare(page, SAMPLE_FORM_HOST);
    await page.goto(landing);
    await expect(page.locator('#sp-consent')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(recorded.vendorRequests, 'no request to any platform before consent').toEqual([]);
    expect(recorded.tagsScriptRequests, 'the tags script is not even fetched before consent').toEqual([]);

    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => [...recorded.loaded].sort(), { timeout: 20_000 }).toEqual(['googleAds', 'linkedin']);
    expect(conversionsOf(recorded), 'no conversion without a lead').toEqual([]);

    await fillLead(page);
    await page.locator('button[data-cta="form"]').click();
    // A 2xx answer opens the thank-you page; the conversions are handed over before it does.
    await page.waitForURL('**/thank-you/', { timeout: 20_000 });
    expect(recorded.posts).toHaveLength(1);
    const leadId = recorded.posts[0]!.get('lead_id')!;
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded.posts[0]!.get('first_utm_source'), 'the campaign touch travels with the lead').toBe('linkedin');
    await expect.poll(() => conversionsOf(recorded).length, { timeout: 20_000 }).toBe(2);
    // The thank-you page loads the tags again (the choice is stored) and converts nothing more.
    await expect.poll(() => recorded.loaded.length, { timeout: 20_000 }).toBe(4);
    await page.waitForLoadState('networkidle');
    expect(conversionsOf(recorded)).toEqual([
      ['linkedin', 'track', { conversion_id: 87654321, event_id: leadId }],
      ['googleAds', 'event', 'conversion', { send_to: 'AW-123456789/AbC-D_efG-h12', transaction_id: leadId }],
    ]);
    expect(recorded.violations, 'the Content-Security-Policy lets the hook, the tags script and both tags run').toEqual([]);
  });

  for (const [choice, choose] of [
    ['Reject all', (page: Page) => page.getByRole('button', { name: 'Reject all' }).click()],
    [
      'analytics only',
      async (page: Page) => {
        await page.getByRole('button', { name: 'Choose' }).click();
        await page.getByRole('switch', { name: /Analytics/ }).check();
        await page.getByRole('switch', { name: /Advertising/ }).uncheck();
        await page.getByRole('button', { name: 'Save choices' }).click();
      },
    ],
  ] as const) {
    test(`${choice}: no request to any platform, even after a lead`, async ({ page }) => {
      const recorded = await prepare(page, SAMPLE_FORM_HOST);
      await page.goto(landing);
      await choose(page);
      await expect(page.locator('#sp-consent')).toBeHidden();
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('sp_consent') ?? 'null'));
      expect(stored).toMatchObject({ ad_storage: 'denied', analytics_storage: choice === 'Reject all' ? 'denied' : 'granted' });
      await fillLead(page);
      await page.locator('button[data-cta="form"]').click();
      await page.waitForURL('**/thank-you/', { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      expect(recorded.posts, 'the lead itself is sent').toHaveLength(1);
      expect(recorded.vendorRequests).toEqual([]);
      expect(recorded.tagsScriptRequests).toEqual([]);
      expect(recorded.loaded).toEqual([]);
      expect(recorded.violations).toEqual([]);
    });
  }
});
