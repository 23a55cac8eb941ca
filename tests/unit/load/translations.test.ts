import { describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { splitTranslationName } from '../../../src/lib/load/translations.ts';
import { edit, fixture, withFiles } from '../helpers.ts';

/** The fixture `i18n`: an English site with German translations of one segment and what it shows. */
const i18n = fixture('i18n');

function problems(files: ReturnType<typeof fixture>): string {
  return formatDiagnosticsText(parseProject(files).diagnostics);
}

describe('translation file names', () => {
  it('put the locale before the extension of the original', () => {
    expect(splitTranslationName('segments/eu-due-diligence.de.yaml')).toEqual({ original: 'segments/eu-due-diligence.yaml', locale: 'de' });
    expect(splitTranslationName('content/variants/a/b/short.de-AT.mdx')).toEqual({ original: 'content/variants/a/b/short.mdx', locale: 'de-AT' });
    expect(splitTranslationName('content/personas/cpo.md')).toBeUndefined();
  });
});

describe('loading translations', () => {
  it('reads every translation of the fixture with its stamp and nothing missing', () => {
    const { project, diagnostics } = parseProject(i18n);
    expect(diagnostics).toEqual([]);
    expect(project.translations.map((t) => `${t.kind}:${t.id}:${t.locale}`).sort()).toEqual([
      'faq:how-long:de',
      'persona:controller:de',
      'regulation:vat-records:de',
      'segment:small-finance:de',
      'site:site:de',
      'variant:small-finance/controller/short-form:de',
      'vertical:finance-software:de',
    ]);
    expect(project.translations.every((t) => t.stamp === t.current && t.missing.length === 0)).toBe(true);
  });

  it('refuses a figure, a date or a status in a translation: they come from the original', () => {
    const files = edit(i18n, 'content/regulations/vat-records.de.yaml', 'keyDates:\n  - label:', 'keyDates:\n  - date: 2019-04-02\n    label:');
    expect(problems(edit(files, 'segments/small-finance.de.yaml', 'name:', 'status: draft\nname:'))).toMatchInlineSnapshot(`
      "content/regulations/vat-records.de.yaml:9:5 keyDates[0].date: "date" is not translated: dates and figures come from content/regulations/vat-records.yaml; remove it here
          hint: A translation holds only the text a visitor reads; German pages take everything else from the original.
      segments/small-finance.de.yaml:2:1 status: "status" is not translated: ids, statuses, addresses and settings come from segments/small-finance.yaml; remove it here
          hint: A translation holds only the text a visitor reads; German pages take everything else from the original."
    `);
  });

  it('says a threshold figure is a figure', () => {
    const files = edit(i18n, 'content/regulations/vat-records.de.yaml', '    unit: GBP', '    unit: GBP\n    value: 90000');
    expect(problems(files)).toContain('thresholds[0].value: "value" is not translated: figures come from content/regulations/vat-records.yaml; remove it here');
  });

  it('refuses a list of another length, naming both files and lines', () => {
    const files = edit(i18n, 'content/personas/controller.de.md', 'goals:\n  - Den Abschluss in fünf Tagen schaffen', 'goals:\n  - Den Abschluss in fünf Tagen schaffen\n  - Noch ein Ziel');
    expect(problems(files)).toMatchInlineSnapshot(`
      "content/personas/controller.de.md:7:1 goals: has 2 items, but goals in content/personas/controller.md:7 has 1: a translation keeps the original's list, item for item
          hint: Delete the 1 extra item: add new items to content/personas/controller.md first."
    `);
  });

  it('refuses a list item that names another id than the original item', () => {
    const files = edit(i18n, 'content/verticals/finance-software.de.yaml', '  - id: slow-close', '  - id: late-close');
    expect(problems(files)).toMatchInlineSnapshot(`
      "content/verticals/finance-software.de.yaml:5:5 painPoints[0].id: is "late-close", but item 1 of painPoints in content/verticals/finance-software.yaml:4 is "slow-close"
          hint: Keep the original's order and repeat each item's id (id: slow-close): item 1 here translates item 1 there."
    `);
  });

  it('refuses a list item that repeats no id', () => {
    const files = edit(i18n, 'content/verticals/finance-software.de.yaml', '  - id: slow-close\n    title:', '  - title:');
    expect(problems(files)).toContain('painPoints[0].id: item 1 of painPoints names no id, but the original\'s item 1 in content/verticals/finance-software.yaml:4 is "slow-close"');
  });

  it('refuses a field the original does not have, and a field no file of the kind has', () => {
    const files = edit(i18n, 'content/personas/controller.de.md', 'goals:', 'headlne: Tippfehler\ncta2: x\ngoals:');
    const withPromise = edit(files, 'content/personas/controller.de.md', '  label: Zur Abschluss-Checkliste', '  label: Zur Abschluss-Checkliste\n  promise: Wir antworten heute.');
    expect(problems(withPromise)).toMatchInlineSnapshot(`
      "content/personas/controller.de.md:7:1 headlne: unknown field "headlne"
          hint: Fields translated here: name, shortName, headline, valueProposition, goals, pains, objections, cta.
      content/personas/controller.de.md:8:1 cta2: unknown field "cta2"
          hint: Fields translated here: name, shortName, headline, valueProposition, goals, pains, objections, cta.
      content/personas/controller.de.md:13:3 cta.promise: content/personas/controller.md has no cta.promise, so there is nothing to translate
          hint: Remove it here, or write it in content/personas/controller.md first."
    `);
  });

  it('refuses a locale suffix the site does not list, naming the locales it does', () => {
    const files = withFiles(i18n, { 'content/faqs/how-long.fr.md': '---\nquestion: Combien de temps ?\n---\nDeux semaines.\n', 'content/faqs/how-long.en.md': '---\nquestion: How long?\n---\nTwo weeks.\n' });
    expect(problems(files)).toMatchInlineSnapshot(`
      "content/faqs/how-long.en.md:1:1 "en" is the site's default language: content/faqs/how-long.md is already the English text
          hint: Delete content/faqs/how-long.en.md, or change content/faqs/how-long.md itself.
      content/faqs/how-long.fr.md:1:1 "fr" is not one of the site's locales, so this file is never used
          hint: Add fr to locales in content/site.yaml, or rename the file with one of its locales. The site's locales: de (content/site.yaml locales). Ids never contain a dot."
    `);
  });

  it('refuses a translation without an original', () => {
    const files = withFiles(i18n, { 'content/personas/cfo.de.md': '---\nname: Finanzvorstand\n---\n' });
    expect(problems(files)).toMatchInlineSnapshot(`
      "content/personas/cfo.de.md:1:1 translates content/personas/cfo.md, which does not exist
          hint: A translation sits beside its original with the same name and extension plus .de: rename it after an existing file, or delete it."
    `);
  });

  it('refuses a translation of settings that hold no visitor text', () => {
    expect(problems(withFiles(i18n, { 'content/workbench.de.yaml': 'columns: {}\n' }))).toContain('content/workbench.de.yaml:1:1 content/workbench.yaml is not translated: it holds settings, not text visitors read');
  });

  it('checks translated text against the original field’s own limits', () => {
    const files = edit(i18n, 'content/personas/controller.de.md', '  label: Zur Abschluss-Checkliste', `  label: ${'Sehr lang '.repeat(6)}`);
    expect(problems(files)).toContain('content/personas/controller.de.md:10:3 cta.label: must be at most 40 characters long');
  });

  it('refuses an override translation whose sections differ from the original', () => {
    const files = withFiles(i18n, {
      'content/pages/small-finance/controller.mdx': '---\nheadline: Close faster\n---\n<Section name="why">\nWhy us.\n</Section>\n',
      'content/pages/small-finance/controller.de.mdx': '---\nheadline: Schneller abschließen\n---\n<Section name="cta">\nJetzt.\n</Section>\n',
    });
    expect(problems(files)).toContain('content/pages/small-finance/controller.de.mdx:4:1 (body): replaces the sections cta, but content/pages/small-finance/controller.mdx replaces why');
  });

  it('reports a missing body as a missing field', () => {
    const files = edit(i18n, 'content/faqs/how-long.de.md', 'Die meisten Teams arbeiten nach zwei Wochen damit.\n', '');
    expect(parseProject(files).project.translations.find((t) => t.kind === 'faq')!.missing).toEqual([['(body)']]);
  });
});
