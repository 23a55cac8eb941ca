import { describe, expect, it } from 'vitest';
import type { LandingView, Route } from '../../src/lib/compose/types.ts';
import { buildCampaignRows } from '../../src/lib/tracking/campaign-urls.ts';
import { build, edit, fixture } from './helpers.ts';

const site = build(fixture('i18n'));
const route = (path: string): Route => {
  const found = site.routes.find((r) => r.path === path);
  if (!found) throw new Error(`no route ${path}`);
  return found;
};

describe('a site in two locales', () => {
  it('composes the German pages in German, with German links, figures and dates from the originals', () => {
    const landing = route('/de/small-finance/controller/').view as LandingView;
    expect(landing.meta).toMatchObject({ language: 'de', path: '/de/small-finance/controller/', canonical: 'https://acme.example/de/small-finance/controller/', title: 'Leitung Rechnungswesen · Kleine Finanzteams | Acme Ledger' });
    expect(landing.tracking).toMatchObject({ locale: 'de', segment: 'small-finance', persona: 'controller' });
    expect(landing.segment.href).toBe('/de/small-finance/');
    expect(landing.chrome.homeHref).toBe('/de/');
    expect(landing.chrome.faviconHref).toBe('/favicon.svg');
    expect(JSON.stringify(landing)).toContain('Steuerpflichtiger Umsatz');
    expect(JSON.stringify(landing)).not.toContain('Taxable turnover');
    expect(route('/small-finance/controller/').view.tracking.locale).toBe('en');
  });

  it('sends German visitors to the German thank-you page', () => {
    const landing = route('/de/small-finance/controller/').view as LandingView;
    expect(JSON.stringify(landing)).toContain('"thankYouUrl":"https://acme.example/de/thank-you/"');
  });

  it('lists only the segments published in German on the German home page', () => {
    const home = route('/de/').view;
    expect(home.kind === 'home' && home.segments.map((s) => s.name)).toEqual(['Kleine Finanzteams']);
  });

  it('links each page with itself in every locale it exists in, plus x-default, and every link is returned', () => {
    expect(route('/de/small-finance/faq/').view.meta.alternates).toEqual([
      { locale: 'en', hreflang: 'en', url: 'https://acme.example/small-finance/faq/' },
      { locale: 'de', hreflang: 'de', url: 'https://acme.example/de/small-finance/faq/' },
      { locale: 'en', hreflang: 'x-default', url: 'https://acme.example/small-finance/faq/' },
    ]);
    expect(route('/mid-finance/').view.meta.alternates).toEqual([]);
    const byUrl = new Map(site.routes.map((r) => [r.view.meta.url, r]));
    for (const r of site.routes) {
      for (const a of r.view.meta.alternates) {
        const target = byUrl.get(a.url);
        expect(target, `${r.path} → ${a.url}`).toBeDefined();
        expect(target!.view.meta.alternates.map((b) => b.url)).toContain(r.view.meta.url);
      }
    }
  });

  it('keeps variants out of search engines, canonical to their control in the same locale, without alternates', () => {
    const variant = route('/de/small-finance/controller/short-form/').view;
    expect(variant.meta).toMatchObject({ noindex: true, canonical: 'https://acme.example/de/small-finance/controller/', alternates: [] });
    expect(site.sitemapXml).not.toContain('short-form');
  });

  it('lists every indexable page in the sitemap with its alternates, the namespace declared', () => {
    expect(site.sitemapXml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
    expect(site.sitemapXml).toContain(
      ['  <url>', '    <loc>https://acme.example/de/small-finance/</loc>', '    <xhtml:link rel="alternate" hreflang="en" href="https://acme.example/small-finance/"/>', '    <xhtml:link rel="alternate" hreflang="de" href="https://acme.example/de/small-finance/"/>', '    <xhtml:link rel="alternate" hreflang="x-default" href="https://acme.example/small-finance/"/>', '  </url>'].join('\n'),
    );
    const locs = [...site.sitemapXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(site.routes.filter((r) => !r.view.meta.noindex).map((r) => r.view.meta.canonical));
    expect(locs).toContain('https://acme.example/mid-finance/');
  });

  it('writes a campaign URL row per locale a page exists in, with a locale column', () => {
    const withChannel = build(edit(fixture('i18n'), 'content/site.yaml', 'locales: [de]', 'locales: [de]\nchannels:\n  - { id: linkedin, label: LinkedIn, source: linkedin, medium: paid-social }'));
    const rows = buildCampaignRows(withChannel).filter((r) => r.segment === 'small-finance' && r.variant === 'default');
    expect(rows.map((r) => [r.locale, r.segment_name, new URL(r.url).pathname])).toEqual([
      ['en', 'Small finance teams', '/small-finance/controller/'],
      ['de', 'Kleine Finanzteams', '/de/small-finance/controller/'],
    ]);
    expect(rows[0]!.utm_id).not.toBe(rows[1]!.utm_id);
  });
});

describe('a site without locales', () => {
  const single = build(fixture('minimal'));

  it('has no alternates, and the sitemap it always had', () => {
    expect(single.routes.every((r) => r.view.meta.alternates.length === 0 && r.view.meta.language === 'en' && !r.view.chrome.multilingual)).toBe(true);
    expect(single.sitemapXml.split('\n').slice(0, 3)).toEqual(['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', '  <url><loc>https://acme.example/</loc></url>']);
  });
});

describe('a site with every locale under its prefix', () => {
  const prefixed = build(edit(fixture('i18n'), 'content/site.yaml', 'locales: [de]', 'locales: [de]\nprefixDefaultLocale: true'));

  it('puts a choice of language at /, linking each locale’s home page, as the home pages’ x-default', () => {
    const root = prefixed.routes.find((r) => r.path === '/')!.view;
    expect(root.kind).toBe('locale-choice');
    expect(root.kind === 'locale-choice' && root.locales).toEqual([
      { locale: 'en', label: 'English', href: '/en/' },
      { locale: 'de', label: 'Deutsch', href: '/de/' },
    ]);
    expect(root.meta.canonical).toBe('https://acme.example/');
    const home = prefixed.routes.find((r) => r.path === '/en/')!.view;
    expect(home.meta.alternates).toEqual([
      { locale: 'en', hreflang: 'en', url: 'https://acme.example/en/' },
      { locale: 'de', hreflang: 'de', url: 'https://acme.example/de/' },
      { locale: 'en', hreflang: 'x-default', url: 'https://acme.example/' },
    ]);
    expect(root.meta.alternates).toEqual(home.meta.alternates);
    expect(prefixed.routes.find((r) => r.path === '/en/small-finance/')!.view.meta.alternates.at(-1)).toEqual({ locale: 'en', hreflang: 'x-default', url: 'https://acme.example/en/small-finance/' });
  });
});
