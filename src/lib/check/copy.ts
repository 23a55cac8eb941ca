import type { Diagnostic, Position } from '../diagnostics.ts';
import type { Entry, MarkdownEntry, Project } from '../load/project.ts';
import { markdownTree } from '../markdown.ts';
import { parseOverrideMdx } from '../mdx-pipeline.ts';
import { decodeCharacterReferences, isSafeUrl, urlScheme } from '../safe-html.ts';
import { figuresIn, restates, unitOfFact, type Figure, type FigureUnit } from './figures.ts';
import type { Regulation } from '../schemas/index.ts';

/**
 * Checks on the words marketers write: no threshold or date of a regulation restated by hand (the
 * page shows them from the dated entry), no promise of compliance, no false urgency or scarcity,
 * and no markup that could run code. Markdown is parsed with remark, so the checks read the text a
 * visitor would read, not the syntax around it.
 */

/** A piece of copy and where it was written. */
export interface CopyUnit {
  file: string;
  /** Where the copy was written; looked up only when a rule fires (a field's position means reading its file's syntax tree again). */
  position?: () => Position | undefined;
  field?: string;
  text: string;
  /** Regulations the copy is about even when a sentence does not name them (an FAQ's scope, a pain's regulations). */
  about: string[];
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Raw HTML, or a link or definition whose address is not plainly https://, a site path, an anchor,
 * mailto: or tel: (so a disguised scheme such as `java&#9;script:` is always parsed and judged).
 */
const MAY_HOLD_MARKUP_OR_LINK = /<[a-z!/?]|\]\s*(?:\(|:)\s*<?(?!https?:\/\/|\/|#|mailto:|tel:)/i;

export function checkCopy(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const units: CopyUnit[] = [];
  const regulations = project.regulations.map((r) => ({ id: r.id, file: r.file, data: r.data, names: regulationNames(r.data), dates: regulationDates(r.data) }));
  const urgency = (project.site?.data.check.urgencyPhrases ?? []).map((phrase) => ({ phrase, pattern: phrasePattern(phrase) }));
  const rules = { regulations, urgency };
  // A Markdown body is parsed (most of this check's time) only when a rule could fire on it: its raw
  // text, with emphasis marks dropped, is run through the same rules first, as is a test for links
  // and markup. Raw text holds everything the rendered text does, so nothing is missed; the build
  // parses every body anyway to render it.
  const mayFire = (body: string, about: string[]) =>
    MAY_HOLD_MARKUP_OR_LINK.test(body) || unitDiagnostics({ file: '', text: body.replace(/[*_`~]/g, ''), about }, rules).length > 0;

  for (const persona of project.personas) {
    units.push(...fieldUnits(persona, PERSONA_FIELDS, []));
    if (mayFire(persona.body, [])) units.push(...markdownUnits(persona, [], false, diagnostics));
  }
  for (const faq of project.faqs) {
    units.push(...fieldUnits(faq, ['question'], faq.data.scope.regulations));
    if (mayFire(faq.body, faq.data.scope.regulations)) units.push(...markdownUnits(faq, faq.data.scope.regulations, false, diagnostics));
  }
  for (const page of [...project.pageOverrides, ...project.pageVariants]) {
    units.push(...fieldUnits(page, ['title', 'description', 'headline', 'valueProposition', 'ctaLabel'], []));
    units.push(...markdownUnits(page, [], true, diagnostics));
  }
  for (const segment of project.segments) units.push(...fieldUnits(segment, SEGMENT_FIELDS, []));
  for (const vertical of project.verticals) {
    units.push(...fieldUnits(vertical, ['summary'], []));
    vertical.data.painPoints.forEach((pain, i) => units.push(...fieldUnits(vertical, [`painPoints.${i}.title`, `painPoints.${i}.summary`], pain.regulations)));
  }
  if (project.site) units.push(...fieldUnits(project.site, SITE_FIELDS, []));
  for (const quote of project.proof.quotes) units.push(...fieldUnits(quote, ['text'], []));
  for (const figure of project.proof.figures) units.push(...fieldUnits(figure, ['measured'], []));


  for (const unit of units) diagnostics.push(...unitDiagnostics(unit, rules));
  return dedupe(diagnostics);
}

interface CopyRules {
  regulations: { id: string; file: string; data: Regulation; names: RegExp[]; dates: { forms: string[]; year: string }[] }[];
  urgency: { phrase: string; pattern: RegExp }[];
}

/** The truth and ethics rules on one piece of copy, sentence by sentence. */
function unitDiagnostics(unit: CopyUnit, { regulations, urgency }: CopyRules): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let where: Pick<Diagnostic, 'file' | 'line' | 'column' | 'field'> | undefined;
  const at = () => {
    const position = unit.position?.();
    return (where ??= { file: unit.file, line: position?.line, column: position?.column, field: unit.field });
  };
  for (const sentence of sentences(unit.text)) {
    let figures: Figure[] | undefined;
    for (const reg of regulations) {
      if (!unit.about.includes(reg.id) && !reg.names.some((n) => n.test(sentence))) continue;
      // Read once per sentence, however many regulations it is about.
      figures ??= figuresIn(sentence);
      const restated = restatedFacts(sentence, figures, reg.data, reg.dates);
      if (restated.length) {
        const kinds = [...new Set(restated.map((r) => r.kind))].join(' and ');
        diagnostics.push({
          severity: 'error',
          rule: 'restated-fact',
          ...at(),
          message: `restates ${kinds === 'date' ? 'a date' : kinds === 'threshold' ? 'a figure' : 'facts'} of ${reg.data.shortName} by hand (${restated.map((r) => `"${r.text}"`).join(', ')})`,
          hint: `Leave figures and dates out of copy (thresholds, deadlines, penalties): pages show them from ${reg.file}, dated and sourced, and they stay right when the rule changes.`,
        });
      }
      const unlisted = unlistedDeadlines(sentence, figures, reg.data);
      if (unlisted.length) {
        diagnostics.push({
          severity: 'error',
          rule: 'unlisted-deadline',
          ...at(),
          message: `gives ${reg.data.shortName} a deadline its entry does not hold (${unlisted.map((f) => `"${f.text}"`).join(', ')})`,
          hint: `${reg.file} gives ${deadlineList(reg.data)}. If the rule changed, update the entry and its sources; otherwise leave the clock out of copy: pages show the entry's deadlines.`,
        });
      }
    }
    const promise = compliancePromise(sentence);
    if (promise) {
      diagnostics.push({
        severity: 'error',
        rule: 'compliance-promise',
        ...at(),
        message: `promises compliance ("${promise}")`,
        hint: 'Say what the product does (the records, evidence and workflow it provides); no tool can make a company compliant on its own.',
      });
    }
    for (const { phrase, pattern } of urgency) {
      const match = pattern.exec(sentence);
      if (match) {
        diagnostics.push({
          severity: 'error',
          rule: 'false-urgency',
          ...at(),
          message: `uses pressure wording ("${match[0]}")`,
          hint: `Remove false urgency or scarcity ("${phrase}" is on the check.urgencyPhrases list in site.yaml); if a deadline is real, name the regulation and let its entry show the date.`,
        });
      }
    }
  }
  return diagnostics;
}

const PERSONA_FIELDS = ['name', 'headline', 'valueProposition', 'goals.*', 'pains.*', 'objections.*.objection', 'objections.*.answer', 'cta.label', 'cta.promise'];
const SEGMENT_FIELDS = [
  'name',
  'nickname',
  'description',
  'personas.*.headline',
  'personas.*.valueProposition',
  'messaging.valueProposition',
  'messaging.emphasis.*',
  'messaging.proofPoints.*',
  'objections.*.objection',
  'objections.*.answer',
  'profile.keyTrends.*',
  'profile.majorChallenges.*',
  'profile.emergingOpportunities.*',
];
const SITE_FIELDS = [
  'description',
  'offer.headline',
  'offer.summary',
  'offer.points.*',
  'cta.label',
  'leadForm.heading',
  'leadForm.success',
  'leadForm.failure',
  'leadForm.thankYouPage.heading',
  'leadForm.thankYouPage.body',
  'leadForm.thankYouPage.nextSteps.*.label',
  'leadForm.thankYouPage.nextSteps.*.text',
];

/** Text fields of an entry, by dotted pattern (`*` for every list item), with their positions. */
function fieldUnits(entry: Entry<unknown>, patterns: string[], about: string[]): CopyUnit[] {
  const units: CopyUnit[] = [];
  const visit = (value: unknown, rest: string[], path: (string | number)[]) => {
    if (rest.length === 0) {
      if (typeof value === 'string' && value.trim()) {
        const where = [...path];
        units.push({ file: entry.file, position: () => entry.locate.at(where), field: path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join(''), text: value, about });
      }
      return;
    }
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') {
      if (Array.isArray(value)) value.forEach((item, i) => visit(item, tail, [...path, i]));
    } else if (value && typeof value === 'object') {
      const key = /^\d+$/.test(head) ? Number(head) : head;
      visit((value as Record<string | number, unknown>)[key], tail, [...path, key]);
    }
  };
  for (const pattern of patterns) visit(entry.data, pattern.split('.'), []);
  return units;
}

/** Text blocks of a Markdown or MDX body, and problems with its links and raw markup. */
function markdownUnits(entry: MarkdownEntry<unknown>, about: string[], mdx: boolean, diagnostics: Diagnostic[]): CopyUnit[] {
  let tree: MdNode;
  try {
    tree = (mdx ? parseOverrideMdx(entry.body) : markdownTree(entry)) as unknown as MdNode;
  } catch {
    return []; // MDX syntax errors are reported by the loader, with their position.
  }
  const units: CopyUnit[] = [];
  const where = (node: MdNode): Position => ({ line: (node.position?.start.line ?? 1) + entry.bodyLine - 1, column: node.position?.start.column ?? 1 });
  const walk = (node: MdNode) => {
    if (BLOCKS.has(node.type)) {
      units.push({ file: entry.file, position: () => where(node), text: textOf(node), about });
    }
    // Override links are judged by the override scan (load/mdx-sections.ts), with the rest of their markup.
    if (!mdx && (node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url && !isSafeUrl(node.url, node.type === 'image' ? 'image' : 'link')) {
      diagnostics.push({
        severity: 'error',
        rule: 'unsafe-link',
        file: entry.file,
        ...where(node),
        message: `the link "${shownUrl(node.url)}" uses the scheme ${urlScheme(node.url)}:, which pages do not allow`,
        hint: 'Use an https:// address, a mailto: or tel: link, or a path on this site.',
      });
    }
    if (node.type === 'html' && node.value) diagnostics.push(...rawHtml(entry.file, where(node), node.value));
    // Inline HTML comes as one node per tag: an element split over several tags (an <svg> around an
    // <animate>) is judged whole, and refused once; harmless tags are each reported where they are.
    const inline = node.type === 'root' ? [] : (node.children ?? []).filter((child) => child.type === 'html' && child.value);
    if (inline.length) {
      const whole = rawHtml(entry.file, where(inline[0]!), inline.map((child) => child.value).join(''));
      if (whole.some((d) => d.severity === 'error')) diagnostics.push(...whole);
      else for (const child of inline) diagnostics.push(...rawHtml(entry.file, where(child), child.value!));
    }
    for (const child of node.children ?? []) if (!inline.includes(child)) walk(child);
  };
  walk(tree);
  return units;
}

/** Elements that load, run or redirect something; raw HTML is never rendered, but these say someone tried. */
const ACTIVE_ELEMENT = /<\s*(style|iframe|frame|frameset|object|embed|form|meta|base|link|svg|math|animate|set|template|applet|portal)\b/i;
/** Attributes that hold an address, and the address. */
const URL_ATTRIBUTE = /\s(?:href|src|action|formaction|xlink:href|values|to|from|data|poster|background)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function rawHtml(file: string, at: Position, html: string): Diagnostic[] {
  if (/<\s*script\b/i.test(html)) {
    return [{ severity: 'error', rule: 'unsafe-markup', file, ...at, message: 'raw <script> in Markdown', hint: 'Pages run no scripts from content: delete it. Measurement is built in; see docs/measurement.md.' }];
  }
  const handler = /\son[a-z]+\s*=/i.exec(html);
  if (handler) {
    return [{ severity: 'error', rule: 'unsafe-markup', file, ...at, message: `raw HTML with an event handler (${handler[0].trim()}…)`, hint: 'Delete the attribute: content cannot run scripts.' }];
  }
  const active = ACTIVE_ELEMENT.exec(html);
  if (active) {
    return [{ severity: 'error', rule: 'unsafe-markup', file, ...at, message: `raw <${active[1]!.toLowerCase()}> in Markdown`, hint: 'Pages carry no scripts, styles, embeds, redirects or forms from content: delete it.' }];
  }
  for (const match of html.matchAll(URL_ATTRIBUTE)) {
    const url = decodeCharacterReferences(match[1] ?? match[2] ?? match[3] ?? '');
    // `values` lists several addresses (SVG animation); each is judged.
    const unsafe = [url, ...url.split(';')].find((part) => !isSafeUrl(part.trim()));
    if (unsafe !== undefined) {
      return [{ severity: 'error', rule: 'unsafe-markup', file, ...at, message: `raw HTML with a ${urlScheme(unsafe)}: address`, hint: 'Use an https:// address or a path on this site, in Markdown: [text](https://…).' }];
    }
  }
  if (/^<!--[\s\S]*-->$/.test(html.trim()) || /^<\/[a-z][a-z0-9-]*\s*>$/i.test(html.trim())) return [];
  return [{ severity: 'warning', rule: 'raw-html', file, ...at, message: 'raw HTML is not shown on pages', hint: 'Write it in Markdown instead (for emphasis, links, lists and tables).' }];
}

/** A URL as a message can show it: short, with invisible characters made visible. */
function shownUrl(url: string): string {
  const visible = url.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 40 ? `${visible.slice(0, 40)}…` : visible;
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
    .filter((s) => s.trim());
}

// ---- regulations named in copy, and their facts restated by hand

/** Patterns that say a sentence is about a regulation: its short name, and distinctive acronyms in it (CSDDD, LkSG, SOX, OFAC). */
function regulationNames(r: Regulation): RegExp[] {
  const names = [r.shortName, r.shortName.replace(/^(?:EU|UK|US|U\.S\.|German|EU's)\s+/i, '')];
  const acronyms = r.shortName.split(/[\s/(),]+/).filter((w) => w.length >= 3 && (w.match(/[A-Z]/g) ?? []).length >= 2);
  return [
    ...[...new Set(names)].filter((n) => n.length >= 3).map((n) => new RegExp(`\\b${escapeRegExp(n)}\\b`, 'i')),
    ...acronyms.map((a) => new RegExp(`\\b${escapeRegExp(a)}\\b`)),
  ];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The ways a date is commonly written, and its year. */
function regulationDates(r: Regulation): { forms: string[]; year: string }[] {
  const dates = [...r.keyDates.map((d) => d.date), ...r.changes.map((c) => c.date)];
  return dates.map((iso) => {
    const [y, m, d] = iso.split('-') as [string, string, string];
    const month = MONTHS[Number(m) - 1]!;
    const day = String(Number(d));
    return {
      year: y,
      forms: [iso, `${day} ${month} ${y}`, `${month} ${day}, ${y}`, `${month} ${day} ${y}`, `${day} ${month.slice(0, 3)} ${y}`, `${month.slice(0, 3)} ${day}, ${y}`, `${d}.${m}.${y}`, `${d}/${m}/${y}`].map((f) => f.toLowerCase()),
    };
  });
}

/** Every figure of an entry that copy must not restate, with its unit. */
function factFigures(r: Regulation): { value: number; unit?: FigureUnit }[] {
  return [
    ...r.thresholds.flatMap((t) => {
      const unit = unitOfFact(t.unit);
      return (t.upTo === undefined ? [t.value] : [t.value, t.upTo]).map((value) => ({ value, unit }));
    }),
    ...r.obligations.map((o) => ({ value: o.within.amount, unit: o.within.unit })),
    ...r.penalties.flatMap((p) => [
      ...(p.upTo ? [{ value: p.upTo.amount, unit: 'money' as const }] : []),
      ...(p.turnoverShare !== undefined ? [{ value: p.turnoverShare, unit: 'percent' as const }] : []),
    ]),
  ];
}

const CLOCK_UNITS: ReadonlySet<FigureUnit> = new Set(['hours', 'days', 'business-days', 'weeks', 'months']);
/** Words that make a duration in a sentence a deadline rather than, say, how long a setup takes. */
const DEADLINE_CUE = /\b(?:within|no later than|deadlines?|clocks?|due|notif\w*|report\w*|disclos\w*|inform\w*)\b/i;

/**
 * Durations a sentence gives a regulation as its deadline ("notify within forty-eight hours") that
 * none of the entry's obligations has: a clock that is wrong, not merely restated. Only for entries
 * with obligations, and only in a sentence that speaks of a deadline.
 */
function unlistedDeadlines(sentence: string, figures: readonly Figure[], r: Regulation): Figure[] {
  if (!r.obligations.length || !DEADLINE_CUE.test(sentence)) return [];
  return figures.filter((f) => f.unit && CLOCK_UNITS.has(f.unit) && !r.obligations.some((o) => restates(f, { value: o.within.amount, unit: o.within.unit })));
}

/** "deadlines of 72 hours and one month": the entry's clocks, for a hint. */
function deadlineList(r: Regulation): string {
  const clocks = [...new Set(r.obligations.map((o) => `${o.within.amount} ${o.within.unit.replace('-', ' ').replace(o.within.amount === 1 ? /s$/ : /$^/, '')}`))];
  return `${clocks.length === 1 ? 'a deadline' : 'deadlines'} of ${clocks.join(', ')}`;
}

function restatedFacts(sentence: string, figures: readonly Figure[], r: Regulation, dates: { forms: string[]; year: string }[]): { kind: 'date' | 'threshold'; text: string }[] {
  const found: { kind: 'date' | 'threshold'; text: string }[] = [];
  const lower = sentence.toLowerCase();
  const covered: [number, number][] = [];
  for (const date of dates) {
    for (const form of date.forms) {
      const index = lower.indexOf(form);
      if (index >= 0 && !covered.some(([a, b]) => index >= a && index < b)) {
        covered.push([index, index + form.length]);
        found.push({ kind: 'date', text: sentence.slice(index, index + form.length) });
      }
    }
  }
  const years = new Set(dates.map((d) => Number(d.year)));
  const facts = factFigures(r);
  for (const figure of figures) {
    if (covered.some(([a, b]) => figure.index >= a && figure.index < b)) continue;
    if (!figure.unit && !figure.spelled && years.has(figure.value) && /^\d{4}$/.test(figure.text)) found.push({ kind: 'date', text: figure.text });
    else if (facts.some((fact) => restates(figure, fact))) found.push({ kind: 'threshold', text: figure.text });
  }
  return found;
}

// ---- promises and pressure

const PROMISES = [
  /\bguarantee(?:s|d|ing)?\b[^.]{0,40}?\bcomplian(?:ce|t)\b/i,
  /\bcomplian(?:ce|t)\b[^.]{0,20}?\bguaranteed\b/i,
  /\b(?:make|makes|making|keep|keeps|keeping|render|renders|get|gets)\s+(?:you|your\s+(?:company|business|organi[sz]ation|team|firm))\s+(?:fully\s+)?complian(?:t|ce)\b/i,
  /\b(?:100\s?%|fully|totally|completely|automatically|instantly)\s+complian(?:t|ce)\b/i,
  /\bensures?\s+(?:full\s+|your\s+|total\s+)?complian(?:ce|t)\b/i,
  /\bcompliance\s+(?:out of the box|in one click|at the push of a button)\b/i,
];
const NEGATION = /\b(?:not|never|no|cannot|can't|won't|doesn't|don't|isn't|aren't|neither|nor|without)\b[^.]{0,25}$/i;

function compliancePromise(sentence: string): string | undefined {
  for (const pattern of PROMISES) {
    const match = pattern.exec(sentence);
    if (match && !NEGATION.test(sentence.slice(0, match.index))) return match[0];
  }
  return undefined;
}

/** `only # left` matches "only 3 left"; words are matched whole, case-insensitively, across any spacing. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.split('#').map(escapeRegExp).join('\\d+'))
    .join('\\s+')
    .replace(/'/g, "['’]");
  return new RegExp(`(?<![\\w])${body}(?![\\w])`, 'i');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
