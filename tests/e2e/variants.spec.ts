import { expect, test, type Page } from '@playwright/test';

/** An A/B variant is measured as its own arm: the events of its page name it, those of its control do not. */

type DataLayerEvent = Record<string, unknown> & { event: string };

async function pageViews(page: Page): Promise<DataLayerEvent[]> {
  return page.evaluate(() => (window.dataLayer as unknown[]).filter((e): e is DataLayerEvent => !!e && typeof e === 'object' && 'event' in e && (e as DataLayerEvent).event === 'page_view') as never);
}

test.describe('[sample] A/B variants', () => {
  test('the page view of a variant carries its id as page_variant, the control’s says default', async ({ page }) => {
    await page.goto('/eu-due-diligence/cpo/short-form/?utm_source=linkedin&utm_medium=paid-social&utm_campaign=eu-due-diligence&utm_content=cpo');
    await expect(page.locator('h1')).toContainText('Show your board supplier risk');
    const [variantView] = await pageViews(page);
    expect(variantView).toMatchObject({ event: 'page_view', page_type: 'landing', segment: 'eu-due-diligence', persona: 'cpo', page_variant: 'short-form', page_path: '/eu-due-diligence/cpo/short-form/', utm_campaign: 'eu-due-diligence' });

    await page.goto('/eu-due-diligence/cpo/');
    const [controlView] = await pageViews(page);
    expect(controlView).toMatchObject({ event: 'page_view', persona: 'cpo', page_variant: 'default' });
  });
});
