import { headlineText } from '../headline.ts';
import type { Entry } from '../load/project.ts';
import { PRIORITISATION_CRITERIA, type Segment, type Site } from '../schemas/index.ts';
import type { ComposeContext } from './context.ts';
import type { SegmentSummary } from './types.ts';

/**
 * Weighted mean of the six prioritisation scores, on the same 1–5 scale, to one decimal. The
 * workbench ranks segments by it and the internal playbook shows it; public pages never do.
 */
export function priorityScore(prioritisation: Segment['prioritisation'], weights: Site['prioritisation']['weights']): number | undefined {
  if (!prioritisation) return undefined;
  let total = 0;
  let weightSum = 0;
  for (const criterion of PRIORITISATION_CRITERIA) {
    total += prioritisation[criterion] * weights[criterion];
    weightSum += weights[criterion];
  }
  return weightSum === 0 ? undefined : Math.round((total / weightSum) * 10) / 10;
}

/** What public pages say about a segment: its names, description, vertical and personas' pages. */
export function summarizeSegment(ctx: ComposeContext, entry: Entry<Segment>): SegmentSummary {
  const s = entry.data;
  const vertical = ctx.verticals.get(s.vertical);
  return {
    id: entry.id,
    name: s.name,
    nickname: s.nickname,
    description: s.description,
    href: ctx.href(`/${entry.id}/`),
    faqHref: ctx.href(`/${entry.id}/faq/`),
    status: s.status,
    vertical: { id: s.vertical, name: vertical?.data.name ?? s.vertical },
    personas: s.personas.map((p) => {
      const persona = ctx.personas.get(p.id)!;
      return {
        id: p.id,
        label: persona.data.name,
        shortName: persona.data.shortName,
        buyerRole: persona.data.buyerRole,
        href: ctx.href(`/${entry.id}/${p.id}/`),
        headline: headlineText(landingHeadline(p.headline, persona.data.headline, s.nickname)),
      };
    }),
  };
}

/** The headline source of a landing page, keyword marker included: the pair's own, else the persona's with {segment} filled in. */
export function landingHeadline(pairHeadline: string | undefined, personaHeadline: string, nickname: string): string {
  return pairHeadline ?? personaHeadline.replaceAll('{segment}', nickname);
}
