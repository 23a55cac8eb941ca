import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The first screen a paid visitor sees: headline, value proposition and the primary call to action
 * visible with the consent bar shown, the bar first in the tab order and covering nothing, focus
 * returned after a choice, the phone's sticky call to action, no layout shift, and a consent choice
 * that can be changed from the footer.
 */

const LANDING = '/enterprise-procurement/cpo/';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b!;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Fully inside the viewport without scrolling, and not under the consent bar. */
async function expectOnFirstScreen(page: Page, locator: Locator, viewport: { width: number; height: number }) {
  const target = await box(locator);
  expect(target.y, 'top inside the first screen').toBeGreaterThanOrEqual(0);
  expect(target.y + target.height, 'bottom inside the first screen').toBeLessThanOrEqual(viewport.height);
  const banner = await box(page.locator('#sp-consent'));
  expect(overlaps(target, banner), 'the consent bar covers it').toBe(false);
}

test.describe('[sample] first screen', () => {
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    test(`${name}: headline, value proposition and call to action show with the consent bar`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(LANDING);
      const banner = page.locator('#sp-consent');
      await expect(banner).toBeVisible();
      // Measured on the sample: 116 px on a phone (three lines and one row of buttons), 57 px on a desktop.
      expect((await box(banner)).height, `consent bar height on a ${name}`).toBeLessThanOrEqual(name === 'phone' ? 120 : 64);
      await expectOnFirstScreen(page, page.locator('#hero-heading'), viewport);
      await expectOnFirstScreen(page, page.locator('.hero .lede'), viewport);
      if (name === 'phone') {
        // The form comes after the copy: the hero's button is the primary call to action.
        await expectOnFirstScreen(page, page.locator('[data-cta="hero"]'), viewport);
      } else {
        // The form sits beside the copy: its submit button is the primary call to action, and no
        // second button beside it points at the same form.
        await expectOnFirstScreen(page, page.locator('[data-cta="form"]'), viewport);
        await expect(page.locator('[data-cta="hero"]')).toBeHidden();
      }
      // A proof element: the customers' logos, in the hero, loaded at once.
      await expectOnFirstScreen(page, page.locator('.hero .proof-logos'), viewport);
      await expect(page.locator('.hero .proof-logos img').first()).toHaveAttribute('loading', 'eager');
    });

    test(`${name}: a page whose hero is written in an override keeps the same first screen`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/eu-due-diligence/esg-lead/');
      await expect(page.locator('#sp-consent')).toBeVisible();
      await expectOnFirstScreen(page, page.locator('.hero h1'), viewport);
      await expectOnFirstScreen(page, page.locator('.hero .proof-logos'), viewport);
      const heroLink = page.locator('.hero .prose a[href="#lead-form"]');
      if (name === 'phone') await expectOnFirstScreen(page, heroLink, viewport);
      else {
        await expectOnFirstScreen(page, page.locator('[data-cta="form"]'), viewport);
        await expect(heroLink).toBeHidden();
      }
    });

    for (const [path, cta] of [['/', 'home'], ['/enterprise-procurement/faq/', 'faq']] as const) {
      test(`${name}: ${path} has a call to action on the first screen`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(path);
        await expect(page.locator('#sp-consent')).toBeVisible();
        const link = page.locator(`[data-cta="${cta}"]`);
        await expect(link).toHaveText('Talk to a solutions lead');
        await expectOnFirstScreen(page, link, viewport);
      });
    }
  }

  test('the calls to action after the pains and the objections lead to the form', async ({ page }) => {
    await page.goto(LANDING);
    for (const id of ['hero', 'after-pains', 'after-objections', 'sticky']) await expect(page.locator(`[data-cta="${id}"]`)).toHaveAttribute('href', '#lead-form');
    await expect(page.locator('#pains + .cta-band [data-cta="after-pains"]')).toHaveCount(1);
    await expect(page.locator('#objections + .cta-band [data-cta="after-objections"]')).toHaveCount(1);
  });

  test('the consent bar is first in the tab order, and focus goes to the main content after a choice', async ({ page }) => {
    await page.goto(LANDING);
    await page.keyboard.press('Tab');
    await expect(page.locator('#sp-consent a, #sp-consent button').first()).toBeFocused();
    await page.locator('[data-consent="accept"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#sp-consent')).toBeHidden();
    await expect(page.locator('#main')).toBeFocused();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('sp_consent')!).analytics_storage)).toBe('granted');
  });

  test('cookie settings in the footer reopen the choice, and focus returns to the button', async ({ page }) => {
    await page.goto(LANDING);
    await page.locator('[data-consent="accept"]').click();
    await expect(page.locator('#sp-consent')).toBeHidden();
    const settings = page.locator('footer [data-consent-settings]');
    await settings.click();
    await expect(page.locator('#sp-consent')).toBeVisible();
    await expect(page.locator('[data-purpose="analytics"]')).toBeFocused();
    await expect(page.locator('[data-purpose="analytics"]')).toBeChecked();
    await page.locator('[data-consent="reject"]').click();
    await expect(page.locator('#sp-consent')).toBeHidden();
    await expect(settings).toBeFocused();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('sp_consent')!).analytics_storage)).toBe('denied');
    await expect(page.locator('footer a', { hasText: 'Privacy notice' })).toHaveAttribute('href', 'https://www.northwind-procure.example/privacy');
  });

  test('phone: the sticky call to action shows once the hero is passed and hides while the form is in view', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(LANDING);
    const sticky = page.locator('[data-cta="sticky"]');
    await expect(sticky).toBeHidden();
    await page.locator('[data-cta="after-pains"]').scrollIntoViewIfNeeded();
    await expect(sticky).toBeVisible();
    await expect(sticky).toBeInViewport();
    const bar = await box(page.locator('[data-sticky-cta]'));
    expect(overlaps(bar, await box(page.locator('[data-cta="after-pains"]'))), 'the sticky bar covers the call to action').toBe(false);
    await page.locator('#lead-company').scrollIntoViewIfNeeded();
    await expect(sticky).toBeHidden();
    await page.locator('#faq-heading, footer').last().scrollIntoViewIfNeeded();
    await expect(sticky).toBeVisible();
  });

  test('desktop: no sticky call to action', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto(LANDING);
    await page.locator('[data-cta="after-objections"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-cta="sticky"]')).toBeHidden();
  });

  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    test(`${name}: nothing shifts while the page loads, scrolls and the sticky bar comes and goes`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        (window as unknown as { shifts: number[] }).shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { shifts: number[] }).shifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(LANDING);
      await page.waitForLoadState('load');
      for (let y = 0; y < 6000; y += 600) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(400);
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts.reduce((a, b) => a + b, 0), `layout shifts: ${shifts.join(', ')}`).toBe(0);
    });
  }
});

test.describe('[sample] first screen without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('no consent bar, no cookie settings button, and the call to action still leads to the form', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto(LANDING);
    await expect(page.locator('#sp-consent')).toBeHidden();
    await expect(page.locator('[data-consent-settings]')).toBeHidden();
    await expect(page.locator('[data-cta="sticky"]')).toBeHidden();
    await page.locator('[data-cta="hero"]').click();
    await expect(page).toHaveURL(/#lead-form$/);
  });
});

test.describe('[second-vertical] landing page options', () => {
  test('landingPage.hideNavigation leaves the navigation off landing pages only', async ({ page }) => {
    await page.goto('/eu-essential-entities/ciso/');
    await expect(page.locator('nav[aria-label="Main"]')).toHaveCount(0);
    await expect(page.locator('nav[aria-label="Breadcrumb"]')).toHaveCount(0);
    await page.goto('/eu-essential-entities/');
    await expect(page.locator('nav[aria-label="Main"]')).toHaveCount(1);
  });

  test('leadForm.thankYouUrl: posted as "redirect" and opened after the endpoint accepts the lead', async ({ page }) => {
    await page.route('https://forms.bastion-signal.example/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: '{}' }));
    await page.route('https://www.bastion-signal.example/thank-you/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Thank you</title>' }));
    await page.goto('/eu-essential-entities/ciso/');
    await expect(page.locator('form[data-lead-form] input[name="redirect"]')).toHaveValue('https://www.bastion-signal.example/thank-you/');
    await page.fill('#lead-name', 'Ada Lovelace');
    await page.fill('#lead-email', 'ada@analytical.example');
    await page.fill('#lead-company', 'Analytical Engines Ltd');
    await page.locator('[data-cta="form"]').click();
    await expect(page).toHaveURL('https://www.bastion-signal.example/thank-you/');
  });
});
