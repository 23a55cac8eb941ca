import type { z } from 'zod';
import { closestMatch, formatFieldPath, type Diagnostic } from '../diagnostics.ts';
import type { Locator } from './yaml.ts';

export type ValidateResult<T> = { ok: true; data: T } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validates parsed data against a schema and turns every zod issue into a message an author can
 * act on, positioned at the field in the file.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, file: string, locate: Locator): ValidateResult<z.output<S>> {
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const diagnostics = flattenIssues(result.error.issues).map((issue) => issueDiagnostic(schema, issue, value, file, locate));
  return { ok: false, diagnostics: withoutMisspelledEchoes(diagnostics) };
}

type Issue = z.core.$ZodIssue;

/** A union reports one issue holding each branch's issues; authors are best served by the closest branch. */
function flattenIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      out.push(...flattenIssues(best, path));
    } else {
      out.push({ ...issue, path } as Issue);
    }
  }
  return out;
}

function issueDiagnostic(schema: z.ZodType, issue: Issue, root: unknown, file: string, locate: Locator): Diagnostic {
  const path = issue.path as PropertyKey[];
  const field = formatFieldPath(path);
  const at = locate.at(path);
  const base: Diagnostic = { severity: 'error', rule: 'schema', file, line: at?.line, column: at?.column, field: field || undefined, message: issue.message };
  const input = 'input' in issue ? issue.input : valueAt(root, path);
  const doc = descriptionAt(schema, path);

  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        return { ...base, message: 'is required but missing', hint: doc ? `Add it: ${doc}` : undefined };
      }
      return {
        ...base,
        message: `expected ${expectedName(issue.expected, schemaAt(schema, path))}, received ${describeValue(input)}`,
        hint: hintForType(issue.expected, input, doc),
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const match = typeof input === 'string' ? closestMatch(input, values) : undefined;
      return {
        ...base,
        message: `${describeValue(input)} is not one of: ${values.join(', ')}`,
        hint: match ? `Did you mean "${match}"?` : doc,
      };
    }
    case 'unrecognized_keys': {
      const known = Object.keys(shapeAt(schema, path) ?? {});
      return {
        ...base,
        ...keyPosition(locate, path, issue.keys[0]!),
        field: formatFieldPath([...path, issue.keys[0]!]),
        ...(issue.keys.every((k) => /^\d+$/.test(k))
          ? { message: 'a number with a thousands separator is split in two here', hint: 'Inside { … } a comma separates fields, so 1,000 reads as 1 and 000: write 1000.' }
          : splitValue(valueAt(root, path), issue.keys[0]!, known) ?? {
              message: issue.keys.length === 1 ? `unknown field "${issue.keys[0]}"` : `unknown fields: ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
              hint: elsewhere(schema, path, issue.keys[0]!) ?? unknownKeyHint(issue.keys, known),
            }),
      };
    }
    case 'too_small':
      return { ...base, message: sizeMessage(issue.origin, 'small', Number(issue.minimum), issue.inclusive ?? true, issue.message), hint: doc };
    case 'too_big':
      return { ...base, message: sizeMessage(issue.origin, 'big', Number(issue.maximum), issue.inclusive ?? true, issue.message), hint: lengthHint(issue.origin, input) ?? doc };
    case 'invalid_format':
      return { ...base, message: `${issue.message}, received ${describeValue(input)}`, hint: formatHint(issue.format, input) ?? doc };
    case 'custom':
      return { ...base, hint: typeof issue.params?.hint === 'string' ? issue.params.hint : doc };
    default:
      return { ...base, hint: doc };
  }
}

/**
 * `{ label: Maximum fine, essential entities, value: 10 }`: inside { … } a comma ends a value, so the
 * rest of it reads as a field with no value. Recognised by a key with no value right after a known
 * field holding text.
 */
function splitValue(parent: unknown, key: string, known: string[]): { message: string; hint: string } | undefined {
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
  const fields = parent as Record<string, unknown>;
  if (fields[key] !== null) return undefined;
  const keys = Object.keys(fields);
  const before = keys[keys.indexOf(key) - 1];
  if (before === undefined || !known.includes(before) || typeof fields[before] !== 'string') return undefined;
  const whole = `${fields[before]}, ${key}`.replace(/"/g, '\\"');
  return {
    message: `"${key}" reads as a field of its own: inside { … } a comma ends the value of ${before}`,
    hint: `Put the whole value in double quotes: ${before}: "${whole}"`,
  };
}

function formatHint(format: string, input: unknown): string | undefined {
  if (format === 'date') return 'Write the date as year-month-day with two-digit month and day, like 2024-07-25.';
  if (format === 'url') {
    if (typeof input === 'string' && /^\s*(javascript|data|vbscript):/i.test(input)) return 'Only web addresses are allowed here: a javascript: or data: address could run code on the page.';
    return 'Write the full address, starting with https://.';
  }
  if (format === 'regex' && typeof input === 'string' && /^G-/.test(input)) return 'That is a GA4 measurement id; the container id of Google Tag Manager starts with GTM-.';
  return undefined;
}

/** "gtmContainerId belongs under tracking": the same field name one or two levels down. */
function elsewhere(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  const shape = shapeAt(schema, path);
  if (!shape) return undefined;
  for (const [name, child] of Object.entries(shape)) {
    const inner = shapeAt(child, []);
    if (inner && key in inner) return `"${key}" belongs under ${[...path, name].map(String).join('.')}: indent it below "${name}:".`;
  }
  return undefined;
}

function keyPosition(locate: Locator, path: PropertyKey[], key: string): Pick<Diagnostic, 'line' | 'column'> {
  const at = locate.key(path, key) ?? locate.at(path);
  return { line: at?.line, column: at?.column };
}

function unknownKeyHint(keys: readonly string[], known: string[]): string {
  const match = closestMatch(keys[0]!, known);
  const list = `Known fields here: ${known.join(', ')}`;
  return match ? `Did you mean "${match}"? ${list}` : list;
}

function sizeMessage(origin: string, direction: 'small' | 'big', limit: number, inclusive: boolean, fallback: string): string {
  const bound = direction === 'small' ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  switch (origin) {
    case 'string':
      if (direction === 'small' && limit <= 1) return 'must not be empty';
      return `must be ${bound} ${limit} characters long`;
    case 'array':
      return `needs ${bound} ${limit} ${limit === 1 ? 'item' : 'items'}`;
    case 'number':
    case 'int':
      return `must be ${bound} ${limit}`;
    default:
      return fallback;
  }
}

function lengthHint(origin: string, input: unknown): string | undefined {
  if (origin === 'string' && typeof input === 'string') return `It is ${input.length} characters now; shorten it.`;
  return undefined;
}

function expectedName(expected: string, schema: z.ZodType | undefined): string {
  const def = schema ? (schema as unknown as { _zod: { def: { type: string }; bag?: { format?: string } } })._zod : undefined;
  if (expected === 'number' && def?.bag?.format === 'safeint') return 'a whole number';
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return 'a group of fields';
    default:
      return expected;
  }
}

function hintForType(expected: string, input: unknown, doc: string | undefined): string | undefined {
  if (expected === 'number' && typeof input === 'string') {
    return 'Write digits only, without units, separators or quotes: 1000, not "1k" or "1,000".';
  }
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return `Put the value in double quotes so it is read as text: "${String(input)}".`;
  }
  if (expected === 'array' && (typeof input === 'string' || typeof input === 'number')) {
    return 'Write each item on its own line starting with "- ", indented under the field.';
  }
  return doc;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

type AnyDef = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; options?: z.ZodType[] };

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** Follows wrappers (optional, default, pipe…) to the schema that does the work. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) return current;
    current = next;
  }
  return current;
}

function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === 'object' && def.shape) current = def.shape[String(part)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
  }
  return current;
}

function shapeAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, z.ZodType> | undefined {
  const target = schemaAt(schema, path);
  return target ? defOf(unwrap(target)).shape : undefined;
}

/** The doc line of the field at `path`, shown to authors as a hint. */
export function descriptionAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current = schemaAt(schema, path);
  for (let i = 0; current && i < 20; i++) {
    if (current.description) return current.description;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/**
 * A misspelled field name gives two issues: the unknown name, and the real one missing. The first
 * already says "Did you mean …?", so the second is dropped.
 */
function withoutMisspelledEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
  const meant = new Set(
    diagnostics
      .filter((d) => d.message.startsWith('unknown field') && d.hint?.startsWith('Did you mean'))
      .map((d) => `${d.field?.replace(/[^.[\]]+$/, '')}${/Did you mean "([^"]+)"/.exec(d.hint!)?.[1]}`),
  );
  // "max: 1,000" inside { … } reads as max: 1 and a field "000": its other complaints about that group are echoes.
  const split = 'a number with a thousands separator is split in two here';
  const splitNumbers = new Set(diagnostics.filter((d) => d.message === split).map((d) => d.field?.replace(/\.\d+$/, '')));
  return diagnostics.filter((d) => !(d.message === 'is required but missing' && meant.has(d.field ?? '')) && !(splitNumbers.has(d.field) && d.message !== split));
}
