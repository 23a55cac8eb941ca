import { describe, expect, it } from 'vitest';
import type { FaqItem, FaqPageView, LandingView } from '../../../src/lib/compose/types.ts';
import { build, edit, fixture } from '../helpers.ts';

/** A second question about the working-time rules, so two answers on one page are about it. */
const twoAboutWorkingTime = edit(fixture('composition'), 'content/faqs/field-only.md', '  personas: [dispatcher]', '  personas: [dispatcher]\n  regulations: [working-time]');
const view = <T>(files: ReturnType<typeof fixture>, path: string) => build(files).routes.find((r) => r.path === path)!.view as T;
const factBlocks = (faqs: FaqItem[]) => faqs.flatMap((f) => [...f.answerHtml.matchAll(/data-regulation-facts="([^"]+)"/g)].map((m) => m[1]));

describe('regulation facts in FAQ answers', () => {
  it('links to the regulation’s block when the landing page shows one, instead of repeating its facts', () => {
    const dispatcher = view<LandingView>(fixture('composition'), '/field-teams/dispatcher/');
    const answer = dispatcher.faqs.find((f) => f.id === 'working-time')!;
    expect(dispatcher.regulations.map((r) => r.id)).toContain('working-time');
    expect(factBlocks(dispatcher.faqs)).toEqual([]);
    expect(answer.answerHtml).toContain('<a href="#regulation-working-time">WTR in “Rules that apply”</a>');
    expect(answer.answerText).toBe('Routes respect rest periods. Thresholds, dates and sources for WTR: see WTR in “Rules that apply” on this page.');
  });

  it('states the facts in the answer when the page has no block for the regulation', () => {
    const short = edit(fixture('composition'), 'content/site.yaml', 'cta:', 'landingPage: { regulations: 1 }\ncta:');
    const dispatcher = view<LandingView>(short, '/field-teams/dispatcher/');
    expect(dispatcher.regulations.map((r) => r.id)).toEqual(['safety-records']);
    expect(factBlocks(dispatcher.faqs)).toEqual(['working-time']);
  });

  it('states a regulation’s facts once per page: later answers link to the first', () => {
    const faqPage = view<FaqPageView>(twoAboutWorkingTime, '/field-teams/faq/');
    expect(factBlocks(faqPage.faqs)).toEqual(['working-time']);
    const first = faqPage.faqs.find((f) => f.id === 'working-time')!;
    const later = faqPage.faqs.find((f) => f.id === 'field-only')!;
    expect(first.answerText).toContain('WTR at a glance');
    expect(later.answerHtml).toContain('<a href="#faq-working-time">the answer to “How do you help with working-time rules?”</a>');
    expect(later.answerText).not.toContain('at a glance');
  });

  it('keeps each page to one fact block per regulation across every built page', () => {
    for (const route of build(twoAboutWorkingTime).routes) {
      if (route.view.kind !== 'landing' && route.view.kind !== 'faq') continue;
      const blocks = [...factBlocks(route.view.faqs), ...(route.view.kind === 'landing' ? route.view.regulations.map((r) => r.id) : [])];
      expect(blocks.length, route.path).toBe(new Set(blocks).size);
    }
  });
});
