import { describe, expect, it } from 'vitest';
import { audiencesOf, linkedinAudienceRows, linkedinCompanySizes } from '../../../src/lib/playbook/campaign-plan.ts';
import { buildPlaybook } from '../../../src/lib/playbook/build.ts';
import { fixture, PROJECT_ROOT, readTree } from '../helpers.ts';

const result = buildPlaybook(readTree(PROJECT_ROOT), { today: '2026-11-29' });
if (!result.ok) throw new Error('expected the sample to build');
const { view, files } = result.playbook;

describe('LinkedIn company sizes', () => {
  it('covers an employee range with LinkedIn’s buckets, and says when they reach past it', () => {
    expect(linkedinCompanySizes({ min: 201, max: 1000 })).toEqual({ sizes: ['201-500', '501-1000'], exact: true });
    expect(linkedinCompanySizes({ min: 250, max: 999 })).toEqual({ sizes: ['201-500', '501-1000'], exact: false });
    expect(linkedinCompanySizes({ min: 5001 })).toEqual({ sizes: ['5001-10000', '10001+'], exact: true });
    expect(linkedinCompanySizes({ max: 50 })).toEqual({ sizes: ['1-10', '11-50'], exact: true });
    expect(linkedinCompanySizes(undefined)).toEqual({ sizes: [], exact: true });
  });
});

describe('the campaign plan of the sample', () => {
  it('has one row per published segment × persona, with the persona’s titles and pains', () => {
    const published = view.segments.filter((s) => s.status === 'active').map((s) => s.id);
    expect([...new Set(view.campaignPlan.map((r) => r.segment))].sort()).toEqual([...published].sort());
    const cpo = view.campaignPlan.find((r) => r.segment === 'enterprise-procurement' && r.persona === 'cpo')!;
    expect(cpo.jobTitles).toContain('Chief Procurement Officer');
    expect(cpo.angles.length).toBeGreaterThan(0);
    expect(cpo.where.events.map((e) => e.name)).toContain('ProcureCon');
    expect(cpo.channels.map((c) => c.url)).toContain(
      'https://www.northwind-procure.example/enterprise-procurement/cpo/?utm_source=linkedin&utm_medium=paid-social&utm_campaign=enterprise-procurement&utm_content=cpo&utm_id=sp-3366a45b7480',
    );
  });

  it('writes one LinkedIn audience per row, with the LinkedIn campaign URL', () => {
    const csv = files.get('linkedin-audiences.csv')!;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('audience_name,job_titles,locations,company_sizes,industries,landing_url,note');
    expect(lines).toHaveLength(view.campaignPlan.length + 1);
    const rows = linkedinAudienceRows(view.campaignPlan);
    expect(rows.every((r) => r.landing_url.includes('utm_source=linkedin'))).toBe(true);
    expect(rows.find((r) => r.audience_name === 'Enterprise procurement teams · Chief Procurement Officer')).toMatchObject({
      locations: 'North America; United Kingdom',
      company_sizes: '1001-5000; 5001-10000; 10001+',
    });
  });

  it('puts the plan in the playbook page', () => {
    const page = files.get('index.html')!;
    expect(page).toContain('<h2 id="campaign-plan">Campaign plan</h2>');
    expect(page).toContain('id="plan-enterprise-procurement-cpo"');
  });
});

describe('LinkedIn audiences of an either-or segment', () => {
  const cyber = buildPlaybook(fixture('second-vertical'), { today: '2026-12-01' });
  if (!cyber.ok) throw new Error('expected the cybersecurity fixture to build');
  const plan = cyber.playbook.view.campaignPlan;

  it('writes one audience per group of the either-or test, as LinkedIn facets combine only with "and"', () => {
    const rows = linkedinAudienceRows(plan).filter((r) => r.audience_name.startsWith('Mid-sized and large EU organisations'));
    const personas = plan.filter((r) => r.segment === 'eu-nis2-size-test').length;
    expect(rows).toHaveLength(2 * personas);
    const [bySize, byRevenue] = rows;
    expect(bySize).toMatchObject({ locations: 'European Union', company_sizes: '201-500; 501-1000; 1001-5000; 5001-10000; 10001+' });
    expect(bySize!.audience_name).toMatch(/ · 250\+ employees$/);
    expect(bySize!.note).toContain('Audience 1 of 2 for the segment\'s either-or test');
    // Revenue is no LinkedIn facet: that audience reaches every size, and says so.
    expect(byRevenue).toMatchObject({ company_sizes: '', industries: 'Chemicals; Food production; Postal and courier services; Waste management' });
    expect(byRevenue!.note).toContain('LinkedIn cannot target revenue ≥ EUR 50');
  });

  it('leaves out a group that cannot hold with the segment\'s own fields, and keeps both lists where both restrict', () => {
    const audiences = audiencesOf({
      firmographic: {
        industries: [], regions: ['Germany', 'France'], ownership: [], employees: { min: 100, max: 900 },
        anyOf: [
          { industries: [], regions: ['france'], ownership: [], employees: { min: 500 } },
          { industries: [], regions: ['Italy'], ownership: [] },
          { industries: [], regions: [], ownership: [], employees: { min: 1000 } },
        ],
      },
      technographic: { uses: [], usesAll: [], notUses: [] },
    });
    expect(audiences).toEqual([
      { group: '500+ employees and headquartered in france', regions: ['France'], industries: [], companySizes: ['201-500', '501-1000'], employees: '500 to 900 employees', sizesExact: false, untargeted: [] },
    ]);
  });
});
