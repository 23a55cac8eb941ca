/**
 * The assignment summary: a small, deterministic JSON record of one run (counts per segment,
 * overlaps, gaps, unreadable rows) that the scorecard reads, and that a team may commit as
 * content/assignment-summary.json to show accounts per segment on /segments/.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { contentVersionOf, type SourceFile } from '../load/files.ts';
import { validate } from '../load/validate.ts';
import { parseYaml } from '../load/yaml.ts';
import { assignmentSummarySchema, type AssignmentSummary } from '../schemas/index.ts';
import type { AssignRun } from './stream.ts';

/** Where a committed summary lives in a content tree. */
export { ACCOUNTS_DIR, isAccountData, SUMMARY_FILE } from '../load/files.ts';
/** How many gap groups a summary keeps. */
export const SUMMARY_GAPS = 10;

export interface SummaryInput {
  run: AssignRun;
  /** The export's file name, without its folder (a summary must not depend on where it was run). */
  fileName: string;
  mappingFile: string;
  contentVersion: string;
  criteriaVersion: string;
  includeDrafts: boolean;
}

export function buildSummary({ run, fileName, mappingFile, contentVersion, criteriaVersion, includeDrafts }: SummaryInput): AssignmentSummary {
  return {
    input: { file: fileName, rows: run.rows },
    mapping: mappingFile,
    contentVersion,
    criteriaVersion,
    includeDrafts,
    accounts: {
      read: run.read,
      assigned: run.assigned,
      overlapping: run.overlapping,
      unassigned: run.unassigned,
      unreadable: run.unreadable.count,
      revenueEstimated: run.revenueEstimated,
    },
    segments: run.segments.map(({ segment, assigned, matched }) => ({ id: segment.id, ...(segment.score !== undefined ? { score: segment.score } : {}), assigned, matched })),
    overlaps: run.overlaps.map((o) => ({ segments: o.segments, accounts: o.accounts })),
    gaps: run.gaps.slice(0, SUMMARY_GAPS).map((g) => ({ closest: g.closest, failed: g.failed, accounts: g.accounts })),
  };
}

/** Two-space JSON with a final newline: the same run gives the same bytes. */
export function renderSummaryJson(summary: AssignmentSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** A summary file read from anywhere (the scorecard's `--summary`), validated as the content check validates a committed one. */
export function parseSummary(file: string, text: string): { ok: true; summary: AssignmentSummary } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed;
  const checked = validate(assignmentSummarySchema, parsed.value, file, parsed.locate);
  return checked.ok ? { ok: true, summary: checked.data } : checked;
}
