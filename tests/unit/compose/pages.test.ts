import { describe, expect, it } from 'vitest';
import type { FaqPageView, HomeView, OverviewView, SegmentHubView } from '../../../src/lib/compose/types.ts';
import { buildSite } from '../../../src/lib/site-build.ts';
import type { PreviewView } from '../../../src/lib/compose/types.ts';
import { build, fixture } from '../helpers.ts';

const site = build(fixture('composition'));
const view = <T>(path: string) => site.routes.find((r) => r.path === path)!.view as T;

describe('site pages', () => {
  it('lists the published segments on the home page', () => {
    const home = view<HomeView>('/');
    expect(home.segments.map((s) => s.id)).toEqual(['depot-networks', 'field-teams']);
    expect(home.segments[1]!.personas.map((p) => p.href)).toEqual(['/solutions/field-teams/ops-lead/', '/solutions/field-teams/owner/', '/solutions/field-teams/dispatcher/']);
  });

  it('speaks to companies like the visitor’s on the segment hub: challenges, value proposition, proof points, rules', () => {
    const hub = view<SegmentHubView>('/field-teams/');
    expect(hub.challenges).toEqual([
      { id: 'missed-visits', title: 'Missed visits', summary: 'Customers wait at home for nobody.', regulations: [] },
      { id: 'paperwork', title: 'Paperwork after every job', summary: 'Technicians fill forms at night.', regulations: [{ label: 'SRA', href: '/solutions/field-teams/faq/' }] },
    ]);
    expect(hub.valueProposition).toBe('Fewer missed visits.');
    expect(hub.proofPoints).toEqual(['Routes re-planned in seconds']);
    expect(hub.regulations.map((r) => r.label)).toEqual(['WTR', 'SRA']);
  });

  it('composes no targeting data into public pages: no criteria, sizing, scores or sources', () => {
    const publicJson = JSON.stringify(site.routes.map((r) => r.view));
    for (const internal of ['Internal sizing', 'EUR 250 million', '7.5%', 'sizeAndGrowth', 'priority', '"criteria"', 'marketSize', 'Europe']) {
      expect(publicJson, internal).not.toContain(internal);
    }
  });

  it('builds FAQPage structured data from exactly the visible answers, regulation facts included', () => {
    const faq = view<FaqPageView>('/field-teams/faq/');
    const entities = faq.jsonLd.mainEntity as { name: string; acceptedAnswer: { text: string } }[];
    expect(entities.map((e) => e.name)).toEqual(faq.faqs.map((f) => f.question));
    expect(entities.map((e) => e.acceptedAnswer.text)).toEqual(faq.faqs.map((f) => f.answerHtml));
    const working = faq.faqs.find((f) => f.id === 'working-time')!;
    expect(working.answerText).toMatchInlineSnapshot(`"Routes respect rest periods. WTR: Rules about WTR. WTR at a glance (facts last verified 10 January 2026): Status: In force Employees: at least 250 employees 1 January 2020: In force 30 June 2021: Second phase"`);
    expect(faq.faqs.map((f) => f.id)).toEqual(['working-time', 'general', 'for-owners', 'for-dispatchers', 'field-only']);
  });

  it('leaves questions for personas a segment does not speak to off its FAQ page', () => {
    expect(view<FaqPageView>('/depot-networks/faq/').faqs.map((f) => f.id)).toEqual(['general', 'for-owners']);
  });

  it('lists the published segments on the public /segments/ index, nothing more', () => {
    const overview = view<OverviewView>('/segments/');
    expect(overview.segments.map((s) => s.id)).toEqual(['depot-networks', 'field-teams']);
    expect(Object.keys(overview).sort()).toEqual(['chrome', 'kind', 'meta', 'segments', 'tracking']);
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

  it('words a segment’s status on the preview index, never as its raw value', () => {
    const result = buildSite(fixture('composition'), { includeDrafts: true, preview: true });
    if (!result.ok) throw new Error('expected the fixture to build');
    const preview = result.build.routes.find((r) => r.view.kind === 'preview')!.view as PreviewView;
    expect(preview.groups.map((g) => [g.title, g.statusLabel])).toContainEqual(['Home care providers', 'Draft, not published']);
    expect(preview.groups.find((g) => g.status === 'active')?.statusLabel).toBeUndefined();
  });
});
