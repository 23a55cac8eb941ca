import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/lib/load/project.ts';
import { planRoutes } from '../../src/lib/routes.ts';
import { build, edit, fixture, messages, text, withFiles } from './helpers.ts';

const composition = fixture('composition');

describe('routes', () => {
  it('computes every page once, published segments only', () => {
    const { routes, diagnostics } = planRoutes(parseProject(composition).project);
    expect(diagnostics).toEqual([]);
    expect(routes.map((r) => `${r.kind} ${r.path}`)).toMatchInlineSnapshot(`
      [
        "home /",
        "overview /segments/",
        "segment /depot-networks/",
        "faq /depot-networks/faq/",
        "landing /depot-networks/owner/",
        "segment /field-teams/",
        "faq /field-teams/faq/",
        "landing /field-teams/ops-lead/",
        "landing /field-teams/owner/",
        "landing /field-teams/dispatcher/",
      ]
    `);
  });

  it('adds the thank-you page after the built-in pages when leadForm.thankYouPage is set', () => {
    const files = edit(composition, 'content/site.yaml', 'leadForm:\n', 'leadForm:\n  thankYouPage: {}\n');
    const { routes, diagnostics } = planRoutes(parseProject(files).project);
    expect(diagnostics).toEqual([]);
    expect(routes.slice(0, 3).map((r) => `${r.kind} ${r.path}`)).toEqual(['home /', 'overview /segments/', 'thank-you /thank-you/']);
    expect(planRoutes(parseProject(composition).project).routes.map((r) => r.kind)).not.toContain('thank-you');
  });

  it('includes drafts only when asked (previews)', () => {
    const { routes } = planRoutes(parseProject(composition).project, { includeDrafts: true });
    expect(routes.map((r) => r.path)).toContain('/home-care/owner/');
    expect(routes.map((r) => r.path)).not.toContain('/legacy-fleet/');
  });

  it('rejects a segment that would overwrite the built-in overview, naming both', () => {
    // A segment of its own (50 employees at most), so that only the URL clashes.
    const files = withFiles(composition, { 'segments/segments.yaml': text(composition, 'segments/depot-networks.yaml').replace('{ min: 1000 }', '{ max: 49 }') });
    expect(messages(files)).toMatchInlineSnapshot(`
      "segments/segments.yaml:1:1 this would write the page /segments/, which the built-in segment overview already writes
          hint: /segments/ is reserved for the built-in segment overview: rename segments/segments.yaml (the file name is the id, and the id is the address)."
    `);
  });

  it('rejects a persona whose page would overwrite the segment FAQ page, naming both', () => {
    let files = withFiles(composition, { 'content/personas/faq.md': text(composition, 'content/personas/owner.md') });
    files = withFiles(files, { 'segments/depot-networks.yaml': text(composition, 'segments/depot-networks.yaml').replace('  - id: owner', '  - id: owner\n  - id: faq') });
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/personas/faq.md:1:1 this would write the page /depot-networks/faq/, which the built-in FAQ page of segments/depot-networks.yaml already writes
          hint: /depot-networks/faq/ is reserved for the built-in FAQ page of segments/depot-networks.yaml: rename content/personas/faq.md (the file name is the id, and the id is the address)."
    `);
  });

  it('rejects a segment named like the 404 page', () => {
    const files = withFiles(composition, { 'segments/404.yaml': text(composition, 'segments/depot-networks.yaml') });
    expect(messages(files)).toContain('segments/404.yaml:1:1 this would write the page /404/');
  });

  it('gives Astro one parameter per route', () => {
    const site = build(composition);
    expect(site.routes.map((r) => r.param)).toEqual(site.routes.map((r) => (r.path === '/' ? undefined : r.path.slice(1, -1))));
  });
});
