import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A content file as read from disk: its path relative to the content root and its raw bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** The folders that hold content; everything the generator reads lives below one of them. */
export const CONTENT_DIRS = ['segments', 'content'] as const;

/** CRM account exports for the segment workbench may sit here: large, and never part of the site. */
export const ACCOUNTS_DIR = 'content/accounts/';
/** What `npm run assign` found, when a team commits it for the /segments/ page. */
export const SUMMARY_FILE = 'content/assignment-summary.json';

/** Account data and its summary: neither read as content files nor part of the content version. */
export function isAccountData(file: string): boolean {
  return file.startsWith(ACCOUNTS_DIR) || file === SUMMARY_FILE;
}

/**
 * Reads every file below the content folders, in a stable order so that builds and messages are
 * deterministic. Parsing happens elsewhere, on these bytes.
 */
export async function readContentFiles(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const dir of CONTENT_DIRS) {
    for (const path of await listFiles(join(root, dir), join(root, ACCOUNTS_DIR))) {
      files.push({ file: relative(root, path).split(sep).join('/'), bytes: await readFile(path) });
    }
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function listFiles(dir: string, skip: string): Promise<string[]> {
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
    if (entry.isDirectory()) {
      if (`${path}/` !== skip) out.push(...(await listFiles(path, skip)));
    } else if (entry.isFile()) out.push(path);
  }
  return out;
}
