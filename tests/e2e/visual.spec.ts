import { expect, test } from '@playwright/test';

/**
 * What every page type looks like, as a first-time visitor sees it (consent bar shown), on a phone
 * and on a laptop: full-page screenshots compared with the approved ones in tests/e2e/screenshots/.
 * A change that moves, hides or restyles anything fails here until the new look is approved with
 * `npm run test:visual -- --update-snapshots` and the new images are committed with the change.
 */

const PAGE_TYPES = [
  ['home', '/'],
  ['segment-index', '/segments/'],
  ['segment-hub', '/enterprise-procurement/'],
  ['landing', '/enterprise-procurement/cpo/'],
  // An A/B variant: its own copy and shorter sections, in the control's layout.
  ['variant', '/eu-due-diligence/cpo/short-form/'],
  ['faq', '/enterprise-procurement/faq/'],
  ['thank-you', '/thank-you/'],
  ['not-found', '/no-such-page/'],
] as const;

const VIEWPORTS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1366, height: 900 }],
] as const;

test.describe('[sample] how every page type looks', () => {
  for (const [viewportName, viewport] of VIEWPORTS) {
    for (const [type, path] of PAGE_TYPES) {
      test(`${type} at ${viewport.width}×${viewport.height}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(path);
        await expect(page.locator('#sp-consent')).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await expect(page).toHaveScreenshot(`${type}-${viewportName}.png`, {
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
          // Chromium renders these pages pixel for pixel alike from run to run; a few pixels of slack for
          // anti-aliasing, while a word taken out of a list (about a thousand pixels) or a moved block fails.
          maxDiffPixels: 100,
        });
      });
    }
  }
});
