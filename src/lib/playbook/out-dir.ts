import { join } from 'node:path';
import { BUILD_MARKER, WORK_FOLDER, type ForeignMarker, type KeepAway, type OutputOwner } from '../output/out-dir.ts';
import { PLAYBOOK_MARKER } from './build.ts';

export const DEFAULT_PLAYBOOK_DIR = join(WORK_FOLDER, 'playbook');

/**
 * `npm run playbook` and its `--out` folder: the same guard as the site's OUT_DIR (see
 * src/lib/output/out-dir.ts), with the playbook's marker and words.
 */
export const PLAYBOOK_OUTPUT: OutputOwner = {
  marker: PLAYBOOK_MARKER,
  writer: 'playbook',
  quote: (given, shown) => (given === undefined ? `the output folder ${shown}` : `--out ${given}`),
  choose: 'The playbook replaces its folder as a whole, so it needs one of its own.',
  workExample: DEFAULT_PLAYBOOK_DIR,
  ownFiles: /^(?:index\.html|scorecard\.csv)$/,
};

/**
 * What the playbook keeps away from besides the project's own folders: it never lands in, over or
 * around the public site's output (`publicOut`, absolute), which is published as a whole, nor in a
 * folder holding a public build.
 */
export function playbookKeepAway(publicOut: string): { keepAway: KeepAway[]; foreign: ForeignMarker[] } {
  return {
    keepAway: [{ folder: publicOut, what: "the public site's output folder", setting: 'OUT_DIR', why: 'which is published; the playbook is internal.' }],
    foreign: [{ marker: BUILD_MARKER, what: 'a public site build', why: 'which may be published' }],
  };
}
