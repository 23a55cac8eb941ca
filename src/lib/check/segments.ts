import type { Diagnostic } from '../diagnostics.ts';
import { overlapExample } from '../criteria.ts';
import type { Project } from '../load/project.ts';

/**
 * Good segments are distinct (each account fits one) and few enough to run well. Only active
 * segments count: drafts may overlap while a team works on them.
 */
export function checkSegments(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const active = project.segments.filter((s) => s.data.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));

  for (let i = 0; i < active.length; i++) {
    for (let k = i + 1; k < active.length; k++) {
      const a = active[i]!;
      const b = active[k]!;
      const example = overlapExample(a.data.criteria, b.data.criteria);
      if (!example) continue;
      const at = a.locate.at(['criteria']);
      diagnostics.push({
        severity: 'error',
        rule: 'segment-overlap',
        file: a.file,
        line: at?.line,
        column: at?.column,
        field: 'criteria',
        message: `can claim the same accounts as ${b.file}, for example ${example}`,
        hint: 'Make the criteria exclusive on at least one dimension (an employee band, a region, ownership, tier), so that each account fits one segment.',
      });
    }
  }

  const limit = project.site?.data.check.maxActiveSegments ?? 5;
  if (active.length > limit && project.site) {
    const at = project.site.locate.at(['check', 'maxActiveSegments']);
    diagnostics.push({
      severity: 'warning',
      rule: 'too-many-segments',
      file: project.site.file,
      line: at?.line,
      column: at?.column,
      message: `${active.length} segments are active, more than the ${limit} set in check.maxActiveSegments`,
      hint: `Three to five well-run segments usually outperform many thin ones: merge or retire some (${active.map((s) => s.id).join(', ')}).`,
    });
  }
  return diagnostics;
}
