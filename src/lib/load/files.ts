import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A content file as read from disk: its path relative to the content root and its raw bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
  /**
   * Set for a symbolic link (to a file or a folder), which is never followed: its bytes are empty
   * and the loader refuses it. A link could point anywhere on the machine, and the check, the MDX
   * compiler and the dev server would each resolve it their own way.
   */
  symlink?: true;
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
  const name = (path: string) => relative(root, path).split(sep).join('/');
  for (const dir of CONTENT_DIRS) {
    const top = join(root, dir);
    if (await isSymlink(top)) {
      files.push({ file: dir, bytes: new Uint8Array(), symlink: true });
      continue;
    }
    for (const { path, symlink } of await listFiles(top, join(root, ACCOUNTS_DIR))) {
      files.push(symlink ? { file: name(path), bytes: new Uint8Array(), symlink } : { file: name(path), bytes: await readFile(path) });
    }
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Reads one content file (a path relative to the content root) the way {@link readContentFiles}
 * does: undefined when it is, or sits below, a symbolic link, so a link is never followed.
 */
export async function readContentFile(root: string, file: string): Promise<Uint8Array | undefined> {
  const parts = file.split('/');
  for (let i = 1; i <= parts.length; i++) {
    if (await isSymlink(join(root, ...parts.slice(0, i)))) return undefined;
  }
  return readFile(join(root, ...parts));
}

async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function listFiles(dir: string, skip: string): Promise<{ path: string; symlink?: true }[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: { path: string; symlink?: true }[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Account exports are not content; whatever they are, they are not read here.
    if (`${path}/` === skip) continue;
    if (entry.isSymbolicLink()) out.push({ path, symlink: true });
    else if (entry.isDirectory()) out.push(...(await listFiles(path, skip)));
    else if (entry.isFile()) out.push({ path });
  }
  return out;
}

/** Account data and its summary are left out, so committing a new summary does not change the version pages report. */
export function contentVersionOf(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const f of files.filter((file) => !isAccountData(file.file))) {
    hash.update(f.file);
    hash.update('\0');
    hash.update(f.bytes);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
