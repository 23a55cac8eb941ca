/**
 * The campaign plan: for every published segment × persona, who to target (job titles from the
 * persona, regions, company sizes and industries from the segment's criteria), what to say (the
 * persona's pains in their words, the segment's themes), where they can be reached (the vertical's
 * events, publications, marketplaces, analyst coverage and social targeting) and the landing URL of
 * each campaign channel. Internal, like the rest of the playbook: it is the targeting plan.
 */
import { formatInteger } from '../compose/format.ts';
import { commonAll, commonRange, describeGroup } from '../criteria.ts';
import type { Project } from '../load/project.ts';
import type { FirmographicGroup, Range, SegmentCriteria, Site } from '../schemas/index.ts';
import { campaignUrl } from '../tracking/campaign-urls.ts';

/** LinkedIn Campaign Manager's company-size facet, in its own buckets (employees on LinkedIn). */
export const LINKEDIN_COMPANY_SIZES: readonly { label: string; min: number; max?: number }[] = [
  { label: '1-10', min: 1, max: 10 },
  { label: '11-50', min: 11, max: 50 },
  { label: '51-200', min: 51, max: 200 },
  { label: '201-500', min: 201, max: 500 },
  { label: '501-1000', min: 501, max: 1000 },
  { label: '1001-5000', min: 1001, max: 5000 },
  { label: '5001-10000', min: 5001, max: 10000 },
  { label: '10001+', min: 10001 },
];

/**
 * The buckets that hold any company of the range. LinkedIn's buckets are coarse, so an audience
 * built from them also reaches companies just outside the range; `exact` says whether it does not.
 */
export function linkedinCompanySizes(range: Range | undefined): { sizes: string[]; exact: boolean } {
  if (!range || (range.min === undefined && range.max === undefined)) return { sizes: [], exact: true };
  const min = range.min ?? 0;
  const max = range.max ?? Infinity;
  const picked = LINKEDIN_COMPANY_SIZES.filter((b) => b.min <= max && (b.max ?? Infinity) >= min);
  const first = picked[0];
  const last = picked[picked.length - 1];
  const exact = Boolean(first && last && (first.min === min || (min <= 1 && first.min === 1)) && (last.max ?? Infinity) === max);
  return { sizes: picked.map((b) => b.label), exact };
}

export interface PlaceView {
  name: string;
  url?: string;
  note?: string;
}

export interface CampaignPlanRow {
  segment: string;
  segmentName: string;
  persona: string;
  personaName: string;
  landingUrl: string;
  /** Job titles to target: the persona's own, else the vertical's titles for LinkedIn. */
  jobTitles: string[];
  /**
   * The LinkedIn audiences that reach the segment: one, or one per group of an either-or test, since
   * LinkedIn's facets combine only with "and".
   */
  audiences: AudienceView[];
  /** What to say: the persona's pains in their words, then the segment's themes. */
  angles: string[];
  themes: string[];
  where: { events: PlaceView[]; publications: PlaceView[]; marketplaces: PlaceView[]; analystCoverage: PlaceView[]; social: { platform: string; titles: string[] }[] };
  /** One landing URL per campaign channel of site.yaml. */
  channels: { channel: string; label: string; url: string }[];
}

/** One LinkedIn audience: the facets LinkedIn can target, and what it cannot. */
export interface AudienceView {
  /** On an either-or segment: the group this audience stands for, in words. */
  group?: string;
  regions: string[];
  industries: string[];
  /** LinkedIn company-size buckets covering the employee range. */
  companySizes: string[];
  /** Employee range in words, and whether the buckets match it exactly. */
  employees?: string;
  sizesExact: boolean;
  /** Criteria LinkedIn cannot target, in words: the audience is wider than the segment on them. */
  untargeted: string[];
}

const place = (p: { name: string; url?: string; note?: string }): PlaceView => ({ name: p.name, ...(p.url ? { url: p.url } : {}), ...(p.note ? { note: p.note } : {}) });

function employeesInWords(range: Range | undefined): string | undefined {
  if (!range) return undefined;
  if (range.min !== undefined && range.max !== undefined) return `${formatInteger(range.min)} to ${formatInteger(range.max)} employees`;
  if (range.min !== undefined) return `${formatInteger(range.min)} employees or more`;
  if (range.max !== undefined) return `up to ${formatInteger(range.max)} employees`;
  return undefined;
}

/**
 * The segment's firmographic criteria as LinkedIn audiences: the segment's own fields, and with an
 * either-or test one audience per group (the segment's fields and that group). A group that cannot
 * hold together with the segment's own fields has no audience.
 */
export function audiencesOf(criteria: SegmentCriteria): AudienceView[] {
  const own = criteria.firmographic;
  const groups: (FirmographicGroup | undefined)[] = own.anyOf?.length ? own.anyOf : [undefined];
  const audiences: AudienceView[] = [];
  for (const group of groups) {
    const regions = commonAll([own.regions, group?.regions ?? []]);
    const industries = commonAll([own.industries, group?.industries ?? []]);
    const employees = commonRange([own.employees, group?.employees]);
    if (regions?.length === 0 || industries?.length === 0 || !employees) continue;
    const { sizes, exact } = linkedinCompanySizes(employees);
    const untargeted = [own.revenue, group?.revenue].flatMap((r) => (r && (r.min !== undefined || r.max !== undefined) ? [describeGroup({ industries: [], regions: [], ownership: [], revenue: r })] : []));
    const ownership = [...own.ownership, ...(group?.ownership ?? [])];
    if (ownership.length) untargeted.push(describeGroup({ industries: [], regions: [], ownership: [...new Set(ownership)] }));
    const audience: AudienceView = { regions: regions ?? [], industries: industries ?? [], companySizes: sizes, sizesExact: exact, untargeted };
    const inWords = employeesInWords(employees);
    if (inWords) audience.employees = inWords;
    if (group) audience.group = describeGroup(group);
    audiences.push(audience);
  }
  return audiences;
}

export function composeCampaignPlan(project: Project, site: Site): CampaignPlanRow[] {
  const personas = new Map(project.personas.map((p) => [p.id, p.data]));
  const verticals = new Map(project.verticals.map((v) => [v.id, v.data]));
  const base = `${site.url.replace(/\/+$/, '')}${site.basePath.replace(/\/$/, '')}`;
  const rows: CampaignPlanRow[] = [];
  for (const entry of project.segments) {
    const segment = entry.data;
    if (segment.status !== 'active') continue;
    const vertical = verticals.get(segment.vertical);
    const audiences = audiencesOf(segment.criteria);
    const linkedinTitles = vertical?.channels.socialTargeting.filter((s) => /linkedin/i.test(s.platform)).flatMap((s) => s.titles) ?? [];
    for (const { id } of segment.personas) {
      const persona = personas.get(id);
      if (!persona) continue;
      const landingUrl = `${base}/${entry.id}/${id}/`;
      const row: CampaignPlanRow = {
        segment: entry.id,
        segmentName: segment.name,
        persona: id,
        personaName: persona.name,
        landingUrl,
        jobTitles: persona.titles.length ? persona.titles : linkedinTitles,
        audiences,
        angles: persona.pains,
        themes: segment.messaging.emphasis,
        where: {
          events: vertical?.channels.events.map(place) ?? [],
          publications: vertical?.channels.publications.map(place) ?? [],
          marketplaces: vertical?.channels.marketplaces.map(place) ?? [],
          analystCoverage: vertical?.channels.analystCoverage.map(place) ?? [],
          social: vertical?.channels.socialTargeting.map((s) => ({ platform: s.platform, titles: s.titles })) ?? [],
        },
        channels: site.channels.map((channel) => ({ channel: channel.id, label: channel.label, url: campaignUrl(landingUrl, entry.id, id, channel).url })),
      };
      rows.push(row);
    }
  }
  return rows;
}

/** Columns of linkedin-audiences.csv: one saved audience per segment × persona, facets as Campaign Manager names them. */
export const LINKEDIN_AUDIENCE_COLUMNS = ['audience_name', 'job_titles', 'locations', 'company_sizes', 'industries', 'landing_url', 'note'] as const;

export function linkedinAudienceRows(plan: readonly CampaignPlanRow[]): Record<(typeof LINKEDIN_AUDIENCE_COLUMNS)[number], string>[] {
  return plan.flatMap((row) => {
    const linkedin = row.channels.find((c) => /linkedin/i.test(c.channel) || /linkedin/i.test(c.label));
    return row.audiences.map((audience, i) => {
      const notes = [
        audience.group
          ? `Audience ${i + 1} of ${row.audiences.length} for the segment's either-or test: LinkedIn combines facets only with "and", so run one campaign per audience.`
          : '',
        !audience.sizesExact && audience.employees ? `Company sizes are LinkedIn's buckets around ${audience.employees}: the audience also reaches companies just outside the range.` : '',
        audience.untargeted.length ? `LinkedIn cannot target ${audience.untargeted.join(' or ')}: the audience also reaches companies outside it.` : '',
        row.jobTitles.length === 0 ? 'No job titles: add titles to the persona file.' : '',
      ].filter(Boolean);
      return {
        audience_name: [row.segmentName, row.personaName, ...(audience.group ? [audience.group] : [])].join(' · '),
        job_titles: row.jobTitles.join('; '),
        locations: audience.regions.join('; '),
        company_sizes: audience.companySizes.join('; '),
        industries: audience.industries.join('; '),
        landing_url: linkedin?.url ?? row.landingUrl,
        note: notes.join(' '),
      };
    });
  });
}
