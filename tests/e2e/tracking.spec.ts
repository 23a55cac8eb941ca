import { expect, test, type Page } from '@playwright/test';
import { CLICK_ID_PARAMS, EVENT_NAMES, LOCALE_FIELD, TOUCH_FIELDS, UTM_PARAMS } from '../../src/lib/tracking/contract.ts';

/**
 * The measurement loop in a real browser: consent before storage and tags, campaign touches
 * carried into the lead form, exactly the documented events, and URL parameters that can never
 * run or become markup.
 */

const BASE_FIELDS = ['event', 'page_type', 'segment', 'persona', 'vertical', 'page_variant', 'content_version', 'page_locale', 'page_path', 'visit_id', 'event_id', 'event_time', 'analytics_consent'];
const EXTRA_FIELDS: Record<string, string[]> = { page_view: [], cta_click: ['cta_id'], faq_open: ['faq_id'], generate_lead: ['form_id'] };

type DataLayerEvent = Record<string, unknown> & { event: string };

async function events(page: Page): Promise<DataLayerEvent[]> {
  return page.evaluate(() => (window.dataLayer as unknown[]).filter((e): e is DataLayerEvent => !!e && typeof e === 'object' && 'event' in e && !('length' in e)) as never);
}

async function consentCommands(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => (window.dataLayer as unknown[]).filter((e) => !!e && typeof e === 'object' && 'length' in e).map((a) => Array.from(a as IArguments)) as never);
}

async function storage(page: Page) {
  return page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie }));
}

function expectContract(event: DataLayerEvent) {
  expect(EVENT_NAMES).toContain(event.event);
  const allowed = [...BASE_FIELDS, ...EXTRA_FIELDS[event.event]!, ...UTM_PARAMS];
  for (const key of Object.keys(event)) expect(allowed, `undocumented field ${key} in ${event.event}`).toContain(key);
  for (const key of [...BASE_FIELDS, ...EXTRA_FIELDS[event.event]!]) expect(event, `${event.event} lacks ${key}`).toHaveProperty(key);
  expect(Number.isNaN(Date.parse(String(event.event_time)))).toBe(false);
}

/**
 * The sample sends a lead to its generated thank-you page (tests/e2e/thank-you.spec.ts); these tests
 * follow the lead on the landing page, as on a site without one, where the success message shows in place.
 */
async function showSuccessInPlace(page: Page) {
  await page.locator('#lead-form').evaluate((form) => delete (form as HTMLFormElement).dataset.thankYou);
}

async function fillForm(page: Page) {
  await page.fill('#lead-name', 'Ada Lovelace');
  await page.fill('#lead-email', 'ada@analytical.example');
  await page.fill('#lead-company', 'Analytical Engines Ltd');
}

test.describe('[sample] measurement', () => {
  test('before consent nothing is stored, and the page still measures into the dataLayer', async ({ page }) => {
    await page.goto('/enterprise-procurement/cpo/?utm_source=linkedin&utm_medium=paid-social&utm_campaign=enterprise-procurement&gclid=abc123');
    await expect(page.locator('#sp-consent')).toBeVisible();
    expect(await storage(page)).toEqual({ local: {}, session: {}, cookies: '' });
    const [commands, [view]] = [await consentCommands(page), await events(page)];
    expect(commands[0]).toEqual(['consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 500 }]);
    expectContract(view!);
    expect(view).toMatchObject({ event: 'page_view', page_type: 'landing', segment: 'enterprise-procurement', persona: 'cpo', vertical: 'procurement-sourcing', page_variant: 'default', utm_source: 'linkedin' });
    // The page's locale as its body states it (absent where the page states none).
    expect(view!.page_locale).toBe(await page.evaluate(() => document.body.dataset.locale));
    expect(JSON.stringify(await events(page)), 'click ids stay out of events').not.toContain('abc123');
  });

  test('rejecting keeps storage empty but for the choice itself', async ({ page }) => {
    await page.goto('/enterprise-procurement/cpo/?utm_source=linkedin');
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect(page.locator('#sp-consent')).toBeHidden();
    const state = await storage(page);
    expect(Object.keys(state.local)).toEqual(['sp_consent']);
    expect(state.session).toEqual({});
    expect((await consentCommands(page)).at(-1)).toEqual(['consent', 'update', { ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }]);
    await page.reload();
    await expect(page.locator('#sp-consent')).toBeHidden();
  });

  test('a campaign visit carries its first and last touch into the lead, and the lead is measured once accepted', async ({ page }) => {
    const posts: URLSearchParams[] = [];
    await page.route('https://forms.northwind-procure.example/**', async (route) => {
      posts.push(new URLSearchParams(route.request().postData() ?? ''));
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}', headers: { 'Access-Control-Allow-Origin': '*' } });
    });
    await page.goto('/mid-market-owner/procurement-manager/?utm_source=google&utm_medium=cpc&utm_campaign=mid-market-owner&utm_term=p2p+software&utm_content=procurement-manager&utm_id=sp-1&gclid=G-1');
    await page.getByRole('button', { name: 'Accept all' }).click();
    const firstVisit = (await events(page))[0]!.visit_id;
    // An internal link never carries the campaign parameters along.
    const internal = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(internal.filter((href) => /utm_|gclid|li_fat_id/.test(href))).toEqual([]);
    await page.goto('/mid-market-owner/ap-controller/?utm_source=linkedin&utm_medium=paid-social&utm_campaign=mid-market-owner&li_fat_id=L-2');
    await page.goto('/mid-market-owner/');
    await page.getByRole('link', { name: /AP Director/ }).first().click();
    await showSuccessInPlace(page);
    await fillForm(page);
    await page.getByRole('button', { name: /Get a|Book|See|Walk|Talk/ }).last().click();
    await expect(page.locator('#lead-status')).toContainText('Thank you');
    await expect(page.locator('#lead-form')).toBeHidden();

    expect(posts).toHaveLength(1);
    const post = Object.fromEntries(posts[0]!);
    for (const field of ['segment', 'persona', 'vertical', 'variant', 'content_version', 'landing_url', ...TOUCH_FIELDS]) expect(post, `hidden field ${field}`).toHaveProperty(field);
    // The page's locale, from its data-locale, added by the page script.
    expect(post[LOCALE_FIELD]).toBe(await page.evaluate(() => document.body.dataset.locale));
    expect(post).toMatchObject({
      segment: 'mid-market-owner',
      persona: 'ap-controller',
      vertical: 'procurement-sourcing',
      first_utm_source: 'google',
      first_utm_medium: 'cpc',
      first_utm_term: 'p2p software',
      first_utm_id: 'sp-1',
      first_gclid: 'G-1',
      first_landing_page: '/mid-market-owner/procurement-manager/',
      last_utm_source: 'linkedin',
      last_li_fat_id: 'L-2',
      last_gclid: '',
      last_landing_page: '/mid-market-owner/ap-controller/',
      name: 'Ada Lovelace',
      email: 'ada@analytical.example',
    });

    const all = await events(page);
    all.forEach(expectContract);
    expect(all.map((e) => e.event)).toEqual(['page_view', 'cta_click', 'generate_lead']);
    expect(new Set(all.map((e) => e.visit_id))).toEqual(new Set([firstVisit]));
    expect(all.at(-1)).toMatchObject({ event: 'generate_lead', segment: 'mid-market-owner', persona: 'ap-controller', form_id: 'lead-form', utm_source: 'linkedin' });
    expect(JSON.stringify(all), 'nothing typed into the form reaches the dataLayer').not.toMatch(/Ada|analytical|Engines/);
  });

  test('a failed submission keeps every answer and can be retried; generate_lead waits for success', async ({ page }) => {
    let attempts = 0;
    await page.route('https://forms.northwind-procure.example/**', async (route) => {
      attempts += 1;
      await route.fulfill(attempts === 1 ? { status: 503, body: 'busy' } : { status: 201, body: '{}', headers: { 'Access-Control-Allow-Origin': '*' } });
    });
    await page.goto('/listed-mid-cap-controls/cpo/');
    await showSuccessInPlace(page);
    await fillForm(page);
    await page.locator('#lead-form button[type="submit"]').click();
    await expect(page.getByRole('alert')).toContainText('did not go through');
    await expect(page.locator('#lead-email')).toHaveValue('ada@analytical.example');
    expect((await events(page)).map((e) => e.event)).not.toContain('generate_lead');
    await page.locator('#lead-form button[type="submit"]').click();
    await expect(page.locator('#lead-status')).toContainText('Thank you');
    expect((await events(page)).filter((e) => e.event === 'generate_lead')).toHaveLength(1);
    expect(attempts).toBe(2);
  });

  test('the form explains what is missing before anything is sent', async ({ page }) => {
    let posted = false;
    await page.route('https://forms.northwind-procure.example/**', async (route) => {
      posted = true;
      await route.abort();
    });
    await page.goto('/listed-mid-cap-controls/cpo/');
    await page.fill('#lead-email', 'not-an-email');
    await page.locator('#lead-form button[type="submit"]').click();
    await expect(page.locator('#lead-name')).toBeFocused();
    await expect(page.locator('#lead-name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#lead-name-error')).toBeVisible();
    await expect(page.locator('#lead-email-error')).toBeVisible();
    await expect(page.getByLabel('Full name')).toHaveAccessibleDescription('Enter your full name.');
    expect(posted).toBe(false);
  });

  test('FAQ opens and CTA clicks are measured with their ids', async ({ page }) => {
    await page.goto('/eu-due-diligence/faq/');
    const first = page.locator('details[data-faq-id]').first();
    const faqId = await first.getAttribute('data-faq-id');
    await first.locator('summary').click();
    // The hero's button shows on phones; on wide screens the form beside it is the call to action.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/eu-due-diligence/cpo/');
    await page.locator('[data-cta="hero"]').click();
    const faqEvents = await events(page);
    expect(faqEvents.map((e) => e.event)).toEqual(['page_view', 'cta_click']);
    expect(faqEvents[1]).toMatchObject({ cta_id: 'hero', segment: 'eu-due-diligence', persona: 'cpo' });
    await page.goto('/eu-due-diligence/faq/');
    await page.locator(`details[data-faq-id="${faqId}"] summary`).click();
    // A details element announces its toggle in a later task, so wait for the event rather than race it.
    await expect.poll(async () => (await events(page)).some((e) => e.event === 'faq_open')).toBe(true);
    const opened = (await events(page)).find((e) => e.event === 'faq_open');
    expect(opened).toMatchObject({ faq_id: faqId, page_type: 'faq', segment: 'eu-due-diligence', persona: null });
    expectContract(opened!);
  });

  test('keyword insertion replaces the marked phrase with plain text only', async ({ page }) => {
    await page.goto('/enterprise-procurement/cpo/?kw=SAP%20Ariba');
    await expect(page.locator('h1')).toHaveText("Prove procurement's value in your CFO's numbers, without replacing SAP Ariba");
    for (const hostile of ['<b>bold</b>', 'a'.repeat(41), 'javascript:alert(1)', '"><img src=x onerror=alert(1)>']) {
      await page.goto(`/enterprise-procurement/cpo/?kw=${encodeURIComponent(hostile)}`);
      await expect(page.locator('h1')).toHaveText("Prove procurement's value in your CFO's numbers, without replacing your suite");
    }
  });

  test('hostile values in every URL parameter never run and never become markup', async ({ page }) => {
    const payloads = ['<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=1', `${'x'.repeat(1200)}<svg onload=window.__pwned=1>`];
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    const scriptsOf = () => page.locator('script').evaluateAll((els) => els.map((e) => e.outerHTML));
    await page.goto('/enterprise-procurement/ap-controller/');
    // Consent granted, so the touches are also stored and read back on every later page.
    await page.getByRole('button', { name: 'Accept all' }).click();
    const cleanScripts = await scriptsOf();
    const imagesOf = () => page.locator('main img, main svg').evaluateAll((els) => els.map((e) => e.outerHTML));
    const cleanImages = await imagesOf();
    for (const payload of payloads) {
      const query = [...UTM_PARAMS, ...CLICK_ID_PARAMS, 'kw'].map((p) => `${p}=${encodeURIComponent(payload)}`).join('&');
      await page.goto(`/enterprise-procurement/ap-controller/?${query}#${encodeURIComponent(payload)}`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await imagesOf(), 'no image was added or changed (the page’s own are customer logos)').toEqual(cleanImages);
      expect(await scriptsOf(), 'no script element was added or changed').toEqual(cleanScripts);
      expect(await page.locator('h1').innerHTML()).not.toContain('<img');
      const hidden = await page.locator('form[data-lead-form] input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      for (const value of hidden) expect(value.length).toBeLessThanOrEqual(200);
      for (const event of await events(page)) for (const value of Object.values(event)) if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(200);
    }
    expect(dialogs).toBe(0);
  });
});

test.describe('[second-vertical] measurement with a tag manager and a collector', () => {
  test('no tag loads and nothing is sent before consent; both start once the visitor accepts', async ({ page }) => {
    const gtm: string[] = [];
    const beacons: string[] = [];
    await page.route('https://www.googletagmanager.com/**', async (route) => {
      gtm.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__gtmLoaded = true;' });
    });
    await page.route('https://collect.bastion-signal.example/**', async (route) => {
      beacons.push(route.request().postData() ?? '');
      await route.fulfill({ status: 204, headers: { 'Access-Control-Allow-Origin': '*' } });
    });
    await page.goto('/eu-essential-entities/ciso/?utm_source=linkedin');
    await page.waitForTimeout(300);
    expect(gtm).toEqual([]);
    expect(beacons).toEqual([]);
    expect(await storage(page)).toEqual({ local: {}, session: {}, cookies: '' });
    expect((await consentCommands(page)).slice(0, 2)).toEqual([
      ['consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 800 }],
      ['consent', 'default', { analytics_storage: 'granted', region: ['US'] }],
    ]);

    await page.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => gtm.length).toBe(1);
    expect(gtm[0]).toBe('https://www.googletagmanager.com/gtm.js?id=GTM-BSIG123');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-cta="hero"]').click();
    await expect.poll(() => beacons.length).toBe(1);
    expect(JSON.parse(beacons[0]!)).toMatchObject({ event: 'cta_click', segment: 'eu-essential-entities', persona: 'ciso', vertical: 'cybersecurity' });

    // The choice holds on the next page: the tag loads at once, events are sent as they happen.
    await page.goto('/eu-essential-entities/');
    await expect.poll(() => gtm.length).toBe(2);
    await expect.poll(() => beacons.length).toBe(2);
  });

  test('a consent platform of the site’s own can grant consent through the documented hook', async ({ page }) => {
    await page.route('https://www.googletagmanager.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await page.route('https://collect.bastion-signal.example/**', (route) => route.fulfill({ status: 204 }));
    await page.goto('/us-lean-it-teams/ciso/');
    await page.evaluate(() => window.segmentPages.updateConsent({ analytics_storage: 'granted' }));
    expect((await consentCommands(page)).at(-1)).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
    const state = await storage(page);
    expect(Object.keys(state.session).sort()).toEqual(['sp_touches', 'sp_visit']);
    await expect(page.locator('#sp-consent')).toBeHidden();
  });

  test('keyword insertion uses the site’s own parameter and length limit', async ({ page }) => {
    await page.goto('/eu-essential-entities/soc-lead/?q=Microsoft%20Sentinel');
    await expect(page.locator('h1')).toContainText('without rewriting Microsoft Sentinel');
    await page.goto(`/eu-essential-entities/soc-lead/?q=${'a'.repeat(31)}`);
    await expect(page.locator('h1')).toContainText('without rewriting your detection stack');
  });
});

test.describe('[sample] content security policy', () => {
  test('is sent as a header and a meta element, and blocks injected inline code', async ({ page }) => {
    const response = await page.goto('/enterprise-procurement/cpo/');
    const header = response!.headers()['content-security-policy'];
    expect(header).toContain("script-src 'self' 'sha256-");
    expect(header).not.toContain('unsafe-inline');
    expect(header).toContain("frame-ancestors 'none'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(header!.replace("; frame-ancestors 'none'", ''));
    const blocked = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      document.body.insertAdjacentHTML('beforeend', '<img src="/favicon.svg" onload="window.__injected = 1">');
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 2';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { injected: (window as unknown as { __injected?: number }).__injected, violations };
    });
    expect(blocked.injected).toBeUndefined();
    expect(blocked.violations.length).toBeGreaterThanOrEqual(2);
  });
});
