import { describe, expect, it } from 'vitest';
import { axis } from '../../../src/lib/compose/pages.ts';
import type { FaqPageView, HomeView, OverviewView, SegmentHubView } from '../../../src/lib/compose/types.ts';
import { build, fixture } from '../helpers.ts';

const site = build(fixture('composition'));
const view = <T>(path: string) => site.routes.find((r) => r.path === path)!.view as T;

describe('site pages', () => {
  it('lists the published segments on the home page', () => {
    const home = view<HomeView>('/');
    expect(home.segments.map((s) => s.id)).toEqual(['depot-networks', 'field-teams']);
    expect(home.segments[1]!.personas.map((p) => p.href)).toEqual(['/solutions/field-teams/ops-lead/', '/solutions/field-teams/owner/', '/solutions/field-teams/dispatcher/']);
  });

  it('explains segment membership in words', () => {
    const hub = view<SegmentHubView>('/field-teams/');
    expect(hub.segment.criteria).toEqual([
      { label: 'Employees', value: '50 to 999' },
      { label: 'Headquarters', value: 'Europe' },
    ]);
    expect(hub.segment.marketSize?.value).toBe('EUR 250 million');
    expect(hub.segment.growthRate?.value).toBe('7.5% a year');
  });

  it('builds FAQPage structured data from exactly the visible answers, regulation facts included', () => {
    const faq = view<FaqPageView>('/field-teams/faq/');
    const entities = faq.jsonLd.mainEntity as { name: string; acceptedAnswer: { text: string } }[];
    expect(entities.map((e) => e.name)).toEqual(faq.faqs.map((f) => f.question));
    expect(entities.map((e) => e.acceptedAnswer.text)).toEqual(faq.faqs.map((f) => f.answerHtml));
    const working = faq.faqs.find((f) => f.id === 'working-time')!;
    expect(working.answerText).toMatchInlineSnapshot(`"Routes respect rest periods. WTR at a glance (facts last verified 10 January 2026): Status: In force Employees: at least 250 employees 1 January 2020: In force 30 June 2021: Second phase"`);
    expect(faq.faqs.map((f) => f.id)).toEqual(['working-time', 'general', 'for-owners', 'for-dispatchers', 'field-only']);
  });

  it('leaves questions for personas a segment does not speak to off its FAQ page', () => {
    expect(view<FaqPageView>('/depot-networks/faq/').faqs.map((f) => f.id)).toEqual(['general', 'for-owners']);
  });

  it('weights the priority score with the site’s weights', () => {
    const overview = view<OverviewView>('/segments/');
    // (5×3 + 3 + 4 + 3 + 4 + 4) / 8 = 4.125
    expect(overview.segments.find((s) => s.id === 'field-teams')!.priority).toBe(4.1);
    expect(overview.segments.find((s) => s.id === 'depot-networks')!.priority).toBeUndefined();
    expect(overview.charts.map((c) => [c.title, c.bars.map((b) => b.valueLabel)])).toEqual([
      ['Priority score', ['4.1']],
      ['Estimated growth per year', ['7.5%']],
    ]);
  });

  it('keeps noindex pages and drafts out of the sitemap', () => {
    expect(site.sitemapXml).not.toContain('dispatcher');
    expect(site.sitemapXml).toContain('<loc>https://fieldwork.example/solutions/field-teams/ops-lead/</loc>');
    expect(site.sitemapXml).not.toContain('home-care');
    expect(site.robotsTxt).toContain('Sitemap: https://fieldwork.example/solutions/sitemap.xml');
  });

  it('composes the same site from the same files, byte for byte', () => {
    expect(JSON.stringify(build(fixture('composition')))).toBe(JSON.stringify(site));
  });
});

describe('chart axis', () => {
  it('rounds to readable steps', () => {
    expect(axis(5)).toEqual({ max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(axis(11)).toEqual({ max: 12, ticks: [0, 2, 4, 6, 8, 10, 12] });
    expect(axis(7.5)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(axis(0.3)).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
  });
});
