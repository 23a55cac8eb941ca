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
