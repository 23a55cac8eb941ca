import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import { sanitizeHtmlTree } from './safe-html.ts';

export interface RenderedMarkdown {
  html: string;
  /** The visible text, whitespace collapsed: what a reader (or a search engine) sees. */
  text: string;
}

export interface RenderOptions {
  /** The heading level the body's top headings become, so body copy nests under the page's own headings. */
  topHeading?: number;
}

/**
 * Renders author Markdown to HTML. Raw HTML in the source is dropped (never passed through), and
 * the result goes through the content allow-list of safe-html.ts, the same one page overrides
 * use: elements, attributes and link schemes it does not know are removed, so content can format
 * text, not run code.
 */
export function renderMarkdown(markdown: string | { body: string }, options: RenderOptions = {}): RenderedMarkdown {
  const processor = processorFor(options.topHeading ?? 0);
  // A tree the copy check already parsed is reused; otherwise this one is not kept, as nothing else reads it.
  const mdast = typeof markdown === 'string' ? parser.parse(markdown) : (trees.get(markdown) ?? parser.parse(markdown.body));
  const hast = processor.runSync(mdast) as HastRoot;
  const html = processor.stringify(hast).trim();
  return { html, text: textOf(hast) };
}

const parser = remark().freeze();
const processors = new Map<number, ReturnType<typeof makeProcessor>>();

/** One frozen processor per heading level, built on first use: a site renders thousands of bodies. */
function processorFor(topHeading: number) {
  let processor = processors.get(topHeading);
  if (!processor) processors.set(topHeading, (processor = makeProcessor(topHeading)));
  return processor;
}

function makeProcessor(topHeading: number) {
  return remark()
    .use(remarkRehype)
    .use(() => (tree: HastRoot) => {
      const safe = sanitizeHtmlTree(tree);
      if (topHeading) shiftHeadings(safe, topHeading);
      return safe;
    })
    .use(rehypeStringify)
    .freeze();
}
const trees = new WeakMap<object, MdastRoot>();

/**
 * The Markdown syntax tree of an entry's body, parsed once: the copy check reads it and rendering
 * turns it into HTML (neither changes it). Kept per entry object, so it goes when the entry does.
 */
export function markdownTree(entry: { body: string }): MdastRoot {
  let tree = trees.get(entry);
  if (!tree) trees.set(entry, (tree = parser.parse(entry.body)));
  return tree;
}

function shiftHeadings(tree: HastRoot, topHeading: number): void {
  let min = 7;
  visitElements(tree, (node) => {
    const level = headingLevel(node);
    if (level) min = Math.min(min, level);
  });
  if (min === 7) return;
  visitElements(tree, (node) => {
    const level = headingLevel(node);
    if (level) node.tagName = `h${Math.min(6, level - min + topHeading)}`;
  });
}

function headingLevel(node: Element): number | undefined {
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

type HastParent = { children?: unknown[] };

function visitElements(node: HastParent, fn: (node: Element) => void): void {
  for (const child of (node.children ?? []) as (Element | { type: string })[]) {
    if (child.type === 'element') fn(child as Element);
    if ('children' in child) visitElements(child as HastParent, fn);
  }
}

function textOf(tree: HastRoot): string {
  const parts: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[]; tagName?: string }) => {
    if (node.type === 'text' && node.value) parts.push(node.value);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    if (node.type === 'element' && /^(p|h[1-6]|li|blockquote|tr|br)$/.test(node.tagName ?? '')) parts.push(' ');
  };
  walk(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
