import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadAssignSetup, type AssignSetup, type SetupOptions } from '../../../src/lib/assign/setup.ts';
import { assignAccountFile, type AssignRun } from '../../../src/lib/assign/stream.ts';
import { FIXTURES } from '../helpers.ts';

/** The known-answer content tree: its own segments, mapping and account exports. */
export const ACCOUNTS = join(FIXTURES, 'accounts');

export async function setupFor(root: string, options: SetupOptions = {}): Promise<AssignSetup> {
  const loaded = await loadAssignSetup(root, { requireMapping: true, ...options });
  if (!loaded.ok) throw new Error(`expected the workbench to load:\n${JSON.stringify(loaded.diagnostics, null, 2)}`);
  return loaded.setup;
}

export interface AssignedFile {
  run: AssignRun;
  /** The assignments CSV as rows of named cells. */
  rows: Record<string, string>[];
  csv: string;
}

/** Runs the streaming assigner on a file and keeps its CSV output in memory. */
export async function assignFile(path: string, setup: AssignSetup, csvName = path): Promise<AssignedFile> {
  let csv = '';
  const outcome = await assignAccountFile(path, { mapping: setup.mapping!, segments: setup.segments, csvName, write: (chunk) => void (csv += chunk) });
  if (!outcome.ok) throw new Error(`expected the header to fit the mapping:\n${JSON.stringify(outcome.diagnostics, null, 2)}`);
  return { run: outcome.run, rows: parse(csv, { columns: true }) as Record<string, string>[], csv };
}
