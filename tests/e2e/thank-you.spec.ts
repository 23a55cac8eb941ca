import { expect, test, type Page } from '@playwright/test';

/**
 * The generated thank-you page (leadForm.thankYouPage, on in the sample): a lead the endpoint
 * accepts lands on it, with JavaScript (the script opens it) and without (the endpoint's 303 to the
 * "redirect" field, which the Content-Security-Policy's form-action must allow).
 */

const ENDPOINT = 'https://forms.northwind-procure.example/leads';

async function sendLead(page: Page) {
  await page.fill('#lead-name', 'Ada Lovelace');
  await page.fill('#lead-email', 'ada@analytical.example');
  await page.fill('#lead-company', 'Analytical Engines Ltd');
  await page.locator('[data-cta="form"]').click();
}

for (const { site, base } of [
  { site: 'sample', base: '' },
  { site: 'sample-subpath', base: '/solutions' },
]) {
  test.describe(`[${site}] the thank-you page`, () => {
    test('a lead the endpoint accepts lands on it, and its page view is typed thank-you', async ({ page }) => {
      await page.route(ENDPOINT, (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: '{}' }));
      await page.goto(`${base}/mid-market-owner/ap-controller/`);
      // generate_lead is pushed on the landing page just before it is left: record pushes as they happen.
      const pushed: { event?: string; segment?: string; persona?: string }[] = [];
      await page.exposeFunction('recordPush', (event: (typeof pushed)[number]) => pushed.push(event));
      await page.evaluate(() => {
        const layer = window.dataLayer as unknown as { push: (...items: unknown[]) => number };
        const push = layer.push.bind(layer);
        layer.push = (...items) => {
          for (const item of items) if (item && typeof item === 'object' && 'event' in item) (window as unknown as { recordPush: (e: unknown) => void }).recordPush(JSON.parse(JSON.stringify(item)));
          return push(...items);
        };
      });
      await sendLead(page);
      await expect(page).toHaveURL(`${base}/thank-you/`);
      expect(pushed.filter((e) => e.event === 'generate_lead')).toMatchObject([{ segment: 'mid-market-owner', persona: 'ap-controller' }]);
      await expect(page.locator('h1')).toHaveText('Thank you: your request is with a solutions lead');
      await expect(page.locator('body')).toHaveAttribute('data-page-type', 'thank-you');
      // The page script is a module: it runs once the page has been parsed.
      const pageViews = () => page.evaluate(() => (window.dataLayer as { event?: string; page_type?: string }[]).filter((e) => e?.event === 'page_view').map((e) => e.page_type));
      await expect.poll(pageViews).toEqual(['thank-you']);
      await page.locator('a[data-cta="thank-you"]', { hasText: 'Mid-market sourcing' }).click();
      await expect(page).toHaveURL(`${base}/mid-market-owner/faq/`);
    });

    test('a failed submission stays on the landing page with the answers in place', async ({ page }) => {
      await page.route(ENDPOINT, (route) => route.fulfill({ status: 500, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' }));
      await page.goto(`${base}/mid-market-owner/ap-controller/`);
      await sendLead(page);
      await expect(page.locator('#lead-status')).toHaveAttribute('role', 'alert');
      await expect(page).toHaveURL(`${base}/mid-market-owner/ap-controller/`);
      await expect(page.locator('#lead-name')).toHaveValue('Ada Lovelace');
    });
  });
}

test.describe('[sample] the thank-you page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the endpoint’s 303 to the posted "redirect" field is allowed by form-action and lands on it', async ({ page, baseURL }) => {
    const production = 'https://www.northwind-procure.example/thank-you/';
    let posted = '';
    await page.route(ENDPOINT, (route) => {
      posted = route.request().postData() ?? '';
      return route.fulfill({ status: 303, headers: { Location: new URLSearchParams(posted).get('redirect')! } });
    });
    // The production host is this test server: serve its thank-you page from here.
    await page.route(production, async (route) => route.fulfill({ response: await page.request.get(`${baseURL}/thank-you/`) }));
    await page.goto('/mid-market-owner/ap-controller/');
    await sendLead(page);
    await expect(page).toHaveURL(production);
    expect(new URLSearchParams(posted).get('redirect')).toBe(production);
    await expect(page.locator('h1')).toHaveText('Thank you: your request is with a solutions lead');
  });
});
