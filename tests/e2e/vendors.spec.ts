import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtSiteDir } from '../sites.ts';

/**
 * The ad platform loader on a site that configures all four platforms (tests/fixtures/ad-platforms, the second vertical with every platform set),
 * with each platform's script stubbed: nothing reaches a platform before advertising consent, the
 * tags load once it is granted, every accepted lead fires each conversion exactly once with the lead's
 * id, and the Content-Security-Policy lets all of it run.
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

/** Tiny stand-ins for each platform's script: they record what the page asks of the platform on window.__vendor. */
const RECORDER = 'var w=window;w.__vendor=w.__vendor||{loaded:[],calls:[]};var rec=function(name,args){w.__vendor.calls.push([name].concat([].slice.call(args)))};';
const STUBS: Record<string, string> = {
  linkedin: `${RECORDER}w.__vendor.loaded.push('linkedin');var q=(w.lintrk&&w.lintrk.q)||[];w.lintrk=function(){rec('linkedin',arguments)};q.forEach(function(c){w.lintrk(c[0],c[1])});`,
  googleAds:
    `${RECORDER}w.__vendor.loaded.push('googleAds');var dl=w.dataLayer,push=dl.push;` +
    `var see=function(a){if(a&&typeof a==='object'&&'length' in a&&a[0]==='event')rec('googleAds',a)};dl.forEach(see);` +
    `dl.push=function(){for(var i=0;i<arguments.length;i++)see(arguments[i]);return push.apply(dl,arguments)};`,
  microsoftAds: `${RECORDER}w.__vendor.loaded.push('microsoftAds');w.UET=function(o){this.ti=o.ti};w.UET.prototype.push=function(){rec('microsoftAds',arguments)};`,
  metaPixel: `${RECORDER}w.__vendor.loaded.push('metaPixel');var f=w.fbq;f.callMethod=function(){rec('metaPixel',arguments)};f.queue.forEach(function(a){f.callMethod.apply(f,a)});f.queue=[];`,
};

function stubFor(url: URL): string {
  if (url.hostname === 'snap.licdn.com') return STUBS.linkedin!;
  if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtag/js') return STUBS.googleAds!;
  if (url.hostname.startsWith('bat.bing.')) return STUBS.microsoftAds!;
  if (url.hostname === 'connect.facebook.net') return STUBS.metaPixel!;
  return ''; // gtm.js of the Tag Manager container, and any ping
}

interface Recorded {
  vendorRequests: string[];
  posts: URLSearchParams[];
}

async function prepare(page: Page): Promise<Recorded> {
  const recorded: Recorded = { vendorRequests: [], posts: [] };
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('request', (request) => {
    if (VENDOR_HOSTS.includes(new URL(request.url()).hostname)) recorded.vendorRequests.push(request.url());
  });
  for (const host of VENDOR_HOSTS) {
    await page.route(`https://${host}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stubFor(new URL(route.request().url())) }));
  }
  await page.route('https://forms.bastion-signal.example/**', async (route) => {
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

async function sendLead(page: Page) {
  await page.fill('#lead-name', 'Ada Lovelace');
  await page.fill('#lead-email', 'ada@analytical.example');
  await page.fill('#lead-company', 'Analytical Engines Ltd');
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

test.describe('[sample] no ad platform configured', () => {
  test('ships neither the loader nor its settings', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/mid-market-owner/procurement-manager/');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#sp-vendors').count()).toBe(0);
    expect(scripts.filter((s) => /VendorTags/.test(s))).toEqual([]);
    expect(readdirSync(join(builtSiteDir('sample'), '_astro')).filter((name) => /VendorTags/.test(name)), 'the loader is not even published').toEqual([]);
  });
});
