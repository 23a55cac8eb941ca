import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/lib/load/project.ts';
import { planRoutes } from '../../src/lib/routes.ts';
import { edit } from './helpers.ts';
import { variantFile, withSampleVariants, withVariants, SHORT_FORM } from './variant-fixtures.ts';

const plan = (files: Parameters<typeof parseProject>[0], options = {}) => planRoutes(parseProject(files).project, options);

describe('routes of A/B variants', () => {
  it('plans each live variant right after its control, one level below its URL', () => {
    const { routes, diagnostics } = plan(withSampleVariants);
    expect(diagnostics).toEqual([]);
    expect(routes.filter((r) => r.segment === 'field-teams' && r.kind === 'landing').map((r) => `${r.path} ${r.variant ?? 'control'}`)).toEqual([
      '/field-teams/ops-lead/ control',
      '/field-teams/ops-lead/short-form/ short-form',
      '/field-teams/owner/ control',
      '/field-teams/owner/owner-hero/ owner-hero',
      '/field-teams/dispatcher/ control',
    ]);
    const route = routes.find((r) => r.variant === 'short-form')!;
    expect(route).toMatchObject({ kind: 'landing', segment: 'field-teams', persona: 'ops-lead', file: 'content/variants/field-teams/ops-lead/short-form.mdx' });
  });

  it('builds neither draft nor ended variants, even for previews', () => {
    const paths = plan(withSampleVariants, { includeDrafts: true, preview: true }).routes.map((r) => r.path);
    expect(paths).not.toContain('/field-teams/ops-lead/later/');
    expect(paths).not.toContain('/field-teams/ops-lead/over/');
  });

  it('builds no variant of a page that is not published', () => {
    const files = edit(withVariants({ [variantFile('field-teams', 'ops-lead', 'short-form')]: SHORT_FORM }), 'segments/field-teams.yaml', 'status: active', 'status: draft');
    expect(plan(files).routes.map((r) => r.path).filter((p) => p.startsWith('/field-teams/'))).toEqual([]);
  });
});
