import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Folders a build creates and removes again, which a killed build leaves behind:
 * `<out>.staging-<pid>` (the new site, beside the output), `<out>.previous-<pid>` (the old site,
 * between the two renames of the swap) and `<project>/.build/staging-<pid>` (where Astro writes).
 */
export interface Leftover {
  path: string;
  kind: 'staging' | 'previous';
  pid: number;
  /** When the folder was last renamed or changed (ms): the newest previous output is the one to restore. */
  changed: number;
}

export interface LeftoverPlan {
  /** A previous output to rename back into place: the target is missing because a build died between the renames. */
  restore?: string;
  remove: string[];
}

/**
 * What to do with the leftovers of earlier builds. A folder whose build is still running is left
 * alone (two builds may share a parent folder). When the output folder is missing and a dead
 * build's previous output is there, that build died between moving the old site aside and moving
 * the new one in: the old site is put back (the newest one if several), since it is the last site
 * known to have been published whole; the rest is removed.
 */
export function planLeftoverCleanup(leftovers: readonly Leftover[], targetExists: boolean, isRunning: (pid: number) => boolean): LeftoverPlan {
  const dead = leftovers.filter((l) => !isRunning(l.pid));
  const previous = dead.filter((l) => l.kind === 'previous').sort((a, b) => b.changed - a.changed || (a.path < b.path ? -1 : 1));
  const restore = targetExists ? undefined : previous[0]?.path;
  return { restore, remove: dead.map((l) => l.path).filter((path) => path !== restore) };
}

const SIBLING = /^(.*)\.(staging|previous)-(\d+)$/;

/** Leftovers beside `target` (`<name>.staging-<pid>`, `<name>.previous-<pid>`) and in the project's build staging folder. */
export function findLeftovers(target: string, workFolder?: string): Leftover[] {
  const found: Leftover[] = [];
  const add = (path: string, kind: Leftover['kind'], pid: number) => {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) found.push({ path, kind, pid, changed: stat.ctimeMs });
    } catch {
      // Gone in the meantime: nothing to clean.
    }
  };
  const parent = dirname(target);
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const match = SIBLING.exec(name);
      if (match && match[1] === basename(target)) add(join(parent, name), match[2] as Leftover['kind'], Number(match[3]));
    }
  }
  if (workFolder && existsSync(workFolder)) {
    for (const name of readdirSync(workFolder)) {
      const match = /^staging-(\d+)$/.exec(name);
      if (match) add(join(workFolder, name), 'staging', Number(match[1]));
    }
  }
  return found;
}

/** Whether a process with this id runs now. This process's own id counts as not running: no build of it came before. */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Restores or removes what killed builds left behind; returns what it did, for the build to report. */
export async function cleanLeftovers(target: string, workFolder: string | undefined, isRunning = isProcessRunning): Promise<LeftoverPlan> {
  const plan = planLeftoverCleanup(findLeftovers(target, workFolder), existsSync(target), isRunning);
  if (plan.restore) await rename(plan.restore, target);
  for (const path of plan.remove) await rm(path, { recursive: true, force: true });
  return plan;
}
