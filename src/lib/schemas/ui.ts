import { z } from 'zod';
import { en } from '../i18n/ui-en.ts';

/** The `{name}` placeholders of an interface text, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!);
}

/**
 * One interface text of an override file: any wording, with only the placeholders the English text
 * has, since nothing else is ever filled in (a misspelt `{segmnet}` would show as it is written).
 */
function textOf(english: string) {
  const allowed = placeholdersOf(english);
  const doc = allowed.length ? `English: "${english}" (placeholders: ${allowed.map((p) => `{${p}}`).join(', ')}).` : `English: "${english}".`;
  return z
    .string()
    .superRefine((value, ctx) => {
      const unknown = placeholdersOf(value).filter((p) => !allowed.includes(p));
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}: this text can use ${allowed.length ? allowed.map((p) => `{${p}}`).join(', ') : 'no placeholders'}`,
        });
      }
    })
    .optional()
    .describe(doc);
}

const groups = Object.fromEntries(
  Object.entries(en).map(([group, texts]) => [group, z.strictObject(Object.fromEntries(Object.entries(texts).map(([key, english]) => [key, textOf(english)]))).optional().describe(`Interface texts: ${group}.`)]),
);

/**
 * `content/ui/<locale>.yaml`: the site's own wording of the interface text in one locale (buttons,
 * form labels, section headings, the consent banner, status and unit words). Every key is optional
 * and replaces the built-in text of that locale; a locale with no built-in dictionary needs them all.
 */
export const uiOverrideSchema = z.strictObject(groups).describe('Interface text of one locale: any key replaces the built-in wording.');

/** A deep-partial `UiStrings`, as a site writes it. */
export type UiOverride = { [G in keyof typeof en]?: { [K in keyof (typeof en)[G]]?: string } };
