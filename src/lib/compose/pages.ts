import { rankSegments } from '../assign/assign.ts';
import { criteriaVersionOf } from '../assign/version.ts';
import { plural } from '../diagnostics.ts';
import type { Entry } from '../load/project.ts';
import { PRIORITISATION_CRITERIA, type AssignmentSummary, type Workbench } from '../schemas/index.ts';
import { pageMeta, pageTracking, type ComposeContext } from './context.ts';
import { selectFaqs } from './faqs.ts';
import { formatInteger, formatPercent, truncate } from './format.ts';
import { summarizeSegment } from './segment-summary.ts';
import type { BarChart, FaqPageView, HomeView, OverviewView, PreviewView, Route, SegmentHubView, SegmentSummary } from './types.ts';

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
        { label: 'Home', path: '/' },
        { label: s.name, path: `/${segmentId}/` },
      ],
    }),
    tracking: pageTracking(ctx, 'segment', { segment: segmentId, vertical: s.vertical }),
    chrome: ctx.chrome,
    segment: summarizeSegment(ctx, entry),
    profile: {
      keyTrends: s.profile.keyTrends,
      majorChallenges: s.profile.majorChallenges,
      emergingOpportunities: s.profile.emergingOpportunities,
      dataSources: s.profile.dataSources.map((d) => ({ title: d.title, publisher: d.publisher, url: d.url })),
    },
    valueProposition: s.messaging.valueProposition,
    regulations: s.regulations.map((id) => {
      const r = ctx.regulations.get(id)!;
      return { label: r.shortName, href: ctx.href(`/${segmentId}/faq/`), statusLabel: r.statusLabel };
    }),
  };
}

export function composeFaqPage(ctx: ComposeContext, segmentId: string): FaqPageView {
  const entry = ctx.segments.get(segmentId)!;
  const s = entry.data;
  const faqs = selectFaqs(ctx, { segment: segmentId, personas: s.personas.map((p) => p.id), vertical: s.vertical, regulations: s.regulations });
  const path = `/${segmentId}/faq/`;
  return {
    kind: 'faq',
    meta: pageMeta(ctx, path, {
      title: `Questions and answers: ${s.name} | ${ctx.site.name}`,
      description: truncate(`Answers for ${s.name}: ${faqs.map((f) => f.question).join(' ')}`, 160),
      draft: s.status === 'draft',
      breadcrumbs: [
        { label: 'Home', path: '/' },
        { label: s.name, path: `/${segmentId}/` },
        { label: 'Questions', path },
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

const CRITERION_LABELS: Record<(typeof PRIORITISATION_CRITERIA)[number], string> = {
  sizeAndGrowth: 'Size and growth',
  competitiveIntensity: 'Competitive intensity',
  companyFit: 'Fit with the company',
  structuralAttractiveness: 'Structural attractiveness',
  accessibility: 'Accessibility',
  expectedResponse: 'Expected response',
};

/** The workbench's committed results, for the overview: the summary and the mapping it should have been made with. */
export interface OverviewAccounts {
  summary: Entry<AssignmentSummary>;
  mapping?: Workbench;
}

export function composeOverview(ctx: ComposeContext, workbench?: OverviewAccounts): OverviewView {
  const segments = ctx.publishedSegments.map((s) => summarizeSegment(ctx, s));
  const weights = ctx.site.prioritisation.weights;
  const accounts = workbench && overviewAccounts(ctx, workbench);
  const charts = overviewCharts(segments);
  if (accounts) {
    const counted = segments.filter((s) => accounts.bySegment[s.id] !== undefined);
    const most = Math.max(...counted.map((s) => accounts.bySegment[s.id]!.assigned), 1);
    if (counted.length) {
      const total = workbench.summary.data.accounts;
      // Beside the priority score: together they say where the budget should go first.
      const priority = charts.findIndex((c) => c.title === 'Priority score');
      charts.splice(priority + 1, 0, {
        title: 'CRM accounts assigned',
        description: `Accounts of the CRM export assigned to each segment by the segment workbench; ${formatInteger(total.unassigned)} of ${formatInteger(total.read)} matched no segment.`,
        ...axis(most),
        unit: '',
        bars: counted.map((s) => ({ label: s.name, value: accounts.bySegment[s.id]!.assigned, valueLabel: formatInteger(accounts.bySegment[s.id]!.assigned), href: s.href })),
      });
    }
  }
  const view: OverviewView = {
    kind: 'overview',
    meta: pageMeta(ctx, '/segments/', {
      title: `Segments side by side | ${ctx.site.name}`,
      description: truncate(`How ${segments.map((s) => s.name).join(', ')} compare: criteria, market size, growth and priority.`, 160),
      breadcrumbs: [
        { label: 'Home', path: '/' },
        { label: 'Segments', path: '/segments/' },
      ],
    }),
    tracking: pageTracking(ctx, 'overview'),
    chrome: ctx.chrome,
    segments,
    charts,
    weights: PRIORITISATION_CRITERIA.map((c) => ({ label: CRITERION_LABELS[c], weight: weights[c] })),
  };
  if (accounts) view.accounts = accounts;
  return view;
}

function overviewAccounts(ctx: ComposeContext, { summary, mapping }: OverviewAccounts): NonNullable<OverviewView['accounts']> {
  const s = summary.data;
  const a = s.accounts;
  const bySegment = Object.fromEntries(
    s.segments.map((x) => [x.id, { assigned: x.assigned, matched: x.matched, label: x.matched > x.assigned ? `${formatInteger(x.assigned)} (${formatInteger(x.matched)} match)` : formatInteger(x.assigned) }]),
  );
  const notes = [
    `${formatInteger(a.assigned)} of the ${plural(a.read, 'account')} in ${s.input.file} were assigned to a segment${s.includeDrafts ? ' (draft segments counted too)' : ''}; ${formatInteger(a.unassigned)} matched none.`,
    a.overlapping
      ? `${plural(a.overlapping, 'account')} matched more than one segment; each is counted once, for the segment with the highest priority score.`
      : 'No account matched more than one segment.',
  ];
  if (a.unreadable) notes.push(`${plural(a.unreadable, 'row')} of the export could not be read and ${a.unreadable === 1 ? 'is' : 'are'} not counted.`);
  const current = criteriaVersionOf(rankSegments([...ctx.segments.values()], ctx.site.prioritisation.weights, { includeDrafts: s.includeDrafts }), mapping);
  const out: NonNullable<OverviewView['accounts']> = { bySegment, notes };
  if (current !== s.criteriaVersion) {
    out.stale = 'The segment criteria, priority scores or the workbench mapping have changed since these accounts were assigned, so the counts may no longer match the criteria shown.';
  }
  return out;
}

function overviewCharts(segments: SegmentSummary[]): BarChart[] {
  const charts: BarChart[] = [];
  const scored = segments.filter((s) => s.priority !== undefined);
  if (scored.length) {
    charts.push({
      title: 'Priority score',
      description: 'Weighted score across the six prioritisation criteria, from 1 (poor) to 5 (excellent).',
      ...axis(5),
      unit: '',
      bars: scored.map((s) => ({ label: s.name, value: s.priority!, valueLabel: s.priority!.toFixed(1), href: s.href })),
    });
  }
  const growing = segments.filter((s) => s.growthRate !== undefined);
  if (growing.length) {
    const rates = growing.map((s) => s.growthRate!.amount);
    charts.push({
      title: 'Estimated growth per year',
      description: 'Compound annual growth rate from each segment’s sourced profile.',
      ...axis(Math.max(...rates, 1)),
      unit: '%',
      bars: growing.map((s, i) => ({ label: s.name, value: rates[i]!, valueLabel: formatPercent(rates[i]!), href: s.href })),
    });
  }
  return charts;
}

/** An axis from 0 to a round maximum at or above `value`, in at most six steps of 1, 2 or 5 × 10ⁿ. */
export function axis(value: number): { max: number; ticks: number[] } {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [0.1, 0.2, 0.5, 1, 2, 5, 10].map((f) => f * magnitude).find((s) => value / s <= 5.5 + 1e-9)!;
  const max = Math.round(Math.ceil(value / step - 1e-9) * step * 1000) / 1000;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return { max, ticks };
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
        pages: routes
          .filter((r) => r.view.tracking.segment === s.id)
          .map((r) => link(r, r.view.kind === 'landing' ? `Landing page: ${r.view.persona.name}` : r.view.kind === 'faq' ? 'Questions and answers' : 'Segment hub')),
      })),
    ],
  };
}
