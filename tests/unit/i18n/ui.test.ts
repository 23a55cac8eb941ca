import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { composeLandingPage } from '../../../src/lib/compose/landing.ts';
import { createComposeContext } from '../../../src/lib/compose/context.ts';
import { de } from '../../../src/lib/i18n/ui-de.ts';
import { en } from '../../../src/lib/i18n/ui-en.ts';
import { builtInUi, fill, placeholdersOf, UI_KEYS, uiStringsFor } from '../../../src/lib/i18n/ui.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import type { LandingView } from '../../../src/lib/compose/types.ts';
import { build, edit, fixture, messages, withFiles } from '../helpers.ts';

const keysOf = (dictionary: object) => Object.entries(dictionary).flatMap(([group, texts]) => Object.keys(texts as object).map((key) => `${group}.${key}`));
const textOf = (dictionary: object, key: string) => {
  const [group, name] = key.split('.') as [string, string];
  return (dictionary as Record<string, Record<string, string>>)[group]![name]!;
};

/** The composition fixture with its site in another language. */
const inLanguage = (language: string, extra: Record<string, string | null> = {}) =>
  withFiles(edit(fixture('composition'), 'content/site.yaml', 'basePath: /solutions/\n', `basePath: /solutions/\nlanguage: ${language}\n`), extra);

/** `en` without some keys, as a site would write it in YAML. */
function dictionaryWithout(...left: string[]): string {
  const copy = JSON.parse(JSON.stringify(en)) as Record<string, Record<string, string>>;
  for (const key of left) {
    const [group, name] = key.split('.') as [string, string];
    delete copy[group]![name];
  }
  return stringify(copy);
}

describe('built-in interface text', () => {
  it('has the same keys in English and German', () => {
    expect(keysOf(de)).toEqual(keysOf(en));
    expect(UI_KEYS).toEqual(keysOf(en));
  });

  it('gives each German text the placeholders of the English one, and leaves no text empty that English fills', () => {
    for (const key of UI_KEYS) {
      expect(placeholdersOf(textOf(de, key)).sort(), key).toEqual(placeholdersOf(textOf(en, key)).sort());
      if (textOf(en, key) !== '') expect(textOf(de, key), key).not.toBe('');
    }
  });

  it('finds a dictionary by language and region', () => {
    expect(builtInUi('en')).toBe(en);
    expect(builtInUi('en-US')).toBe(en);
    expect(builtInUi('de-AT')).toBe(de);
    expect(builtInUi('fr')).toBeUndefined();
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fill('Questions and answers: {segment}', { segment: 'Field teams' })).toBe('Questions and answers: Field teams');
    expect(fill('{n} hours, {x}', { n: 72 })).toBe('72 hours, {x}');
  });
});

describe('content/ui/<locale>.yaml', () => {
  it('replaces the built-in text of the keys it names and keeps the rest', () => {
    const files = withFiles(fixture('composition'), { 'content/ui/en.yaml': 'landing:\n  faqHeading: Questions field teams ask\nchrome:\n  home: Start\n' });
    const site = build(files);
    const view = site.routes.find((r) => r.path === '/field-teams/ops-lead/')!.view as LandingView;
    expect(view.chrome.ui.landing.faqHeading).toBe('Questions field teams ask');
    expect(view.chrome.ui.landing.painsHeading).toBe('The problems we hear most');
    expect(view.meta.breadcrumbs[0]!.label).toBe('Start');
    expect(view.chrome.nav[0]!.label).toBe('Start');
  });

  it('applies to the locale it is named for, whatever the case', () => {
    const { project } = parseProject(withFiles(fixture('composition'), { 'content/ui/de-AT.yaml': 'form:\n  sending: Wird übermittelt …\n' }));
    expect(uiStringsFor('de-at', project.ui).form.sending).toBe('Wird übermittelt …');
    expect(uiStringsFor('de-AT', project.ui).form.name).toBe(de.form.name);
    expect(uiStringsFor('de', project.ui).form.sending).toBe(de.form.sending);
  });

  it('refuses an unknown key and a placeholder the text does not take', () => {
    const files = withFiles(fixture('composition'), { 'content/ui/en.yaml': 'landing:\n  faqHeadng: Questions\nmeta:\n  faqTitle: "Q&A: {segmnet}"\n' });
    const text = messages(files);
    expect(text).toContain('content/ui/en.yaml:2:3 landing.faqHeadng');
    expect(text).toContain('content/ui/en.yaml:4:3 meta.faqTitle: unknown placeholder {segmnet}: this text can use {segment}');
  });

  it('warns about a file for a locale the site does not publish in', () => {
    const text = messages(withFiles(fixture('composition'), { 'content/ui/fr.yaml': 'form:\n  sending: Envoi…\n' }));
    expect(text).toContain('content/ui/fr.yaml:1 warning: the site does not publish in "fr", so this file is never read');
    expect(text).toContain('hint: Name the file after one of the site\'s locales (en), or add "fr" to `locales` in content/site.yaml.');
  });
});

describe('a locale with no built-in dictionary', () => {
  it('is an error at the site\'s language until content/ui/<locale>.yaml exists, listing every key', () => {
    const text = messages(inLanguage('fr'));
    expect(text).toContain(`content/site.yaml:4:1 the locale "fr" has no built-in interface text, and there is no content/ui/fr.yaml: ${UI_KEYS.join(', ')}`);
    expect(text).toContain('hint: Write content/ui/fr.yaml with every key (the English texts are in src/lib/i18n/ui-en.ts), or publish in a locale with a built-in dictionary: en, de.');
  });

  it('names the keys an incomplete file lacks', () => {
    const text = messages(inLanguage('fr', { 'content/ui/fr.yaml': dictionaryWithout('form.sending', 'regulationStatus.in-force') }));
    expect(text).toContain(`content/ui/fr.yaml:1:1 the locale "fr" has no built-in interface text, and this file lacks 2 of its ${UI_KEYS.length} keys: form.sending, regulationStatus.in-force`);
    expect(text).toContain('hint: Add the missing keys to content/ui/fr.yaml');
  });

  it('builds once the file is complete, in its words', () => {
    const site = build(inLanguage('fr', { 'content/ui/fr.yaml': dictionaryWithout().replace('Questions buyers ask', 'Les questions des acheteurs') }));
    const view = site.routes.find((r) => r.path === '/field-teams/ops-lead/')!.view as LandingView;
    expect(view.chrome.ui.landing.faqHeading).toBe('Les questions des acheteurs');
  });
});

describe('a landing page composed in German', () => {
  // A site written in German: its default locale is de, so no translation files are involved.
  const { project } = parseProject(inLanguage('de'));
  const ctx = createComposeContext(project, project.site!.data, 'test');
  const view = composeLandingPage(ctx, 'field-teams', 'ops-lead');

  it('carries the German interface text and headings', () => {
    expect(ctx.locale).toBe('de');
    expect(view.chrome.ui.landing.painsHeading).toBe('Die Probleme, von denen wir am häufigsten hören');
    expect(view.chrome.ui.regulations.heading).toBe('Geltende Vorschriften');
    expect(view.chrome.ui.landing.faqHeading).toBe('Häufige Fragen');
    expect(view.chrome.nav.map((l) => l.label)).toEqual(['Startseite', 'Lösungen']);
    expect(view.meta.breadcrumbs[0]!.label).toBe('Startseite');
  });

  it('words the composed text, dates and numbers in German', () => {
    expect(view.why.audience).toMatch(/^Für Sie als .+ geschrieben: Sie /);
    const regulation = view.regulations[0]!;
    expect(regulation.keyDates.map((d) => d.dateLabel).every((label) => /^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}$/.test(label))).toBe(true);
    expect(regulation.thresholds.map((t) => t.value).join(' ')).toMatch(/^(mehr als|mindestens|weniger als|ab) /);
    expect(regulation.lastVerifiedLabel).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}$/);
  });
});
