import { createHash } from 'node:crypto';
import type { LandingView } from '../compose/types.ts';
import type { SiteBuild } from '../site-build.ts';

/**
 * Campaign URL export: one row per active segment × persona × channel in each locale the page
 * exists in, and one more per live A/B variant × channel, with UTM parameters that report cleanly (lowercase, no spaces) and a `utm_id`
 * that stays the same for the same page and channel however often the export runs. The `variant`
 * column names the arm (the control's own name, or the variant id), so an ad platform's experiment
 * can split traffic between the control's URL and the variant's.
 */
export interface CampaignRow {
  segment: string;
  segment_name: string;
  persona: string;
  persona_name: string;
  /** The arm a row's URL leads to: `default` (or the name in the control's override) for the control, else the variant id. */
  variant: string;
  /** The page's locale, like `en` or `de`: the names in the row are in it, and the URL leads to that locale's page. */
  locale: string;
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
  'variant',
  'locale',
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

/**
 * A stable id for one segment × persona × channel, with `variant` for that A/B variant's page and
 * with `locale` for the page in a locale other than the default:
 * the same inputs always give the same id, and a control's id does not change when variants come and go.
 */
export function campaignUtmId(segment: string, persona: string, channel: string, variant?: string, locale?: string): string {
  let key = variant === undefined ? `${segment}\0${persona}\0${channel}` : `${segment}\0${persona}\0${channel}\0${variant}`;
  // The default locale's ids stay what they were before the site had locales; another locale's page is a page of its own.
  if (locale !== undefined) key += `\0locale:${locale}`;
  return `sp-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * The UTM parameters of one segment × persona × channel (with `variant`, of that A/B variant), and
 * the landing URL that carries them. Both arms of a test share campaign and content, so the report
 * groups them together and tells them apart by `page_variant`.
 */
export function campaignUrl(pageUrl: string, segment: string, persona: string, channel: { id: string; source: string; medium: string }, variant?: string, locale?: string) {
  const utm = {
    utm_source: normalizeUtmValue(channel.source),
    utm_medium: normalizeUtmValue(channel.medium),
    utm_campaign: normalizeUtmValue(segment),
    utm_content: normalizeUtmValue(persona),
    utm_id: campaignUtmId(segment, persona, channel.id, variant, locale),
  };
  const url = new URL(pageUrl);
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
        variant: page.tracking.variant,
        locale: page.tracking.locale,
        channel: channel.id,
        channel_label: channel.label,
        ...campaignUrl(page.meta.url, page.segment.id, page.persona.id, channel, page.control ? page.tracking.variant : undefined, page.tracking.locale === build.settings.language ? undefined : page.tracking.locale),
      });
    }
  }
  return rows;
}
