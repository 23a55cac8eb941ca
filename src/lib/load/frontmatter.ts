import matter from 'gray-matter';
import type { Diagnostic } from '../diagnostics.ts';
import { parseYaml, type Locator, type YamlResult } from './yaml.ts';

export type FrontmatterResult =
  | { ok: true; data: unknown; locate: Locator; body: string; bodyLine: number }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Splits a Markdown/MDX file into its YAML frontmatter (parsed with positions) and its body.
 * gray-matter finds the block; our YAML engine parses it so that lines point into the whole file.
 */
export function parseFrontmatter(file: string, text: string): FrontmatterResult {
  if (!/^---[ \t]*\n/.test(text)) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          rule: 'frontmatter-missing',
          file,
          line: 1,
          column: 1,
          message: 'the file does not start with a frontmatter block',
          hint: 'Put the fields between two lines of three dashes at the very top of the file, then the text below them.',
        },
      ],
    };
  }
  let parsed: YamlResult | undefined;
  let result: matter.GrayMatterFile<string>;
  try {
    result = splitMatter(text, (yamlText) => {
      // gray-matter hands over the block with the newline after the opening --- still in front,
      // so its line 2 is the file's line 2.
      parsed = parseYaml(file, yamlText, yamlText.startsWith('\n') ? 0 : 1);
      return parsed.ok && isRecord(parsed.value) ? parsed.value : {};
    });
  } catch (error) {
    return { ok: false, diagnostics: [{ severity: 'error', rule: 'frontmatter-syntax', file, line: 1, column: 1, message: `the frontmatter could not be read: ${(error as Error).message}` }] };
  }
  const frontmatterLines = result.matter.split('\n').length;
  const bodyLine = 1 + frontmatterLines + 1;
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', rule: 'frontmatter-syntax', file, line: 1, column: 1, message: 'the frontmatter block is never closed', hint: 'Add a line with three dashes (---) after the last field.' }],
    };
  }
  if (parsed === undefined) {
    // An empty block: gray-matter does not call the engine.
    return { ok: true, data: {}, locate: { at: () => ({ line: 1, column: 1 }), key: () => undefined }, body: result.content, bodyLine };
  }
  if (!parsed.ok) return parsed;
  return { ok: true, data: parsed.value ?? {}, locate: parsed.locate, body: result.content, bodyLine };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The Markdown body of a file, split exactly as parseFrontmatter splits it but without reading the
 * YAML (to render bodies on another thread while the fields are parsed and checked); undefined for
 * a file without a frontmatter block.
 */
export function markdownBody(text: string): string | undefined {
  if (!/^---[ \t]*\n/.test(text)) return undefined;
  try {
    return splitMatter(text, () => ({})).content;
  } catch {
    return undefined;
  }
}

/** gray-matter finds the block and the body; `parseBlock` reads the YAML (gray-matter's own engine is never used). */
function splitMatter(text: string, parseBlock: (yaml: string) => object): matter.GrayMatterFile<string> {
  const engine = {
    parse: parseBlock,
    stringify: () => {
      throw new Error('not used');
    },
  };
  return matter(text, { engines: { yaml: engine } } as unknown as Parameters<typeof matter>[1]);
}
