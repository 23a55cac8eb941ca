import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formatDiagnosticsText, type Diagnostic } from '../../src/lib/diagnostics.ts';
import type { SourceFile } from '../../src/lib/load/files.ts';
import { parseProject } from '../../src/lib/load/project.ts';
import { buildSite, type SiteBuild } from '../../src/lib/site-build.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** Reads a content tree from disk into memory, the way the loader sees it. */
export function readTree(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ file: relative(root, path).split(sep).join('/'), bytes: readFileSync(path) });
    }
  };
  walk(join(root, 'segments'));
  walk(join(root, 'content'));
  return files.sort((a, b) => (a.file < b.file ? -1 : 1));
}

export function fixture(name: string): SourceFile[] {
  return readTree(join(FIXTURES, name));
}

const encoder = new TextEncoder();

/** A copy of `files` with some files replaced (string content), added, or removed (null). */
export function withFiles(files: readonly SourceFile[], changes: Record<string, string | Uint8Array | null>): SourceFile[] {
  const out = new Map(files.map((f) => [f.file, f]));
  for (const [file, content] of Object.entries(changes)) {
    if (content === null) out.delete(file);
    else out.set(file, { file, bytes: typeof content === 'string' ? encoder.encode(content) : content });
  }
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}

export function text(files: readonly SourceFile[], file: string): string {
  const found = files.find((f) => f.file === file);
  if (!found) throw new Error(`no ${file} in the fixture`);
  return new TextDecoder().decode(found.bytes);
}

/** Replaces one exact substring of a file, failing loudly if the fixture no longer contains it. */
export function edit(files: readonly SourceFile[], file: string, from: string, to: string): SourceFile[] {
  const before = text(files, file);
  if (!before.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  return withFiles(files, { [file]: before.replace(from, to) });
}

/** What an author would see for these files: every message, formatted, one per line. */
export function messages(files: readonly SourceFile[]): string {
  const result = buildSite(files);
  return formatDiagnosticsText(result.ok ? result.build.diagnostics : result.diagnostics);
}

export function loadDiagnostics(files: readonly SourceFile[]): Diagnostic[] {
  return parseProject(files).diagnostics;
}

export function build(files: readonly SourceFile[]): SiteBuild {
  const result = buildSite(files);
  if (!result.ok) throw new Error(`expected the content to build:\n${formatDiagnosticsText(result.diagnostics)}`);
  return result.build;
}
