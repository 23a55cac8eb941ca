import { type Diagnostic, sortDiagnostics } from '../diagnostics.ts';
import type { Project } from '../load/project.ts';
import { planRoutes, type RouteOptions, type RoutePlan } from '../routes.ts';
import { join } from 'node:path';
import { checkCopy } from './copy.ts';
import { checkProof } from './proof.ts';
import { checkReferences } from './references.ts';
import { checkRegulationDates, checkRepealedCitations } from './regulations.ts';
import { checkSegments } from './segments.ts';
import { checkTranslations } from './translations.ts';
import { checkVariants } from './variants.ts';

export interface CheckOptions extends RouteOptions {
  /** The date regulation entries are checked against (YYYY-MM-DD); today by default. */
  today?: string;
  /** The folder logo images must exist in; the project's public/ folder by default. */
  publicDir?: string;
  /** `--strict`: also report what only strict runs look at (translations no published page needs yet). */
  strict?: boolean;
}

/**
 * Every rule across files, on whatever loaded: references, routes, segment distinctness, variant names,
 * regulation freshness and the words of the copy. Runs before any build, and alone in `npm run check`.
 */
export function checkProject(project: Project, options: CheckOptions = {}): { diagnostics: Diagnostic[]; routes: RoutePlan[] } {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const plan = planRoutes(project, options);
  const diagnostics = [...checkReferences(project), ...plan.diagnostics, ...checkSegments(project), ...checkVariants(project), ...checkRegulationDates(project, today), ...checkRepealedCitations(project), ...checkCopy(project), ...checkProof(project, { today, publicDir: options.publicDir ?? join(process.cwd(), 'public') }), ...checkTranslations(project, options)];
  return { diagnostics: sortDiagnostics(diagnostics), routes: plan.routes };
}

/** `--strict`: every warning counts as an error. */
export function strict(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
