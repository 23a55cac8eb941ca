import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readBuiltSite, SITE_NAMES } from './pages.ts';

/**
 * Every built page of every test site, one test each: it loads with status 200 and no console
 * errors, axe finds no WCAG 2.1 A/AA violation, every internal link and fragment resolves, the
 * canonical link points at the page itself, and FAQ structured data matches the visible text.
 */
for (const siteName of SITE_NAMES) {
  const site = readBuiltSite(siteName);

  test.describe(`[${siteName}]`, () => {
    test('the site was built and its sitemap lists every indexable page', () => {
      expect(site.pages.length, `no pages in ${site.dir}`).toBeGreaterThan(3);
      expect(site.sitemap.length).toBeGreaterThan(0);
      for (const path of site.sitemap) expect(site.pages, `sitemap lists ${path}, which was not built`).toContain(path);
    });

    for (const path of site.pages) {
      test(`page ${path}`, async ({ page, request, baseURL }) => {
        const errors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        const foreign: string[] = [];
        page.on('request', (request) => {
          if (new URL(request.url()).origin !== new URL(baseURL!).origin) foreign.push(request.url());
        });
        const response = await page.goto(path);
        expect(response?.status(), `status of ${path}`).toBe(200);

        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        const canonicalPath = new URL(canonical!).pathname;
        const variantPage = await page.locator('body').getAttribute('data-variant');
        // An A/B variant (one level below its control, named in data-variant) credits its control.
        const ownPath = variantPage && path.endsWith(`/${variantPage}/`) ? path.slice(0, -variantPage.length - 1) : path;
        expect(canonicalPath, ownPath === path ? 'canonical points at the page itself' : 'a variant’s canonical points at its control').toBe(ownPath);
        // evaluateAll does not wait for a match: most pages rightly have no robots meta at all.
        const robots = (await page.locator('meta[name="robots"]').evaluateAll((els) => els.map((e) => e.getAttribute('content')).join(','))) ?? '';
        if (site.sitemap.includes(path)) expect(robots, 'a page in the sitemap must not be noindex').not.toContain('noindex');
        else expect(robots, `${path} is missing from the sitemap but not marked noindex`).toContain('noindex');
        for (const property of ['og:title', 'og:description', 'og:url']) {
          await expect(page.locator(`meta[property="${property}"]`)).toHaveCount(1);
        }
        expect(await page.title()).not.toBe('');

        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

        await expectInternalLinksResolve(page, path, baseURL!, request);
        if (/\/faq\/$/.test(path)) await expectFaqJsonLdMatchesVisibleText(page);
        expect(errors, 'console errors').toEqual([]);
        expect(foreign, 'requests to other origins (fonts, scripts, trackers)').toEqual([]);
        const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
        for (const src of scripts) expect(new URL(src).origin, 'scripts come from the site itself').toBe(new URL(baseURL!).origin);
        // The page's path in its locale: the sample's German pages live under /de/.
        const relative = path.slice(site.base.length).replace(/^\/de\//, '/');
        if (/^\/[^/]+\/[^/]+\/$/.test(relative) && !relative.endsWith('/faq/')) {
          const ids = await page.locator('body').evaluate((body) => ({ ...body.dataset }));
          expect(ids).toMatchObject({ pageType: 'landing', segment: relative.split('/')[1], persona: relative.split('/')[2] });
          expect(ids.vertical).toBeTruthy();
          const hidden = await page.locator('form[data-lead-form] input[type="hidden"]').evaluateAll((inputs) => Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])));
          expect(hidden).toMatchObject({ segment: ids.segment, persona: ids.persona, vertical: ids.vertical });
        }
      });
    }
  });
}

async function expectInternalLinksResolve(page: Page, path: string, baseURL: string, request: import('@playwright/test').APIRequestContext) {
  const origin = new URL(baseURL).origin;
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const checked = new Set<string>();
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    const target = `${url.pathname}${url.search}`;
    if (!checked.has(target)) {
      checked.add(target);
      const response = await request.get(target);
      expect(response.status(), `link from ${path} to ${target}`).toBe(200);
    }
    if (url.hash) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (url.pathname === new URL(page.url()).pathname) {
        await expect(page.locator(`[id="${id}"]`), `fragment ${url.hash} on ${path}`).toHaveCount(1);
      } else {
        const html = await (await request.get(target)).text();
        expect(html.includes(`id="${id}"`), `fragment ${url.hash} on ${target} (linked from ${path})`).toBe(true);
      }
    }
  }
}

async function expectFaqJsonLdMatchesVisibleText(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const faq = blocks.map((b) => JSON.parse(b) as Record<string, unknown>).find((d) => d['@type'] === 'FAQPage');
  expect(faq, 'FAQPage JSON-LD').toBeTruthy();
  const entities = faq!.mainEntity as { name: string; acceptedAnswer: { text: string } }[];
  const visible = await page.locator('.faq-item').evaluateAll((items) =>
    items.map((item) => ({
      question: item.querySelector('.faq-question')!.textContent!.trim(),
      answer: item.querySelector('.faq-answer')!.textContent!.replace(/\s+/g, ' ').trim(),
    })),
  );
  expect(entities.map((e) => e.name)).toEqual(visible.map((v) => v.question));
  const squash = (s: string) => s.replace(/\s+/g, '');
  entities.forEach((entity, i) => {
    const answerText = entity.acceptedAnswer.text.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    expect(squash(answerText), `answer to "${entity.name}"`).toBe(squash(visible[i]!.answer));
  });
}
