import { satteri } from '@astrojs/markdown-satteri';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { defineHastPlugin, mdxToMdast, type Features } from 'satteri';
import { sanitizeChildren } from './safe-html.ts';

/**
 * The one MDX pipeline for page overrides. `astro.config.mjs` hands {@link OVERRIDE_MDX_OPTIONS}
 * to `mdx()`, and the content check parses override bodies with the features of that same
 * processor object ({@link parseOverrideMdx}), so what the check reads is what the build compiles:
 * GFM (tables, footnotes, strikethrough, task lists) and smart punctuation included. A parser
 * difference between the two would let the build run code the check never saw.
 */

/** Parser features; Astro reads front matter itself before the body reaches the parser. */
const FEATURES: Features = { gfm: true, smartPunctuation: true, frontmatter: false };

/** The name of the one component an override may use, with its one attribute. */
export const SECTION_COMPONENT = 'Section';

/**
 * The build's second wall: the compiled page keeps only the `<Section name="…">` blocks at the top
 * of the file, each with its `name` alone, and their content through the allow-list of
 * `safe-html.ts`. Expressions, imports, other components and HTML written as JSX are dropped
 * here, before the MDX becomes code, so even a file the check misjudged cannot run anything or
 * put markup on a page that the allow-list does not know.
 */
export function sanitizeOverrideTree(root: HastRoot): HastRoot {
  const nodes = root.children as (RootContent | MdxJsxNode)[];
  const footnotes = nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined);
  const children: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'mdxJsxFlowElement' || node.name !== SECTION_COMPONENT) continue;
    const name = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name')?.value;
    if (typeof name !== 'string') continue;
    const notes = footnotes && footnotesOf(node.children, footnotes);
    const section: MdxJsxNode = {
      type: 'mdxJsxFlowElement',
      name: SECTION_COMPONENT,
      attributes: [{ type: 'mdxJsxAttribute', name: 'name', value: name }],
      children: sanitizeChildren(notes ? [...node.children, notes] : node.children),
    };
    children.push(section as unknown as RootContent);
  }
  return { type: 'root', children };
}

/**
 * GFM collects every footnote of a file at its end, outside any section, where no block would
 * show them; each section gets the notes its own text refers to instead.
 */
function footnotesOf(content: readonly ElementContent[], footnotes: Element): Element | undefined {
  const referred = new Set<string>();
  const walk = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const href = node.properties.href;
      if (node.properties.dataFootnoteRef !== undefined && typeof href === 'string') referred.add(href.slice(1));
      walk(node.children);
    }
  };
  walk(content);
  if (referred.size === 0) return undefined;
  const keep = (nodes: readonly ElementContent[]): ElementContent[] =>
    nodes.flatMap((node): ElementContent[] => {
      if (node.type !== 'element') return [node];
      if (node.tagName === 'li') return referred.has(String(node.properties.id)) ? [node] : [];
      return [{ ...node, children: keep(node.children) }];
    });
  return { ...footnotes, children: keep(footnotes.children) };
}

interface MdxJsxNode {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: ElementContent[];
}

const sanitizeOverride = defineHastPlugin({
  name: 'segment-pages:sanitize-override',
  before(root, ctx) {
    ctx.replaceNode(root, sanitizeOverrideTree(root as HastRoot) as never);
  },
});

/** The Markdown processor for `.mdx` files: Sätteri, as Astro uses by default, with the sanitiser. */
export const OVERRIDE_MDX_PROCESSOR = satteri({ features: FEATURES, hastPlugins: [sanitizeOverride] });

/**
 * Options for `mdx()` in astro.config.mjs. Markdown settings of the Astro config are not mixed
 * in, the processor is never swapped, and static subtrees are not collapsed into `set:html`
 * strings (which would bypass nothing today but is raw HTML by design). Code blocks stay plain,
 * as in persona and FAQ bodies.
 */
export const OVERRIDE_MDX_OPTIONS = {
  processor: OVERRIDE_MDX_PROCESSOR,
  extendMarkdownConfig: false,
  optimize: false,
  syntaxHighlight: false,
} as const;

/** Node of the override syntax tree, as the content check reads it. */
export interface OverrideMdastNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: OverrideMdastNode[];
  position?: { start: { line: number; column: number } };
  value?: string;
  url?: string;
}

/** Parses an override body exactly as the build will: same parser, same features object. */
export function parseOverrideMdx(body: string): OverrideMdastNode {
  return mdxToMdast(body, { features: OVERRIDE_MDX_PROCESSOR.options.features }) as unknown as OverrideMdastNode;
}
