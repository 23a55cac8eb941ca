import { rankSegments } from './assign.ts';
import { compileMapping } from './mapping.ts';
import { mappingWarnings } from './setup.ts';
import { criteriaVersionOf } from './version.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Project } from '../load/project.ts';

/**
 * The segment workbench in the content check: criteria the account mapping cannot serve (found
 * here, not only when someone runs `npm run assign`), and a committed assignment summary that was
 * made with other criteria, scores or mapping than the ones the site now shows. It lives with the
 * workbench, whose rules it applies; `checkFiles` (site-build.ts) adds it to the content check.
 */
export function checkWorkbench(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const active = project.segments.filter((s) => s.data.status === 'active');
  if (project.workbench) diagnostics.push(...mappingWarnings(compileMapping(project.workbench), active));
  const summary = project.assignmentSummary;
  if (summary && project.site) {
    const ranked = rankSegments(project.segments, project.site.data.prioritisation.weights, { includeDrafts: summary.data.includeDrafts });
    if (criteriaVersionOf(ranked, project.workbench?.data) !== summary.data.criteriaVersion) {
      diagnostics.push({
        severity: 'warning',
        rule: 'stale-assignment-summary',
        file: summary.file,
        message: 'the account counts were made with other segment criteria, priority scores or mapping than the content has now',
        hint: `Run npm run assign -- <your export> and copy .build/assignment-summary.json over ${summary.file}; until then the playbook (npm run playbook) marks the counts as out of date.`,
      });
    }
  }
  return diagnostics;
}
