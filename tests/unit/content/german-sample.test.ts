import { describe, expect, it } from 'vitest';
import { checkTranslations, neededTranslations, translationStatus } from '../../../src/lib/check/translations.ts';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { PROJECT_ROOT, readTree } from '../helpers.ts';

/**
 * The sample publishes its EU due-diligence segment in German: every German file loads as a translation
 * of its original, covers everything the German pages show, holds text only and is stamped as reviewed.
 */
describe('the German sample copy', () => {
  const files = readTree(PROJECT_ROOT);
  const { project, diagnostics } = parseProject(files);
  const german = files.map((f) => f.file).filter((f) => /\.de\.(ya?ml|mdx?)$/.test(f) && !f.startsWith('tests/'));

  it('loads every German file as a translation, with no problem', () => {
    expect(formatDiagnosticsText(diagnostics.filter((d) => german.includes(d.file)))).toBe('');
    expect(project.translations.map((t) => t.file).sort()).toEqual([...german].sort());
    expect(german.length).toBeGreaterThan(30);
  });

  it('covers every file a German page of the segment shows, each stamped and current, even under --strict', () => {
    const needed = neededTranslations(project, 'de');
    expect(needed.length).toBeGreaterThan(20);
    // Only the EU due-diligence segment is published in German, with the home, overview and thank-you pages.
    expect(needed.every((n) => /^\/de\/(eu-due-diligence\/|segments\/|thank-you\/|$)/.test(n.page))).toBe(true);
    expect(formatDiagnosticsText(checkTranslations(project, { strict: true }))).toBe('');
    const states = translationStatus(project).filter((s) => german.includes(s.translation));
    expect(states.length).toBe(german.length);
    expect(states.filter((s) => s.state !== 'ok')).toEqual([]);
  });
});
