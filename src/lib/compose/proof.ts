import type { Entry, ProjectProof } from '../load/project.ts';
import type { ProofScope, Site } from '../schemas/index.ts';
import { logoImageFile } from '../schemas/proof-logo.ts';
import type { UiStrings } from '../i18n/ui.ts';
import { en } from '../i18n/ui-en.ts';
import { localeFormat, type LocaleFormat } from './format.ts';
import type { LogoView, ProofView } from './types.ts';

export interface ProofTarget {
  segment: string;
  persona: string;
  vertical: string;
}

type Scoped = Entry<{ scope: ProofScope; date?: string }>;

/**
 * How closely proof was written for a page: 0 for its persona, 1 its segment, 2 its vertical,
 * 3 for everywhere; undefined when a listed dimension does not match (as with questions, every
 * listed dimension must match, an empty one matches everything).
 */
export function proofRank(scope: ProofScope, target: ProofTarget): number | undefined {
  const fits = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
  if (!fits(scope.segments, target.segment) || !fits(scope.personas, target.persona) || !fits(scope.verticals, target.vertical)) return undefined;
  return scope.personas.length ? 0 : scope.segments.length ? 1 : scope.verticals.length ? 2 : 3;
}

/** The proof that fits a page, most specific first; newer proof first within a rank, then by id. */
export function selectProof<T extends Scoped>(entries: readonly T[], target: ProofTarget, limit: number): T[] {
  return entries
    .map((entry) => ({ entry, rank: proofRank(entry.data.scope, target) }))
    .filter((x): x is { entry: T; rank: number } => x.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || compare(b.entry.data.date ?? '', a.entry.data.date ?? '') || compare(a.entry.id, b.entry.id))
    .slice(0, limit)
    .map((x) => x.entry);
}

/** The landing page's proof: logos, figures and certifications for the strip under the hero, and quotes; figures and dates in the page locale's format. */
export function composeProof(proof: ProjectProof, limits: Site['landingPage']['proof'], target: ProofTarget, href: (path: string) => string, ui: UiStrings = en, format: LocaleFormat = localeFormat('en', en)): ProofView {
  const logos = selectProof(proof.logos, target, limits.logos).map(({ id, data }): LogoView => {
    const shown = { id, company: data.company, width: data.width, height: data.height, alt: data.company, fictional: data.fictional };
    const file = logoImageFile(data.image);
    return file ? { ...shown, file } : { ...shown, src: href(`/${data.image}`) };
  });
  const figures = selectProof(proof.figures, target, limits.figures).map(({ id, data }) => ({
    id,
    value: data.unit === '%' ? format.percent(data.value) : format.quantity(data.value, data.unit),
    measured: data.measured,
    customer: data.customer,
    source: data.customerReported ? ui.proof.customerReported : data.source!.title,
    sourceUrl: data.customerReported ? undefined : data.source?.url,
    dateLabel: data.date ? format.date(data.date) : '',
    fictional: data.fictional,
  }));
  const quotes = selectProof(proof.quotes, target, limits.quotes).map(({ id, data }) => ({
    id,
    text: data.text,
    person: data.person ?? '',
    role: data.role,
    company: data.company ?? '',
    fictional: data.fictional,
  }));
  const certifications = selectProof(proof.certifications, target, limits.certifications).map(({ id, data }) => ({
    id,
    name: data.name,
    issuer: data.issuer,
    validUntilLabel: format.date(data.validUntil),
    evidenceUrl: data.evidenceUrl,
    fictional: data.fictional,
  }));
  const anyFictional = (items: readonly { fictional: boolean }[]) => items.some((item) => item.fictional);
  return {
    logos,
    figures,
    quotes,
    certifications,
    stripFictional: anyFictional([...logos, ...figures, ...certifications]),
    quotesFictional: anyFictional(quotes),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
