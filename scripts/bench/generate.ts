/**
 * Synthetic, seeded content for the build benchmark (`npm run bench`).
 *
 *   node scripts/bench/generate.ts --pages 1000 --out /tmp/bench-1000 [--seed 1]
 *
 * writes a content tree that passes `npm run check` (CHECK_DATE=2026-06-01) into `<out>/content-root`,
 * and the same site as one JSON file, `<out>/site.json`, that the bare-Astro and Hugo baselines render.
 * The site has exactly `--pages` pages: home + overview + per published segment a hub, a FAQ page
 * and one landing page per persona (404, sitemap and robots.txt come on top, in every tool).
 *
 * Shape, per size: eight verticals (six personas, eight pain points and four regulations each, plus
 * four shared regulations), segments split by vertical (disjoint industries), region and a disjoint
 * employee band, three to six personas each; about five questions per segment scoped to it (some
 * to a persona or a regulation of it), plus questions per vertical, per regulation and general ones.
 * A few draft and retired segments are written too (checked, not published). Content files ≈ pages.
 *
 * The landing-page selections in site.json (pains, regulations, questions) follow the rules of
 * src/lib/compose/ (rankPains, rankRegulations, selectFaqs, mostSpecificFirst) so that the three tools
 * render the same pages; scripts/bench/run.ts checks every landing page of every tool against ours.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
// The pages' wording of numbers, dates and regulation states, so that all three tools print the same text.
import { formatDate, formatInteger, formatPercent, formatQuantity, formatThresholdValue, joinWords, truncate } from '../../src/lib/compose/format.ts';
import { CHANGE_LABELS, STATUS_LABELS } from '../../src/lib/compose/regulation.ts';
import {
  ADJECTIVES,
  BENEFITS,
  CHALLENGES,
  JURISDICTIONS,
  OBJECTIONS,
  OPPORTUNITIES,
  PROOF_POINTS,
  REGIONS,
  SHARED_REGULATIONS,
  TRENDS,
  VERBS,
  VERTICALS,
  type PersonaSpec,
  type VerticalSpec,
} from './vocabulary.ts';

/** The date regulation review dates are checked against; run.ts passes it as CHECK_DATE. */
export const BENCH_TODAY = '2026-06-01';

// ---------------------------------------------------------------- seeded randomness

export type Random = ReturnType<typeof createRandom>;

export function createRandom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** `n` distinct items, in their original order. */
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const indexes = items.map((_, i) => i);
    for (let i = indexes.length - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [indexes[i], indexes[k]] = [indexes[k]!, indexes[i]!];
    }
    return indexes
      .slice(0, Math.min(n, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [out[i], out[k]] = [out[k]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, sample, shuffle };
}

// ---------------------------------------------------------------- text helpers

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- the model

interface Threshold {
  label: string;
  comparison: 'more-than' | 'at-least' | 'less-than' | 'between';
  value: number;
  upTo?: number;
  unit: string;
}

interface Regulation {
  id: string;
  officialName: string;
  shortName: string;
  jurisdiction: string;
  authority: string;
  status: 'in-force' | 'amended' | 'pending-amendment';
  summary: string;
  appliesTo: string;
  keyDates: { date: string; label: string }[];
  thresholds: Threshold[];
  documentation: string[];
  changes: { date: string; summary: string; status: 'adopted' | 'agreed' | 'proposed' }[];
  sources: { title: string; publisher: string; url: string; retrieved: string }[];
  lastVerified: string;
  reviewBy: string;
}

interface Pain {
  id: string;
  title: string;
  summary: string;
  regulations: string[];
  personas: string[];
}

interface Persona {
  id: string;
  vertical: string;
  name: string;
  shortName: string;
  buyerRole: string;
  titles: string[];
  headline: string;
  valueProposition: string;
  goals: string[];
  pains: string[];
  objections: { objection: string; answer: string }[];
  cta: { label: string; promise: string };
  body: string;
}

interface Faq {
  id: string;
  question: string;
  scope: { segments: string[]; personas: string[]; verticals: string[]; regulations: string[] };
  order: number;
  answer: string;
}

interface SegmentPersona {
  id: string;
  headline?: string;
  valueProposition?: string;
  noindex: boolean;
}

interface Segment {
  id: string;
  status: 'active' | 'draft' | 'retired';
  name: string;
  nickname: string;
  description: string;
  vertical: string;
  criteria: {
    firmographic: { industries: string[]; employees: { min: number; max?: number }; regions: string[] };
    tier: number;
    needs: string;
    sophistication: string;
  };
  personas: SegmentPersona[];
  pains: string[];
  regulations: string[];
  profile: {
    keyTrends: string[];
    majorChallenges: string[];
    emergingOpportunities: string[];
    marketSize: { value: number; currency: string; year: number; source: { title: string; publisher: string }; note: string };
    growthRate: { percent: number; period: string; year: number; source: { title: string; publisher: string } };
    dataSources: { title: string; publisher: string; retrieved: string }[];
  };
  prioritisation: Record<(typeof CRITERIA)[number], number> & { rationale: string };
  messaging: { valueProposition: string; emphasis: string[]; proofPoints: string[] };
  objections: { objection: string; answer: string }[];
  reviewed: string;
}

const CRITERIA = ['sizeAndGrowth', 'competitiveIntensity', 'companyFit', 'structuralAttractiveness', 'accessibility', 'expectedResponse'] as const;
const WEIGHTS: Record<(typeof CRITERIA)[number], number> = { sizeAndGrowth: 2, competitiveIntensity: 1, companyFit: 2, structuralAttractiveness: 1, accessibility: 1, expectedResponse: 1 };
const NEEDS = ['price', 'quality', 'service', 'partnership'] as const;
const SOPHISTICATION = ['manual', 'core-system', 'point-solutions', 'competitor-suite', 'modern-suite'] as const;
const LIMITS = { pains: 4, regulations: 3, faqs: 6 };

const SITE = {
  name: 'Meridian Operations Cloud',
  url: 'https://www.meridian-ops.example',
  language: 'en',
  description: 'Operations software for regulated, multi-site businesses: one record of the work, evidence auditors can test, and reports built from the records themselves.',
  offer: {
    headline: 'Operations software that keeps the evidence while the work gets done',
    summary:
      'Meridian brings scheduling, inspections, records and approvals into one workflow that connects to the systems you already run. Every change is logged, reports rebuild from the underlying records, and the evidence an auditor asks for is there before the audit starts.',
    points: ['One record of the work across sites and teams', 'Dated, sourced facts about the rules that apply to you', 'Connectors for the ERP and HR systems you already run', 'Exports in open formats at any time'],
  },
  cta: { label: 'Talk to a solutions lead' },
  leadForm: {
    endpoint: 'https://forms.meridian-ops.example/leads',
    heading: 'Tell us what to prepare',
    success: 'Thank you. A solutions lead will reply within one working day with a proposed time and agenda.',
    failure: 'Sorry, that did not go through. Your answers are still here, so please try again in a moment.',
    privacyUrl: 'https://www.meridian-ops.example/privacy',
  },
};

// ---------------------------------------------------------------- content

function makeRegulation(rnd: Random, stem: string, index: number): Regulation {
  const jurisdiction = JURISDICTIONS[index % JURISDICTIONS.length]!;
  const kind = rnd.pick(['Act', 'Regulation', 'Rules', 'Directive', 'Code'].filter((k) => stem.length + 1 + k.length <= 40));
  const shortName = `${stem} ${kind}`;
  const id = slug(shortName);
  const adopted = `${rnd.int(2015, 2022)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
  const keyDates = [{ date: adopted, label: 'Enters into force' }];
  if (rnd.next() < 0.7) keyDates.push({ date: addDays(adopted, rnd.int(300, 1100)), label: 'Obligations apply to companies in scope' });
  if (rnd.next() < 0.4) keyDates.push({ date: addDays(BENCH_TODAY, rnd.int(90, 900)), label: 'Second phase extends the scope' });
  const thresholds: Threshold[] = [];
  const employees = rnd.pick([50, 250, 500, 1000, 5000]);
  thresholds.push(rnd.next() < 0.2 ? { label: 'Employees', comparison: 'between', value: employees, upTo: employees * 4, unit: 'employees' } : { label: 'Employees', comparison: rnd.pick(['more-than', 'at-least'] as const), value: employees, unit: 'employees' });
  if (rnd.next() < 0.7) thresholds.push({ label: 'Annual turnover', comparison: 'at-least', value: rnd.pick([10, 36, 40, 50, 150, 450]) * 1e6, unit: jurisdiction.currency });
  const status = rnd.pick(['in-force', 'in-force', 'amended', 'pending-amendment'] as const);
  const changes: Regulation['changes'] = status === 'in-force' ? [] : [{ date: addDays(BENCH_TODAY, -rnd.int(30, 600)), summary: 'Narrows the scope and moves the reporting deadline.', status: status === 'amended' ? 'adopted' : 'proposed' }];
  const lastVerified = addDays(BENCH_TODAY, -rnd.int(5, 150));
  const retrieved = lastVerified;
  return {
    id,
    officialName: `${shortName} of the ${jurisdiction.name}, consolidated text`,
    shortName,
    jurisdiction: jurisdiction.name,
    authority: jurisdiction.authority,
    status,
    summary: `Organisations in scope keep ${rnd.pick(['dated', 'complete', 'verifiable'])} records of how they manage the risks the rule covers, name an accountable owner and report on them when the authority asks. Records must be kept for the retention period and produced on request.`,
    appliesTo: 'Organisations above the thresholds below that operate in the jurisdiction, and their subsidiaries.',
    keyDates,
    thresholds,
    documentation: rnd.sample(['A risk assessment, reviewed each year', 'A named accountable owner', 'Records of the checks carried out', 'A complaints or reporting channel', 'An annual statement approved by the board'], rnd.int(2, 4)),
    changes,
    sources: Array.from({ length: rnd.int(1, 3) }, (_, i) => ({
      title: i === 0 ? `${shortName}, consolidated text` : `Guidance on the ${shortName}, part ${i}`,
      publisher: jurisdiction.authority,
      url: `https://law.${slug(jurisdiction.name)}.example/${id}${i ? `/guidance-${i}` : ''}`,
      retrieved,
    })),
    lastVerified,
    reviewBy: addDays(BENCH_TODAY, rnd.int(60, 400)),
  };
}

function makePersona(rnd: Random, v: VerticalSpec, p: PersonaSpec): Persona {
  const id = `${v.short}-${p.slug}`;
  const benefit = rnd.pick(BENEFITS);
  return {
    id,
    vertical: v.id,
    name: p.name,
    shortName: p.shortName,
    buyerRole: p.buyerRole,
    titles: p.titles,
    headline: `{segment}: ${p.focus} you can show, for the ${p.shortName}`,
    valueProposition: `The ${p.shortName} sees ${p.focus} from the same records the team works in, with ${benefit}.`,
    goals: [`Improve ${p.focus}`, `Show the board ${rnd.pick(ADJECTIVES)} figures on ${v.asset}`, `Spend less time chasing ${v.record}`],
    pains: [`Too much time spent chasing ${v.record}`, `No single view of ${v.asset} across sites`],
    objections: rnd.sample(OBJECTIONS, 2),
    cta: { label: rnd.pick(['See a walkthrough', 'Book a demo on sample data', 'Plan a pilot with us', 'Get the setup plan']), promise: `A short call about ${p.focus}, on sample data from ${v.name.toLowerCase()}.` },
    body: [
      `## What the ${p.shortName} gets`,
      '',
      `Meridian ${rnd.pick(VERBS)} every step of the work on ${v.asset}, so the ${p.shortName} sees **${p.focus}** without asking for a report. ${capitalize(rnd.pick(BENEFITS))}.`,
      '',
      `- ${capitalize(rnd.pick(ADJECTIVES))} ${v.record}, linked to the ${v.asset} they belong to`,
      `- Exceptions routed to the right person with the context attached`,
      `- Reports that rebuild from the records, not from spreadsheets`,
      '',
      `Read how other teams in ${v.name.toLowerCase()} use it in the [customer stories](https://www.meridian-ops.example/stories/${v.id}).`,
    ].join('\n'),
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function faqAnswer(rnd: Random, v: VerticalSpec | undefined, subject: string, opening = 'Yes.'): string {
  const asset = v?.asset ?? 'the work';
  const record = v?.record ?? 'records';
  const paragraphs = [
    `${opening} ${capitalize(subject)} is handled in the same workflow as the rest of the work on ${asset}: the platform ${rnd.pick(VERBS)} each step and keeps ${record} with who did what and when.`,
  ];
  if (rnd.next() < 0.6) paragraphs.push(['Most teams start with:', '', `- the ${rnd.pick(ADJECTIVES)} ${record} they already keep`, `- one site or team as a pilot`, `- a weekly review of *exceptions* with the owner`].join('\n'));
  if (rnd.next() < 0.5) paragraphs.push(`See the [implementation guide](https://www.meridian-ops.example/guides/${slug(subject)}) for the steps, or ask your solutions lead for a plan.`);
  return paragraphs.join('\n\n');
}

// ---------------------------------------------------------------- the whole site

export interface GenerateOptions {
  pages: number;
  out: string;
  seed?: number;
}

export interface GenerateResult {
  pages: number;
  files: number;
  segments: number;
  landingPages: number;
  contentRoot: string;
  dataFile: string;
  today: string;
}

/** Persona counts per published segment such that 2 + Σ(2 + personas) equals `pages` exactly. */
function planSegments(rnd: Random, pages: number): number[] {
  if (pages < 5) throw new Error('--pages must be at least 5 (home, overview and one segment with one persona)');
  const counts: number[] = [];
  let remaining = pages - 2;
  while (remaining > 0) {
    if (remaining <= 8) {
      counts.push(remaining - 2);
      break;
    }
    const n = Math.min(rnd.int(3, 6), remaining - 5);
    counts.push(n);
    remaining -= 2 + n;
  }
  return counts;
}

export function buildModel(pages: number, seed = 1) {
  const rnd = createRandom(seed * 7919 + pages);
  const personaCounts = planSegments(rnd, pages);

  // Regulations: four per vertical, four shared.
  const regulations: Regulation[] = [];
  const verticalRegs = new Map<string, string[]>();
  VERTICALS.forEach((v, vi) => {
    const ids = v.regulations.map((stem, k) => {
      const r = makeRegulation(rnd, stem, vi + k);
      regulations.push(r);
      return r.id;
    });
    verticalRegs.set(v.id, ids);
  });
  const shared = SHARED_REGULATIONS.map((stem, k) => {
    const r = makeRegulation(rnd, stem, k);
    regulations.push(r);
    return r.id;
  });
  const regById = new Map(regulations.map((r) => [r.id, r]));

  // Personas and pain points per vertical.
  const personas: Persona[] = [];
  const verticals = VERTICALS.map((v) => {
    const ps = v.personas.map((p) => makePersona(rnd, v, p));
    personas.push(...ps);
    const regs = [...verticalRegs.get(v.id)!, ...shared];
    const pains: Pain[] = v.pains.map((title) => ({
      id: slug(title),
      title,
      summary: `${title} cost ${rnd.pick(['hours every week', 'margin on every job', 'trust with customers', 'time at every audit'])}. Teams work around it with spreadsheets and email, and the ${v.record} end up incomplete.`,
      regulations: rnd.next() < 0.6 ? rnd.sample(regs, rnd.int(1, 2)) : [],
      personas: rnd.sample(ps.map((p) => p.id), rnd.int(1, 2)),
    }));
    return { spec: v, personas: ps, pains, regulations: regs };
  });

  // Segments: round-robin over verticals and regions; within (vertical, region) a disjoint employee band.
  const published = personaCounts.length;
  const extra = Math.max(1, Math.round(published * 0.04)); // drafts and retired segments, not published
  const total = published + extra;
  const cells = VERTICALS.length * REGIONS.length;
  const bandsPerCell = Math.ceil(total / cells);
  // Contiguous, disjoint employee bands from 1 up, growing geometrically, rounded to readable numbers.
  const mins = [1];
  for (let k = 1; k < bandsPerCell; k++) {
    const raw = 10 * Math.pow(2000, k / bandsPerCell);
    const step = raw < 100 ? 5 : raw < 1000 ? 10 : raw < 10000 ? 50 : 500;
    mins.push(Math.max(Math.round(raw / step) * step, mins[k - 1]! + 5));
  }
  const bandMin = (k: number) => mins[k]!;
  const segments: Segment[] = [];
  for (let i = 0; i < total; i++) {
    const vIndex = i % VERTICALS.length;
    const rIndex = Math.floor(i / VERTICALS.length) % REGIONS.length;
    const band = Math.floor(i / cells);
    const v = verticals[vIndex]!;
    const region = REGIONS[rIndex]!;
    const min = bandMin(band);
    const max = band === bandsPerCell - 1 ? undefined : bandMin(band + 1) - 1;
    const bandText = max === undefined ? `${formatInteger(min)}+ employees` : `${formatInteger(min)}–${formatInteger(max)} employees`;
    const status: Segment['status'] = i < published ? 'active' : i % 2 ? 'draft' : 'retired';
    const count = i < published ? personaCounts[i]! : rnd.int(1, 3);
    const segPersonas = rnd.sample(v.personas, count).map((p): SegmentPersona => {
      const sp: SegmentPersona = { id: p.id, noindex: rnd.next() < 0.05 };
      if (rnd.next() < 0.25) sp.headline = `${capitalize(p.shortName)}s in ${region.name}: ${rnd.pick(BENEFITS)}`;
      if (rnd.next() < 0.2) sp.valueProposition = `For ${region.adjective} ${v.spec.short} teams of this size, the ${p.shortName} gets ${rnd.pick(BENEFITS)}.`;
      return sp;
    });
    const id = `${slug(region.short)}-${v.spec.short}-${min}${max === undefined ? '-plus' : `-${max}`}`;
    segments.push({
      id,
      status,
      name: `${region.adjective} ${v.spec.industries[0]!.toLowerCase()} and peers, ${bandText}`,
      nickname: `${region.short} ${v.spec.short} ${max === undefined ? `${formatInteger(min)}+` : `${formatInteger(min)}–${formatInteger(max)}`}`.slice(0, 40),
      description: `${capitalize(joinWords(v.spec.industries).toLowerCase())} companies headquartered in ${region.name} with ${bandText.replace('employees', 'people')}, where ${v.spec.personas[0]!.name.toLowerCase()}s want ${rnd.pick(BENEFITS)}.`,
      vertical: v.spec.id,
      criteria: {
        firmographic: { industries: v.spec.industries, employees: max === undefined ? { min } : { min, max }, regions: [region.name] },
        tier: rnd.int(1, 3),
        needs: rnd.pick(NEEDS),
        sophistication: rnd.pick(SOPHISTICATION),
      },
      personas: segPersonas,
      pains: rnd.sample(v.pains, rnd.int(4, 6)).map((p) => p.id),
      regulations: rnd.shuffle([...rnd.sample(verticalRegs.get(v.spec.id)!, rnd.int(1, 3)), ...rnd.sample(shared, rnd.int(0, 2))]),
      profile: {
        keyTrends: rnd.sample(TRENDS, 2),
        majorChallenges: rnd.sample(CHALLENGES, 2),
        emergingOpportunities: rnd.sample(OPPORTUNITIES, rnd.int(1, 2)),
        marketSize: {
          value: rnd.int(2, 400) * 1e6,
          currency: rnd.pick(['EUR', 'USD', 'GBP']),
          year: 2026,
          source: { title: 'Meridian account sizing model (internal)', publisher: 'Meridian revenue operations' },
          note: 'Accounts matching the criteria in our CRM and a purchased firmographic list, times the expected annual contract value.',
        },
        growthRate: { percent: rnd.int(10, 180) / 10, period: '2026–2030', year: 2026, source: { title: 'Meridian pipeline model (internal)', publisher: 'Meridian revenue operations' } },
        dataSources: [{ title: 'CRM account export with headcount and region', publisher: 'Meridian revenue operations', retrieved: addDays(BENCH_TODAY, -rnd.int(5, 90)) }],
      },
      prioritisation: {
        sizeAndGrowth: rnd.int(1, 5),
        competitiveIntensity: rnd.int(1, 5),
        companyFit: rnd.int(1, 5),
        structuralAttractiveness: rnd.int(1, 5),
        accessibility: rnd.int(1, 5),
        expectedResponse: rnd.int(1, 5),
        rationale: 'Scored in the last quarterly review from pipeline data and win/loss notes.',
      },
      messaging: {
        valueProposition: `One workflow for the ${v.spec.asset} of ${region.adjective} ${v.spec.short} teams of this size, with ${rnd.pick(BENEFITS)}.`,
        emphasis: rnd.sample(BENEFITS, 2),
        proofPoints: rnd.sample(PROOF_POINTS, rnd.int(2, 3)),
      },
      objections: rnd.sample(OBJECTIONS, rnd.int(1, 2)),
      reviewed: addDays(BENCH_TODAY, -rnd.int(5, 120)),
    });
  }

  // Questions: per segment (about five), per vertical, per regulation, general.
  const faqs: Faq[] = [];
  const scope = (s: Partial<Faq['scope']>): Faq['scope'] => ({ segments: [], personas: [], verticals: [], regulations: [], ...s });
  for (const s of segments) {
    const v = verticals.find((x) => x.spec.id === s.vertical)!;
    const n = rnd.int(4, 6);
    for (let k = 1; k <= n; k++) {
      const roll = rnd.next();
      const persona = rnd.pick(s.personas).id;
      const personaName = personas.find((p) => p.id === persona)!.shortName;
      const reg = s.regulations.length ? rnd.pick(s.regulations) : undefined;
      const topic = rnd.pick(v.pains).title.toLowerCase();
      if (roll < 0.35) faqs.push({ id: `${s.id}-q${k}`, question: `Can a ${personaName} in our position fix ${topic} without a systems team?`, scope: scope({ segments: [s.id], personas: [persona] }), order: rnd.int(10, 90), answer: faqAnswer(rnd, v.spec, topic) });
      else if (roll < 0.55 && reg) faqs.push({ id: `${s.id}-q${k}`, question: `How do teams like ours keep the records the ${regById.get(reg)!.shortName} asks for?`, scope: scope({ segments: [s.id], regulations: [reg] }), order: rnd.int(10, 90), answer: faqAnswer(rnd, v.spec, 'record keeping', 'From the work itself.') });
      else faqs.push({ id: `${s.id}-q${k}`, question: `How long does it take a company of our size to get ${topic} under control?`, scope: scope({ segments: [s.id] }), order: rnd.int(10, 90), answer: faqAnswer(rnd, v.spec, topic, 'Most teams of this size see the first results within one quarter.') });
    }
  }
  for (const v of verticals) {
    for (let k = 1; k <= 3; k++) faqs.push({ id: `${v.spec.id}-question-${k}`, question: `How does Meridian handle ${rnd.pick(v.pains).title.toLowerCase()} in ${v.spec.name.toLowerCase()}?`, scope: scope({ verticals: [v.spec.id] }), order: rnd.int(60, 140), answer: faqAnswer(rnd, v.spec, 'this', 'In one workflow.') });
  }
  for (const r of regulations) faqs.push({ id: `about-${r.id}`, question: `What does the ${r.shortName} mean for our records?`, scope: scope({ regulations: [r.id] }), order: rnd.int(40, 120), answer: faqAnswer(rnd, undefined, 'record keeping', 'It asks for dated records you can produce on request.') });
  const general = ['pricing', 'data residency', 'single sign-on', 'exports', 'support hours', 'implementation'];
  general.forEach((topic, k) => faqs.push({ id: `general-${slug(topic)}`, question: `How does ${topic} work?`, scope: scope({}), order: 100 + k * 10, answer: faqAnswer(rnd, undefined, topic, 'Simply.') }));

  return { verticals, personas, regulations, segments, faqs, regById };
}

type Model = ReturnType<typeof buildModel>;

// ---------------------------------------------------------------- files for our generator

function siteYaml(activeSegments: number): Record<string, unknown> {
  return {
    ...SITE,
    landingPage: LIMITS,
    // The schema allows at most 50; larger sites get one "too many segments" warning (not an error).
    check: { maxActiveSegments: Math.min(50, Math.max(5, activeSegments)) },
    channels: [{ id: 'linkedin-sponsored', label: 'LinkedIn Sponsored Content', source: 'linkedin', medium: 'paid-social' }],
    consent: { banner: true },
    prioritisation: { weights: WEIGHTS },
  };
}

function frontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body}\n`;
}

async function writeContent(model: Model, root: string): Promise<number> {
  const files: [string, string][] = [];
  const active = model.segments.filter((s) => s.status === 'active').length;
  files.push(['content/site.yaml', stringify(siteYaml(active), { lineWidth: 0 })]);
  for (const v of model.verticals) {
    files.push([
      `content/verticals/${v.spec.id}.yaml`,
      stringify(
        {
          name: v.spec.name,
          summary: `Buyers in ${v.spec.name.toLowerCase()} answer to customers, auditors and regulators at once, and most still keep ${v.spec.record} in spreadsheets.`,
          painPoints: v.pains,
          channels: {
            events: v.spec.events.map((name) => ({ name })),
            publications: v.spec.publications.map((name) => ({ name })),
            socialTargeting: [{ platform: 'LinkedIn', titles: v.spec.personas.flatMap((p) => p.titles).slice(0, 6) }],
            marketplaces: v.spec.marketplaces.map((name) => ({ name })),
          },
        },
        { lineWidth: 0 },
      ),
    ]);
  }
  for (const r of model.regulations) {
    const { id: _id, ...data } = r;
    files.push([`content/regulations/${r.id}.yaml`, stringify(data, { lineWidth: 0 })]);
  }
  for (const p of model.personas) {
    const { id: _id, vertical: _v, body, ...data } = p;
    files.push([`content/personas/${p.id}.md`, frontmatter(data, body)]);
  }
  for (const s of model.segments) {
    const { id: _id, ...data } = s;
    files.push([`segments/${s.id}.yaml`, stringify({ ...data, personas: s.personas.map((p) => ({ ...p, noindex: p.noindex || undefined })) }, { lineWidth: 0 })]);
  }
  for (const f of model.faqs) {
    const scope = Object.fromEntries(Object.entries(f.scope).filter(([, list]) => list.length > 0));
    files.push([`content/faqs/${f.id}.md`, frontmatter({ question: f.question, ...(Object.keys(scope).length ? { scope } : {}), order: f.order }, f.answer)]);
  }
  const dirs = new Set(files.map(([file]) => dirname(join(root, file))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (const [file, text] of files) await writeFile(join(root, file), text);
  return files.length;
}

// ---------------------------------------------------------------- the JSON the baselines render

/** The selections our compose layer makes (src/lib/compose/landing.ts, faqs.ts), done once here for the baselines. */
function siteData(model: Model) {
  const published = model.segments.filter((s) => s.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));
  const personaById = new Map(model.personas.map((p) => [p.id, p]));
  const verticalById = new Map(model.verticals.map((v) => [v.spec.id, v]));
  const sortedFaqs = [...model.faqs].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const select = (segment: Segment, personaIds: string[], regulationIds: string[]) =>
    sortedFaqs.filter(
      ({ scope }) =>
        (scope.segments.length === 0 || scope.segments.includes(segment.id)) &&
        (scope.verticals.length === 0 || scope.verticals.includes(segment.vertical)) &&
        (scope.personas.length === 0 || scope.personas.some((p) => personaIds.includes(p))) &&
        (scope.regulations.length === 0 || scope.regulations.some((r) => regulationIds.includes(r))),
    );
  const rank = (f: Faq) => (f.scope.personas.length || f.scope.segments.length ? 0 : f.scope.regulations.length ? 1 : 2);

  const regulationView = (r: Regulation) => ({
    shortName: r.shortName,
    officialName: r.officialName,
    jurisdiction: r.jurisdiction,
    authority: r.authority,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    summary: r.summary,
    appliesTo: r.appliesTo,
    thresholds: r.thresholds.map((t) => ({ label: t.label, value: formatThresholdValue(t) })),
    keyDates: [...r.keyDates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((d) => ({ date: d.date, dateLabel: formatDate(d.date), label: d.label })),
    documentation: r.documentation,
    changes: r.changes.map((c) => ({ date: c.date, dateLabel: formatDate(c.date), summary: c.summary, statusLabel: CHANGE_LABELS[c.status] })),
    sources: r.sources.map((s) => ({ title: s.title, publisher: s.publisher, url: s.url, retrievedLabel: formatDate(s.retrieved) })),
    lastVerified: r.lastVerified,
    lastVerifiedLabel: formatDate(r.lastVerified),
  });

  const segmentsOut = published.map((s) => {
    const v = verticalById.get(s.vertical)!;
    const f = s.criteria.firmographic;
    const priority = Math.round((CRITERIA.reduce((sum, c) => sum + s.prioritisation[c] * WEIGHTS[c], 0) / CRITERIA.reduce((sum, c) => sum + WEIGHTS[c], 0)) * 10) / 10;
    const landings = s.personas.map((pair) => {
      const persona = personaById.get(pair.id)!;
      const byId = new Map(v.pains.map((p) => [p.id, p]));
      const ordered = s.pains.map((id) => byId.get(id)!);
      const pains = [...ordered.filter((p) => p.personas.includes(pair.id)), ...ordered.filter((p) => !p.personas.includes(pair.id))].slice(0, LIMITS.pains);
      const first: string[] = [];
      for (const pain of pains) for (const r of pain.regulations) if (s.regulations.includes(r) && !first.includes(r)) first.push(r);
      const regulationIds = [...first, ...s.regulations.filter((r) => !first.includes(r))];
      const shown = regulationIds.slice(0, LIMITS.regulations);
      const faqs = select(s, [pair.id], regulationIds)
        .map((faq, index) => ({ faq, index, rank: rank(faq) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .slice(0, LIMITS.faqs)
        .map((x) => x.faq.id);
      const valueProposition = pair.valueProposition ?? `${s.messaging.valueProposition} ${persona.valueProposition}`;
      return {
        persona: pair.id,
        headline: pair.headline ?? persona.headline.replaceAll('{segment}', s.nickname),
        valueProposition,
        description: truncate(valueProposition, 160),
        noindex: pair.noindex,
        pains: pains.map((p) => ({ id: p.id, forPersona: p.personas.includes(pair.id), regulations: p.regulations.filter((r) => shown.includes(r)) })),
        regulations: shown,
        moreRegulations: regulationIds.slice(LIMITS.regulations).map((id) => model.regById.get(id)!.shortName),
        faqs,
      };
    });
    const faqPage = select(s, s.personas.map((p) => p.id), s.regulations);
    return {
      id: s.id,
      name: s.name,
      nickname: s.nickname,
      description: s.description,
      vertical: s.vertical,
      criteria: [
        { label: 'Industries', value: joinWords(f.industries) },
        { label: 'Employees', value: f.employees.max !== undefined ? `${formatInteger(f.employees.min)} to ${formatInteger(f.employees.max)}` : `${formatInteger(f.employees.min)} or more` },
        { label: 'Headquarters', value: joinWords(f.regions) },
      ],
      marketSize: { value: formatQuantity(s.profile.marketSize.value, s.profile.marketSize.currency), year: s.profile.marketSize.year, source: s.profile.marketSize.source, note: s.profile.marketSize.note },
      growthRate: { value: `${formatPercent(s.profile.growthRate.percent)} a year`, percent: s.profile.growthRate.percent, period: s.profile.growthRate.period, source: s.profile.growthRate.source },
      priority,
      profile: { keyTrends: s.profile.keyTrends, majorChallenges: s.profile.majorChallenges, emergingOpportunities: s.profile.emergingOpportunities, dataSources: s.profile.dataSources },
      valueProposition: s.messaging.valueProposition,
      proofPoints: s.messaging.proofPoints,
      emphasis: s.messaging.emphasis,
      objections: s.objections,
      regulations: s.regulations,
      personas: s.personas.map((p) => p.id),
      hubDescription: truncate(s.description, 160),
      faqDescription: truncate(`Answers for ${s.name}: ${faqPage.map((q) => q.question).join(' ')}`, 160),
      faqs: faqPage.map((q) => q.id),
      landings,
    };
  });

  return {
    site: { ...SITE, weights: WEIGHTS },
    verticals: Object.fromEntries(model.verticals.map((v) => [v.spec.id, { name: v.spec.name, pains: Object.fromEntries(v.pains.map((p) => [p.id, { title: p.title, summary: p.summary }])) }])),
    personas: Object.fromEntries(
      model.personas.map((p) => [p.id, { name: p.name, shortName: p.shortName, buyerRole: p.buyerRole, goals: p.goals, objections: p.objections, cta: p.cta, body: p.body }]),
    ),
    regulations: Object.fromEntries(model.regulations.map((r) => [r.id, regulationView(r)])),
    faqs: Object.fromEntries(model.faqs.map((f) => [f.id, { question: f.question, answer: f.answer, regulations: f.scope.regulations }])),
    segments: segmentsOut,
  };
}

export type SiteData = ReturnType<typeof siteData>;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const out = resolve(options.out);
  const contentRoot = join(out, 'content-root');
  await rm(contentRoot, { recursive: true, force: true });
  const model = buildModel(options.pages, options.seed ?? 1);
  const files = await writeContent(model, contentRoot);
  const data = siteData(model);
  const dataFile = join(out, 'site.json');
  await writeFile(dataFile, JSON.stringify(data));
  const landingPages = data.segments.reduce((n, s) => n + s.landings.length, 0);
  const pages = 2 + data.segments.length * 2 + landingPages;
  if (pages !== options.pages) throw new Error(`generated ${pages} pages instead of ${options.pages}`);
  return { pages, files, segments: data.segments.length, landingPages, contentRoot, dataFile, today: BENCH_TODAY };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) {
    console.error('Usage: node scripts/bench/generate.ts --pages N --out DIR [--seed S]');
    process.exit(2);
  }
  const result = await generate({ pages: Number(values.pages), out: values.out, seed: Number(values.seed) });
  console.log(`${result.pages} pages (${result.segments} segments, ${result.landingPages} landing pages) from ${result.files} content files in ${result.contentRoot}; baseline data in ${result.dataFile}. Check with CHECK_DATE=${result.today}.`);
}
