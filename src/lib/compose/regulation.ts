import { fill, type UiStrings } from '../i18n/ui.ts';
import { en } from '../i18n/ui-en.ts';
import type { Obligation, Penalty, Regulation } from '../schemas/index.ts';
import { escapeHtml, localeFormat, splitFirstSentence, type LocaleFormat } from './format.ts';
import type { RegulationView } from './types.ts';

/** Kept under these names for the build benchmark's generator, which words regulations as pages do. */
export { CHANGE_STATUS_LABELS as CHANGE_LABELS, REGULATION_STATUS_LABELS as STATUS_LABELS } from './labels.ts';

const ENGLISH = localeFormat('en', en);

/**
 * Every threshold and date a page states about a regulation comes from here, never from copy.
 * Pages show a regulation condensed: its name, its status where it matters (anything but in force)
 * and one line on why it matters, with the whole dated, sourced entry behind a disclosure. The line
 * is the first sentence of the entry's `summary` (what the rule requires, and of whom), word for
 * word; the rest of the summary opens the disclosure, so nothing is shown twice or left out.
 * Words, dates and numbers are the page locale's (`ui`, `format`); English by default.
 */
export function composeRegulation(id: string, r: Regulation, ui: UiStrings = en, format: LocaleFormat = ENGLISH): RegulationView {
  const { first, rest } = splitFirstSentence(r.summary);
  const qualifier = ui.notYetApplicable[r.status];
  const qualify = (text: string) => (qualifier ? `${text}, ${qualifier}` : text);
  return {
    id,
    anchor: `regulation-${id}`,
    shortName: r.shortName,
    officialName: r.officialName,
    jurisdiction: r.jurisdiction,
    authority: r.authority,
    status: r.status,
    statusLabel: ui.regulationStatus[r.status],
    statusMatters: r.status !== 'in-force',
    summary: r.summary,
    lead: first,
    summaryRest: rest,
    appliesTo: r.appliesTo,
    thresholds: r.thresholds.map((t) => ({ label: t.label, value: format.threshold(t), note: t.note })),
    keyDates: [...r.keyDates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((d) => ({ date: d.date, dateLabel: format.date(d.date), label: d.label, ...(d.who ? { who: d.who } : {}) })),
    obligations: r.obligations.map((o) => ({ what: o.what, ...(o.who ? { who: o.who } : {}), label: obligationLabel(o, ui, format), deadline: qualify(deadlineText(o, ui, format)) })),
    penalties: r.penalties.map((p) => ({ ...(p.who ? { who: p.who } : {}), text: qualify(penaltyText(p, ui, format)), ...(p.note ? { note: p.note } : {}) })),
    documentation: r.documentation,
    changes: r.changes.map((c) => ({ date: c.date, dateLabel: format.date(c.date), summary: c.summary, statusLabel: ui.changeStatus[c.status] })),
    sources: r.sources.map((s) => ({ title: s.title, publisher: s.publisher, url: s.url, retrievedLabel: format.date(s.retrieved) })),
    lastVerified: r.lastVerified,
    lastVerifiedLabel: format.date(r.lastVerified),
  };
}

/** `within 72 hours of becoming aware of a significant incident`, `within one month of the early warning`. */
export const formatDeadline = (o: Obligation): string => deadlineText(o, en, ENGLISH);

/** `up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher`. */
export const formatPenalty = (p: Penalty): string => penaltyText(p, en, ENGLISH);

/** A deadline in a locale's words: `innerhalb von 72 Stunden nach …`. */
export function deadlineText(o: Obligation, ui: UiStrings, format: LocaleFormat): string {
  const { amount, unit } = o.within;
  const amountText = amount === 1 ? ui.deadlineOne[unit] : fill(ui.deadlineOther[unit], { n: format.number(amount) });
  return fill(ui.regulations.deadline, { amount: amountText, from: o.from });
}

/** A maximum penalty in a locale's words: `bis zu 10 Millionen EUR oder 2 % des weltweiten Jahresumsatzes, …`. */
export function penaltyText(p: Penalty, ui: UiStrings, format: LocaleFormat): string {
  const parts = [
    ...(p.upTo ? [format.quantity(p.upTo.amount, p.upTo.currency)] : []),
    ...(p.turnoverShare !== undefined ? [fill(ui.regulations.turnoverShare, { percent: format.percent(p.turnoverShare) })] : []),
  ];
  const upTo = fill(ui.regulations.penalty, { amounts: format.either(parts) });
  return p.whicheverIs ? `${upTo}, ${ui.penaltyCombination[p.whicheverIs]}` : upTo;
}

/**
 * A regulation as a FAQ answer states it, appended to the first answer about it on a page that has no
 * block for it: condensed as on a landing page (name, status where it matters, the one-line lead),
 * with its key dated facts behind a disclosure, so that the visible answer and its structured data
 * carry the same text. One list feeds both the HTML and the text; `data-regulation-facts` marks the block.
 */
export function regulationFacts(view: RegulationView, ui: UiStrings = en, format: LocaleFormat = ENGLISH): { html: string; text: string } {
  const name = view.statusMatters ? `${view.shortName} (${view.statusLabel})` : view.shortName;
  const glance = fill(ui.regulations.atAGlance, { name: view.shortName, date: view.lastVerifiedLabel });
  const items = [
    fill(ui.regulations.status, { status: view.statusLabel }),
    ...view.thresholds.map((t) => `${t.label}: ${t.value}${t.note ? ` (${t.note})` : ''}`),
    ...view.obligations.map((o) => `${o.label}: ${o.deadline}`),
    ...view.penalties.map((p) => `${p.who ? fill(ui.regulations.maximumPenaltyFor, { who: lowerFirst(p.who, format) }) : ui.regulations.maximumPenalty}: ${p.text}${p.note ? ` (${p.note})` : ''}`),
    ...view.keyDates.map((d) => `${d.dateLabel}: ${d.label}${d.who ? ` (${d.who})` : ''}`),
    ...view.changes.map((c) => `${c.dateLabel}, ${c.statusLabel}: ${c.summary}`),
  ];
  return {
    html:
      `<div class="regulation-facts" data-regulation-facts="${view.id}"><p><strong>${escapeHtml(name)}</strong>: ${escapeHtml(view.lead)}</p>` +
      `<details class="more"><summary>${escapeHtml(glance)}</summary><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></details></div>`,
    text: `${name}: ${view.lead} ${glance}: ${items.join(' ')}`,
  };
}

/** "Notice to each individual affected, by covered entities": who follows what, as a sentence reads. */
export function obligationLabel(o: { what: string; who?: string }, ui: UiStrings = en, format: LocaleFormat = ENGLISH): string {
  return o.who ? fill(ui.regulations.obligationBy, { what: o.what, who: lowerFirst(o.who, format) }) : o.what;
}

/** "Covered entities" mid-sentence; only English lowers a capital there (German nouns keep theirs). */
const lowerFirst = (text: string, format: LocaleFormat) => (format.intlLocale.startsWith('en') && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
