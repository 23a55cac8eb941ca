import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/lib/load/project.ts';
import { planRoutes } from '../../src/lib/routes.ts';
import { edit, fixture, withFiles } from './helpers.ts';

const i18n = fixture('i18n');
const paths = (files: ReturnType<typeof fixture>) => planRoutes(parseProject(files).project).routes.map((r) => `${r.locale} ${r.path}`);

describe('routes per locale', () => {
  it('give another locale the pages of the segments and variants translated into it, under its prefix', () => {
    expect(paths(i18n)).toEqual([
      'en /',
      'en /segments/',
      'en /thank-you/',
      'en /mid-finance/',
      'en /mid-finance/faq/',
      'en /mid-finance/controller/',
      'en /small-finance/',
      'en /small-finance/faq/',
      'en /small-finance/controller/',
      'en /small-finance/controller/short-form/',
      'de /de/',
      'de /de/segments/',
      'de /de/thank-you/',
      'de /de/small-finance/',
      'de /de/small-finance/faq/',
      'de /de/small-finance/controller/',
      'de /de/small-finance/controller/short-form/',
    ]);
  });

  it('leave out a variant without its own translation, and a locale with no translated segment', () => {
    expect(paths(withFiles(i18n, { 'content/variants/small-finance/controller/short-form.de.mdx': null }))).not.toContain('de /de/small-finance/controller/short-form/');
    expect(paths(withFiles(i18n, { 'segments/small-finance.de.yaml': null })).filter((p) => p.startsWith('de '))).toEqual([]);
  });

  it('put the default locale under its own prefix too with prefixDefaultLocale', () => {
    const files = edit(i18n, 'content/site.yaml', 'locales: [de]', 'locales: [de]\nprefixDefaultLocale: true');
    expect(paths(files).slice(0, 2)).toEqual(['en /en/', 'en /en/segments/']);
  });

  it('are what they always were on a site without locales, each in the default locale', () => {
    const routes = planRoutes(parseProject(fixture('minimal')).project).routes;
    expect(routes.map((r) => `${r.locale} ${r.path}`)).toEqual(['en /', 'en /segments/', 'en /small-finance/', 'en /small-finance/faq/', 'en /small-finance/controller/']);
  });

  it('still report two files that would write one URL', () => {
    // A segment named "de" would own /de/, the German home page.
    const files = withFiles(i18n, { 'segments/de.yaml': new TextDecoder().decode(i18n.find((f) => f.file === 'segments/mid-finance.yaml')!.bytes) });
    const { diagnostics } = planRoutes(parseProject(files).project);
    expect(diagnostics.map((d) => d.message)).toContain('this would write the page /de/, which segments/de.yaml already writes');
  });
});
