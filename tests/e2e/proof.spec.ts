import { expect, test } from '@playwright/test';
import { readBuiltSite, SITE_NAMES } from './pages.ts';

/**
 * Customer proof as a visitor sees it: logos that actually load (under any base path), a figure,
 * certifications and quotes, each with the "Illustrative example" note when the proof is fictional,
 * as all of the sample's is. The second fixture vertical has no proof files and shows none.
 */
for (const siteName of SITE_NAMES) {
  const site = readBuiltSite(siteName);
  const withProof = siteName.startsWith('sample');

  test.describe(`[${siteName}] customer proof`, () => {
    test(withProof ? 'a landing page shows logos, a figure, certifications and quotes, marked illustrative' : 'pages without proof files show no proof', async ({ page }) => {
      const landing = site.pages.find((p) => p.endsWith('/mid-market-owner/procurement-manager/')) ?? site.pages.find((p) => /^\/(?:[^/]+\/){2}$/.test(p.slice(site.base.length)) && !p.includes('/faq/'))!;
      await page.goto(landing);
      const strip = page.locator('[data-proof="strip"]');
      const quotes = page.locator('[data-proof="quotes"]');
      if (!withProof) {
        await expect(strip).toHaveCount(0);
        await expect(quotes).toHaveCount(0);
        return;
      }
      await expect(strip).toBeVisible();
      // The logos are the first screen's proof: in the hero, marked illustrative there too.
      const heroLogos = page.locator('.hero .proof-logos');
      await expect(heroLogos).toContainText('Customers (illustrative)');
      const logos = heroLogos.locator('img');
      expect(await logos.count()).toBeGreaterThan(0);
      for (const img of await logos.all()) {
        await img.scrollIntoViewIfNeeded();
        await expect(img).toHaveAttribute('alt', /\S/);
        await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0), { message: await img.getAttribute('src') ?? '' }).toBe(true);
      }
      await expect(strip.locator('img')).toHaveCount(0);
      await expect(strip.locator('[data-proof-figure]').first()).toContainText('%');
      await expect(strip.locator('[data-proof-certification]').first()).toContainText('valid until');
      await expect(strip.locator('[data-proof-fictional]')).toHaveText(/Illustrative example/);

      await expect(quotes.getByRole('heading', { level: 2 })).toBeVisible();
      await expect(quotes.locator('figure figcaption').first()).toContainText('Brightwater Utilities');
      await expect(quotes.locator('[data-proof-fictional]')).toHaveText(/Illustrative example/);
      // The strip comes right after the hero; quotes after the pains.
      const order = await page.locator('main > section').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-proof') || s.id || s.className));
      expect(order.indexOf('strip')).toBe(1);
      expect(order.indexOf('quotes')).toBe(order.indexOf('pains') + 1);
    });

    if (withProof) {
      for (const deviceScaleFactor of [1, 2]) {
        test(`the raster logo loads as WebP, the ${deviceScaleFactor}× copy on a ${deviceScaleFactor}× screen`, async ({ browser }) => {
          const context = await browser.newContext({ deviceScaleFactor });
          const page = await context.newPage();
          await page.goto(`${site.base}/eu-due-diligence/esg-lead/`);
          const img = page.locator('.hero [data-proof-logo="osterfeld-maschinenbau"] img');
          await img.scrollIntoViewIfNeeded();
          // Shown 22 px high in the hero: 116 × 32 scaled to 80 × 22, its 1× and 2× copies made for that size.
          const width = Number(await img.getAttribute('width'));
          expect([width, Number(await img.getAttribute('height'))]).toEqual([80, 22]);
          // naturalWidth is corrected for the candidate's density, so the copy chosen shows in currentSrc.
          await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(width);
          const wanted = (await img.getAttribute('srcset'))!.split(', ').find((c) => c.endsWith(` ${width * deviceScaleFactor}w`))!.split(' ')[0]!;
          expect(await img.evaluate((el) => new URL((el as HTMLImageElement).currentSrc).pathname)).toBe(wanted);
          expect(wanted).toMatch(/\/_astro\/osterfeld-maschinenbau\.[\w-]+\.webp$/);
          expect(await img.boundingBox()).toMatchObject({ width, height: 22 });
          await context.close();
        });
      }
    }
  });
}
