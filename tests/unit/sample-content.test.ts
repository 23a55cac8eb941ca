import { describe, expect, it } from 'vitest';
import type { LandingView } from '../../src/lib/compose/types.ts';
import { build, PROJECT_ROOT, readTree } from './helpers.ts';

/** The content shipped in the repository is the product's first impression: it must be complete and clean. */
const files = readTree(PROJECT_ROOT);
const site = build(files);
const landings = site.routes.map((r) => r.view).filter((v): v is LandingView => v.kind === 'landing');

describe('the shipped sample content', () => {
  it('passes every check without a warning', () => {
    expect(site.diagnostics).toEqual([]);
  });

  it('has three to five active segments, each with a landing page per persona', () => {
    const hubs = site.routes.filter((r) => r.view.kind === 'segment');
    expect(hubs.length).toBeGreaterThanOrEqual(3);
    expect(hubs.length).toBeLessThanOrEqual(5);
    for (const hub of hubs) {
      if (hub.view.kind !== 'segment') continue;
      for (const persona of hub.view.segment.personas) expect(site.routes.map((r) => r.path)).toContain(`/${hub.view.segment.id}/${persona.id}/`);
    }
  });

  it('writes distinct, persona-specific copy on every landing page', () => {
    const headlines = landings.map((l) => l.hero.headline.text);
    const propositions = landings.map((l) => l.hero.valueProposition);
    expect(new Set(headlines).size).toBe(landings.length);
    expect(new Set(propositions).size).toBe(landings.length);
    expect(new Set(landings.map((l) => l.meta.title)).size).toBe(landings.length);
  });

  it('describes the five personas of the buying committee', () => {
    expect(new Set(landings.map((l) => l.persona.id))).toEqual(new Set(['cpo', 'sourcing-director', 'ap-controller', 'esg-lead', 'procurement-manager']));
  });

  it('keeps drafts unpublished', () => {
    expect(site.routes.some((r) => r.path.startsWith('/public-sector-buyers/'))).toBe(false);
  });

  it('carries the eight regulation entries with sources and verification dates', () => {
    // Translations (<id>.<locale>.yaml) hold text only; the entries are the originals.
    const regulationFiles = files.filter((f) => /^content\/regulations\/[^.]+\.yaml$/.test(f.file));
    expect(regulationFiles.map((f) => f.file.replace(/^content\/regulations\/|\.yaml$/g, '')).sort()).toEqual([
      'anti-bribery',
      'de-lksg',
      'eu-csddd',
      'irs-1099-tin',
      'ofac-sanctions',
      'sox-404',
      'ucc-article-9',
      'uk-modern-slavery-act',
    ]);
    const shown = landings.flatMap((l) => l.regulations);
    for (const r of shown) {
      expect(r.sources.length).toBeGreaterThan(0);
      expect(r.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
