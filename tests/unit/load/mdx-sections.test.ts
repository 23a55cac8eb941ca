import { describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { overrideSourceForBuild, scanOverrideSections } from '../../../src/lib/load/mdx-sections.ts';
import { overrideWith, PAYLOADS } from '../content-payloads.ts';
import { fixture, loadDiagnostics, withFiles } from '../helpers.ts';

const base = fixture('composition');
const OVERRIDE = 'content/pages/field-teams/owner.mdx';
const encode = (text: string) => new TextEncoder().encode(text);

/** The errors the loader gives for the override with this payload, as an author reads them. */
function errorsFor(text: string): string {
  const diagnostics = loadDiagnostics(withFiles(base, { [OVERRIDE]: text })).filter((d) => d.severity === 'error');
  return formatDiagnosticsText(diagnostics);
}

describe('the override scan refuses content that could run code or add markup', () => {
  it('accepts the fixture override as it is', () => {
    expect(errorsFor(overrideWith({ name: 'none', mdx: 'Plain **Markdown**, a [link](https://example.com/) and a note.[^n]\n\n[^n]: A "quoted" note.', traces: /$^/, rule: '' }))).toBe('');
  });

  it.each(PAYLOADS)('$name', (payload) => {
    const text = overrideWith(payload);
    const scanned = loadDiagnostics(withFiles(base, { [OVERRIDE]: text })).filter((d) => d.severity === 'error' && d.file === OVERRIDE);
    expect(scanned.map((d) => d.rule)).toContain(payload.rule);
    const line = text.split('\n').findIndex((l) => l.includes(payload.mdx.split('\n').at(-1)!.slice(0, 12))) + 1;
    expect(scanned.some((d) => d.line === line && d.column !== undefined)).toBe(true);
    // The build's own gate says the same on the same bytes.
    expect(overrideSourceForBuild(OVERRIDE, encode(text)).ok).toBe(false);
  });

  it('names each problem with its line, column and a fix', () => {
    const messages = PAYLOADS.map((payload) => errorsFor(overrideWith(payload))).join('\n');
    expect(messages).toMatchInlineSnapshot(`
      "content/pages/field-teams/owner.mdx:13:22 curly braces run code in MDX
          hint: To show a literal brace, write \\{ instead of {. Placeholders such as {segment} work in YAML headlines only; in a page override, write the text out.
      content/pages/field-teams/owner.mdx:13:7 curly braces run code in MDX
          hint: To show a literal brace, write \\{ instead of {. Placeholders such as {segment} work in YAML headlines only; in a page override, write the text out.
      content/pages/field-teams/owner.mdx:6:1 <Section> takes only a name, not set:html
          hint: Delete set:html="…": the section's look comes from the page, and its content is the Markdown inside the block.
      content/pages/field-teams/owner.mdx:11:1 set:html on <div> would put raw HTML on the page
          hint: Delete the element and write its content in Markdown inside the <Section>.
      content/pages/field-teams/owner.mdx:11:1 <meta> is not allowed in content
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page.
      content/pages/field-teams/owner.mdx:11:1 <base> is not allowed in content
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page.
      content/pages/field-teams/owner.mdx:11:1 <link> is not allowed in content
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page.
      content/pages/field-teams/owner.mdx:11:1 <frameset> is not allowed in content
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page.
      content/pages/field-teams/owner.mdx:11:1 the link "java\\u0009script:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/pages/field-teams/owner.mdx:11:1 the link "jav\\u000aascript:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/pages/field-teams/owner.mdx:11:1 the link "\\ufffdjavascript:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/pages/field-teams/owner.mdx:11:1 HTML tags such as <a> are not allowed in page overrides
          hint: Write the text in Markdown: ## for headings, **bold**, *italic*, [text](https://…) for links, ![description](/image.png) for images, "- " for lists.
      content/pages/field-teams/owner.mdx:11:1 the link "file:///etc/passwd" uses the scheme file:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/pages/field-teams/owner.mdx:11:1 <svg> is not allowed in content
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page.
      content/pages/field-teams/owner.mdx:11:1 the image "../../../../etc/passwd" is a path relative to this file
          hint: Put the image in public/ and write its path on the site, starting with / (for example /images/team.png), or use an https:// address.
      content/pages/field-teams/owner.mdx:6:1 <Section> has an attribute written as code
          hint: Write attribute values in quotes: name="hero".
      content/pages/field-teams/owner.mdx:6:1 content files cannot import or export code
          hint: Remove the import/export line; the components you can use are provided: Section."
    `);
  });

  it('reads the footnote text as MDX, as the build does, not as a link title', () => {
    const body = 'Text.[^n]\n\n[^n]: /audit-log "{1 + 1}"\n';
    const result = scanOverrideSections(OVERRIDE, `<Section name="faq">\n${body}</Section>\n`, 6);
    expect(result.ok).toBe(false);
    expect(formatDiagnosticsText(result.diagnostics)).toContain(`${OVERRIDE}:9:`);
  });

  it('refuses nested sections and attributes other than name', () => {
    const nested = scanOverrideSections(OVERRIDE, '<Section name="faq">\n<Section name="hero">\nHi\n</Section>\n</Section>\n', 6);
    const extra = scanOverrideSections(OVERRIDE, '<Section name="faq" class="wide">\nHi\n</Section>\n', 6);
    expect(formatDiagnosticsText([...nested.diagnostics, ...extra.diagnostics])).toMatchInlineSnapshot(`
      "content/pages/field-teams/owner.mdx:6:1 <Section> takes only a name, not class
          hint: Delete class="…": the section's look comes from the page, and its content is the Markdown inside the block.
      content/pages/field-teams/owner.mdx:7:1 <Section> blocks cannot be nested or placed inside other text
          hint: Start each <Section name="…"> on its own line at the top level of the file, after the closing </Section> of the one before."
    `);
  });

  it('hands the build the checked body, with the front matter blanked so lines stay where they are', () => {
    const text = '---\ntitle: Hi\n---\n\n<Section name="faq">\nHi\n</Section>\n';
    const result = overrideSourceForBuild(OVERRIDE, encode(text));
    expect(result).toEqual({ ok: true, source: '\n\n\n\n<Section name="faq">\nHi\n</Section>\n' });
  });

  it('lets an MDX comment through, but not code dressed as one', () => {
    const scan = (inside: string) => scanOverrideSections(OVERRIDE, `<Section name="faq">\nHi {${inside}}\n</Section>\n`, 6).ok;
    expect(scan('/* checked with legal, May */')).toBe(true);
    expect(scan('/* a */ process.exit(1) /* b */')).toBe(false);
    expect(scan('/* a */ + process.env.X')).toBe(false);
  });
});
