import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/**
 * Puts a freshly built folder in place of the published one with two renames on the same file
 * system, so readers (and a failed build) never see a half-written site: either the old output or
 * the new one is there in full. A crash between the renames leaves the old output beside the
 * target as `<target>.previous-<pid>`, recoverable by hand.
 */
export async function replaceDir(staging: string, target: string): Promise<void> {
  const previous = `${target}.previous-${process.pid}`;
  const hadTarget = existsSync(target);
  if (hadTarget) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadTarget) await rename(previous, target);
    throw error;
  }
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

/** Sibling folder for a build in progress; on the same file system as the target so renames are atomic. */
export function stagingDirFor(target: string): string {
  return `${target}.staging-${process.pid}`;
}
