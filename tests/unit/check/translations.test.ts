import { describe, expect, it } from 'vitest';
import { checkTranslations, neededTranslations, translationFileOf, translationStatus } from '../../../src/lib/check/translations.ts';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { edit, fixture, withFiles } from '../helpers.ts';

/** The fixture `i18n`: an English site with German translations of one segment and what it shows, all stamped. */
const i18n = fixture('i18n');

function check(files: ReturnType<typeof fixture>, options: { strict?: boolean } = {}): string {
  const { project, diagnostics } = parseProject(files);
  expect(formatDiagnosticsText(diagnostics)).toBe('');
  return formatDiagnosticsText(checkTranslations(project, options));
}

describe('translations the pages of a locale need', () => {
  it('are the files the published German pages show', () => {
    const needed = neededTranslations(parseProject(i18n).project, 'de');
    expect(needed.map((n) => `${n.translation} ${n.page}`).sort()).toEqual([
      'content/faqs/how-long.de.md /de/small-finance/faq/',
      'content/personas/controller.de.md /de/small-finance/controller/',
      'content/regulations/vat-records.de.yaml /de/small-finance/',
      'content/site.de.yaml /de/',
      'content/variants/small-finance/controller/short-form.de.mdx /de/small-finance/controller/short-form/',
      'content/verticals/finance-software.de.yaml /de/small-finance/',
      'segments/small-finance.de.yaml /de/small-finance/',
    ]);
    expect(translationFileOf('content/faqs/how-long.md', 'de')).toBe('content/faqs/how-long.de.md');
  });

  it('are none when no segment is published in the locale', () => {
    expect(neededTranslations(parseProject(withFiles(i18n, { 'segments/small-finance.de.yaml': null })).project, 'de')).toEqual([]);
  });
});

describe('the translation check', () => {
  it('is quiet on complete, stamped translations', () => {
    expect(check(i18n)).toBe('');
    expect(check(i18n, { strict: true })).toBe('');
  });

  it('reports a missing translation of a file a published page shows as an error naming the page, the original and the file to add', () => {
    const diagnostics = checkTranslations(parseProject(withFiles(i18n, { 'content/personas/controller.de.md': null })).project);
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(formatDiagnosticsText(diagnostics)).toMatchInlineSnapshot(`
      "content/personas/controller.md:1:1 the German page /de/small-finance/controller/ shows content/personas/controller.md, which has no German translation: add content/personas/controller.de.md
          hint: Copy the text fields of content/personas/controller.md into content/personas/controller.de.md and translate them (figures, dates and ids stay in the original), then run npm run translations -- --stamp content/personas/controller.de.md."
    `);
  });

  it('does not report a translation that failed to load as missing too: its own problem is the one to fix', () => {
    const files = edit(i18n, 'content/personas/controller.de.md', 'valueProposition:', 'effectiveDate: 2026-01-01\nvalueProposition:');
    const { project, diagnostics } = parseProject(files);
    expect(formatDiagnosticsText(diagnostics)).toContain('content/personas/controller.de.md');
    expect(checkTranslations(project).filter((d) => d.rule === 'translation-missing')).toEqual([]);
  });

  it('reports a text field a translation leaves out as an error with its field', () => {
    const files = edit(i18n, 'content/personas/controller.de.md', 'valueProposition: Weniger lange Abende am Monatsende.\n', '');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/personas/controller.de.md:2:1 valueProposition: the German page /de/small-finance/controller/ shows valueProposition of content/personas/controller.md, which this translation leaves out
          hint: Translate valueProposition here: a field left out of a translation shows nothing."
    `);
  });

  it('reports a stale translation as a warning when the original’s text changes, and not when a figure or date does', () => {
    const text = edit(i18n, 'content/regulations/vat-records.yaml', 'summary: Businesses keep VAT records digitally.', 'summary: Businesses keep all VAT records digitally.');
    expect(check(text)).toMatchInlineSnapshot(`
      "content/regulations/vat-records.de.yaml:1:1 translationOf: warning: the text of content/regulations/vat-records.yaml changed since this German translation was stamped
          hint: Review the translation against the changes in content/regulations/vat-records.yaml (git diff shows them), then run npm run translations -- --stamp content/regulations/vat-records.de.yaml."
    `);
    const figures = edit(edit(i18n, 'content/regulations/vat-records.yaml', 'value: 85000', 'value: 90000'), 'content/regulations/vat-records.yaml', 'date: 2019-04-01', 'date: 2019-05-01');
    expect(check(figures)).toBe('');
  });

  it('reports a translation never stamped as a warning', () => {
    const files = edit(i18n, 'content/faqs/how-long.de.md', /translationOf: \w+\n/.exec(new TextDecoder().decode(i18n.find((f) => f.file === 'content/faqs/how-long.de.md')!.bytes))![0], '');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/faqs/how-long.de.md:1:1 translationOf: warning: this German translation was never stamped, so nobody can tell whether it matches content/faqs/how-long.md
          hint: Have it reviewed against content/faqs/how-long.md, then run npm run translations -- --stamp content/faqs/how-long.de.md."
    `);
  });

  it('reports text left out where no published page needs it only under --strict, as a warning', () => {
    // The question is shown only for mid-finance, which has no German pages.
    const files = withFiles(i18n, { 'content/faqs/mid-only.de.md': '---\nquestion: Kann ein Hauptbuch jede Gesellschaft abbilden?\n---\n' });
    const missing = (strict: boolean) => checkTranslations(parseProject(files).project, { strict }).filter((d) => d.rule === 'translation-missing');
    expect(missing(false)).toEqual([]);
    expect(formatDiagnosticsText(missing(true))).toMatchInlineSnapshot(`
      "content/faqs/mid-only.de.md:4:1 (body): warning: this translation leaves out the text below the front matter of content/faqs/mid-only.md; no published page shows it yet
          hint: Write the translated text below the closing --- line, as in content/faqs/mid-only.md."
    `);
  });

  it('publishes a segment in a locale as soon as its translation exists, and then needs everything it shows', () => {
    const files = withFiles(i18n, { 'segments/mid-finance.de.yaml': 'name: Mittlere Finanzteams\n' });
    expect(checkTranslations(parseProject(files).project).filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.field ?? ''}`)).toEqual([
      'segments/mid-finance.de.yaml nickname',
      'segments/mid-finance.de.yaml description',
      'segments/mid-finance.de.yaml messaging',
      'content/faqs/mid-only.md ',
    ]);
  });
});

describe('the copy rules on translations', () => {
  it('refuse raw markup and unsafe links in a translated body, and figures restated from a regulation, naming the translation', () => {
    const files = edit(edit(i18n, 'content/personas/controller.de.md', 'Sie verantworten den Monatsabschluss.', 'Sie verantworten den Monatsabschluss. <script>alert(1)</script> [Mehr](javascript:alert(1))'), 'content/faqs/how-long.de.md', 'Die meisten Teams arbeiten nach zwei Wochen damit.', 'Die meisten Teams arbeiten nach zwei Wochen damit. USt-Unterlagen gelten ab 85,000 GBP Umsatz.');
    const found = checkTranslations(parseProject(files).project).filter((d) => d.rule !== 'translation-stale');
    expect(found.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['content/personas/controller.de.md:12 unsafe-markup', 'content/personas/controller.de.md:12 unsafe-link', 'content/faqs/how-long.de.md:5 restated-fact']);
  });
});

describe('the state of each translation', () => {
  it('is ok, missing, stale or never stamped, with the page that needs it', () => {
    const files = withFiles(edit(i18n, 'content/regulations/vat-records.yaml', 'summary: Businesses keep VAT records digitally.', 'summary: Businesses keep all VAT records digitally.'), { 'content/personas/controller.de.md': null });
    const rows = translationStatus(parseProject(files).project);
    expect(rows.map((r) => `${r.translation} ${r.state} ${r.neededBy ?? '-'}`)).toEqual([
      'content/faqs/how-long.de.md ok /de/small-finance/faq/',
      'content/faqs/mid-only.de.md missing -',
      'content/personas/controller.de.md missing /de/small-finance/controller/',
      'content/regulations/vat-records.de.yaml stale /de/small-finance/',
      'content/site.de.yaml ok /de/',
      'content/variants/small-finance/controller/short-form.de.mdx ok /de/small-finance/controller/short-form/',
      'content/verticals/finance-software.de.yaml ok /de/small-finance/',
      'segments/mid-finance.de.yaml missing -',
      'segments/small-finance.de.yaml ok /de/small-finance/',
    ]);
  });
});
