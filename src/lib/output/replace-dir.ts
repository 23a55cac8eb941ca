import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file-system calls that move folders; tests replace them to simulate another file system. */
export interface MoveOps {
  rename: (from: string, to: string) => Promise<void>;
}

const defaultOps: MoveOps = { rename };

/**
 * Puts a freshly built folder in place of the published one with two renames on the same file
 * system, so readers (and a failed build) never see a half-written site: either the old output or
 * the new one is there in full. A build killed between the renames leaves the old output beside
 * the target as `<target>.previous-<pid>`; the next build puts it back (see leftovers.ts).
 */
export async function replaceDir(staging: string, target: string, ops: MoveOps = defaultOps): Promise<void> {
  const previous = `${target}.previous-${process.pid}`;
  const hadTarget = existsSync(target);
  if (hadTarget) await ops.rename(target, previous);
  try {
    await ops.rename(staging, target);
  } catch (error) {
    if (hadTarget) await ops.rename(previous, target);
    throw error;
  }
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

/** Sibling folder for a build in progress; on the same file system as the target so renames are atomic. */
export function stagingDirFor(target: string): string {
  return `${target}.staging-${process.pid}`;
}

/**
 * Publishes the site built in `built` (inside the project) at `target`, wherever that is. The site
 * first moves beside the target (`<target>.staging-<pid>`): a rename on the same file system, a
 * copy when the target is on another one (a rename there fails with EXDEV). Then the two-rename
 * swap. Until the swap the target is untouched, so a failure at any step changes nothing there.
 */
export async function publishDir(built: string, target: string, ops: MoveOps = defaultOps): Promise<void> {
  const staging = stagingDirFor(target);
  await rm(staging, { recursive: true, force: true });
  await mkdir(dirname(target), { recursive: true });
  try {
    try {
      await ops.rename(built, staging);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await cp(built, staging, { recursive: true, verbatimSymlinks: true, errorOnExist: true, force: false });
      await rm(built, { recursive: true, force: true });
    }
    await replaceDir(staging, target, ops);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
