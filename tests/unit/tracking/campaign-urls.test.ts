import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/csv.ts';
import { buildCampaignRows, CAMPAIGN_COLUMNS, campaignUtmId, normalizeUtmValue } from '../../../src/lib/tracking/campaign-urls.ts';
import { build, edit, fixture } from '../helpers.ts';
import { defused, FORMULA_CELLS } from '../csv-hostile.ts';

const withChannels = edit(
  fixture('composition'),
  'content/site.yaml',
  'cta:',
  'channels:\n  - { id: linkedin, label: "LinkedIn, sponsored", source: LinkedIn, medium: Paid Social }\n  - { id: trade-press, label: Trade press, source: "Spend Matters/Q3", medium: display }\ncta:',
);

describe('campaign URL export', () => {
  it('normalises UTM values: lowercase, no spaces, no stray characters', () => {
    expect(normalizeUtmValue(' Paid Social ')).toBe('paid-social');
    expect(normalizeUtmValue('Spend Matters/Q3')).toBe('spend-matters-q3');
    expect(normalizeUtmValue('Zürich  Événement')).toBe('zurich-evenement');
    expect(normalizeUtmValue('a'.repeat(300))).toHaveLength(100);
  });

  it('gives each segment × persona × channel a stable utm_id', () => {
    expect(campaignUtmId('a', 'b', 'c')).toBe(campaignUtmId('a', 'b', 'c'));
    expect(campaignUtmId('a', 'b', 'c')).not.toBe(campaignUtmId('a', 'b', 'd'));
    expect(campaignUtmId('a', 'bc', 'd')).not.toBe(campaignUtmId('ab', 'c', 'd'));
    expect(campaignUtmId('a', 'b', 'c')).toMatch(/^sp-[0-9a-f]{12}$/);
  });

  it('writes one row per published landing page and channel, with normalised parameters', () => {
    const rows = buildCampaignRows(build(withChannels));
    expect(rows).toHaveLength(4 * 2);
    expect(rows.map((r) => `${r.segment}/${r.persona}/${r.channel}`)).toContain('field-teams/dispatcher/trade-press');
    const row = rows.find((r) => r.segment === 'field-teams' && r.persona === 'owner' && r.channel === 'linkedin')!;
    expect(row).toMatchObject({ utm_source: 'linkedin', utm_medium: 'paid-social', utm_campaign: 'field-teams', utm_content: 'owner' });
    const url = new URL(row.url);
    expect(url.origin + url.pathname).toBe('https://fieldwork.example/solutions/field-teams/owner/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ utm_source: 'linkedin', utm_medium: 'paid-social', utm_campaign: 'field-teams', utm_content: 'owner', utm_id: row.utm_id });
  });

  it('exports CSV that a real CSV parser reads back exactly', () => {
    const rows = buildCampaignRows(build(withChannels));
    const parsed = parse(toCsv(CAMPAIGN_COLUMNS, rows), { columns: true }) as Record<string, string>[];
    expect(parsed).toEqual(rows);
    expect(parsed.find((r) => r.channel === 'linkedin')!.channel_label).toBe('LinkedIn, sponsored');
  });

  it('writes channel labels that would open as formulas as text, read back by csv-parse', () => {
    const channels = FORMULA_CELLS.map((label, i) => `  - { id: channel-${i}, label: ${JSON.stringify(label)}, source: LinkedIn, medium: Paid Social }`).join('\n');
    const rows = buildCampaignRows(build(edit(fixture('composition'), 'content/site.yaml', 'cta:', `channels:\n${channels}\ncta:`)));
    const parsed = parse(toCsv(CAMPAIGN_COLUMNS, rows), { columns: true }) as Record<string, string>[];
    const labels = new Map(parsed.map((r) => [r.channel, r.channel_label]));
    // site.yaml trims labels, so the spaces and line breaks around them are gone before the CSV.
    expect(FORMULA_CELLS.map((_, i) => labels.get(`channel-${i}`))).toEqual(FORMULA_CELLS.map((label) => defused(label.trim())));
  });

  it('quotes what needs quoting', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'say "hi"', b: 'line\nbreak' }, { a: 1, b: undefined }]);
    expect(csv).toBe('a,b\r\n"say ""hi""","line\nbreak"\r\n1,\r\n');
  });
});
