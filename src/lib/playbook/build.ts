import { rankSegments } from '../assign/assign.ts';
import { buildScorecard, renderScorecardCsv } from '../assign/scorecard.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import { contentVersionOf, readContentFiles, type SourceFile } from '../load/files.ts';
import { siteAsBuilt } from '../schemas/index.ts';
import { checkFiles, type BuildOptions } from '../site-build.ts';
import { toCsv } from '../csv.ts';
import { LINKEDIN_AUDIENCE_COLUMNS, linkedinAudienceRows } from './campaign-plan.ts';
import { composePlaybook } from './compose.ts';
import { renderPlaybookHtml } from './render-html.ts';
import type { PlaybookView } from './types.ts';

/** Left in the playbook's folder so the next run knows the folder is its own to replace. */
export const PLAYBOOK_MARKER = '.segment-pages-playbook';

export interface Playbook {
  view: PlaybookView;
  /** The files of the playbook folder, by name. */
  files: Map<string, string>;
  contentVersion: string;
  diagnostics: Diagnostic[];
}

export type PlaybookResult = { ok: true; playbook: Playbook } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Checks the content exactly as a site build does (same loader, same rules), then composes the
 * playbook: content the site would refuse to build gets no playbook either.
 */
export function buildPlaybook(files: readonly SourceFile[], options: Pick<BuildOptions, 'siteUrl' | 'basePath' | 'includeDrafts' | 'today'> = {}): PlaybookResult {
  const { project, diagnostics } = checkFiles(files, options);
  if (hasErrors(diagnostics) || !project.site) return { ok: false, diagnostics };
  const site = siteAsBuilt(project.site.data, options);
  const contentVersion = contentVersionOf(files);
  const view = composePlaybook({ project, site, contentVersion });
  const summary = project.assignmentSummary?.data;
  const card = buildScorecard(rankSegments(project.segments, site.prioritisation.weights, { includeDrafts: summary?.includeDrafts === true }), project.segments, site.prioritisation.weights, summary);
  const out = new Map<string, string>([
    ['index.html', renderPlaybookHtml(view)],
    ['scorecard.csv', renderScorecardCsv(card)],
    ['linkedin-audiences.csv', toCsv(LINKEDIN_AUDIENCE_COLUMNS, linkedinAudienceRows(view.campaignPlan))],
    [PLAYBOOK_MARKER, `${JSON.stringify({ builtBy: 'segment-pages-playbook', contentVersion })}\n`],
  ]);
  return { ok: true, playbook: { view, files: out, contentVersion, diagnostics } };
}

export async function buildPlaybookFromDisk(root: string, options: Parameters<typeof buildPlaybook>[1] = {}): Promise<PlaybookResult> {
  return buildPlaybook(await readContentFiles(root), options);
}
