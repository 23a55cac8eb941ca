import { describe, expect, it } from 'vitest';
import { markdownTree, renderMarkdown } from '../../src/lib/markdown.ts';
import { PAYLOADS } from './content-payloads.ts';

describe('rendering author Markdown', () => {
  it('formats text and gives the visible text with whitespace collapsed', () => {
    const out = renderMarkdown('Supplier **risk**, in one\nplace.\n\n- first\n- second');
    expect(out.html).toBe('<p>Supplier <strong>risk</strong>, in one\nplace.</p>\n<ul>\n<li>first</li>\n<li>second</li>\n</ul>');
    expect(out.text).toBe('Supplier risk, in one place. first second');
  });

  it('drops raw HTML and the href of links that could run code', () => {
    const out = renderMarkdown('<script>alert(1)</script>\n\nSee [the form](javascript:alert(1)) or [the guide](https://example.com/guide).');
    expect(out.html).not.toMatch(/script|javascript/);
    expect(out.html).toContain('<a>the form</a>');
    expect(out.html).toContain('<a href="https://example.com/guide">the guide</a>');
  });

  it('moves the body’s top headings to the level asked for, whatever was rendered before', () => {
    const body = '# Why\n\n## Detail';
    expect(renderMarkdown(body, { topHeading: 3 }).html).toBe('<h3>Why</h3>\n<h4>Detail</h4>');
    expect(renderMarkdown(body, { topHeading: 4 }).html).toBe('<h4>Why</h4>\n<h5>Detail</h5>');
    expect(renderMarkdown(body).html).toBe('<h1>Why</h1>\n<h2>Detail</h2>');
    expect(renderMarkdown(body, { topHeading: 3 }).html).toBe('<h3>Why</h3>\n<h4>Detail</h4>');
  });

  it('renders an entry from the tree the copy check parsed, without changing it', () => {
    const entry = { body: 'One *tree*.' };
    const tree = markdownTree(entry);
    const before = JSON.stringify(tree);
    expect(renderMarkdown(entry).html).toBe('<p>One <em>tree</em>.</p>');
    expect(markdownTree(entry)).toBe(tree);
    expect(JSON.stringify(tree)).toBe(before);
  });

  it.each(PAYLOADS.filter((p) => p.markdown))('renders no trace of $name', (payload) => {
    const out = renderMarkdown(`Before.\n\n${payload.markdown}\n\nAfter.`, { topHeading: 3 });
    expect(out.html).not.toMatch(payload.traces);
    expect(out.html).toContain('<p>Before.</p>');
  });

  it('keeps what copy is made of: emphasis, lists, links, code, quotes and images on this site', () => {
    const out = renderMarkdown('## Costs\n\n> A *quote* with `code`.\n\n1. [Mail](mailto:a@example.com)\n2. [Pricing](/pricing/ "Prices")\n\n![Team](/images/team.png)\n\n```ts\nconst a = 1;\n```', { topHeading: 3 });
    expect(out.html).toMatchInlineSnapshot(`
      "<h3>Costs</h3>
      <blockquote>
      <p>A <em>quote</em> with <code>code</code>.</p>
      </blockquote>
      <ol>
      <li><a href="mailto:a@example.com">Mail</a></li>
      <li><a href="/pricing/" title="Prices">Pricing</a></li>
      </ol>
      <p><img src="/images/team.png" alt="Team"></p>
      <pre><code class="language-ts">const a = 1;
      </code></pre>"
    `);
  });
});
