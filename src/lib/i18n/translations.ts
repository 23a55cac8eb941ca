/**
 * What a translation file may hold, derived from the schema of the file it translates: only the
 * visitor-facing text fields (text, headlines, Markdown bodies), in the original's structure. Ids,
 * enums, numbers, dates and addresses stay in the original, the one source of truth for figures.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isCurrencyCode } from '../schemas/common.ts';
import {
  faqSchema,
  pageOverrideSchema,
  pageVariantSchema,
  personaSchema,
  proofCertificationSchema,
  proofFigureSchema,
  proofLogoSchema,
  proofQuoteSchema,
  regulationSchema,
  segmentSchema,
  siteSchema,
  verticalSchema,
} from '../schemas/index.ts';

export type TranslatableKind = 'site' | 'segment' | 'persona' | 'vertical' | 'regulation' | 'faq' | 'page' | 'variant' | 'quote' | 'logo' | 'figure' | 'certification';

/** The part of a schema a translation holds: text leaves, and the groups and lists around them. */
export type TextShape =
  | { type: 'text'; schema: z.ZodType }
  | { type: 'object'; fields: Record<string, TextShape>; known: string[] }
  | { type: 'array'; item: TextShape; identity?: string };

/** The stamp a reviewed translation carries: the hash of the original's text when it was reviewed. */
export const STAMP_FIELD = 'translationOf';
export const STAMP_PATTERN = /^[0-9a-f]{12}$/;

/** Keys that identify a list item: a translation repeats them, so item i is provably the original's item i. */
const IDENTITY_KEYS = ['id'];

interface KindSpec {
  schema: z.ZodType;
  /** Whether the file has a Markdown/MDX body that is translated too. */
  body: boolean;
  /**
   * Text fields a translation leaves alone (dotted, list indices left out): internal notes never
   * shown to visitors, targeting data, and proper names shown as written in every language.
   */
  untranslated: string[];
}

const KINDS: Record<TranslatableKind, KindSpec> = {
  site: { schema: siteSchema, body: false, untranslated: ['name', 'leadForm.thankYouPage.nextSteps.href', 'check', 'channels', 'tracking', 'adPlatforms', 'security', 'consent', 'prioritisation'] },
  segment: { schema: segmentSchema, body: false, untranslated: ['criteria', 'profile', 'prioritisation', 'messaging.emphasis'] },
  persona: { schema: personaSchema, body: true, untranslated: ['titles'] },
  vertical: { schema: verticalSchema, body: false, untranslated: ['channels'] },
  regulation: { schema: regulationSchema, body: false, untranslated: ['sources'] },
  faq: { schema: faqSchema, body: true, untranslated: [] },
  page: { schema: pageOverrideSchema, body: true, untranslated: [] },
  variant: { schema: pageVariantSchema, body: true, untranslated: ['hypothesis'] },
  quote: { schema: proofQuoteSchema, body: false, untranslated: ['person', 'company', 'permission'] },
  logo: { schema: proofLogoSchema, body: false, untranslated: ['company', 'image'] },
  figure: { schema: proofFigureSchema, body: false, untranslated: ['customer', 'source'] },
  certification: { schema: proofCertificationSchema, body: false, untranslated: ['name', 'issuer'] },
};

export function isTranslatableKind(kind: string): kind is TranslatableKind {
  return kind in KINDS;
}

export function originalSchemaOf(kind: TranslatableKind): z.ZodType {
  return KINDS[kind].schema;
}

export function hasBody(kind: TranslatableKind): boolean {
  return KINDS[kind].body;
}

type AnyDef = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; format?: string; checks?: unknown[]; check?: string };

function zodOf(schema: z.ZodType): { def: AnyDef; bag: { format?: string; patterns?: Set<RegExp> } } {
  return (schema as unknown as { _zod: { def: AnyDef; bag: { format?: string; patterns?: Set<RegExp> } } })._zod;
}

/** Follows optional, default, prefault and pipe wrappers to the schema that does the work. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = zodOf(current).def;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Free text: a string with no format (date, address) and no pattern (ids, codes). */
export function isTextSchema(schema: z.ZodType): boolean {
  const { def } = zodOf(unwrapSchema(schema));
  return def.type === 'string' && !def.format && !(def.checks ?? []).some((check) => zodOf(check as z.ZodType).def.check === 'string_format');
}

/** The format of a string schema (date, url…), if it has one. */
export function schemaFormat(schema: z.ZodType): string | undefined {
  const { def } = zodOf(unwrapSchema(schema));
  return def.format;
}

/** The type of a schema after its wrappers: object, array, string, number, enum… */
export function schemaType(schema: z.ZodType): string {
  return zodOf(unwrapSchema(schema)).def.type;
}

/** The fields of an object schema, the element of an array schema. */
export function schemaParts(schema: z.ZodType): { shape?: Record<string, z.ZodType>; element?: z.ZodType } {
  const def = zodOf(unwrapSchema(schema)).def;
  return { shape: def.type === 'object' ? def.shape : undefined, element: def.type === 'array' ? def.element : undefined };
}

const shapes = new Map<TranslatableKind, TextShape | undefined>();

/** The translatable part of a kind's schema; undefined when the kind has no text a visitor reads in its fields. */
export function textShapeOf(kind: TranslatableKind): TextShape | undefined {
  if (!shapes.has(kind)) shapes.set(kind, deriveShape(KINDS[kind].schema, '', new Set(KINDS[kind].untranslated)));
  return shapes.get(kind);
}

/** Whether the field at a dotted path (list indices left out) is one a translation leaves alone. */
export function isUntranslated(kind: TranslatableKind, dotted: string): boolean {
  return KINDS[kind].untranslated.some((u) => dotted === u || dotted.startsWith(`${u}.`));
}

function deriveShape(schema: z.ZodType, path: string, untranslated: Set<string>): TextShape | undefined {
  if (untranslated.has(path)) return undefined;
  const { shape, element } = schemaParts(schema);
  if (shape) {
    const fields: Record<string, TextShape> = {};
    for (const [key, child] of Object.entries(shape)) {
      const derived = deriveShape(child, path ? `${path}.${key}` : key, untranslated);
      if (derived) fields[key] = derived;
    }
    return Object.keys(fields).length ? { type: 'object', fields, known: Object.keys(shape) } : undefined;
  }
  if (element) {
    const item = deriveShape(element, path, untranslated);
    if (!item) return undefined;
    const identity = IDENTITY_KEYS.find((key) => schemaParts(element).shape?.[key]);
    return identity ? { type: 'array', item, identity } : { type: 'array', item };
  }
  return isTextSchema(schema) ? { type: 'text', schema: unwrapSchema(schema) } : undefined;
}

/**
 * The zod schema of a kind's translation file: its text fields, each optional (a field left out is
 * reported as missing by the check, with the page that needs it), with the original's limits.
 */
export function translationSchemaOf(kind: TranslatableKind): z.ZodType {
  const shape = textShapeOf(kind);
  const stamp = z.string().regex(STAMP_PATTERN, { error: 'expected the 12-character stamp that npm run translations -- --stamp writes' }).optional().describe('Written by npm run translations -- --stamp after review: the hash of the original’s text this translation matches.');
  const fields = shape?.type === 'object' ? Object.fromEntries(Object.entries(shape.fields).map(([key, child]) => [key, zodFromShape(child).optional()])) : {};
  return z.object({ [STAMP_FIELD]: stamp, ...fields });
}

function zodFromShape(shape: TextShape): z.ZodType {
  switch (shape.type) {
    case 'text':
      return shape.schema;
    case 'array':
      return z.array(shape.identity ? (zodFromShape(shape.item) as z.ZodObject).extend({ [shape.identity]: z.string().optional() }) : zodFromShape(shape.item));
    case 'object':
      return z.object(Object.fromEntries(Object.entries(shape.fields).map(([key, child]) => [key, zodFromShape(child).optional()])));
  }
}

/** The text of an entry in canonical form: only translatable fields, keys sorted, lists in order. */
export function textOf(shape: TextShape | undefined, value: unknown): unknown {
  if (!shape || value === undefined || value === null) return undefined;
  switch (shape.type) {
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'array':
      return Array.isArray(value) ? value.map((item) => textOf(shape.item, item) ?? null) : undefined;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape.fields).sort()) {
        const text = textOf(shape.fields[key]!, (value as Record<string, unknown>)[key]);
        if (text !== undefined) out[key] = text;
      }
      return out;
    }
  }
}

/**
 * The stamp of an original: a short hash of its text fields and its body. Figures, dates, ids and
 * statuses are not part of it, so changing them never makes a translation stale.
 */
export function textHash(kind: TranslatableKind, data: unknown, body?: string): string {
  const text = JSON.stringify(textOf(textShapeOf(kind), data) ?? {});
  return createHash('sha256').update(text).update('\0').update(hasBody(kind) ? (body ?? '').trim() : '').digest('hex').slice(0, 12);
}

/** A translated field the original has but the translation leaves out, as a path into the data. */
export type FieldPath = (string | number)[];

/**
 * The text fields of the original that the translation does not translate. A group or list left out
 * entirely counts once, by its own name.
 */
export function missingText(shape: TextShape | undefined, original: unknown, translation: unknown, path: FieldPath = []): FieldPath[] {
  if (!shape || original === undefined || original === null) return [];
  if (translation === undefined || translation === null) return isEmpty(shape, original) || isLanguageNeutral(shape, original) ? [] : [path];
  switch (shape.type) {
    case 'text':
      return [];
    case 'array':
      if (!Array.isArray(original) || !Array.isArray(translation)) return [];
      return original.flatMap((item, i) => missingText(shape.item, item, translation[i], [...path, i]));
    case 'object':
      return Object.entries(shape.fields).flatMap(([key, child]) => missingText(child, (original as Record<string, unknown>)[key], (translation as Record<string, unknown>)[key], [...path, key]));
  }
}

/**
 * A currency code in a text field (a threshold's or a figure's `unit: EUR`) reads the same in every
 * language: the formatter places it, so a translation may leave it out.
 */
function isLanguageNeutral(shape: TextShape, value: unknown): boolean {
  return shape.type === 'text' && typeof value === 'string' && isCurrencyCode(value);
}

/** An empty list, or a group with no text in it, needs no translation. */
function isEmpty(shape: TextShape, value: unknown): boolean {
  return !hasText(textOf(shape, value));
}

/** Whether canonical text (from {@link textOf}) holds any text at all. */
export function hasText(text: unknown): boolean {
  if (typeof text === 'string') return true;
  if (Array.isArray(text)) return text.some(hasText);
  if (typeof text === 'object' && text !== null) return Object.values(text).some(hasText);
  return false;
}

/**
 * The original's data with the translation's text over it. Lists merge item by item (item i of the
 * translation is item i of the original); every figure, date and id comes from the original.
 */
export function mergeText<T>(shape: TextShape | undefined, original: T, translation: unknown): T {
  if (!shape || translation === undefined || translation === null || original === undefined || original === null) return original;
  switch (shape.type) {
    case 'text':
      return (typeof translation === 'string' ? translation : original) as T;
    case 'array':
      if (!Array.isArray(original) || !Array.isArray(translation)) return original;
      return original.map((item, i) => mergeText(shape.item, item, translation[i])) as T;
    case 'object': {
      if (typeof original !== 'object' || Array.isArray(original)) return original;
      const out = { ...(original as Record<string, unknown>) };
      for (const [key, child] of Object.entries(shape.fields)) {
        if (key in out) out[key] = mergeText(child, out[key], (translation as Record<string, unknown>)[key]);
      }
      return out as T;
    }
  }
}

/**
 * The text of a translation file with its stamp set to `hash`: the `translationOf:` line replaced,
 * or added as the first field (inside the front matter of a Markdown file). Nothing else changes.
 */
export function withStamp(text: string, hash: string, markdown: boolean): string {
  // Quoted: a hash such as 123e45678901 would otherwise be read as a number.
  const line = `${STAMP_FIELD}: "${hash}"`;
  const existing = new RegExp(`^${STAMP_FIELD}:[^\\n]*$`, 'm');
  if (markdown) {
    const open = /^---[ \t]*\r?\n/.exec(text);
    if (!open) return text;
    const end = text.slice(open[0].length).search(/^---[ \t]*$/m);
    const front = end < 0 ? text.slice(open[0].length) : text.slice(open[0].length, open[0].length + end);
    const rest = end < 0 ? '' : text.slice(open[0].length + end);
    const stamped = existing.test(front) ? front.replace(existing, line) : `${line}\n${front}`;
    return `${open[0]}${stamped}${rest}`;
  }
  return existing.test(text) ? text.replace(existing, line) : `${line}\n${text}`;
}
