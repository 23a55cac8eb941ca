import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What content may put on a page, as one allow-list for every kind of author copy: persona and
 * FAQ bodies (Markdown) and the `<Section>` blocks of page overrides (MDX). Anything not listed
 * here is dropped before rendering, whatever the content check said: the check explains a problem
 * to the author, this list makes sure a missed one never reaches a page.
 */

/** URL schemes a link may use; anything else with a scheme is refused. Paths without one are relative links. */
export const SAFE_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;
/** Images load, so they get the web schemes only. */
const SAFE_IMAGE_PROTOCOLS = ['http', 'https'];

const FOOTNOTE_ID = /^user-content-fn(?:ref)?-[\w-]+$/;

/**
 * Section content: headings, paragraphs, lists, links, emphasis, code, tables, quotes, images and
 * footnotes (as GFM renders them). No ids except the footnotes' own, so copy cannot shadow a
 * page element or a global the page script reads; nothing that loads or runs anything else.
 */
export const SECTION_SCHEMA: SanitizeSchema = {
  tagNames: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote'],
    ...['ul', 'ol', 'li', 'a', 'em', 'strong', 'del', 's', 'sup', 'sub', 'code', 'pre', 'span'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'section', 'input'],
  ],
  attributes: {
    a: ['href', 'title', ['id', FOOTNOTE_ID], 'dataFootnoteRef', 'dataFootnoteBackref', ['ariaDescribedBy', 'footnote-label'], 'ariaLabel', ['className', 'data-footnote-backref']],
    // Images are web addresses or paths on this site (from public/): a relative path would make
    // the MDX build import a file from beside the content.
    img: [['src', /^(?:https?:\/\/|\/)/i], 'alt', 'title', 'width', 'height'],
    code: [['className', /^language-[\w+-]+$/]],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: [['id', FOOTNOTE_ID], ['className', 'task-list-item']],
    h2: [['id', 'footnote-label'], ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    // Column alignment of GFM tables: an attribute from remark, a style from the MDX parser.
    th: [['align', 'left', 'center', 'right'], ['style', /^text-align: (?:left|center|right)$/]],
    td: [['align', 'left', 'center', 'right'], ['style', /^text-align: (?:left|center|right)$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  protocols: { href: [...SAFE_PROTOCOLS], src: SAFE_IMAGE_PROTOCOLS },
  // Ids are restricted above instead of prefixed: footnote links must keep pointing at their notes.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'iframe', 'svg', 'math'],
  allowComments: false,
  allowDoctypes: false,
};

/** Content HTML with every element, attribute and URL outside {@link SECTION_SCHEMA} removed. */
export function sanitizeHtmlTree(tree: HastRoot): HastRoot {
  return rehypeSanitize(SECTION_SCHEMA)(tree);
}

/** The children of one element or root, sanitised as a fragment. */
export function sanitizeChildren(children: readonly (RootContent | ElementContent)[]): ElementContent[] {
  return sanitizeHtmlTree({ type: 'root', children: children as RootContent[] }).children as Element['children'];
}

const CHARACTER_REFERENCE = /&(?:#(\d+)|#x([\da-f]+)|(Tab|NewLine|colon|nbsp));?/gi;
const NAMED: Record<string, string> = { tab: '\t', newline: '\n', colon: ':', nbsp: '\u00a0' };
/**
 * Controls and spaces a browser ignores or removes inside a URL's scheme, a few it renders
 * invisibly, and the replacement character parsers put in place of a control reference (`&#1;`).
 */
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\ufffd]/g;

/** `url` with numeric character references and the named ones that spell a scheme (`&colon;`, `&Tab;`) decoded. */
export function decodeCharacterReferences(url: string): string {
  return url.replace(CHARACTER_REFERENCE, (reference: string, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? reference;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * The scheme a browser would follow for `url`, lowercased, or undefined for a relative path.
 * Character references are decoded and control and whitespace characters dropped first, as a
 * browser does, so `java&#9;script:` and `&#1;javascript:` are read as `javascript:`.
 */
export function urlScheme(url: string): string | undefined {
  const decoded = decodeCharacterReferences(url).replace(INVISIBLE, '');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const before = decoded.slice(0, colon);
  // A colon after a path, query or fragment starts no scheme ("/a:b", "?q=a:b").
  if (/[/?#]/.test(before)) return undefined;
  return before.toLowerCase();
}

/** Whether a link or image address is one content may use: http(s), mailto, tel, or a relative path. */
export function isSafeUrl(url: string, kind: 'link' | 'image' = 'link'): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  return (kind === 'image' ? SAFE_IMAGE_PROTOCOLS : (SAFE_PROTOCOLS as readonly string[])).includes(scheme);
}
