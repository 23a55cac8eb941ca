import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LandingView } from '../../../src/lib/compose/types.ts';
import { composeOgElement, OG_LIMITS, OG_THEME, ogCardOf, truncate, type OgElement } from '../../../src/lib/og-image/card.ts';
import { build, edit, fixture, PROJECT_ROOT } from '../helpers.ts';

/** Every text of an element tree, in document order. */
const textsOf = (element: OgElement): string[] => {
  const children = element.props.children;
  const list = children === undefined ? [] : Array.isArray(children) ? children : [children];
  return list.flatMap((child) => (typeof child === 'string' ? [child] : textsOf(child)));
};

describe('Open Graph card composition', () => {
  const site = build(edit(fixture('composition'), 'content/site.yaml', 'name: Fieldwork\n', 'name: Fieldwork\nopenGraphImages: true\n'));
  const landing = site.routes.find((r) => r.path === '/field-teams/ops-lead/')!.view as LandingView;

  it('shows the site name, the landing page’s headline and its segment · persona line', () => {
    const card = ogCardOf(landing)!;
    expect(card.headline).toBe(landing.meta.socialTitle);
    expect(card.context).toBe(`${landing.segment.name} · ${landing.persona.name}`);
    expect(textsOf(composeOgElement(card))).toEqual(['Fieldwork', landing.meta.socialTitle, `${landing.segment.name} · ${landing.persona.name}`]);
  });

  it('puts the image next to the page, as an absolute URL under the base path, with the headline as its alt text', () => {
    expect(landing.meta.image).toEqual({
      path: '/field-teams/ops-lead/og.png',
      url: 'https://fieldwork.example/solutions/field-teams/ops-lead/og.png',
      width: 1200,
      height: 630,
      alt: landing.meta.socialTitle,
    });
  });

  it('gives home, hub, FAQ and landing pages a card, and none to the 404 page', () => {
    const kinds = site.routes.filter((r) => ogCardOf(r.view)).map((r) => r.view.kind);
    expect(new Set(kinds)).toEqual(new Set(['home', 'overview', 'segment', 'faq', 'landing']));
    expect(site.notFound.meta.image).toBeUndefined();
    // Noindex landing pages are what paid campaigns link to: they keep their image.
    const noindex = site.routes.find((r) => r.path === '/field-teams/dispatcher/')!.view;
    expect(noindex.meta.noindex).toBe(true);
    expect(noindex.meta.image?.path).toBe('/field-teams/dispatcher/og.png');
    expect(ogCardOf(site.routes.find((r) => r.path === '/')!.view)).toEqual({ siteName: 'Fieldwork', headline: 'Every visit on time' });
  });

  it('leaves every image out unless site.yaml sets openGraphImages: true', () => {
    const off = build(fixture('composition'));
    expect(off.routes.map((r) => r.view.meta.image).filter(Boolean)).toEqual([]);
    expect(off.routes.map((r) => ogCardOf(r.view)).filter(Boolean)).toEqual([]);
  });

  it('cuts long texts at a word with an ellipsis, and keeps short ones', () => {
    expect(truncate('Short headline', 20)).toBe('Short headline');
    expect(truncate('Procurement audits closed in days rather than weeks', 30)).toBe('Procurement audits closed in…');
    expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    const long = composeOgElement({ siteName: 'S', headline: 'word '.repeat(60), context: 'x'.repeat(200) });
    const [, headline, context] = textsOf(long);
    expect([...headline!].length).toBeLessThanOrEqual(OG_LIMITS.headline);
    expect(headline!.endsWith('…')).toBe(true);
    expect(context).toBe(`${'x'.repeat(OG_LIMITS.context - 1)}…`);
  });

  it('takes its colours from the site’s stylesheet', () => {
    const css = readFileSync(join(PROJECT_ROOT, 'src/styles/site.css'), 'utf8');
    const property = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`).exec(css)?.[1];
    expect({ ink: property('ink'), muted: property('muted'), accent: property('accent'), accentInk: property('accent-ink'), tag: property('tag') }).toEqual({
      ink: OG_THEME.ink,
      muted: OG_THEME.muted,
      accent: OG_THEME.accent,
      accentInk: OG_THEME.accentInk,
      tag: OG_THEME.tag,
    });
  });
});
