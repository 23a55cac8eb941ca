import type { ComposeContext, ComposedFaq } from './context.ts';
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
    .map(({ entry, answer }) => {
      const facts = entry.data.scope.regulations.map((id) => ctx.regulations.get(id)).filter((v) => v !== undefined).map(regulationFacts);
      return {
        id: entry.id,
        anchor: `faq-${entry.id}`,
        question: entry.data.question,
        answerHtml: [answer.html, ...facts.map((f) => f.html)].join('\n'),
        answerText: [answer.text, ...facts.map((f) => f.text)].join(' '),
      };
    });
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
