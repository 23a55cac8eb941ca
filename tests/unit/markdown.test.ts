import { describe, expect, it } from 'vitest';
import { markdownTree, renderMarkdown } from '../../src/lib/markdown.ts';

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
});
