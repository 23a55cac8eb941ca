import type { Diagnostic } from '../diagnostics.ts';
import { closestMatch } from '../diagnostics.ts';
import { parseOverrideMdx, SECTION_COMPONENT, type OverrideMdastNode as MdxNode } from '../mdx-pipeline.ts';
import { isSafeUrl, urlScheme } from '../safe-html.ts';
import { LANDING_SECTIONS, type LandingSection } from '../schemas/page-override.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { decodeSourceText } from './source-text.ts';

export interface OverrideSection {
  name: LandingSection;
  line: number;
}

export type ScanResult = { ok: true; sections: OverrideSection[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Components an override file may use; the page supplies them when it renders the file. */
export const OVERRIDE_COMPONENTS = [SECTION_COMPONENT] as const;
/** Elements whose names say they load, run or redirect something: named in their own message. */
const ACTIVE_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'meta', 'base', 'link', 'svg', 'math', 'animate', 'set', 'template', 'applet', 'portal']);
/** MDX's comment, a block comment alone in braces: no code, and dropped from the page like every expression. */
const ONLY_A_COMMENT = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;
const UNSAFE_LINK_HINT = 'Use an https:// address, a mailto: or tel: link, or a path on this site.';

/**
 * Reads the body of a page override file as MDX, with the very parser and features the build
 * compiles it with (see mdx-pipeline.ts), and finds the `<Section name="…">` blocks it defines, so
 * that the build knows which generated sections to replace. Everything that could run code or
 * put markup on the page is refused here with its line (expressions, imports, other components,
 * HTML written as JSX, attributes other than `name`, unsafe link schemes); the build's sanitiser
 * drops the same things again in case one slips through.
 */
export function scanOverrideSections(file: string, body: string, bodyLine: number): ScanResult {
  const diagnostics: Diagnostic[] = [];
  const at = (node: MdxNode) => ({ line: (node.position?.start.line ?? 1) + bodyLine - 1, column: node.position?.start.column ?? 1 });
  const error = (node: MdxNode, message: string, hint?: string, rule = 'page-override') => diagnostics.push({ severity: 'error', rule, file, ...at(node), message, hint });

  let tree: MdxNode;
  try {
    tree = parseOverrideMdx(body);
  } catch (cause) {
    const { line, column, reason } = parseError(cause);
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          rule: 'mdx-syntax',
          file,
          line: line + bodyLine - 1,
          column,
          message: `the MDX could not be read: ${reason}`,
          hint: 'Every <Section name="…"> needs a matching </Section>; write a literal "<" as &lt; and "{" as \\{.',
        },
      ],
    };
  }

  const sections: OverrideSection[] = [];
  for (const node of tree.children ?? []) {
    if (node.type === 'mdxJsxFlowElement' && node.name === SECTION_COMPONENT) {
      const nameAttr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name');
      const name = typeof nameAttr?.value === 'string' ? nameAttr.value : undefined;
      if (!name) {
        error(node, '<Section> needs a name', `Write <Section name="hero">; sections are: ${LANDING_SECTIONS.join(', ')}.`);
      } else if (!(LANDING_SECTIONS as readonly string[]).includes(name)) {
        const match = closestMatch(name, LANDING_SECTIONS);
        error(node, `there is no section "${name}" on a landing page`, `${match ? `Did you mean "${match}"? ` : ''}Sections are: ${LANDING_SECTIONS.join(', ')}.`);
      } else if (sections.some((s) => s.name === name)) {
        error(node, `the section "${name}" is overridden twice`, 'Keep one <Section> per name.');
      } else {
        sections.push({ name: name as LandingSection, line: at(node).line });
      }
    } else if (node.type !== 'mdxjsEsm' && node.type !== 'mdxFlowExpression' && !isJsx(node)) {
      diagnostics.push({
        severity: 'warning',
        rule: 'page-override',
        file,
        ...at(node),
        message: 'this text is outside any <Section> and will not be shown',
        hint: 'Move it inside a <Section name="…"> block.',
      });
    }
  }
  visit(tree, (node, depth) => {
    if (node.type === 'mdxjsEsm') {
      error(node, 'content files cannot import or export code', 'Remove the import/export line; the components you can use are provided: ' + OVERRIDE_COMPONENTS.join(', ') + '.', 'mdx-code');
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !ONLY_A_COMMENT.test(node.value ?? '')) {
      error(node, 'curly braces run code in MDX', 'To show a literal brace, write \\{ instead of {. Placeholders such as {segment} work in YAML headlines only; in a page override, write the text out.', 'mdx-code');
    } else if (isJsx(node)) {
      // A refused element is one problem: what is inside it goes when it goes.
      return checkJsx(node, depth);
    } else if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
      if (!isSafeUrl(node.url)) unsafeLink(node, node.url);
    } else if (node.type === 'image' && typeof node.url === 'string') {
      if (!isSafeUrl(node.url, 'image')) unsafeLink(node, node.url);
      else if (urlScheme(node.url) === undefined && !node.url.startsWith('/')) {
        error(node, `the image "${shown(node.url)}" is a path relative to this file`, 'Put the image in public/ and write its path on the site, starting with / (for example /images/team.png), or use an https:// address.', 'unsafe-link');
      }
    }
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, sections, diagnostics };

  /** Judges one JSX element; false when it is refused, so its content is not judged as well. */
  function checkJsx(node: MdxNode, depth: number): boolean {
    const name = node.name;
    if (!name) {
      error(node, 'an empty tag <> is not allowed in content', 'Remove the <> and </> around the text.', 'unsafe-markup');
      return false;
    }
    if (name === SECTION_COMPONENT) {
      if (depth !== 1) error(node, '<Section> blocks cannot be nested or placed inside other text', 'Start each <Section name="…"> on its own line at the top level of the file, after the closing </Section> of the one before.');
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute' || typeof attribute.value === 'object') {
          error(node, `<${name}> has an attribute written as code`, 'Write attribute values in quotes: name="hero".', 'mdx-code');
        } else if (attribute.name !== 'name') {
          error(node, `<Section> takes only a name, not ${attribute.name}`, `Delete ${attribute.name}="…": the section's look comes from the page, and its content is the Markdown inside the block.`, 'unsafe-markup');
        }
      }
      return true;
    }
    const directive = node.attributes?.find((a) => a.name?.startsWith('set:'));
    if (directive) {
      error(node, `${directive.name} on <${name}> would put raw HTML on the page`, 'Delete the element and write its content in Markdown inside the <Section>.', 'unsafe-markup');
    } else if (/^[A-Z]/.test(name)) {
      const match = closestMatch(name, OVERRIDE_COMPONENTS);
      error(node, `unknown component <${name}>`, `${match ? `Did you mean <${match}>? ` : ''}Components available here: ${OVERRIDE_COMPONENTS.join(', ')}.`);
    } else if (ACTIVE_ELEMENTS.has(name.toLowerCase().replace(/^.*:/, ''))) {
      error(node, `<${name}> is not allowed in content`, 'Pages carry no scripts, styles, embeds, redirects or forms from content; the lead form is part of the page.', 'unsafe-markup');
    } else {
      error(node, `HTML tags such as <${name}> are not allowed in page overrides`, 'Write the text in Markdown: ## for headings, **bold**, *italic*, [text](https://…) for links, ![description](/image.png) for images, "- " for lists.', 'unsafe-markup');
    }
    return false;
  }

  function unsafeLink(node: MdxNode, url: string): void {
    error(node, `the link "${shown(url)}" uses the scheme ${urlScheme(url)}:, which pages do not allow`, UNSAFE_LINK_HINT, 'unsafe-link');
  }
}

/**
 * What the build compiles for an override file: its body as the check reads it (blank lines in
 * place of the front matter, so compiler messages keep the file's line numbers), and only if the
 * same scan accepts it. The build calls this on the bytes it is about to compile, so a file that
 * changed after `npm run check` is judged again rather than trusted.
 */
export function overrideSourceForBuild(file: string, bytes: Uint8Array): { ok: true; source: string } | { ok: false; diagnostics: Diagnostic[] } {
  const decoded = decodeSourceText(file, bytes);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  const parsed = parseFrontmatter(file, decoded.text);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const scan = scanOverrideSections(file, parsed.body, parsed.bodyLine);
  if (!scan.ok) return { ok: false, diagnostics: scan.diagnostics };
  return { ok: true, source: '\n'.repeat(Math.max(1, parsed.bodyLine - 1)) + parsed.body };
}

function isJsx(node: MdxNode): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** A URL as a message can show it: short, with invisible characters made visible. */
function shown(url: string): string {
  const visible = url.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 40 ? `${visible.slice(0, 40)}…` : visible;
}

/** Line, column and reason of a parser error ("3:5: Unexpected … (3:5) (mdx-jsx:…)"). */
function parseError(cause: unknown): { line: number; column: number; reason: string } {
  let reason = cause instanceof Error ? cause.message : String(cause);
  let line = 1;
  let column = 1;
  const lead = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(reason);
  if (lead) {
    line = Number(lead[1]);
    column = Number(lead[2]);
    reason = reason.slice(lead[0].length);
  }
  reason = reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '').replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '');
  return { line, column, reason };
}

/** Calls `fn` on every node, depth first; `fn` returns false to skip a node's children. */
function visit(node: MdxNode, fn: (node: MdxNode, depth: number) => boolean | void, depth = 0): void {
  if (fn(node, depth) === false) return;
  for (const child of node.children ?? []) visit(child, fn, depth + 1);
}
