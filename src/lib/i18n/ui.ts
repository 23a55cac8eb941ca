import type { Diagnostic } from '../diagnostics.ts';
import type { Entry, Project } from '../load/project.ts';
import { placeholdersOf, type UiOverride } from '../schemas/ui.ts';
import { de } from './ui-de.ts';
import { en } from './ui-en.ts';

/**
 * Every word a visitor reads that is not content, for one locale: the shape of the English
 * dictionary (src/lib/i18n/ui-en.ts), group by group. Components and composers take text only from
 * here; `fill` puts the values into a text's `{name}` placeholders.
 */
export type UiStrings = { [G in keyof typeof en]: { [K in keyof (typeof en)[G]]: string } };

/** The dictionaries that ship with the generator, by primary language subtag. */
export const BUILT_IN_UI: Readonly<Record<string, UiStrings>> = { en, de };

/** `chrome.home`, `regulationStatus.in-force`, …: every key of the English dictionary, in its order. */
export const UI_KEYS: readonly string[] = Object.entries(en).flatMap(([group, texts]) => Object.keys(texts).map((key) => `${group}.${key}`));

/** The built-in dictionary of a locale: its own (`de`), else its language's (`de-AT` → `de`); undefined when there is none. */
export function builtInUi(locale: string): UiStrings | undefined {
  const lower = locale.toLowerCase();
  return BUILT_IN_UI[lower] ?? BUILT_IN_UI[lower.split('-')[0]!];
}

/** The site's override file for a locale (`content/ui/de.yaml`; the locale's case does not matter). */
export function uiOverrideFor(locale: string, overrides: Project['ui']): Entry<UiOverride> | undefined {
  return overrides.get(locale) ?? [...overrides.values()].find((entry) => entry.id.toLowerCase() === locale.toLowerCase());
}

/**
 * The interface text of a locale: the built-in dictionary with the site's `content/ui/<locale>.yaml`
 * over it. A locale with neither falls back to English key by key, which the check reports as an error
 * first (`checkUiStrings`), so no page is ever built with it.
 */
export function uiStringsFor(locale: string, overrides: Project['ui'] = new Map()): UiStrings {
  const base = builtInUi(locale) ?? en;
  const override = uiOverrideFor(locale, overrides)?.data;
  if (!override) return base;
  return Object.fromEntries(Object.entries(base).map(([group, texts]) => [group, { ...texts, ...definedTexts(override[group as keyof UiStrings]) }])) as UiStrings;
}

function definedTexts(texts: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(texts ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Puts values into a text's placeholders: `fill('Questions and answers: {segment}', { segment: 'Mid-market' })`. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Each locale the site publishes in needs interface text: a built-in dictionary, or a complete
 * `content/ui/<locale>.yaml`. An override file for a locale the site does not publish in is never read.
 */
export function checkUiStrings(project: Project, locales: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const site = project.site;
  // A project assembled by hand (in tests, or before the loader knew these files) may have no map.
  const overrides: Project['ui'] = project.ui ?? new Map();
  for (const [index, locale] of locales.entries()) {
    if (builtInUi(locale)) continue;
    const entry = uiOverrideFor(locale, overrides);
    const missing = UI_KEYS.filter((key) => {
      const [group, name] = key.split('.') as [keyof UiStrings, string];
      return (entry?.data[group] as Record<string, string | undefined> | undefined)?.[name] === undefined;
    });
    if (missing.length === 0) continue;
    const file = entry?.file ?? site?.file ?? 'content/site.yaml';
    const at = entry ? entry.locate.at([]) : index === 0 ? site?.locate.at(['language']) : site?.locate.at(['locales', index - 1]);
    diagnostics.push({
      severity: 'error',
      rule: 'ui-strings',
      file,
      line: at?.line ?? 1,
      ...(at ? { column: at.column } : {}),
      message: `the locale "${locale}" has no built-in interface text, and ${entry ? `this file lacks ${missing.length} of its ${UI_KEYS.length} keys` : `there is no content/ui/${locale}.yaml`}: ${missing.join(', ')}`,
      hint: `${entry ? `Add the missing keys to ${entry.file}` : `Write content/ui/${locale}.yaml with every key`} (the English texts are in src/lib/i18n/ui-en.ts), or publish in a locale with a built-in dictionary: ${Object.keys(BUILT_IN_UI).join(', ')}.`,
    });
  }
  const published = new Set(locales.map((l) => l.toLowerCase()));
  for (const entry of overrides.values()) {
    if (published.has(entry.id.toLowerCase())) continue;
    diagnostics.push({
      severity: 'warning',
      rule: 'ui-strings',
      file: entry.file,
      line: 1,
      message: `the site does not publish in "${entry.id}", so this file is never read`,
      hint: `Name the file after one of the site's locales (${locales.join(', ')}), or add "${entry.id}" to \`locales\` in content/site.yaml.`,
    });
  }
  return diagnostics;
}

export { placeholdersOf };
