import { createHash } from 'node:crypto';
import type { LandingView } from '../compose/types.ts';
import type { SiteBuild } from '../site-build.ts';

/**
 * Campaign URL export: one row per active segment × persona × channel, with UTM parameters that
 * report cleanly (lowercase, no spaces) and a `utm_id` that stays the same for the same segment,
 * persona and channel however often the export runs.
 */
export interface CampaignRow {
  segment: string;
  segment_name: string;
  persona: string;
  persona_name: string;
  channel: string;
  channel_label: string;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_content: string;
  utm_id: string;
  url: string;
}

export const CAMPAIGN_COLUMNS: (keyof CampaignRow)[] = [
  'segment',
  'segment_name',
  'persona',
  'persona_name',
  'channel',
  'channel_label',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_id',
  'url',
];

/** `Paid Social ` → `paid-social`; `Spend Matters/Q3` → `spend-matters-q3`. Ad platforms and reports then group values reliably. */
export function normalizeUtmValue(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** A stable id for one segment × persona × channel: the same inputs always give the same id. */
export function campaignUtmId(segment: string, persona: string, channel: string): string {
  return `sp-${createHash('sha256').update(`${segment}\0${persona}\0${channel}`).digest('hex').slice(0, 12)}`;
}

/** The UTM parameters of one segment × persona × channel, and the landing URL that carries them. */
export function campaignUrl(canonical: string, segment: string, persona: string, channel: { id: string; source: string; medium: string }) {
  const utm = {
    utm_source: normalizeUtmValue(channel.source),
    utm_medium: normalizeUtmValue(channel.medium),
    utm_campaign: normalizeUtmValue(segment),
    utm_content: normalizeUtmValue(persona),
    utm_id: campaignUtmId(segment, persona, channel.id),
  };
  const url = new URL(canonical);
  for (const [key, value] of Object.entries(utm)) url.searchParams.set(key, value);
  return { ...utm, url: url.toString() };
}

export function buildCampaignRows(build: SiteBuild): CampaignRow[] {
  const landings = build.routes.map((r) => r.view).filter((v): v is LandingView => v.kind === 'landing' && !v.meta.draft);
  const rows: CampaignRow[] = [];
  for (const page of landings) {
    for (const channel of build.settings.channels) {
      rows.push({
        segment: page.segment.id,
        segment_name: page.segment.name,
        persona: page.persona.id,
        persona_name: page.persona.name,
        channel: channel.id,
        channel_label: channel.label,
        ...campaignUrl(page.meta.canonical, page.segment.id, page.persona.id, channel),
      });
    }
  }
  return rows;
}
