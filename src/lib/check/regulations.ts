import type { Diagnostic } from '../diagnostics.ts';
import type { Project } from '../load/project.ts';

/** Regulation entries age: past their review date they may no longer be true. */
export function checkRegulationDates(project: Project, today: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const entry of project.regulations) {
    const { reviewBy, lastVerified } = entry.data;
    if (reviewBy < today) {
      const at = entry.locate.at(['reviewBy']);
      diagnostics.push({
        severity: 'warning',
        rule: 'stale-regulation',
        file: entry.file,
        line: at?.line,
        column: at?.column,
        field: 'reviewBy',
        message: `the facts were due for review on ${reviewBy}`,
        hint: 'Check every date, threshold and source against the official text, then set lastVerified to today and reviewBy to the next review date.',
      });
    }
    if (lastVerified > today) {
      const at = entry.locate.at(['lastVerified']);
      diagnostics.push({
        severity: 'error',
        rule: 'future-date',
        file: entry.file,
        line: at?.line,
        column: at?.column,
        field: 'lastVerified',
        message: `${lastVerified} is in the future`,
        hint: 'Write the date on which someone actually checked the facts.',
      });
    }
  }
  return diagnostics;
}

/**
 * A repealed rule no longer applies: a published segment, pain point or question that still cites it
 * would tell buyers to act on a law that is gone. Each citation gets a warning where it is written.
 */
export function checkRepealedCitations(project: Project): Diagnostic[] {
  const repealed = new Map(project.regulations.filter((r) => r.data.status === 'repealed').map((r) => [r.id, r]));
  if (repealed.size === 0) return [];
  const diagnostics: Diagnostic[] = [];
  const cite = (file: string, at: { line?: number; column?: number } | undefined, field: string, id: string) => {
    const entry = repealed.get(id);
    if (!entry) return;
    diagnostics.push({
      severity: 'warning',
      rule: 'repealed-regulation',
      file,
      line: at?.line,
      column: at?.column,
      field,
      message: `${entry.data.shortName} is repealed (${entry.file}), but this still cites it`,
      hint: 'Remove the citation, or cite the rule that replaced it; pages would otherwise present a law that no longer applies.',
    });
  };
  for (const segment of project.segments) {
    if (segment.data.status !== 'active') continue;
    segment.data.regulations.forEach((id, i) => cite(segment.file, segment.locate.at(['regulations', i]), `regulations[${i}]`, id));
  }
  for (const vertical of project.verticals) {
    vertical.data.painPoints.forEach((pain, p) =>
      pain.regulations.forEach((id, i) => cite(vertical.file, vertical.locate.at(['painPoints', p, 'regulations', i]), `painPoints[${p}].regulations[${i}]`, id)),
    );
  }
  for (const faq of project.faqs) {
    faq.data.scope.regulations.forEach((id, i) => cite(faq.file, faq.locate.at(['scope', 'regulations', i]), `scope.regulations[${i}]`, id));
  }
  return diagnostics;
}
