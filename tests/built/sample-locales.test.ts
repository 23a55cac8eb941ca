import { describe, expect, it } from 'vitest';
import { checkAlternates, checkSitemap } from './hreflang.ts';
import { builtDir, read, siteFiles } from './site-files.ts';

/**
 * The sample publishes its EU due-diligence segment in German too: its English and German pages name
 * each other as alternates, and the sitemap lists both, as a crawler expects. (Every page of the sample
 * passes the HTML checker in html-validity.test.ts.)
 */
describe('the sample in English and German', () => {
  const dir = builtDir('sample');
  const pages = new Map([...siteFiles(dir).entries()].filter(([name]) => name.endsWith('.html')));

  it('has the German pages of the EU due-diligence segment, in German', () => {
    const german = [...pages.keys()].filter((name) => name.startsWith('de/'));
    expect(german).toEqual(expect.arrayContaining(['de/index.html', 'de/segments/index.html', 'de/eu-due-diligence/index.html', 'de/eu-due-diligence/faq/index.html', 'de/eu-due-diligence/cpo/index.html', 'de/eu-due-diligence/esg-lead/index.html', 'de/eu-due-diligence/sourcing-director/index.html']));
    expect(german.filter((name) => /^de\/(enterprise-procurement|mid-market-owner|public-sector-buyers|listed-mid-cap-controls)\//.test(name))).toEqual([]);
    for (const name of german) expect(read(pages.get(name)!), name).toContain('<html lang="de"');
    expect(read(pages.get('de/eu-due-diligence/cpo/index.html')!)).toContain('Sorgfaltspflichten als Lieferantenprogramm');
  });

  it('pairs every English page that has a German one with it, both ways, x-default on the English page', () => {
    // Home, segment overview, the segment's hub, its FAQ and two landing pages, in two languages; the
    // ESG lead's page is noindex (its override says so), and a page kept out of search names no alternates.
    expect(checkAlternates(pages)).toBe(12);
  });

  it('has a sitemap whose every URL exists, with reciprocal alternates', () => {
    expect(checkSitemap(dir, 'https://www.northwind-procure.example')).toBeGreaterThan(20);
  });
});
