import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import type { Diagnostic } from '../diagnostics.ts';
import { closestMatch } from '../diagnostics.ts';
import { LANDING_SECTIONS, type LandingSection } from '../schemas/page-override.ts';

export interface OverrideSection {
  name: LandingSection;
  line: number;
}

export type ScanResult = { ok: true; sections: OverrideSection[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Components an override file may use; the page supplies them when it renders the file. */
export const OVERRIDE_COMPONENTS = ['Section'] as const;
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form']);

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
  value?: string;
  url?: string;
}

/**
 * Reads the body of a page override file as MDX and finds the `<Section name="…">` blocks it
 * defines, so that the build knows which generated sections to replace, and so that mistakes
 * (an unknown section, code in content, a typo in a component name) are reported with their line
 * instead of surfacing as a compiler stack trace.
 */
export function scanOverrideSections(file: string, body: string, bodyLine: number): ScanResult {
  const diagnostics: Diagnostic[] = [];
  const at = (node: MdxNode) => ({ line: (node.position?.start.line ?? 1) + bodyLine - 1, column: node.position?.start.column ?? 1 });
  const error = (node: MdxNode, message: string, hint?: string, rule = 'page-override') => diagnostics.push({ severity: 'error', rule, file, ...at(node), message, hint });

  let tree: MdxNode;
  try {
    tree = remark().use(remarkMdx).parse(body) as unknown as MdxNode;
  } catch (cause) {
    const place = (cause as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    let start = place && 'start' in place && place.start ? place.start : (place as { line?: number; column?: number } | undefined);
    let reason = (cause as { reason?: string }).reason ?? (cause as Error).message;
    // Some errors carry their place only in the text, as "(line:column-line:column)", relative to the body.
    const inText = /\s*\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    if (inText) {
      start ??= { line: Number(inText[1]), column: Number(inText[2]) };
      reason = reason.replace(inText[0], '');
    }
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          rule: 'mdx-syntax',
          file,
          line: (start?.line ?? 1) + bodyLine - 1,
          column: start?.column ?? 1,
          message: `the MDX could not be read: ${reason}`,
          hint: 'Every <Section name="…"> needs a matching </Section>; write a literal "<" as &lt; and "{" as \\{.',
        },
      ],
    };
  }

  const sections: OverrideSection[] = [];
  for (const node of tree.children ?? []) {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Section') {
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
    } else if (node.type !== 'mdxjsEsm' && node.type !== 'mdxFlowExpression') {
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
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') {
      error(node, 'content files cannot import or export code', 'Remove the import/export line; the components you can use are provided: ' + OVERRIDE_COMPONENTS.join(', ') + '.', 'mdx-code');
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      error(node, 'curly braces run code in MDX', 'To show a literal brace, write \\{ instead of {. Placeholders such as {segment} work in YAML headlines only; in a page override, write the text out.', 'mdx-code');
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const name = node.name;
      if (/^[A-Z]/.test(name) && !(OVERRIDE_COMPONENTS as readonly string[]).includes(name)) {
        const match = closestMatch(name, OVERRIDE_COMPONENTS);
        error(node, `unknown component <${name}>`, `${match ? `Did you mean <${match}>? ` : ''}Components available here: ${OVERRIDE_COMPONENTS.join(', ')}.`);
      } else if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) {
        error(node, `<${name}> is not allowed in content`, 'Pages carry no scripts, embeds or forms from content; the lead form is part of the page.', 'unsafe-markup');
      }
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute' || typeof attribute.value === 'object') {
          error(node, `<${name}> has an attribute written as code`, 'Write attribute values in quotes: name="hero".', 'mdx-code');
        } else if (attribute.name && /^on/i.test(attribute.name)) {
          error(node, `the attribute ${attribute.name} would run a script`, 'Remove it: pages run no scripts from content.', 'unsafe-markup');
        } else if (typeof attribute.value === 'string' && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) {
          error(node, `the link "${attribute.value.slice(0, 40)}" uses an unsafe scheme`, 'Use an https:// address or a path on this site.', 'unsafe-link');
        }
      }
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
      const url = node.url;
      if (/^\s*(javascript|data|vbscript):/i.test(url)) {
        error(node, `the link "${url.slice(0, 40)}" uses an unsafe scheme`, 'Use an https:// address or a path on this site.', 'unsafe-link');
      }
    }
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, sections, diagnostics };
}

function visit(node: MdxNode, fn: (node: MdxNode) => void): void {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}
