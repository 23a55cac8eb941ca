import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse } from 'node:path';
import { BUILD_MARKER, isInside, PROJECT_FOLDERS, realPathOf } from '../output/out-dir.ts';
import { PLAYBOOK_MARKER } from './build.ts';

export const DEFAULT_PLAYBOOK_DIR = join('.build', 'playbook');

export interface PlaybookDirOptions {
  /** The folder to write, absolute. */
  out: string;
  /** The public site's output folder (OUT_DIR), absolute: the playbook never goes in, over or around it. */
  publicOut: string;
  projectRoot: string;
  contentRoot: string;
  home?: string;
  show?: (path: string) => string;
}

const CHOOSE = 'The playbook replaces its folder as a whole, so it needs one of its own.';

/**
 * Why the playbook must not be written to `out`, or undefined when it may (then `out` is missing,
 * empty, or an earlier playbook). Above all it never lands in, over or around the public site's
 * output, which is published as a whole.
 */
export function playbookDirRefusal(options: PlaybookDirOptions): string | undefined {
  const show = options.show ?? ((p: string) => p);
  const out = realPathOf(options.out);
  const publicOut = realPathOf(options.publicOut);
  const projectRoot = realPathOf(options.projectRoot);
  const contentRoot = realPathOf(options.contentRoot);
  const home = realPathOf(options.home ?? homedir());
  if (out === publicOut || isInside(out, publicOut)) {
    return `this is ${out === publicOut ? '' : 'inside '}the public site's output folder (OUT_DIR=${show(publicOut)}), which is published; the playbook is internal.`;
  }
  if (isInside(publicOut, out)) return `this folder holds the public site's output folder (OUT_DIR=${show(publicOut)}). ${CHOOSE}`;
  if (existsSync(out) && !statSync(out).isDirectory()) return `this is a file, not a folder. ${CHOOSE}`;
  for (const [folder, what] of [
    [parse(out).root, 'the root of the file system'],
    [projectRoot, 'the project folder'],
    [contentRoot, 'the content folder (CONTENT_ROOT)'],
    [home, 'your home folder'],
  ] as const) {
    if (out === folder) return `this is ${what}. ${CHOOSE}`;
    if (isInside(folder, out)) return `this folder holds ${what}. ${CHOOSE}`;
  }
  for (const folder of [...['segments', 'content'].map((n) => join(contentRoot, n)), ...PROJECT_FOLDERS.map((n) => join(projectRoot, n))]) {
    if (out === folder || isInside(out, folder)) return `this is ${out === folder ? '' : 'inside '}${show(folder)}/, which holds the project's content or code. ${CHOOSE}`;
  }
  const entries = existsSync(out) ? readdirSync(out) : [];
  if (entries.includes(BUILD_MARKER)) return `this folder holds a public site build (it has ${BUILD_MARKER}), which may be published. ${CHOOSE}`;
  if (entries.length > 0 && !entries.includes(PLAYBOOK_MARKER)) {
    const example = [...entries].sort()[0];
    return `this folder holds files that no earlier playbook wrote (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, e.g. ${example}).`;
  }
  return undefined;
}
