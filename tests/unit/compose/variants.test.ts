import { describe, expect, it } from 'vitest';
import type { LandingView } from '../../../src/lib/compose/types.ts';
import { build } from '../helpers.ts';
import { withSampleVariants } from '../variant-fixtures.ts';

const site = build(withSampleVariants);
const landing = (path: string) => site.routes.find((r) => r.path === path)!.view as LandingView;

describe('composing an A/B variant', () => {
  it('is its control with the variant’s copy, at its own URL', () => {
    const control = landing('/field-teams/ops-lead/');
    const variant = landing('/field-teams/ops-lead/short-form/');
    expect(variant.hero.headline.text).toBe("Plan tomorrow's crews in one screen");
    expect(variant.meta.title).toBe('Crews in one screen | Fieldwork');
    // What the variant leaves out stays as the control has it.
    expect(variant.hero.valueProposition).toBe(control.hero.valueProposition);
    expect(variant.pains).toEqual(control.pains);
    expect(variant.faqs).toEqual(control.faqs);
    expect(variant.cta).toEqual(control.cta);
    expect(variant.meta.href).toBe('/solutions/field-teams/ops-lead/short-form/');
    expect(variant.meta.url).toBe('https://fieldwork.example/solutions/field-teams/ops-lead/short-form/');
  });

  it('stays out of search engines and names its control as canonical; the control is unchanged', () => {
    const control = landing('/field-teams/ops-lead/');
    const variant = landing('/field-teams/ops-lead/short-form/');
    expect(variant.meta).toMatchObject({ noindex: true, canonical: 'https://fieldwork.example/solutions/field-teams/ops-lead/' });
    expect(control.meta).toMatchObject({ noindex: false, canonical: 'https://fieldwork.example/solutions/field-teams/ops-lead/', url: 'https://fieldwork.example/solutions/field-teams/ops-lead/' });
    expect(control.control).toBeUndefined();
    expect(variant.control).toEqual({ path: '/field-teams/ops-lead/', href: '/solutions/field-teams/ops-lead/', variant: 'default' });
  });

  it('reports the variant id in its events, and the control its own name', () => {
    expect(landing('/field-teams/ops-lead/short-form/').tracking).toMatchObject({ pageType: 'landing', segment: 'field-teams', persona: 'ops-lead', variant: 'short-form' });
    expect(landing('/field-teams/ops-lead/').tracking.variant).toBe('default');
    expect(landing('/field-teams/owner/').tracking.variant).toBe('owner-calm');
    expect(landing('/field-teams/owner/owner-hero/').tracking.variant).toBe('owner-hero');
  });

  it('takes its own sections and the control override’s others, each section from one file', () => {
    expect(landing('/field-teams/ops-lead/short-form/').overrides).toEqual([{ file: 'content/variants/field-teams/ops-lead/short-form.mdx', sections: ['pains'] }]);
    expect(landing('/field-teams/owner/owner-hero/').overrides).toEqual([
      { file: 'content/variants/field-teams/owner/owner-hero.mdx', sections: ['hero', 'objections'] },
      { file: 'content/pages/field-teams/owner.mdx', sections: ['cta'] },
    ]);
    // The control override's front matter still applies where the variant writes nothing.
    expect(landing('/field-teams/owner/owner-hero/').meta.title).toBe('Calmer weeks for field-team owners');
  });

  it('is in no sitemap, and no hub or navigation links to it', () => {
    expect(site.sitemapXml).toContain('/field-teams/ops-lead/</loc>');
    expect(site.sitemapXml).not.toContain('short-form');
    expect(site.sitemapXml).not.toContain('owner-hero');
    const hubs = site.routes.filter((r) => r.view.kind !== 'landing');
    expect(JSON.stringify(hubs.map((r) => r.view))).not.toMatch(/short-form|owner-hero/);
  });
});
