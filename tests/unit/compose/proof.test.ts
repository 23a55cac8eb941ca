import { describe, expect, it } from 'vitest';
import { composeProof, proofRank, selectProof } from '../../../src/lib/compose/proof.ts';
import type { LandingView } from '../../../src/lib/compose/types.ts';
import type { Entry, ProjectProof } from '../../../src/lib/load/project.ts';
import type { ProofScope } from '../../../src/lib/schemas/index.ts';
import { build, edit, fixture, withFiles } from '../helpers.ts';

const target = { segment: 'mid', persona: 'cpo', vertical: 'procurement' };
const scope = (s: Partial<ProofScope> = {}): ProofScope => ({ segments: [], personas: [], verticals: [], ...s });
const entry = (id: string, s: Partial<ProofScope>, date?: string): Entry<{ scope: ProofScope; date?: string }> => ({
  id,
  file: `content/proof/quotes/${id}.yaml`,
  data: { scope: scope(s), date },
  locate: { at: () => undefined } as unknown as Entry<unknown>['locate'],
});

describe('proof selection', () => {
  it('ranks persona, then segment, then vertical, then everywhere; a mismatch is left out', () => {
    expect(proofRank(scope({ personas: ['cpo'], segments: ['mid'] }), target)).toBe(0);
    expect(proofRank(scope({ segments: ['mid'] }), target)).toBe(1);
    expect(proofRank(scope({ verticals: ['procurement'] }), target)).toBe(2);
    expect(proofRank(scope(), target)).toBe(3);
    expect(proofRank(scope({ personas: ['cpo'], segments: ['enterprise'] }), target)).toBeUndefined();
    expect(proofRank(scope({ verticals: ['retail'] }), target)).toBeUndefined();
  });

  it('orders by rank, then newest first, then id, and keeps to the limit', () => {
    const entries = [
      entry('global-old', {}, '2025-01-01'),
      entry('global-new', {}, '2026-01-01'),
      entry('vertical', { verticals: ['procurement'] }),
      entry('segment', { segments: ['mid'] }),
      entry('persona', { personas: ['cpo'] }),
      entry('other-persona', { personas: ['ap-controller'] }),
    ];
    expect(selectProof(entries, target, 10).map((e) => e.id)).toEqual(['persona', 'segment', 'vertical', 'global-new', 'global-old']);
    expect(selectProof(entries, target, 2).map((e) => e.id)).toEqual(['persona', 'segment']);
    expect(selectProof(entries, target, 0)).toEqual([]);
  });

  it('formats figures and marks the parts that hold fictional proof', () => {
    const proof: ProjectProof = {
      quotes: [{ ...entry('q', {}), data: { text: 'Good.', person: 'Ada Byron', company: 'Acme', scope: scope(), fictional: false } } as ProjectProof['quotes'][number]],
      logos: [{ ...entry('l', {}), data: { company: 'Acme', image: 'logos/acme.svg', width: 80, height: 20, scope: scope(), fictional: true } } as ProjectProof['logos'][number]],
      figures: [
        { ...entry('f', {}), data: { value: 2400000, unit: 'USD', measured: 'saved', customer: 'Acme', customerReported: true, date: '2026-03-01', scope: scope(), fictional: false } } as ProjectProof['figures'][number],
      ],
      certifications: [],
      logoImages: new Map(),
    };
    const view = composeProof(proof, { logos: 4, figures: 1, quotes: 2, certifications: 2 }, target, (path) => `/base${path}`);
    expect(view.logos).toEqual([{ id: 'l', company: 'Acme', src: '/base/logos/acme.svg', width: 80, height: 20, alt: 'Acme', fictional: true }]);
    expect(view.figures.map((f) => [f.value, f.source, f.dateLabel])).toEqual([['USD 2.4 million', 'customer-reported', '1 March 2026']]);
    expect([view.stripFictional, view.quotesFictional]).toEqual([true, false]);
  });
});

describe('proof on a landing page', () => {
  const files = withFiles(fixture('minimal'), {
    'content/proof/quotes/for-controllers.yaml': 'text: Three-day close.\nperson: Ada Byron\ncompany: Acme\ndate: 2026-03-01\npermission: Approved by email\nscope: { personas: [controller] }\nfictional: true\n',
    'content/proof/quotes/general.yaml': 'text: Good support.\nperson: Grace Hopper\ncompany: Navy Books\ndate: 2026-04-01\npermission: Approved by email\n',
    'content/proof/quotes/all-dimensions.yaml': 'text: Not here.\nperson: Alan Turing\ncompany: Bletchley\ndate: 2026-04-01\npermission: Approved by email\nscope: { verticals: [finance-software], segments: [small-finance], personas: [controller] }\n',
  });
  const landing = (f: typeof files) => build(f).routes.find((r) => r.view.kind === 'landing')!.view as LandingView;

  it('shows the quotes for the persona first (newest first among them), up to the landingPage.proof limit', () => {
    expect(landing(files).proof.quotes.map((q) => q.id)).toEqual(['all-dimensions', 'for-controllers']);
    expect(landing(files).proof.quotesFictional).toBe(true);
    const three = edit(files, 'content/site.yaml', 'name:', 'landingPage:\n  proof: { quotes: 3 }\nname:');
    expect(landing(three).proof.quotes.map((q) => q.id)).toEqual(['all-dimensions', 'for-controllers', 'general']);
  });
});
