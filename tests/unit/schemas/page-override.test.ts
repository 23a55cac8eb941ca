import { describe, expect, it } from 'vitest';
import { fixture, messages, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'content/pages/small-finance/controller.mdx';
const page = (body: string, frontmatter = 'title: Close in three days') => withFiles(base, { [FILE]: `---\n${frontmatter}\n---\n\n${body}\n` });

describe('page override schema', () => {
  it('accepts sections by name', () => {
    expect(messages(page('<Section name="hero">\n# Close in three days\n</Section>'))).toBe('');
  });

  it('suggests the section that was meant', () => {
    expect(messages(page('<Section name="heros">\n# Hi\n</Section>'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:5:1 there is no section "heros" on a landing page
          hint: Did you mean "hero"? Sections are: hero, why, pains, regulations, objections, faq, cta."
    `);
  });

  it('refuses code in content', () => {
    expect(messages(page('import X from "./x.js"\n\n<Section name="hero">\nHi {1 + 1}\n</Section>'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:5:1 content files cannot import or export code
          hint: Remove the import/export line; the components you can use are provided: Section.
      content/pages/small-finance/controller.mdx:8:4 curly braces run code in MDX
          hint: To show a literal brace, write \\{ instead of {. Placeholders such as {segment} work in YAML headlines only; in a page override, write the text out."
    `);
  });

  it('refuses script-capable links and markup', () => {
    expect(messages(page('<Section name="why">\n[Click](javascript:alert(1))\n\n<script>alert(1)</script>\n</Section>'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:6:1 the link "javascript:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/pages/small-finance/controller.mdx:8:1 <script> is not allowed in content
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page."
    `);
  });

  it('reports an unclosed section with its line', () => {
    expect(messages(page('<Section name="hero">\n# Hi\n'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:5:1 the MDX could not be read: Expected a closing tag for \`<Section>\`
          hint: Every <Section name="…"> needs a matching </Section>; write a literal "<" as &lt; and "{" as \\{."
    `);
  });

  it('warns about text that would be dropped', () => {
    expect(messages(page('Intro outside.\n\n<Section name="hero">\n# Hi\n</Section>'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:5:1 warning: this text is outside any <Section> and will not be shown
          hint: Move it inside a <Section name="…"> block."
    `);
  });

  it('rejects an override for a persona the segment does not have', () => {
    const files = withFiles(base, { 'content/pages/small-finance/cfo.mdx': '---\ntitle: Hi\n---\n\n<Section name="hero">\n# Hi\n</Section>\n' });
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/pages/small-finance/cfo.mdx:1:1 the segment "small-finance" has no persona "cfo", so this page does not exist
          hint: Known personas of this segment: controller (the file name is the persona id)"
    `);
  });

  it('warns that a headline is hidden when the hero section is replaced', () => {
    expect(messages(page('<Section name="hero">\n# Hi\n</Section>', 'headline: Close in three days'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:2:1 headline: warning: is not shown, because this file replaces the hero section
          hint: Put the text in the <Section name="hero"> block, or delete headline."
    `);
  });

  it('validates the frontmatter fields', () => {
    expect(messages(page('<Section name="hero">\n# Hi\n</Section>', 'variant: Board Brief\nnoindex: yes'))).toMatchInlineSnapshot(`
      "content/pages/small-finance/controller.mdx:2:1 variant: expected a short variant name of lowercase letters, digits and hyphens, received "Board Brief"
          hint: Name of this page variant, sent with every tracking event so variants can be compared.
      content/pages/small-finance/controller.mdx:3:1 noindex: expected true or false, received "yes"
          hint: Keep this page out of search engines (for paid-only variants)."
    `);
  });
});
