import type { ComposeContext, ComposedFaq } from './context.ts';
import { fill } from '../i18n/ui.ts';
import { escapeHtml, localeFormat } from './format.ts';
import { regulationFacts } from './regulation.ts';
import type { FaqItem } from './types.ts';

export interface FaqTarget {
  segment: string;
  vertical: string;
  /** The personas the page speaks to: one on a landing page, all of the segment's on its FAQ page. */
  personas: readonly string[];
  /** Regulations that apply where the questions are shown. */
  regulations: readonly string[];
}

/**
 * The questions that belong on a page. Each listed scope dimension must match; an empty one matches
 * everything. A question about regulations appears only where at least one of them applies.
 * Answers come without regulation facts: `addRegulationFacts` adds them once the page's questions are chosen.
 */
export function selectFaqs(ctx: ComposeContext, target: FaqTarget): FaqItem[] {
  // Only the segment's own questions and those for any segment can match: merge the two lists
  // (each already in site order) instead of scanning every question of the site for every page.
  return mergeByIndex(ctx.faqsBySegment.get(target.segment) ?? [], ctx.faqsForAnySegment)
    .filter(({ entry }) => {
      const scope = entry.data.scope;
      return (
        matches(scope.segments, target.segment) &&
        matches(scope.verticals, target.vertical) &&
        (scope.personas.length === 0 || scope.personas.some((p) => target.personas.includes(p))) &&
        (scope.regulations.length === 0 || scope.regulations.some((r) => target.regulations.includes(r)))
      );
    })
    .map(({ entry, answer }) => ({
      id: entry.id,
      anchor: `faq-${entry.id}`,
      question: entry.data.question,
      answerHtml: answer.html,
      answerText: answer.text,
      regulations: entry.data.scope.regulations.filter((id) => ctx.regulations.has(id)),
    }));
}

/**
 * Adds what the page says about the regulations each answer is about, so that a regulation's facts
 * appear once per page: a regulation with its own block on the page (`blocks`, its ids) gets a link
 * to that block; otherwise the first answer about it carries its facts and later answers link there.
 * Call it on the questions in the order and number the page shows them.
 */
export function addRegulationFacts(ctx: ComposeContext, items: readonly FaqItem[], blocks: readonly string[]): FaqItem[] {
  const factsIn = new Map<string, FaqItem>();
  const words = ctx.ui.regulations;
  const see = (lead: string, href: string, label: string) => reference(lead, href, label, words.seeOnThisPage);
  return items.map((item) => {
    const extra = item.regulations.map((id) => {
      const regulation = ctx.regulations.get(id)!;
      const name = regulation.shortName;
      if (blocks.includes(id)) return see(fill(words.blockReference, { name }), `#${regulation.anchor}`, fill(words.blockLink, { name }));
      const earlier = factsIn.get(id);
      if (earlier) return see(fill(words.answerReference, { name }), `#${earlier.anchor}`, fill(words.answerLink, { question: earlier.question }));
      factsIn.set(id, item);
      return regulationFacts(regulation, ctx.ui, localeFormat(ctx.locale, ctx.ui));
    });
    return { ...item, answerHtml: [item.answerHtml, ...extra.map((f) => f.html)].join('\n'), answerText: [item.answerText, ...extra.map((f) => f.text)].join(' ') };
  });
}

/** `Thresholds and dates for NIS2: see the answer to “…” on this page.`, the link placed where `seeOnThisPage` has `{link}`. */
function reference(lead: string, href: string, label: string, seeOnThisPage: string): { html: string; text: string } {
  const link = `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const [before = '', after = ''] = seeOnThisPage.split('{link}');
  return { html: `<p>${escapeHtml(lead)} ${escapeHtml(before)}${link}${escapeHtml(after)}</p>`, text: `${lead} ${fill(seeOnThisPage, { link: label })}` };
}

function mergeByIndex(a: readonly ComposedFaq[], b: readonly ComposedFaq[]): ComposedFaq[] {
  const out: ComposedFaq[] = [];
  let i = 0;
  let k = 0;
  while (i < a.length || k < b.length) {
    if (k >= b.length || (i < a.length && a[i]!.index < b[k]!.index)) out.push(a[i++]!);
    else out.push(b[k++]!);
  }
  return out;
}

function matches(list: readonly string[], value: string): boolean {
  return list.length === 0 || list.includes(value);
}
