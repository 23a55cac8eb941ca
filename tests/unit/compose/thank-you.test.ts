import { describe, expect, it } from 'vitest';
import type { LandingView, ThankYouView } from '../../../src/lib/compose/types.ts';
import { contentSecurityPolicy } from '../../../src/lib/security/csp.ts';
import { build, edit, fixture, messages } from '../helpers.ts';

const composition = fixture('composition');
const LEAD_FORM = 'leadForm:\n  endpoint: https://forms.fieldwork.example/leads\n';
const withThankYouPage = (yaml: string) => edit(composition, 'content/site.yaml', LEAD_FORM, `${LEAD_FORM}${yaml}`);
const thankYouOf = (files: ReturnType<typeof fixture>) => build(files).routes.find((r) => r.path === '/thank-you/')?.view as ThankYouView | undefined;
const formOf = (files: ReturnType<typeof fixture>) => (build(files).routes.find((r) => r.path === '/field-teams/owner/')!.view as LandingView).cta.form;

describe('the thank-you page', () => {
  it('is not built unless leadForm.thankYouPage is set', () => {
    expect(thankYouOf(composition)).toBeUndefined();
    expect(formOf(composition)).toMatchObject({ thankYouUrl: undefined, thankYouHref: undefined });
  });

  it('is built at /thank-you/ under the base path, noindex and out of the sitemap, with the defaults', () => {
    const files = withThankYouPage('  thankYouPage: {}\n');
    const page = thankYouOf(files)!;
    expect(page.kind).toBe('thank-you');
    expect(page.tracking.pageType).toBe('thank-you');
    expect(page.meta).toMatchObject({ href: '/solutions/thank-you/', canonical: 'https://fieldwork.example/solutions/thank-you/', noindex: true, image: undefined });
    expect(page.heading).toBe('Thank you: we have your request');
    expect(page.bodyHtml).toBe('<p>We will be in touch within one working day.</p>');
    expect(build(files).sitemapXml).not.toContain('thank-you');
  });

  it('links to each published segment’s questions when no next steps are written', () => {
    const page = thankYouOf(withThankYouPage('  thankYouPage: {}\n'))!;
    expect(page.nextSteps).toEqual([
      { label: 'Questions and answers: Depot networks', href: '/solutions/depot-networks/faq/' },
      { label: 'Questions and answers: Field-service teams', href: '/solutions/field-teams/faq/' },
    ]);
  });

  it('renders the body as safe Markdown and takes written next steps, site paths under the base path', () => {
    const page = thankYouOf(
      withThankYouPage(
        [
          '  thankYouPage:',
          '    heading: We will call you',
          '    body: "Expect a call **tomorrow**. <script>alert(1)</script> [x](javascript:alert(1))"',
          '    nextSteps:',
          '      - { label: Every segment, href: /segments/, text: Pages for teams like yours. }',
          '      - { label: Our blog, href: "https://blog.fieldwork.example/" }',
          '',
        ].join('\n'),
      ),
    )!;
    expect(page.heading).toBe('We will call you');
    expect(page.bodyHtml).toContain('<strong>tomorrow</strong>');
    expect(page.bodyHtml).not.toMatch(/<script|javascript:/);
    expect(page.nextSteps).toEqual([
      { label: 'Every segment', href: '/solutions/segments/', text: 'Pages for teams like yours.' },
      { label: 'Our blog', href: 'https://blog.fieldwork.example/', text: undefined },
    ]);
  });

  it('is where the form sends a lead when no thankYouUrl is set: absolute for the redirect field, root-relative for the script', () => {
    const files = withThankYouPage('  thankYouPage: {}\n');
    expect(formOf(files)).toMatchObject({ thankYouUrl: 'https://fieldwork.example/solutions/thank-you/', thankYouHref: '/solutions/thank-you/' });
    expect(contentSecurityPolicy(build(files).settings, { inlineScripts: [], form: 'meta' })).toContain("form-action 'self' https://forms.fieldwork.example https://fieldwork.example;");
  });

  it('leaves the form to thankYouUrl when both are set, and still builds the page', () => {
    const files = withThankYouPage('  thankYouUrl: https://www.fieldwork.example/danke/\n  thankYouPage: {}\n');
    expect(formOf(files)).toMatchObject({ thankYouUrl: 'https://www.fieldwork.example/danke/', thankYouHref: 'https://www.fieldwork.example/danke/' });
    expect(thankYouOf(files)).toBeDefined();
  });

  it('refuses a next step that is neither a site path nor a web address', () => {
    const files = withThankYouPage('  thankYouPage:\n    nextSteps: [{ label: Run, href: "javascript:alert(1)" }]\n');
    expect(messages(files)).toContain('leadForm.thankYouPage.nextSteps[0].href: expected a path on this site starting with "/", like "/segments/", or a web address starting with https://');
  });

  it('refuses a segment named like the thank-you page, naming both', () => {
    const renamed = withThankYouPage('  thankYouPage: {}\n').map((f) => (f.file === 'segments/depot-networks.yaml' ? { ...f, file: 'segments/thank-you.yaml' } : f));
    expect(messages(renamed)).toMatchInlineSnapshot(`
      "segments/thank-you.yaml:1:1 this would write the page /thank-you/, which the built-in thank-you page (leadForm.thankYouPage in content/site.yaml) already writes
          hint: /thank-you/ is reserved for the built-in thank-you page (leadForm.thankYouPage in content/site.yaml): rename segments/thank-you.yaml (the file name is the id, and the id is the address)."
    `);
  });
});
