import type { Diagnostic } from '../diagnostics.ts';
import { describeGroup, findOverlap } from '../criteria.ts';
import type { Project } from '../load/project.ts';
import type { SegmentCriteria } from '../schemas/index.ts';

interface QuickCriteria {
  min: number;
  max: number;
  industries?: Set<string>;
  regions?: Set<string>;
  ownership?: Set<string>;
}

const lowerSet = (list: readonly string[]) => (list.length ? new Set(list.map((x) => x.toLowerCase())) : undefined);

function quickCriteria(c: SegmentCriteria): QuickCriteria {
  const f = c.firmographic;
  return { min: f.employees?.min ?? 0, max: f.employees?.max ?? Number.POSITIVE_INFINITY, industries: lowerSet(f.industries), regions: lowerSet(f.regions), ownership: lowerSet(f.ownership) };
}

const disjoint = (a: Set<string> | undefined, b: Set<string> | undefined) => a !== undefined && b !== undefined && ![...a].some((x) => b.has(x));

/**
 * True when the criteria exclude each other on employees, industries, regions or ownership: findOverlap
 * would find no example. Only a segment's own fields are compared: an anyOf group can only narrow it.
 */
function clearlyExclusive(a: QuickCriteria, b: QuickCriteria): boolean {
  return a.min > b.max || b.min > a.max || disjoint(a.industries, b.industries) || disjoint(a.regions, b.regions) || disjoint(a.ownership, b.ownership);
}

/**
 * Good segments are distinct (each account fits one) and few enough to run well. Only active
 * segments count: drafts may overlap while a team works on them.
 */
export function checkSegments(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const active = project.segments.filter((s) => s.data.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));

  // Every pair is compared; a cheap test on numbers and sets prepared once per segment rules out
  // most pairs before the full comparison, which also builds the example sentence.
  const quick = active.map((s) => quickCriteria(s.data.criteria));
  for (let i = 0; i < active.length; i++) {
    for (let k = i + 1; k < active.length; k++) {
      if (clearlyExclusive(quick[i]!, quick[k]!)) continue;
      const a = active[i]!;
      const b = active[k]!;
      const overlap = findOverlap(a.data.criteria, b.data.criteria);
      if (!overlap) continue;
      const [ga, gb] = overlap.groups;
      // With an either-or test, point at the group that collides and name both groups.
      const path = ga === undefined ? ['criteria'] : ['criteria', 'firmographic', 'anyOf', ga];
      const at = a.locate.at(path) ?? a.locate.at(['criteria']);
      const group = (segment: typeof a, i: number) => `anyOf group ${i + 1} (${describeGroup(segment.data.criteria.firmographic.anyOf![i]!)})`;
      const through = [...(ga === undefined ? [] : [`its ${group(a, ga)}`]), ...(gb === undefined ? [] : [`that segment’s ${group(b, gb)}`])];
      diagnostics.push({
        severity: 'error',
        rule: 'segment-overlap',
        file: a.file,
        line: at?.line,
        column: at?.column,
        field: ga === undefined ? 'criteria' : `criteria.firmographic.anyOf[${ga}]`,
        message: `can claim the same accounts as ${b.file}${through.length ? ` through ${through.join(' and ')}` : ''}, for example ${overlap.example}`,
        hint: through.length
          ? 'Make the colliding groups exclusive, or separate the two segments on a criterion that holds whichever group an account meets (industry, an employee band, revenue in one currency, a region, ownership, systems, tier, needs or sophistication).'
          : 'Make the criteria exclusive on at least one dimension (industry, an employee band, revenue in one currency, a region, ownership, systems, tier, needs or sophistication), so that each account fits one segment.',
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
