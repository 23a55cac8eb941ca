import type { Regulation } from '../schemas/index.ts';
import { escapeHtml, formatDate, formatThresholdValue } from './format.ts';
import type { RegulationView } from './types.ts';

export const STATUS_LABELS: Record<Regulation['status'], string> = {
  'in-force': 'In force',
  amended: 'Amended',
  'pending-amendment': 'Amendment pending',
};

export const CHANGE_LABELS: Record<Regulation['changes'][number]['status'], string> = {
  adopted: 'adopted',
  agreed: 'agreed, formal adoption pending',
  proposed: 'proposed, not yet law',
};

/** Every threshold and date a page states about a regulation comes from here, never from copy. */
export function composeRegulation(id: string, r: Regulation): RegulationView {
  return {
    id,
    anchor: `regulation-${id}`,
    shortName: r.shortName,
    officialName: r.officialName,
    jurisdiction: r.jurisdiction,
    authority: r.authority,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    summary: r.summary,
    appliesTo: r.appliesTo,
    thresholds: r.thresholds.map((t) => ({ label: t.label, value: formatThresholdValue(t), note: t.note })),
    keyDates: [...r.keyDates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((d) => ({ date: d.date, dateLabel: formatDate(d.date), label: d.label })),
    documentation: r.documentation,
    changes: r.changes.map((c) => ({ date: c.date, dateLabel: formatDate(c.date), summary: c.summary, statusLabel: CHANGE_LABELS[c.status] })),
    sources: r.sources.map((s) => ({ title: s.title, publisher: s.publisher, url: s.url, retrievedLabel: formatDate(s.retrieved) })),
    lastVerified: r.lastVerified,
    lastVerifiedLabel: formatDate(r.lastVerified),
  };
}

/**
 * The key facts of a regulation, appended to FAQ answers about it so that the visible answer and
 * its structured data carry the same dated facts. One list feeds both the HTML and the text.
 */
export function regulationFacts(view: RegulationView): { html: string; text: string } {
  const intro = `${view.shortName} at a glance (facts last verified ${view.lastVerifiedLabel}):`;
  const items = [
    `Status: ${view.statusLabel}`,
    ...view.thresholds.map((t) => `${t.label}: ${t.value}${t.note ? ` (${t.note})` : ''}`),
    ...view.keyDates.map((d) => `${d.dateLabel}: ${d.label}`),
    ...view.changes.map((c) => `${c.dateLabel}, ${c.statusLabel}: ${c.summary}`),
  ];
  return {
    html: `<p>${escapeHtml(intro)}</p><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    text: `${intro} ${items.join(' ')}`,
  };
}
