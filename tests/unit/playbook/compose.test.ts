import { describe, expect, it } from 'vitest';
import { SUMMARY_FILE } from '../../../src/lib/assign/summary.ts';
import { axis } from '../../../src/lib/playbook/compose.ts';
import { buildPlaybook } from '../../../src/lib/playbook/build.ts';
import { renderPlaybookHtml } from '../../../src/lib/playbook/render-html.ts';
import type { PlaybookView } from '../../../src/lib/playbook/types.ts';
import { edit, fixture, PROJECT_ROOT, readTree, withFiles } from '../helpers.ts';
import type { SourceFile } from '../../../src/lib/load/files.ts';

function playbookOf(files: readonly SourceFile[]): PlaybookView {
  const result = buildPlaybook(files, { today: '2026-11-29' });
  if (!result.ok) throw new Error('expected the content to build');
  return result.playbook.view;
}

const composition = fixture('composition');
const sample = readTree(PROJECT_ROOT);

describe('the playbook of the composition fixture', () => {
  const view = playbookOf(composition);
  const fieldTeams = view.segments.find((s) => s.id === 'field-teams')!;

  it('ranks active and draft segments by priority score, weighted with the site’s weights', () => {
    // (5×3 + 3 + 4 + 3 + 4 + 4) / 8 = 4.125
    expect(view.segments.map((s) => [s.id, s.status, s.priority])).toEqual([
      ['field-teams', 'active', 4.1],
      ['depot-networks', 'active', undefined],
      ['home-care', 'draft', undefined],
    ]);
    expect(view.charts.map((c) => [c.title, c.bars.map((b) => b.valueLabel)])).toEqual([
      ['Priority score', ['4.1']],
      ['Estimated growth per year', ['7.5%']],
    ]);
  });

  it('explains segment membership in words, with sizing and sources', () => {
    expect(fieldTeams.criteria).toEqual([
      { label: 'Employees', value: '50 to 999' },
      { label: 'Headquarters', value: 'Europe' },
    ]);
    expect(fieldTeams.marketSize?.value).toBe('EUR 250 million');
    expect(fieldTeams.marketSize?.source).toEqual({ title: 'Internal sizing' });
    expect(fieldTeams.growthRate?.value).toBe('7.5% a year');
    expect(fieldTeams.publicUrl).toBe('https://fieldwork.example/solutions/field-teams/');
    expect(view.segments.find((s) => s.id === 'home-care')!.publicUrl).toBeUndefined();
  });

  it('puts an either-or test and systems that must all be on record into words', () => {
    const either = 'employees: { min: 1000 }\n    anyOf:\n      - employees: { min: 250 }\n      - revenue: { min: 50000000, currency: EUR }\n        regions: [Germany, Austria]\n  technographic:\n    uses: [SAP S/4HANA, Oracle ERP Cloud]\n    usesAll: [Splunk Enterprise Security, Microsoft Sentinel]';
    const depots = playbookOf(edit(composition, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', either)).segments.find((s) => s.id === 'depot-networks')!;
    expect(depots.criteria).toEqual([
      { label: 'Employees', value: '1,000 or more' },
      { label: 'And at least one of', value: '250+ employees; or revenue ≥ EUR 50 million and headquartered in Germany or Austria' },
      { label: 'Runs', value: 'SAP S/4HANA or Oracle ERP Cloud' },
      { label: 'And runs all of', value: 'Splunk Enterprise Security and Microsoft Sentinel' },
    ]);
    const only = either.replace('employees: { min: 1000 }\n    ', '').replace('min: 250', 'min: 1000').replace('    uses: [SAP S/4HANA, Oracle ERP Cloud]\n', '');
    const alone = playbookOf(edit(composition, 'segments/depot-networks.yaml', 'employees: { min: 1000 }', only)).segments.find((s) => s.id === 'depot-networks')!;
    expect(alone.criteria.map((c) => c.label)).toEqual(['At least one of', 'Runs all of']);
  });

  it('holds the scorecard that npm run scorecard prints', () => {
    expect(view.scorecard.columns).toEqual(['Rank', 'Segment', 'Accounts', 'Market size', 'Growth', 'Size & growth', 'Competition', 'Fit', 'Structure', 'Access', 'Response', 'Score']);
    expect(view.scorecard.rows[0]).toEqual(['1', 'Field-service teams', 'n/a', 'EUR 250 million (2026)', '7.5% a year, 2026–2030', '5', '3', '4', '3', '4', '4', '4.1']);
  });

  it('escapes every value from content in its HTML', () => {
    const html = renderPlaybookHtml({ ...view, segments: [{ ...fieldTeams, name: '<script>alert("x")</script>', rationale: 'a & b' }] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
  });
});

describe('the playbook of the sample', () => {
  it('shows the accounts assigned beside the scores and as a chart, when a summary is committed', () => {
    const view = playbookOf(sample);
    expect(view.accounts).toEqual({
      notes: [
        '100 of the 298 accounts in sample-accounts.csv were assigned to a segment; 198 matched none.',
        'No account matched more than one segment.',
        '2 rows of the export could not be read and are not counted.',
      ],
    });
    expect(view.charts.map((c) => c.title)).toEqual(['Priority score', 'CRM accounts assigned', 'Estimated growth per year']);
    expect(view.charts[1]!.bars.map((b) => `${b.label}: ${b.valueLabel}`)).toEqual([
      'Listed North American mid-caps: 11',
      'EU supply-chain due diligence: 44',
      'Enterprise procurement teams: 14',
      'Mid-market sourcing & AP owners: 31',
    ]);
    expect(view.segments.find((s) => s.id === 'enterprise-procurement')!.criteria.map((c) => `${c.label}: ${c.value}`)).toEqual([
      'Employees: 5,000 or more',
      'Headquarters: North America and United Kingdom',
      'Value tier: 1 (highest value)',
      'Values most: a vendor that helps them grow',
      'Works with: a competitor’s suite',
    ]);
  });

  it('has no account counts without a summary', () => {
    const view = playbookOf(withFiles(sample, { [SUMMARY_FILE]: null }));
    expect(view.accounts).toBeUndefined();
    expect(view.charts.map((c) => c.title)).toEqual(['Priority score', 'Estimated growth per year']);
  });

  it('says when the criteria changed after the accounts were assigned, but not after a copy edit', () => {
    expect(playbookOf(edit(sample, 'segments/mid-market-owner.yaml', 'min: 200', 'min: 250')).accounts?.stale).toMatch(/have changed since these accounts were assigned/);
    expect(playbookOf(edit(sample, 'content/workbench.yaml', 'amount: 250000', 'amount: 300000')).accounts?.stale).toBeDefined();
    expect(playbookOf(edit(sample, 'segments/mid-market-owner.yaml', 'name: Mid-market sourcing & AP owners', 'name: Mid-market buyers')).accounts?.stale).toBeUndefined();
  });

  it('is not composed from content the site would refuse to build', () => {
    const result = buildPlaybook(edit(sample, 'segments/mid-market-owner.yaml', 'vertical: procurement-sourcing', 'vertical: procurement'));
    expect(result.ok).toBe(false);
  });

  it('writes the same files from the same content, byte for byte', () => {
    const a = buildPlaybook(sample, { today: '2026-11-29' });
    const b = buildPlaybook(sample, { today: '2026-11-29' });
    expect(a.ok && b.ok && [...a.playbook.files]).toEqual(b.ok && [...b.playbook.files]);
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
