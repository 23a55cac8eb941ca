import { describe, expect, it } from 'vitest';
import { messages } from '../helpers.ts';
import { composition, SHORT_FORM, variantFile, withVariants } from '../variant-fixtures.ts';
import { withFiles } from '../helpers.ts';

const opsLead = (id: string, text = SHORT_FORM) => withVariants({ [variantFile('field-teams', 'ops-lead', id)]: text });

describe('checking A/B variant files', () => {
  it('accepts a well-formed variant', () => {
    expect(messages(opsLead('short-form'))).toBe('');
  });

  it('names an unknown segment folder with the closest segment', () => {
    expect(messages(withVariants({ [variantFile('field-team', 'ops-lead', 'short-form')]: SHORT_FORM }))).toMatchInlineSnapshot(`
      "content/variants/field-team/ops-lead/short-form.mdx:1:1 there is no segment "field-team" for this page
          hint: Did you mean "field-teams"? Known segments: depot-networks, field-teams, home-care, legacy-fleet (the folder name under content/variants/ is the segment id)"
    `);
  });

  it('names a persona the segment does not have with the closest of its personas', () => {
    expect(messages(withVariants({ [variantFile('field-teams', 'ops-led', 'short-form')]: SHORT_FORM }))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-led/short-form.mdx:1:1 the segment "field-teams" has no persona "ops-led", so this page does not exist
          hint: Did you mean "ops-lead"? Known personas of this segment: ops-lead, owner, dispatcher (the folder name under the segment is the persona id)"
    `);
  });

  it('refuses the name control pages report', () => {
    expect(messages(opsLead('default'))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/default.mdx a variant cannot be called "default": that is the name the control page reports in its events
          hint: Rename the file after what the variant changes, like short-form.mdx or roi-headline.mdx."
    `);
  });

  it('refuses the name the control’s override reports', () => {
    expect(messages(withVariants({ [variantFile('field-teams', 'owner', 'owner-calm')]: SHORT_FORM }))).toMatchInlineSnapshot(`
      "content/variants/field-teams/owner/owner-calm.mdx:1:1 the variant "owner-calm" has the name its control page reports (variant: owner-calm in content/pages/field-teams/owner.mdx:3), so the two could not be told apart
          hint: Rename this file, or change variant in content/pages/field-teams/owner.mdx: the control and each variant need names of their own."
    `);
  });

  it('refuses an id longer than 32 characters, and one that is not a slug', () => {
    expect(messages(opsLead('a-much-longer-page-with-every-section-kept'))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/a-much-longer-page-with-every-section-kept.mdx the variant id "a-much-longer-page-with-every-section-kept" is 42 characters long, more than the 32 a variant name may have
          hint: Rename the file to a shorter name (at most 32 characters before .mdx): it is sent with every event of the page."
    `);
    expect(messages(opsLead('Short_Form'))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/Short_Form.mdx "field-teams/ops-lead/Short_Form" cannot be an id: file names become URLs and may use only lowercase letters, digits and hyphens
          hint: Rename the file to content/variants/field-teams/ops-lead/short-form.mdx."
    `);
  });

  it('requires a hypothesis and checks the sample size and status', () => {
    expect(messages(opsLead('short-form', SHORT_FORM.replace(/^hypothesis: .*\n/m, '')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:2:1 hypothesis: is required but missing
          hint: Add it: What this variant tests against the control page, in one or two sentences: what changes and what you expect it to do to the lead rate."
    `);
    expect(messages(opsLead('short-form', SHORT_FORM.replace('plannedVisitorsPerArm: 3780', 'plannedVisitorsPerArm: 3.5k')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:3:1 plannedVisitorsPerArm: expected a number, received "3.5k"
          hint: Write digits only, without units, separators or quotes: 1000, not "1k" or "1,000"."
    `);
    expect(messages(opsLead('short-form', SHORT_FORM.replace('plannedVisitorsPerArm: 3780', 'plannedVisitorsPerArm: 0')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:3:1 plannedVisitorsPerArm: must be more than 0
          hint: Visitors each arm (this variant and the control) needs before the result is read: the sample size from npm run plan-test. The report calls no winner before both arms reach it."
    `);
    expect(messages(opsLead('short-form', SHORT_FORM.replace('plannedVisitorsPerArm: 3780', 'status: paused')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:3:1 status: "paused" is not one of: draft, live, ended
          hint: live: built and tested; draft: written but not built yet; ended: the test is over and the page is no longer built."
    `);
  });

  it('does not take the override fields a variant gets from its file name and its place', () => {
    expect(messages(opsLead('short-form', SHORT_FORM.replace('---\n', '---\nvariant: short-form\n')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:2:1 variant: unknown field "variant"
          hint: A variant is named by its file: the file name is what its events report. Delete variant, or rename the file."
    `);
    expect(messages(opsLead('short-form', SHORT_FORM.replace('---\n', '---\nnoindex: false\n')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:2:1 noindex: unknown field "noindex"
          hint: A variant is always kept out of search engines (its canonical link names the control page). Delete noindex."
    `);
    expect(messages(opsLead('short-form', SHORT_FORM.replace('---\n', '---\nhypotesis: x\n')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:2:1 hypotesis: unknown field "hypotesis"
          hint: Did you mean "hypothesis"? Known fields here: title, description, headline, valueProposition, ctaLabel, hypothesis, plannedVisitorsPerArm, status"
    `);
  });

  it('reads the body as strictly as a page override’s', () => {
    expect(messages(opsLead('short-form', SHORT_FORM.replace('## Three problems, one line each', '<div>Three problems</div>')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:9:1 HTML tags such as <div> are not allowed in page overrides
          hint: Write the text in Markdown: ## for headings, **bold**, *italic*, [text](https://…) for links, ![description](/image.png) for images, "- " for lists."
    `);
    expect(messages(opsLead('short-form', SHORT_FORM.replace('name="pains"', 'name="pain"')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:8:1 there is no section "pain" on a landing page
          hint: Did you mean "pains"? Sections are: hero, why, pains, regulations, objections, faq, cta."
    `);
  });

  it('applies the copy rules to a variant’s copy', () => {
    expect(messages(opsLead('short-form', SHORT_FORM.replace("Plan tomorrow's crews in one screen", 'Be fully compliant in one screen')))).toMatchInlineSnapshot(`
      "content/variants/field-teams/ops-lead/short-form.mdx:4:1 headline: promises compliance ("fully compliant")
          hint: Say what the product does (the records, evidence and workflow it provides); no tool can make a company compliant on its own."
    `);
  });

  it('warns when the control override’s hero would hide the variant’s headline', () => {
    const hero = '<Section name="hero">\n# The owner’s week\n</Section>\n\n';
    const files = withFiles(withVariants({ [variantFile('field-teams', 'owner', 'owner-short')]: SHORT_FORM }), {
      'content/pages/field-teams/owner.mdx': '---\nvariant: owner-calm\n---\n\n' + hero,
    });
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/variants/field-teams/owner/owner-short.mdx:4:1 headline: warning: is not shown, because the control's content/pages/field-teams/owner.mdx replaces the hero section
          hint: Write the variant's own <Section name="hero"> block, or delete headline."
    `);
    expect(messages(withFiles(files, { [variantFile('field-teams', 'owner', 'owner-short')]: SHORT_FORM.replace(/^headline: .*\n/m, '') }))).toBe('');
  });

  it('says where a variant file goes when it sits one folder too high', () => {
    expect(messages(withFiles(composition, { 'content/variants/field-teams/short-form.mdx': SHORT_FORM }))).toMatchInlineSnapshot(`
      "content/variants/field-teams/short-form.mdx warning: this file is not read by the generator
          hint: Files here must be named content/variants/<segment>/<persona>/<variant-id>.mdx."
    `);
  });
});
