import { formatFieldPath, formatLocation, type Diagnostic } from '../diagnostics.ts';
import {
  hasBody,
  isUntranslated,
  originalSchemaOf,
  schemaFormat,
  schemaParts,
  schemaType,
  STAMP_FIELD,
  textHash,
  textShapeOf,
  translationSchemaOf,
  missingText,
  type FieldPath,
  type TextShape,
  type TranslatableKind,
} from '../i18n/translations.ts';
import { languageName } from '../i18n/locales.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { scanOverrideSections, type OverrideSection } from './mdx-sections.ts';
import { validate } from './validate.ts';
import { parseYaml, type Locator } from './yaml.ts';

/** The Markdown or MDX body, as a field name in messages. */
export const BODY_FIELD = '(body)';

/** A translation file (`<original without extension>.<locale>.<ext>`), read and checked against its original. */
export interface TranslationEntry {
  kind: TranslatableKind;
  /** The original's id. */
  id: string;
  locale: string;
  file: string;
  /** The original's file. */
  original: string;
  /** The translated text, in the original's structure; never a figure, date or id. */
  data: Record<string, unknown>;
  /** `translationOf`: the hash of the original's text this translation was reviewed against; absent when never stamped. */
  stamp?: string;
  /** The hash of the original's text now: a stamp that differs is stale. */
  current: string;
  body?: string;
  bodyLine?: number;
  /** MDX overrides and variants: the `<Section>` blocks of the translated body. */
  sections?: OverrideSection[];
  locate: Locator;
  /** Text fields of the original this file leaves out ([BODY_FIELD] for the body). */
  missing: FieldPath[];
}

/** A file whose name carries a locale suffix, waiting for its original to be loaded. */
export interface TranslationCandidate {
  file: string;
  locale: string;
  kind: TranslatableKind;
  id: string;
  original: string;
  text: string;
}

/** The original entry a translation is checked against. */
export interface OriginalEntry {
  file: string;
  data: unknown;
  locate: Locator;
  body?: string;
  sections?: OverrideSection[];
}

/**
 * `segments/eu-due-diligence.de.yaml` → the original `segments/eu-due-diligence.yaml` and locale `de`.
 * Ids never carry a dot, so a dot before the extension always marks a translation.
 */
export function splitTranslationName(file: string): { original: string; locale: string } | undefined {
  const match = /^(.*\/)?([^/.]+)\.([^/.]+)\.(ya?ml|md|mdx|json)$/.exec(file);
  if (!match) return undefined;
  return { original: `${match[1] ?? ''}${match[2]}.${match[4]}`, locale: match[3]! };
}

/** Reads one translation file and checks that it holds only its original's text, item for item. */
export function parseTranslation(candidate: TranslationCandidate, original: OriginalEntry): { entry?: TranslationEntry; diagnostics: Diagnostic[] } {
  const { file, kind } = candidate;
  const diagnostics: Diagnostic[] = [];
  let value: unknown;
  let locate: Locator;
  let body: string | undefined;
  let bodyLine: number | undefined;
  if (hasBody(kind)) {
    const parsed = parseFrontmatter(file, candidate.text);
    if (!parsed.ok) return { diagnostics: parsed.diagnostics };
    value = parsed.data;
    locate = parsed.locate;
    body = parsed.body;
    bodyLine = parsed.bodyLine;
  } else {
    const parsed = parseYaml(file, candidate.text);
    if (!parsed.ok) return { diagnostics: parsed.diagnostics };
    value = parsed.value ?? {};
    locate = parsed.locate;
  }

  const shape = textShapeOf(kind);
  const walker = new StructureWalker(candidate, original, locate, diagnostics);
  walker.walk(originalSchemaOf(kind), shape, value, original.data, [], undefined);
  if (diagnostics.length) return { diagnostics };

  const checked = validate(translationSchemaOf(kind), value, file, locate);
  if (!checked.ok) return { diagnostics: checked.diagnostics.map((d) => ({ ...d, rule: 'translation' })) };
  const { [STAMP_FIELD]: stamp, ...data } = checked.data as Record<string, unknown>;

  let sections: OverrideSection[] | undefined;
  if ((kind === 'page' || kind === 'variant') && body !== undefined && body.trim() !== '') {
    const scan = scanOverrideSections(file, body, bodyLine!);
    diagnostics.push(...scan.diagnostics);
    if (!scan.ok) return { diagnostics };
    sections = scan.sections;
    const want = (original.sections ?? []).map((s) => s.name).join(', ');
    const have = sections.map((s) => s.name).join(', ');
    if (want !== have) {
      diagnostics.push({
        severity: 'error',
        rule: 'translation-mismatch',
        file,
        line: bodyLine,
        column: 1,
        field: BODY_FIELD,
        message: `replaces the sections ${have || 'none'}, but ${original.file} replaces ${want || 'none'}`,
        hint: `Translate each <Section name="…"> block of ${original.file}, in the same order, and no other.`,
      });
      return { diagnostics };
    }
  }

  const missing = missingText(shape, original.data, data);
  if (hasBody(kind) && (original.body ?? '').trim() !== '' && (body ?? '').trim() === '') missing.push([BODY_FIELD]);
  const entry: TranslationEntry = {
    kind,
    id: candidate.id,
    locale: candidate.locale,
    file,
    original: original.file,
    data,
    ...(typeof stamp === 'string' ? { stamp } : {}),
    current: textHash(kind, original.data, original.body),
    ...(body !== undefined ? { body, bodyLine } : {}),
    ...(sections ? { sections } : {}),
    locate,
    missing,
  };
  return { entry, diagnostics };
}

/** Walks a translation beside its original's schema and data: what is not text, or not the original's structure, is named. */
class StructureWalker {
  private readonly candidate: TranslationCandidate;
  private readonly original: OriginalEntry;
  private readonly locate: Locator;
  private readonly diagnostics: Diagnostic[];

  constructor(candidate: TranslationCandidate, original: OriginalEntry, locate: Locator, diagnostics: Diagnostic[]) {
    this.candidate = candidate;
    this.original = original;
    this.locate = locate;
    this.diagnostics = diagnostics;
  }

  walk(schema: Parameters<typeof schemaParts>[0], shape: TextShape | undefined, value: unknown, original: unknown, path: FieldPath, identity: string | undefined): void {
    const { shape: fields, element } = schemaParts(schema);
    if (fields) {
      if (!isRecord(value)) {
        if (value !== null && value !== undefined) this.error(path, 'translation', `expected a group of fields, as in ${this.originalAt(path)}`, 'Copy the structure of the original and translate the text in it.');
        return;
      }
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        if (path.length === 0 && key === STAMP_FIELD) continue;
        if (identity === key) {
          const want = isRecord(original) ? original[key] : undefined;
          if (child !== want) this.mismatchedId(path, child, want);
          continue;
        }
        const childSchema = fields[key];
        if (!childSchema) {
          const known = shape?.type === 'object' ? Object.keys(shape.fields) : [];
          this.error(at, 'translation', `unknown field "${key}"`, known.length ? `Fields translated here: ${known.join(', ')}.` : `Nothing here is translated; remove "${key}".`, true);
          continue;
        }
        const childShape = shape?.type === 'object' ? shape.fields[key] : undefined;
        if (!childShape) {
          this.notTranslated(at, childSchema);
          continue;
        }
        const originalValue = isRecord(original) ? original[key] : undefined;
        if (originalValue === undefined || originalValue === null) {
          this.error(at, 'translation-orphan', `${this.original.file} has no ${formatFieldPath(at)}, so there is nothing to translate`, `Remove it here, or write it in ${this.original.file} first.`, true);
          continue;
        }
        this.walk(childSchema, childShape, child, originalValue, at, undefined);
      }
      if (identity && isRecord(original) && original[identity] !== undefined && !(identity in value)) this.mismatchedId(path, undefined, original[identity]);
      return;
    }
    if (element && shape?.type === 'array') {
      if (!Array.isArray(value)) {
        if (value !== null && value !== undefined) this.error(path, 'translation', `expected a list, as in ${this.originalAt(path)}`, 'Write each translated item on its own line starting with "- ", in the order of the original.');
        return;
      }
      if (!Array.isArray(original)) return;
      if (value.length !== original.length) {
        this.error(
          path,
          'translation-mismatch',
          `has ${plural(value.length, 'item')}, but ${formatFieldPath(path)} in ${this.originalAt(path)} has ${original.length}: a translation keeps the original's list, item for item`,
          value.length < original.length ? `Translate every item of the original, in its order: ${original.length - value.length} ${original.length - value.length === 1 ? 'is' : 'are'} missing here.` : `Delete the ${value.length - original.length} extra ${value.length - original.length === 1 ? 'item' : 'items'}: add new items to ${this.original.file} first.`,
        );
      }
      value.forEach((item, i) => {
        if (i < original.length) this.walk(element, shape.item, item, original[i], [...path, i], shape.identity);
      });
    }
  }

  private mismatchedId(path: FieldPath, have: unknown, want: unknown): void {
    const item = path.at(-1);
    const list = formatFieldPath(path.slice(0, -1));
    this.error(
      [...path, 'id'],
      'translation-mismatch',
      have === undefined ? `item ${Number(item) + 1} of ${list} names no id, but the original's item ${Number(item) + 1} in ${this.originalAt(path)} is "${String(want)}"` : `is "${String(have)}", but item ${Number(item) + 1} of ${list} in ${this.originalAt(path)} is "${String(want)}"`,
      `Keep the original's order and repeat each item's id (id: ${String(want)}): item ${Number(item) + 1} here translates item ${Number(item) + 1} there.`,
    );
  }

  private notTranslated(path: FieldPath, schema: Parameters<typeof schemaType>[0]): void {
    const field = String(path.at(-1));
    const dotted = path.filter((p) => typeof p === 'string').join('.');
    const type = schemaType(schema);
    const what = isUntranslated(this.candidate.kind, dotted)
      ? `it is kept as written in ${this.original.file} for every language`
      : type === 'number' || type === 'int'
        ? `figures come from ${this.original.file}`
        : schemaFormat(schema) === 'date'
          ? `dates and figures come from ${this.original.file}`
          : `ids, statuses, addresses and settings come from ${this.original.file}`;
    this.error(path, 'translation-field', `"${field}" is not translated: ${what}; remove it here`, `A translation holds only the text a visitor reads; ${languageName(this.candidate.locale)} pages take everything else from the original.`, true);
  }

  private originalAt(path: FieldPath): string {
    const at = this.original.locate.at(path);
    return formatLocation({ file: this.original.file, line: at?.line });
  }

  private error(path: FieldPath, rule: string, message: string, hint: string, atKey = false): void {
    const parent = path.slice(0, -1);
    const last = path.at(-1);
    const at = (atKey && typeof last === 'string' ? this.locate.key(parent, last) : undefined) ?? this.locate.at(path);
    this.diagnostics.push({ severity: 'error', rule, file: this.candidate.file, line: at?.line, column: at?.column, field: formatFieldPath(path) || undefined, message, hint });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
