import { formatFieldPath as fieldPath, suggest, type Diagnostic } from '../diagnostics.ts';
import type { Entry, Project } from '../load/project.ts';

/**
 * Every id that one file uses to point at another must exist. Cross-file references are plain ids
 * checked here (not by the schemas) so the message can name the file, the field, the unknown id
 * and the ids that do exist.
 */
export function checkReferences(project: Project): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Ids are known when their file exists, even if that file failed to load: its own problems are reported there.
  const idsOf = (kind: keyof Project['fileIds']) => [...project.fileIds[kind]].sort();
  const personas = idsOf('persona');
  const verticals = idsOf('vertical');
  const regulations = idsOf('regulation');
  const segments = idsOf('segment');
  const verticalById = new Map(project.verticals.map((v) => [v.id, v]));

  const ref = (entry: Entry<unknown>, path: PropertyKey[], id: string, known: string[], noun: string, where: string) => {
    if (known.includes(id)) return;
    const at = entry.locate.at(path);
    diagnostics.push({
      severity: 'error',
      rule: 'unknown-reference',
      file: entry.file,
      line: at?.line,
      column: at?.column,
      field: fieldPath(path),
      message: `unknown ${noun.replace(/s$/, '')} "${id}"`,
      hint: `${suggest(id, known, noun)} (${where})`,
    });
  };
  const duplicates = (entry: Entry<unknown>, path: PropertyKey[], ids: string[], noun: string) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        const at = entry.locate.at([...path, i]);
        diagnostics.push({ severity: 'error', rule: 'duplicate-id', file: entry.file, line: at?.line, column: at?.column, field: fieldPath([...path, i]), message: `the ${noun} "${id}" is listed twice`, hint: 'Delete one of the two.' });
      }
    });
  };

  for (const segment of project.segments) {
    const s = segment.data;
    ref(segment, ['vertical'], s.vertical, verticals, 'verticals', 'files in content/verticals/');
    s.personas.forEach((p, i) => ref(segment, ['personas', i, 'id'], p.id, personas, 'personas', 'files in content/personas/'));
    duplicates(segment, ['personas'], s.personas.map((p) => p.id), 'persona');
    s.regulations.forEach((id, i) => ref(segment, ['regulations', i], id, regulations, 'regulations', 'files in content/regulations/'));
    duplicates(segment, ['regulations'], s.regulations, 'regulation');
    const vertical = verticalById.get(s.vertical);
    if (vertical) {
      const pains = vertical.data.painPoints.map((p) => p.id);
      s.pains.forEach((id, i) => ref(segment, ['pains', i], id, pains, 'pain points', `pain points of ${vertical.file}`));
    }
    duplicates(segment, ['pains'], s.pains, 'pain point');
  }

  for (const vertical of project.verticals) {
    const ids = vertical.data.painPoints.map((p) => p.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        const at = vertical.locate.at(['painPoints', i, 'id']);
        diagnostics.push({ severity: 'error', rule: 'duplicate-id', file: vertical.file, line: at?.line, column: at?.column, field: `painPoints[${i}].id`, message: `the pain point id "${id}" is used twice`, hint: 'Give each pain point its own id.' });
      }
    });
    vertical.data.painPoints.forEach((pain, i) => {
      pain.regulations.forEach((id, k) => ref(vertical, ['painPoints', i, 'regulations', k], id, regulations, 'regulations', 'files in content/regulations/'));
      pain.personas.forEach((id, k) => ref(vertical, ['painPoints', i, 'personas', k], id, personas, 'personas', 'files in content/personas/'));
    });
  }

  for (const faq of project.faqs) {
    const scope = faq.data.scope;
    scope.segments.forEach((id, i) => ref(faq, ['scope', 'segments', i], id, segments, 'segments', 'files in segments/'));
    scope.personas.forEach((id, i) => ref(faq, ['scope', 'personas', i], id, personas, 'personas', 'files in content/personas/'));
    scope.verticals.forEach((id, i) => ref(faq, ['scope', 'verticals', i], id, verticals, 'verticals', 'files in content/verticals/'));
    scope.regulations.forEach((id, i) => ref(faq, ['scope', 'regulations', i], id, regulations, 'regulations', 'files in content/regulations/'));
  }

  // Overrides and variants name their page by folder (and, for overrides, file) name.
  const pagesNamed = [
    ...project.pageOverrides.map((page) => ({ page, folder: 'content/pages/', personaPart: 'the file name' })),
    ...project.pageVariants.map((page) => ({ page, folder: 'content/variants/', personaPart: 'the folder name under the segment' })),
  ];
  for (const { page, folder, personaPart } of pagesNamed) {
    const segment = project.segments.find((s) => s.id === page.segment);
    if (!segment && project.fileIds.segment.has(page.segment)) continue;
    if (!segment) {
      diagnostics.push({ severity: 'error', rule: 'unknown-reference', file: page.file, line: 1, column: 1, message: `there is no segment "${page.segment}" for this page`, hint: `${suggest(page.segment, segments, 'segments')} (the folder name under ${folder} is the segment id)` });
    } else if (!segment.data.personas.some((p) => p.id === page.persona)) {
      const inScope = segment.data.personas.map((p) => p.id);
      diagnostics.push({ severity: 'error', rule: 'unknown-reference', file: page.file, line: 1, column: 1, message: `the segment "${page.segment}" has no persona "${page.persona}", so this page does not exist`, hint: `${suggest(page.persona, inScope, 'personas of this segment')} (${personaPart} is the persona id)` });
    }
  }

  for (const persona of project.personas) {
    for (const token of persona.data.headline.match(/\{[^}]*\}/g) ?? []) {
      if (token !== '{segment}') {
        const at = persona.locate.at(['headline']);
        diagnostics.push({ severity: 'error', rule: 'headline-token', file: persona.file, line: at?.line, column: at?.column, field: 'headline', message: `unknown placeholder ${token}`, hint: 'The only placeholder is {segment}, replaced by the segment’s nickname.' });
      }
    }
  }
  return diagnostics;
}
