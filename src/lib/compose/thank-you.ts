import { renderMarkdown } from '../markdown.ts';
import { THANK_YOU_PATH } from '../routes.ts';
import { fill } from '../i18n/ui.ts';
import { pageMeta, pageTracking, type ComposeContext } from './context.ts';
import type { ThankYouView } from './types.ts';

/** The body sits under the page's h1, so its own headings start at h2. */
const BODY_HEADING = 2;

/**
 * The page the lead form opens after a successful submission. It is kept out of search engines and
 * the sitemap (a visitor who did not send the form has no business there) and offers static links
 * onward: nothing on it is taken from the URL that opened it.
 */
export function composeThankYouPage(ctx: ComposeContext): ThankYouView {
  const page = ctx.site.leadForm.thankYouPage!;
  const authored = page.nextSteps.map((step) => ({ label: step.label, href: step.href.startsWith('/') ? ctx.href(step.href) : step.href, text: step.text }));
  const faqs = ctx.publishedSegments.map((s) => ({ label: fill(ctx.ui.thankYou.faqLink, { segment: s.data.name }), href: ctx.href(`/${s.id}/faq/`) }));
  return {
    kind: 'thank-you',
    meta: pageMeta(ctx, THANK_YOU_PATH, { title: `${page.heading} | ${ctx.site.name}`, description: ctx.site.description, noindex: true }),
    tracking: pageTracking(ctx, 'thank-you'),
    chrome: ctx.chrome,
    heading: page.heading,
    bodyHtml: renderMarkdown(page.body, { topHeading: BODY_HEADING }).html,
    nextSteps: authored.length ? authored : faqs,
  };
}
