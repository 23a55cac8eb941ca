import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
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

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' } as const;

/**
 * Parses YAML with positions kept. `lineOffset` shifts reported lines for YAML embedded in another
 * file (Markdown frontmatter starts on line 2).
 */
export function parseYaml(file: string, text: string, lineOffset = 0): YamlResult {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const position = positionsOf(text, lineOffset);
  if (doc.errors.length > 0) {
    // Only the first error: after one mistake the parser's later complaints are mostly echoes of it.
    const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0]!;
    return { ok: false, diagnostics: [yamlErrorDiagnostic(file, text, first.code, first.message, first.pos[0], position)] };
  }
  const tooDeep = firstTooDeep(doc.contents as YamlNode | null);
  if (tooDeep) {
    const at = position(tooDeep.range?.[0] ?? 0);
    return {
      ok: false,
      diagnostics: [{ severity: 'error', rule: 'yaml-syntax', file, line: at.line, column: at.column, message: `fields are nested more than ${MAX_DEPTH} levels deep here; content files never need that many`, hint: 'Check the indentation: a field indented by mistake nests everything below it.' }],
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
  return { ok: true, value, locate: lazyLocator(text, lineOffset) };
}

/**
 * A locator that reads the syntax tree again when first asked. Positions are needed only for
 * messages, which few files get, and keeping every file's tree alive for the whole build cost more
 * memory, and garbage-collection time, than reading the odd file twice.
 */
function lazyLocator(text: string, lineOffset: number): Locator {
  let tree: { root: YamlNode | null; position: (offset: number) => Position } | undefined;
  const read = () => (tree ??= { root: parseDocument(text, PARSE_OPTIONS).contents as YamlNode | null, position: positionsOf(text, lineOffset) });
  return {
    at(path) {
      const { root, position } = read();
      const found = walk(root, path);
      return found === undefined ? undefined : position(found);
    },
    key(path, key) {
      const { root, position } = read();
      const node = nodeAt(root, path);
      if (!isMap(node)) return undefined;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? position(range[0]) : undefined;
    },
  };
}

/** The first node below the depth limit, in document order. */
function firstTooDeep(node: YamlNode | null | undefined, depth = 0): YamlNode | undefined {
  if (!node) return undefined;
  if (depth > MAX_DEPTH) return node;
  const children = isMap(node) ? node.items.map((p) => p.value as YamlNode) : isSeq(node) ? (node.items as YamlNode[]) : [];
  for (const child of children) {
    const found = firstTooDeep(child, depth + 1);
    if (found) return found;
  }
  return undefined;
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

/** The parser's own messages name grammar rules; authors need to know what they typed wrong, and where. */
function yamlErrorDiagnostic(file: string, text: string, code: string, raw: string, offset: number, position: (offset: number) => Position): Diagnostic {
  const at = position(offset);
  const error = (where: Position, message: string, hint: string): Diagnostic => ({ severity: 'error', rule: 'yaml-syntax', file, line: where.line, column: where.column, message, hint });
  const lines = text.split('\n');
  const lineText = lines[at.line - 1 - (position(0).line - 1)] ?? '';
  const value = /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(.*)$/.exec(lineText)?.[1] ?? '';

  if (code === 'TAB_AS_INDENT') return error(at, 'a tab is used for indentation; YAML allows only spaces', 'Replace the tab at the start of the line with spaces (two per level).');
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(lineText)?.[1];
    return error(at, key ? `the field "${key}" appears twice in the same place` : 'a field appears twice in the same place', 'Keep one of the two and delete the other.');
  }
  const opener = unclosedOpener(text, offset);
  if (opener && (/missing closing|must be sufficiently indented and end with|end with a [\]}]|unterminated|unexpected end/i.test(raw) || code === 'MISSING_CHAR')) {
    const where = position(opener.offset);
    if (opener.char === '"' || opener.char === "'") {
      return error(where, `this ${opener.char === '"' ? 'double' : 'single'} quote is never closed`, `End the value with ${opener.char} as well, or remove the quote at its start.`);
    }
    return error(where, `this ${opener.char} is never closed`, opener.char === '[' ? 'End the list with ], or write one item per line starting with "- ".' : 'End the group with }, or write one field per line.');
  }
  const stray = /flow-(map|seq)-end token/.exec(raw);
  if (stray) return error(at, `a stray ${stray[1] === 'map' ? '}' : ']'} closes nothing`, 'Delete it: it is left over from a { … } or [ … ] that was rewritten.');
  if (/^[{[]/.test(value.trim()) && !/^(\{.*\}|\[.*\])\s*(#.*)?$/.test(value.trim())) {
    return error({ line: at.line, column: lineText.indexOf(value.trim()) + 1 }, `a value that starts with ${value.trim()[0]} is read as a ${value.trim()[0] === '{' ? 'group of fields' : 'list'}`, `Put the whole value in double quotes, like  headline: "${value.trim().replace(/"/g, "'")}"`);
  }
  // A field indented further than the `key: value` line above it continues that value instead of
  // starting a field; the parser complains on either line, the mistake is the indentation.
  const index = at.line - position(0).line;
  const indent = (l: string) => /^ */.exec(l)![0].length;
  const isField = (l: string | undefined) => l !== undefined && /^\s*(?:-\s+)?[^\s:#][^:#]*:(\s|$)/.test(l);
  const hasValue = (l: string) => /:\s*[^\s|>]/.test(l) && !/:\s*[|>][-+]?\s*$/.test(l);
  for (const [above, below] of [
    [index - 1, index],
    [index, index + 1],
  ] as const) {
    const a = lines[above];
    const b = lines[below];
    if (a !== undefined && b !== undefined && isField(a) && hasValue(a) && isField(b) && indent(b) > indent(a)) {
      return error({ line: below + position(0).line, column: indent(b) + 1 }, 'this line is indented further than the field above it', 'Line it up with the field above: fields of the same group start at the same column, with spaces.');
    }
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || /:\s*[^"'\s][^#]*:\s/.test(`${lineText} `)) {
    return error(at, 'a colon inside a value makes YAML read it as a new field', 'Put the whole value in double quotes, like  title: "Risk: the hidden blocker"');
  }
  return error(at, `the YAML cannot be read here (${firstSentence(raw)})`, 'Check this line against the lines above it: indent with spaces, and put values that contain ":", "#", "{" or "[" in double quotes.');
}

/**
 * The quote or bracket still open at `offset`, if any: where an "unclosed" error really starts.
 * A quote opens a value only at its start (after `: `, `- `, `[`, `{` or `,`), as in YAML itself.
 */
function unclosedOpener(text: string, offset: number): { char: string; offset: number } | undefined {
  const stack: { char: string; offset: number }[] = [];
  let quote: { char: string; offset: number } | undefined;
  for (let i = 0; i < Math.min(offset + 1, text.length); i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote.char === '"') i++;
      else if (c === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const before = text.slice(Math.max(0, i - 2), i);
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (/(^|[:\-,[{])\s*$/.test(before) || i === 0 || text[i - 1] === '\n' || /\n\s*$/.test(before))) quote = { char: c, offset: i };
    else if (c === '[' || c === '{') stack.push({ char: c, offset: i });
    else if ((c === ']' || c === '}') && stack.length) stack.pop();
  }
  return quote ?? stack.at(-1);
}

function firstSentence(message: string): string {
  return message.split(/\n|\. /)[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/**
 * Line and column of a character offset, counted from the text itself: the parser's own line
 * counter misses line starts inside tokens it could not read, which would point past a line's end.
 */
export function positionsOf(text: string, lineOffset = 0): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1 + lineOffset, column: at - starts[low]! + 1 };
  };
}
