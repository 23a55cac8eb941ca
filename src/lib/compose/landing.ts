import { THANK_YOU_PATH, thankYouUrlOf } from '../routes.ts';
import { CONTROL_VARIANT, type PainPoint } from '../schemas/index.ts';
import { pageMeta, pageTracking, type ComposeContext } from './context.ts';
import { addRegulationFacts, selectFaqs } from './faqs.ts';
import { composeProof } from './proof.ts';
import { truncate } from './format.ts';
import { parseHeadline } from '../headline.ts';
import { BUYER_ROLE_LABELS } from './labels.ts';
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

/**
 * A badge says what sets a pain apart, so it goes on the pains this persona feels most only when
 * some pains shown are not among them: on every card, or on none, it would tell the reader nothing.
 */
export function badgeFor(pains: readonly PainPoint[], persona: string, badge: string): (pain: PainPoint) => string | undefined {
  const marked = pains.filter((p) => p.personas.includes(persona)).length;
  const distinguishes = marked > 0 && marked < pains.length;
  return (pain) => (distinguishes && pain.personas.includes(persona) ? badge : undefined);
}

/** The segment's regulations, those behind this persona's leading pains first. */
export function rankRegulations(segmentRegulations: readonly string[], rankedPains: readonly PainPoint[]): string[] {
  const first: string[] = [];
  for (const pain of rankedPains) for (const r of pain.regulations) if (segmentRegulations.includes(r) && !first.includes(r)) first.push(r);
  return [...first, ...segmentRegulations.filter((r) => !first.includes(r))];
}

/**
 * The landing page of a persona in a segment, or with `variantId` an A/B variant of it: composed
 * the same way, with the variant's copy and sections in place of the control's, at its own URL,
 * out of search engines and crediting the control as canonical.
 */
export function composeLandingPage(ctx: ComposeContext, segmentId: string, personaId: string, variantId?: string): LandingView {
  const segmentEntry = ctx.segments.get(segmentId)!;
  const segment = segmentEntry.data;
  const pair = segment.personas.find((p) => p.id === personaId)!;
  const persona = ctx.personas.get(personaId)!.data;
  const vertical = ctx.verticals.get(segment.vertical)!;
  const override = ctx.overrides.get(`${segmentId}/${personaId}`);
  const variantEntry = variantId === undefined ? undefined : ctx.variants.get(`${segmentId}/${personaId}/${variantId}`)!;
  const v = variantEntry?.data;
  // A variant changes what it names and keeps the rest of its control, override included.
  const o = { ...override?.data, ...definedFields(v ?? {}) };

  const limits = ctx.site.landingPage;
  const pains = rankPains(vertical.data.painPoints, segment.pains, personaId).slice(0, limits.pains);
  const regulationIds = rankRegulations(segment.regulations, pains);
  const shownRegulations = regulationIds.slice(0, limits.regulations);
  const headline = parseHeadline(o.headline ?? landingHeadline(pair.headline, persona.headline, segment.nickname));
  const keywordParam = ctx.site.tracking.keywordParam;
  // The lead is one voice, never two glued together: the most specific value proposition written
  // for this page. The segment's own supports it under "Why companies like yours choose us".
  const valueProposition = o.valueProposition ?? pair.valueProposition ?? persona.valueProposition;
  const painBadge = badgeFor(pains, personaId, `Top concern for the ${persona.name}`);
  const controlPath = `/${segmentId}/${personaId}/`;
  const path = variantId === undefined ? controlPath : `${controlPath}${variantId}/`;
  const controlVariant = override?.data.variant ?? CONTROL_VARIANT;
  const variantSections = variantEntry?.sections.map((s) => s.name) ?? [];
  const controlSections = override?.sections.map((s) => s.name).filter((name) => !variantSections.includes(name)) ?? [];

  return {
    kind: 'landing',
    meta: pageMeta(ctx, path, {
      title: o.title ?? `${persona.name} · ${segment.name} | ${ctx.site.name}`,
      socialTitle: headline.text,
      description: o.description ?? truncate(valueProposition, 160),
      // Both arms of a test would compete for one query: a variant stays out of the index and credits its control.
      noindex: variantEntry ? true : (o.noindex ?? pair.noindex),
      canonicalPath: controlPath,
      draft: segment.status === 'draft',
      breadcrumbs: [
        { label: 'Home', path: '/' },
        { label: segment.name, path: `/${segmentId}/` },
        { label: persona.name, path },
      ],
    }),
    tracking: pageTracking(ctx, 'landing', { segment: segmentId, persona: personaId, vertical: segment.vertical, variant: variantId ?? controlVariant }),
    chrome: ctx.chrome,
    segment: { id: segmentId, name: segment.name, nickname: segment.nickname, href: ctx.href(`/${segmentId}/`) },
    persona: { id: personaId, name: persona.name, shortName: persona.shortName, buyerRole: persona.buyerRole },
    vertical: { id: segment.vertical, name: vertical.data.name },
    hero: { eyebrow: `${segment.nickname} · ${persona.name}`, headline, valueProposition, ctaLabel: o.ctaLabel ?? persona.cta.label },
    keywordInsertion: keywordParam && headline.keyword ? { param: keywordParam, maxLength: ctx.site.tracking.keywordMaxLength } : undefined,
    why: {
      goals: persona.goals,
      bodyHtml: ctx.personaCopy.get(personaId)?.html ?? '',
      segmentValueProposition: segment.messaging.valueProposition,
      proofPoints: segment.messaging.proofPoints,
      audience: `Written for the ${persona.name}, who ${BUYER_ROLE_LABELS[persona.buyerRole]}.`,
    },
    pains: pains.map(
      (p): PainView => ({
        id: p.id,
        title: p.title,
        summary: p.summary,
        forPersona: p.personas.includes(personaId),
        badge: painBadge(p),
        regulations: p.regulations
          .filter((r) => shownRegulations.includes(r))
          .map((r) => ({ label: ctx.regulations.get(r)!.shortName, href: `#regulation-${r}` })),
      }),
    ),
    regulations: shownRegulations.map((id) => ctx.regulations.get(id)!),
    moreRegulations: regulationIds.slice(limits.regulations).map((id) => ctx.regulations.get(id)!.shortName),
    objections: [...segment.objections, ...persona.objections],
    faqs: addRegulationFacts(
      ctx,
      mostSpecificFirst(selectFaqs(ctx, { segment: segmentId, personas: [personaId], vertical: segment.vertical, regulations: regulationIds }), ctx).slice(0, limits.faqs),
      shownRegulations,
    ),
    faqHref: ctx.href(`/${segmentId}/faq/`),
    cta: {
      label: o.ctaLabel ?? persona.cta.label,
      promise: persona.cta.promise,
      form: {
        endpoint: ctx.site.leadForm.endpoint,
        heading: ctx.site.leadForm.heading,
        success: ctx.site.leadForm.success,
        failure: ctx.site.leadForm.failure,
        privacyUrl: ctx.site.leadForm.privacyUrl,
        thankYouUrl: thankYouUrlOf(ctx.site, ctx.locale),
        thankYouHref: ctx.site.leadForm.thankYouUrl ?? (ctx.site.leadForm.thankYouPage ? ctx.href(THANK_YOU_PATH) : undefined),
      },
    },
    overrides: [
      ...(variantEntry && variantSections.length ? [{ file: variantEntry.file, sections: variantSections }] : []),
      ...(override && controlSections.length ? [{ file: override.file, sections: controlSections }] : []),
    ],
    control: variantEntry ? { path: controlPath, href: ctx.href(controlPath), variant: controlVariant } : undefined,
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

/** The fields an author wrote: an absent field leaves the control's value in place. */
function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
