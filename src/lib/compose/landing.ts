import type { PainPoint } from '../schemas/index.ts';
import { pageMeta, pageTracking, type ComposeContext } from './context.ts';
import { selectFaqs } from './faqs.ts';
import { composeProof } from './proof.ts';
import { truncate } from './format.ts';
import { parseHeadline } from '../headline.ts';
import { landingHeadline } from './segment-summary.ts';
import type { FaqItem, LandingView, PainView } from './types.ts';

/**
 * The segment's pains in the order this persona should read them: pains the vertical names this
 * persona for come first; within each group the segment's own order holds. A segment that ranks no
 * pains gets the vertical's, in file order.
 */
export function rankPains(allPains: readonly PainPoint[], segmentPains: readonly string[], persona: string): PainPoint[] {
  const byId = new Map(allPains.map((p) => [p.id, p]));
  const ordered = segmentPains.length ? segmentPains.map((id) => byId.get(id)).filter((p) => p !== undefined) : [...allPains];
  const mine = ordered.filter((p) => p.personas.includes(persona));
  const rest = ordered.filter((p) => !p.personas.includes(persona));
  return [...mine, ...rest];
}

/** The segment's regulations, those behind this persona's leading pains first. */
export function rankRegulations(segmentRegulations: readonly string[], rankedPains: readonly PainPoint[]): string[] {
  const first: string[] = [];
  for (const pain of rankedPains) for (const r of pain.regulations) if (segmentRegulations.includes(r) && !first.includes(r)) first.push(r);
  return [...first, ...segmentRegulations.filter((r) => !first.includes(r))];
}

export function composeLandingPage(ctx: ComposeContext, segmentId: string, personaId: string): LandingView {
  const segmentEntry = ctx.segments.get(segmentId)!;
  const segment = segmentEntry.data;
  const pair = segment.personas.find((p) => p.id === personaId)!;
  const persona = ctx.personas.get(personaId)!.data;
  const vertical = ctx.verticals.get(segment.vertical)!;
  const override = ctx.overrides.get(`${segmentId}/${personaId}`);
  const o = override?.data;

  const limits = ctx.site.landingPage;
  const pains = rankPains(vertical.data.painPoints, segment.pains, personaId).slice(0, limits.pains);
  const regulationIds = rankRegulations(segment.regulations, pains);
  const shownRegulations = regulationIds.slice(0, limits.regulations);
  const headline = parseHeadline(o?.headline ?? landingHeadline(pair.headline, persona.headline, segment.nickname));
  const keywordParam = ctx.site.tracking.keywordParam;
  const valueProposition = o?.valueProposition ?? pair.valueProposition ?? `${segment.messaging.valueProposition} ${persona.valueProposition}`;
  const path = `/${segmentId}/${personaId}/`;
  const variant = o?.variant ?? 'default';

  return {
    kind: 'landing',
    meta: pageMeta(ctx, path, {
      title: o?.title ?? `${persona.name} · ${segment.name} | ${ctx.site.name}`,
      description: o?.description ?? truncate(valueProposition, 160),
      noindex: o?.noindex ?? pair.noindex,
      draft: segment.status === 'draft',
      breadcrumbs: [
        { label: 'Home', path: '/' },
        { label: segment.name, path: `/${segmentId}/` },
        { label: persona.name, path },
      ],
    }),
    tracking: pageTracking(ctx, 'landing', { segment: segmentId, persona: personaId, vertical: segment.vertical, variant }),
    chrome: ctx.chrome,
    segment: { id: segmentId, name: segment.name, nickname: segment.nickname, href: ctx.href(`/${segmentId}/`) },
    persona: { id: personaId, name: persona.name, shortName: persona.shortName, buyerRole: persona.buyerRole },
    vertical: { id: segment.vertical, name: vertical.data.name },
    hero: { eyebrow: `${segment.nickname} · ${persona.name}`, headline, valueProposition, ctaLabel: o?.ctaLabel ?? persona.cta.label },
    keywordInsertion: keywordParam && headline.keyword ? { param: keywordParam, maxLength: ctx.site.tracking.keywordMaxLength } : undefined,
    why: {
      goals: persona.goals,
      bodyHtml: ctx.personaCopy.get(personaId)?.html ?? '',
      proofPoints: segment.messaging.proofPoints,
    },
    pains: pains.map(
      (p): PainView => ({
        id: p.id,
        title: p.title,
        summary: p.summary,
        forPersona: p.personas.includes(personaId),
        regulations: p.regulations
          .filter((r) => shownRegulations.includes(r))
          .map((r) => ({ label: ctx.regulations.get(r)!.shortName, href: `#regulation-${r}` })),
      }),
    ),
    regulations: shownRegulations.map((id) => ctx.regulations.get(id)!),
    moreRegulations: regulationIds.slice(limits.regulations).map((id) => ctx.regulations.get(id)!.shortName),
    objections: [...segment.objections, ...persona.objections],
    faqs: mostSpecificFirst(selectFaqs(ctx, { segment: segmentId, personas: [personaId], vertical: segment.vertical, regulations: regulationIds }), ctx).slice(0, limits.faqs),
    faqHref: ctx.href(`/${segmentId}/faq/`),
    cta: {
      label: o?.ctaLabel ?? persona.cta.label,
      promise: persona.cta.promise,
      form: {
        endpoint: ctx.site.leadForm.endpoint,
        heading: ctx.site.leadForm.heading,
        success: ctx.site.leadForm.success,
        failure: ctx.site.leadForm.failure,
        privacyUrl: ctx.site.leadForm.privacyUrl,
      },
    },
    override: override ? { file: override.file, sections: override.sections.map((s) => s.name) } : undefined,
    proof: composeProof(ctx.proof, limits.proof, { segment: segmentId, persona: personaId, vertical: segment.vertical }, ctx.href),
  };
}

/**
 * Questions written for this persona or segment first, then those about its regulations, then
 * general ones; the authored order holds within each group.
 */
function mostSpecificFirst(items: FaqItem[], ctx: ComposeContext): FaqItem[] {
  const rank = (item: FaqItem) => ctx.faqRank.get(item.id)!;
  return items.map((item, index) => ({ item, index, rank: rank(item) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((x) => x.item);
}
