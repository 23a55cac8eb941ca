import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A content file as read from disk: its path relative to the content root and its raw bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** The folders that hold content; everything the generator reads lives below one of them. */
export const CONTENT_DIRS = ['segments', 'content'] as const;

/**
 * Reads every file below the content folders, in a stable order so that builds and messages are
 * deterministic. Parsing happens elsewhere, on these bytes.
 */
export async function readContentFiles(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const dir of CONTENT_DIRS) {
    for (const path of await listFiles(join(root, dir))) {
      files.push({ file: relative(root, path).split(sep).join('/'), bytes: await readFile(path) });
    }
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
