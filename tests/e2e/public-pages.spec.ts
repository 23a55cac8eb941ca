import { expect, test } from '@playwright/test';
import { readBuiltSite, SITE_NAMES } from './pages.ts';

/**
 * What a visitor reads on the segment hubs and the segment index: pages for companies like theirs,
 * with no word of how the company targets them. (tests/built/no-internal-data.test.ts searches every
 * built file for the content's targeting values; this checks the rendered text a visitor sees.)
 */
const TARGETING_WORDS = /priority|prioriti[sz]ation|scorecard|value tier|market size|estimated growth|CRM|accounts? assigned|data sources|\(internal\)/i;

for (const siteName of SITE_NAMES) {
  const site = readBuiltSite(siteName);
  // The default locale's hubs (the sample's German home /de/ is one level deep too, and is no hub).
  const hubs = site.pages.filter((p) => /^\/[^/]+\/$/.test(p.slice(site.base.length)) && !p.endsWith('/segments/') && !p.endsWith('/thank-you/') && p.slice(site.base.length) !== '/de/');

  test.describe(`[${siteName}] public segment pages`, () => {
    test('each hub speaks to the visitor: roles, challenges, rules, and nothing about targeting', async ({ page }) => {
      expect(hubs.length).toBeGreaterThan(0);
      for (const path of hubs) {
        await page.goto(path);
        const main = page.locator('main');
        await expect(main.getByRole('heading', { name: 'Pick your role' }), path).toBeVisible();
        await expect(main.getByRole('heading', { name: 'What companies like yours tell us' }), path).toBeVisible();
        expect(await main.locator('a[href$="/"]').count(), `${path} links its personas' pages`).toBeGreaterThan(0);
        expect(await main.innerText(), path).not.toMatch(TARGETING_WORDS);
      }
    });

    test('/segments/ lists every hub and nothing about targeting', async ({ page }) => {
      await page.goto(`${site.base}/segments/`);
      const main = page.locator('main');
      const links = await main.locator('.segment-cards h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.sort()).toEqual([...hubs].sort());
      expect(await main.innerText()).not.toMatch(TARGETING_WORDS);
      await expect(page.locator('svg, table')).toHaveCount(0);
    });

    test('the internal playbook is not part of the site', async ({ request }) => {
      for (const path of ['/playbook/', '/.segment-pages-playbook', '/scorecard.csv']) {
        expect((await request.get(`${site.base}${path}`)).status(), path).toBe(404);
      }
    });
  });
}
