import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic, Position } from '../diagnostics.ts';

/** Finds where a field of a parsed file was written, so messages can point at it. */
export interface Locator {
  /** Position of the field at `path`, or of its closest ancestor that exists (a missing field points at its parent). */
  at(path: readonly PropertyKey[]): Position | undefined;
  /** Position of the key `key` inside the mapping at `path` (for unknown fields). */
  key(path: readonly PropertyKey[], key: string): Position | undefined;
}

export type YamlResult = { ok: true; value: unknown; locate: Locator } | { ok: false; diagnostics: Diagnostic[] };

/** Aliases are legitimate in YAML but a handful of them can expand into gigabytes ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;
/** Content is a few levels deep; anything deeper is a mistake or an attack on the parser. */
const MAX_DEPTH = 24;

/**
 * Parses YAML with positions kept. `lineOffset` shifts reported lines for YAML embedded in another
 * file (Markdown frontmatter starts on line 2).
 */
export function parseYaml(file: string, text: string, lineOffset = 0): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  const position = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: doc.errors.slice(0, 5).map((e) => yamlErrorDiagnostic(file, text, e.code, e.message, position(e.pos[0]))) };
  }
  const depth = nodeDepth(doc.contents as YamlNode | null);
  if (depth > MAX_DEPTH) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', rule: 'yaml-syntax', file, line: 1 + lineOffset, column: 1, message: `fields are nested ${depth} levels deep; content files never need more than ${MAX_DEPTH}`, hint: 'Check the indentation: a field indented by mistake nests everything below it.' }],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const excessive = /alias/i.test(message);
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          rule: 'yaml-syntax',
          file,
          line: 1 + lineOffset,
          column: 1,
          message: excessive ? `YAML aliases (*name) expand to too much data (over ${MAX_ALIAS_COUNT} alias uses)` : `the YAML could not be read: ${message}`,
          hint: excessive ? 'Write the values out instead of repeating aliases; content files do not need them.' : undefined,
        },
      ],
    };
  }
  const locate: Locator = {
    at(path) {
      const found = walk(doc.contents as YamlNode | null, path);
      return found === undefined ? undefined : position(found);
    },
    key(path, key) {
      const node = nodeAt(doc.contents as YamlNode | null, path);
      if (!isMap(node)) return undefined;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? position(range[0]) : undefined;
    },
  };
  return { ok: true, value, locate };
}

function nodeDepth(node: YamlNode | null | undefined, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  if (isMap(node)) return Math.max(depth + 1, ...node.items.map((p) => nodeDepth(p.value as YamlNode, depth + 1)));
  if (isSeq(node)) return Math.max(depth + 1, ...node.items.map((i) => nodeDepth(i as YamlNode, depth + 1)));
  return depth;
}

function nodeAt(root: YamlNode | null, path: readonly PropertyKey[]): YamlNode | null | undefined {
  let node: YamlNode | null | undefined = root;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      node = pair?.value as YamlNode | undefined;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part] as YamlNode | undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

/** Offset of the deepest node on `path` that exists: the key for map entries, the item for list entries. */
function walk(root: YamlNode | null, path: readonly PropertyKey[]): number | undefined {
  let node: YamlNode | null | undefined = root;
  let offset: number | undefined = root?.range?.[0];
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const keyNode = pair.key as YamlNode;
      offset = keyNode.range?.[0] ?? offset;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** The parser's own messages name grammar rules; authors need to know what they typed wrong. */
function yamlErrorDiagnostic(file: string, text: string, code: string, raw: string, at: Position): Diagnostic {
  const base = { severity: 'error' as const, rule: 'yaml-syntax', file, line: at.line, column: at.column };
  const lineText = text.split('\n')[at.line - 1] ?? '';
  switch (code) {
    case 'TAB_AS_INDENT':
      return { ...base, message: 'a tab is used for indentation; YAML allows only spaces', hint: 'Replace the tab at the start of the line with spaces (two per level).' };
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(lineText)?.[1];
      return { ...base, message: key ? `the field "${key}" appears twice in the same place` : 'a field appears twice in the same place', hint: 'Keep one of the two and delete the other.' };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/:\s*[^"'\s][^#]*:\s/.test(`${lineText} `) || code === 'BLOCK_AS_IMPLICIT_KEY') {
        return { ...base, message: 'a colon inside a value makes YAML read it as a new field', hint: 'Put the whole value in double quotes, like  title: "Risk: the hidden blocker"' };
      }
      return { ...base, message: `the YAML structure is broken here (${firstSentence(raw)})`, hint: 'Check the indentation of this line against the lines above it, and quote values that contain ":" or "#".' };
    default:
      return { ...base, message: `the YAML could not be read (${firstSentence(raw)})`, hint: 'Check this line: quote values that contain ":" or "#", and indent with spaces.' };
  }
}

function firstSentence(message: string): string {
  return message.split(/\n|\. /)[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
