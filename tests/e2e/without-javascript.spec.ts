import { expect, test } from '@playwright/test';
import { readBuiltSite, SITE_NAMES } from './pages.ts';

/** Content never depends on JavaScript: with scripts off, every page shows the same text. */
for (const siteName of SITE_NAMES) {
  const site = readBuiltSite(siteName);
  test(`[${siteName}] every page shows its content without JavaScript`, async ({ browser, baseURL }) => {
    const withJs = await browser.newPage();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const withoutJs = await context.newPage();
    const mainText = (page: import('@playwright/test').Page) => page.locator('main').innerText();
    for (const path of site.pages) {
      await withJs.goto(`${baseURL}${path}`);
      await withoutJs.goto(`${baseURL}${path}`);
      expect(await mainText(withoutJs), path).toBe(await mainText(withJs));
    }
    await context.close();
    await withJs.close();
  });
}
