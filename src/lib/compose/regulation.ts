import type { Obligation, Penalty, Regulation } from '../schemas/index.ts';
import { escapeHtml, formatDate, formatPercent, formatQuantity, formatThresholdValue, splitFirstSentence } from './format.ts';
import { CHANGE_STATUS_LABELS, DEADLINE_UNIT_LABELS, NOT_YET_APPLICABLE_LABELS, PENALTY_COMBINATION_LABELS, REGULATION_STATUS_LABELS } from './labels.ts';
import type { RegulationView } from './types.ts';

/** Kept under these names for the build benchmark's generator, which words regulations as pages do. */
export { CHANGE_STATUS_LABELS as CHANGE_LABELS, REGULATION_STATUS_LABELS as STATUS_LABELS } from './labels.ts';

/**
 * Every threshold and date a page states about a regulation comes from here, never from copy.
 * Pages show a regulation condensed: its name, its status where it matters (anything but in force)
 * and one line on why it matters, with the whole dated, sourced entry behind a disclosure. The line
 * is the first sentence of the entry's `summary` (what the rule requires, and of whom), word for
 * word; the rest of the summary opens the disclosure, so nothing is shown twice or left out.
 */
export function composeRegulation(id: string, r: Regulation): RegulationView {
  const { first, rest } = splitFirstSentence(r.summary);
  const qualifier = NOT_YET_APPLICABLE_LABELS[r.status];
  const qualify = (text: string) => (qualifier ? `${text}, ${qualifier}` : text);
  return {
    id,
    anchor: `regulation-${id}`,
    shortName: r.shortName,
    officialName: r.officialName,
    jurisdiction: r.jurisdiction,
    authority: r.authority,
    status: r.status,
    statusLabel: REGULATION_STATUS_LABELS[r.status],
    statusMatters: r.status !== 'in-force',
    summary: r.summary,
    lead: first,
    summaryRest: rest,
    appliesTo: r.appliesTo,
    thresholds: r.thresholds.map((t) => ({ label: t.label, value: formatThresholdValue(t), note: t.note })),
    keyDates: [...r.keyDates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((d) => ({ date: d.date, dateLabel: formatDate(d.date), label: d.label, ...(d.who ? { who: d.who } : {}) })),
    obligations: r.obligations.map((o) => ({ what: o.what, ...(o.who ? { who: o.who } : {}), deadline: qualify(formatDeadline(o)) })),
    penalties: r.penalties.map((p) => ({ ...(p.who ? { who: p.who } : {}), text: qualify(formatPenalty(p)), ...(p.note ? { note: p.note } : {}) })),
    documentation: r.documentation,
    changes: r.changes.map((c) => ({ date: c.date, dateLabel: formatDate(c.date), summary: c.summary, statusLabel: CHANGE_STATUS_LABELS[c.status] })),
    sources: r.sources.map((s) => ({ title: s.title, publisher: s.publisher, url: s.url, retrievedLabel: formatDate(s.retrieved) })),
    lastVerified: r.lastVerified,
    lastVerifiedLabel: formatDate(r.lastVerified),
  };
}

/** `within 72 hours of becoming aware of a significant incident`, `within one month of the early warning`. */
export function formatDeadline(o: Obligation): string {
  const { amount, unit } = o.within;
  const amountText = amount === 1 ? `one ${DEADLINE_UNIT_LABELS[unit].replace(/s$/, '')}` : `${amount} ${DEADLINE_UNIT_LABELS[unit]}`;
  return `within ${amountText} of ${o.from}`;
}

/** `up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher`. */
export function formatPenalty(p: Penalty): string {
  const parts = [
    ...(p.upTo ? [formatQuantity(p.upTo.amount, p.upTo.currency)] : []),
    ...(p.turnoverShare !== undefined ? [`${formatPercent(p.turnoverShare)} of worldwide annual turnover`] : []),
  ];
  return `up to ${parts.join(' or ')}${p.whicheverIs ? `, ${PENALTY_COMBINATION_LABELS[p.whicheverIs]}` : ''}`;
}

/**
 * A regulation as a FAQ answer states it, appended to the first answer about it on a page that has no
 * block for it: condensed as on a landing page (name, status where it matters, the one-line lead),
 * with its key dated facts behind a disclosure, so that the visible answer and its structured data
 * carry the same text. One list feeds both the HTML and the text; `data-regulation-facts` marks the block.
 */
export function regulationFacts(view: RegulationView): { html: string; text: string } {
  const name = view.statusMatters ? `${view.shortName} (${view.statusLabel})` : view.shortName;
  const glance = `${view.shortName} at a glance (facts last verified ${view.lastVerifiedLabel})`;
  const items = [
    `Status: ${view.statusLabel}`,
    ...view.thresholds.map((t) => `${t.label}: ${t.value}${t.note ? ` (${t.note})` : ''}`),
    ...view.obligations.map((o) => `${obligationLabel(o)}: ${o.deadline}`),
    ...view.penalties.map((p) => `Maximum penalty${p.who ? ` for ${lowerFirst(p.who)}` : ''}: ${p.text}${p.note ? ` (${p.note})` : ''}`),
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
export const obligationLabel = (o: { what: string; who?: string }) => (o.who ? `${o.what}, by ${lowerFirst(o.who)}` : o.what);

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
