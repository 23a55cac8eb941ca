import { describe, expect, it } from 'vitest';
import { languageName, localePrefix, localesOf, localizeProject } from '../../../src/lib/i18n/locales.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { fixture } from '../helpers.ts';

describe('the locales of a site', () => {
  it('are the default language first, then locales in their order', () => {
    expect(localesOf({ language: 'en', locales: ['de', 'fr'] })).toEqual({ default: 'en', all: ['en', 'de', 'fr'], prefixDefault: false });
    expect(localesOf({ language: 'en-GB' })).toEqual({ default: 'en-GB', all: ['en-GB'], prefixDefault: false });
  });

  it('put the default locale’s pages at the root unless prefixed, and others under their lowercase tag', () => {
    const site = { language: 'en', locales: ['de', 'de-AT'] };
    expect(localePrefix(site, 'en')).toBe('');
    expect(localePrefix(site, 'de')).toBe('/de');
    expect(localePrefix(site, 'de-AT')).toBe('/de-at');
    expect(localePrefix({ ...site, prefixDefaultLocale: true }, 'en')).toBe('/en');
  });

  it('are named in English in messages', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('en-GB')).toBe('British English');
  });
});

describe('the project in one locale', () => {
  const project = parseProject(fixture('i18n')).project;

  it('is the project itself in the default locale', () => {
    expect(localizeProject(project, 'en')).toBe(project);
  });

  it('carries the translated text over the original figures and dates, and only the translated segments and variants', () => {
    const de = localizeProject(project, 'de');
    expect(de.segments.map((s) => s.id)).toEqual(['small-finance']);
    expect(de.segments[0]!.data).toMatchObject({ name: 'Kleine Finanzteams', status: 'active', criteria: project.segments.find((s) => s.id === 'small-finance')!.data.criteria });
    const vat = de.regulations[0]!.data;
    expect(vat.thresholds[0]).toMatchObject({ label: 'Steuerpflichtiger Umsatz', value: 85000, comparison: 'more-than' });
    expect(vat.keyDates[0]).toEqual({ date: '2019-04-01', label: 'Digitale Unterlagen vorgeschrieben' });
    expect(de.personas[0]!.body.trim()).toBe('Sie verantworten den Monatsabschluss.');
    expect(de.faqs.find((f) => f.id === 'mid-only')!.data.question).toBe('Can one ledger serve every entity?');
    expect(de.pageVariants.map((v) => v.data.headline)).toEqual(['Abschluss in fünf Tagen']);
    expect(de.site!.data.offer.headline).toBe('Der Monatsabschluss in Tagen statt Wochen');
  });
});
