import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/csv.ts';
import { buildCampaignRows, CAMPAIGN_COLUMNS, campaignUtmId } from '../../../src/lib/tracking/campaign-urls.ts';
import { build, edit } from '../helpers.ts';
import { withSampleVariants } from '../variant-fixtures.ts';

const rows = buildCampaignRows(
  build(edit(withSampleVariants, 'content/site.yaml', 'cta:', 'channels:\n  - { id: linkedin, label: LinkedIn, source: LinkedIn, medium: Paid Social }\n  - { id: google, label: Google Ads, source: Google, medium: cpc }\ncta:')),
);

describe('campaign URLs of A/B variants', () => {
  it('adds a row per live variant and channel, after its control, with a variant column', () => {
    expect(rows.filter((r) => r.persona === 'ops-lead').map((r) => `${r.variant} ${r.channel} ${new URL(r.url).pathname}`)).toEqual([
      'default linkedin /solutions/field-teams/ops-lead/',
      'default google /solutions/field-teams/ops-lead/',
      'short-form linkedin /solutions/field-teams/ops-lead/short-form/',
      'short-form google /solutions/field-teams/ops-lead/short-form/',
    ]);
    expect(rows.filter((r) => r.persona === 'owner' && r.segment === 'field-teams').map((r) => r.variant)).toEqual(['owner-calm', 'owner-calm', 'owner-hero', 'owner-hero']);
    expect(rows.some((r) => r.variant === 'later' || r.variant === 'over')).toBe(false);
    expect(CAMPAIGN_COLUMNS).toContain('variant');
  });

  it('keeps campaign and content of both arms the same, and gives each arm its own stable utm_id', () => {
    const control = rows.find((r) => r.persona === 'ops-lead' && r.channel === 'linkedin' && r.variant === 'default')!;
    const variant = rows.find((r) => r.persona === 'ops-lead' && r.channel === 'linkedin' && r.variant === 'short-form')!;
    expect(variant).toMatchObject({ utm_campaign: control.utm_campaign, utm_content: control.utm_content, utm_source: 'linkedin', utm_medium: 'paid-social' });
    expect(control.utm_id).toBe(campaignUtmId('field-teams', 'ops-lead', 'linkedin'));
    expect(variant.utm_id).toBe(campaignUtmId('field-teams', 'ops-lead', 'linkedin', 'short-form'));
    expect(variant.utm_id).not.toBe(control.utm_id);
    expect(new URL(variant.url).searchParams.get('utm_id')).toBe(variant.utm_id);
  });

  it('writes the variant column to CSV', () => {
    const parsed = parse(toCsv(CAMPAIGN_COLUMNS, rows), { columns: true }) as Record<string, string>[];
    expect(parsed.filter((r) => r.variant === 'short-form')).toHaveLength(2);
  });
});
