import { pageMeta, pageTracking, type ComposeContext } from './context.ts';
import { addRegulationFacts, selectFaqs } from './faqs.ts';
import { truncate } from './format.ts';
import { fill } from '../i18n/ui.ts';
import { summarizeSegment } from './segment-summary.ts';
import type { ChallengeView, FaqPageView, HomeView, OverviewView, PreviewView, Route, SegmentHubView } from './types.ts';

export function composeHome(ctx: ComposeContext): HomeView {
  return {
    kind: 'home',
    meta: pageMeta(ctx, '/', { title: `${ctx.site.name}: ${ctx.site.offer.headline}`, description: ctx.site.description }),
    tracking: pageTracking(ctx, 'home'),
    chrome: ctx.chrome,
    offer: ctx.site.offer,
    segments: ctx.publishedSegments.map((s) => summarizeSegment(ctx, s)),
    overviewHref: ctx.href('/segments/'),
  };
}

export function composeSegmentHub(ctx: ComposeContext, segmentId: string): SegmentHubView {
  const entry = ctx.segments.get(segmentId)!;
  const s = entry.data;
  return {
    kind: 'segment',
    meta: pageMeta(ctx, `/${segmentId}/`, {
      title: `${s.name} | ${ctx.site.name}`,
      description: truncate(s.description, 160),
      draft: s.status === 'draft',
      breadcrumbs: [
        { label: ctx.ui.chrome.home, path: '/' },
        { label: s.name, path: `/${segmentId}/` },
      ],
    }),
    tracking: pageTracking(ctx, 'segment', { segment: segmentId, vertical: s.vertical }),
    chrome: ctx.chrome,
    segment: summarizeSegment(ctx, entry),
    valueProposition: s.messaging.valueProposition,
    proofPoints: s.messaging.proofPoints,
    challenges: segmentChallenges(ctx, segmentId),
    regulations: s.regulations.map((id) => {
      const r = ctx.regulations.get(id)!;
      // The status is worth a word only when the rule is not simply in force (as on landing pages).
      return { label: r.shortName, href: ctx.href(`/${segmentId}/faq/`), ...(r.statusMatters ? { statusLabel: r.statusLabel } : {}) };
    }),
  };
}

/** The segment's pains from its vertical, most important first, each with the segment's rules behind it. */
function segmentChallenges(ctx: ComposeContext, segmentId: string): ChallengeView[] {
  const s = ctx.segments.get(segmentId)!.data;
  const painPoints = new Map((ctx.verticals.get(s.vertical)?.data.painPoints ?? []).map((p) => [p.id, p]));
  return s.pains.flatMap((id) => {
    const pain = painPoints.get(id);
    if (!pain) return [];
    const regulations = pain.regulations.filter((r) => s.regulations.includes(r) && ctx.regulations.has(r));
    return [{ id, title: pain.title, summary: pain.summary, regulations: regulations.map((r) => ({ label: ctx.regulations.get(r)!.shortName, href: ctx.href(`/${segmentId}/faq/`) })) }];
  });
}

export function composeFaqPage(ctx: ComposeContext, segmentId: string): FaqPageView {
  const entry = ctx.segments.get(segmentId)!;
  const s = entry.data;
  const faqs = addRegulationFacts(ctx, selectFaqs(ctx, { segment: segmentId, personas: s.personas.map((p) => p.id), vertical: s.vertical, regulations: s.regulations }), []);
  const path = `/${segmentId}/faq/`;
  return {
    kind: 'faq',
    meta: pageMeta(ctx, path, {
      title: `${fill(ctx.ui.meta.faqTitle, { segment: s.name })} | ${ctx.site.name}`,
      description: truncate(fill(ctx.ui.meta.faqDescription, { segment: s.name, questions: faqs.map((f) => f.question).join(' ') }), 160),
      draft: s.status === 'draft',
      breadcrumbs: [
        { label: ctx.ui.chrome.home, path: '/' },
        { label: s.name, path: `/${segmentId}/` },
        { label: ctx.ui.meta.questionsCrumb, path },
      ],
    }),
    tracking: pageTracking(ctx, 'faq', { segment: segmentId, vertical: s.vertical }),
    chrome: ctx.chrome,
    segment: summarizeSegment(ctx, entry),
    faqs,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      url: ctx.absolute(path),
      mainEntity: faqs.map((f) => ({
        '@type': 'Question',
        name: f.question,
        acceptedAnswer: { '@type': 'Answer', text: f.answerHtml },
      })),
    },
  };
}

/** A public index of the published segments: the same cards as the home page, on a page of its own. */
export function composeOverview(ctx: ComposeContext): OverviewView {
  const segments = ctx.publishedSegments.map((s) => summarizeSegment(ctx, s));
  return {
    kind: 'overview',
    meta: pageMeta(ctx, '/segments/', {
      title: `${ctx.ui.meta.overviewTitle} | ${ctx.site.name}`,
      description: truncate(fill(ctx.ui.meta.overviewDescription, { segments: segments.map((s) => s.name).join(', ') }), 160),
      breadcrumbs: [
        { label: ctx.ui.chrome.home, path: '/' },
        { label: ctx.ui.chrome.segments, path: '/segments/' },
      ],
    }),
    tracking: pageTracking(ctx, 'overview'),
    chrome: ctx.chrome,
    segments,
  };
}

export function composePreview(ctx: ComposeContext, routes: readonly Route[]): PreviewView {
  const notes = (route: Route) => [
    ...(route.view.meta.draft ? ['draft: not published'] : []),
    ...(route.view.meta.noindex ? ['noindex'] : []),
    ...(route.view.kind === 'landing' && route.view.tracking.variant !== 'default' ? [`variant ${route.view.tracking.variant}`] : []),
  ];
  const link = (route: Route, label: string) => ({ label, href: route.view.meta.href, notes: notes(route) });
  const site = routes.filter((r) => !r.view.tracking.segment);
  const segments = [...ctx.segments.values()].filter((s) => routes.some((r) => r.view.tracking.segment === s.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    kind: 'preview',
    meta: pageMeta(ctx, '/_preview/', { title: `Preview: every page | ${ctx.site.name}`, description: 'Every page of the site, drafts included.', noindex: true }),
    tracking: pageTracking(ctx, 'preview'),
    chrome: ctx.chrome,
    groups: [
      { title: 'Site', status: 'active', pages: site.map((r) => link(r, r.view.meta.title)) },
      ...segments.map((s) => ({
        title: s.data.name,
        status: s.data.status,
        statusLabel: s.data.status === 'active' ? undefined : ctx.ui.segmentStatus[s.data.status],
        pages: routes
          .filter((r) => r.view.tracking.segment === s.id)
          .map((r) => link(r, r.view.kind === 'landing' ? `${r.view.control ? 'A/B variant' : 'Landing page'}: ${r.view.persona.name}` : r.view.kind === 'faq' ? 'Questions and answers' : 'Segment hub')),
      })),
    ],
  };
}
