import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, sep } from 'node:path';

/**
 * The file every build leaves in its output. A build replaces its output folder as a whole, so it
 * only replaces a folder that is empty, new, or holds this file (or, for sites built before the
 * file existed, the unmistakable shape of an earlier build: see `looksLikeEarlierOutput`).
 */
export const BUILD_MARKER = '.segment-pages-build';

/**
 * The marker's one line. It may be published with the site, so it says only what every page
 * already shows (`data-content-version`), and nothing that changes between two builds of the same
 * content: no time, path, user or machine.
 */
export function buildMarker(contentVersion: string): string {
  return `${JSON.stringify({ builtBy: 'segment-pages', contentVersion })}\n`;
}

/** Folders of the project that hold its code, tools or history; never an output folder, nor anything inside them. */
export const PROJECT_FOLDERS = ['src', 'scripts', 'tests', 'public', 'content', 'segments', 'node_modules', '.git', '.github', '.ci', '.vscode', '.astro'];

/** The project's work folder (test sites, reports, build staging): a folder inside it may be an output, it may not. */
export const WORK_FOLDER = '.build';

/** Where `npm run build` lets Astro write, inside the project, before the site is moved to OUT_DIR. */
export function buildStagingDir(projectRoot: string, pid = process.pid): string {
  return join(projectRoot, WORK_FOLDER, `staging-${pid}`);
}

/**
 * The command that owns an output folder, and how the guard speaks of it: `npm run build` owns
 * OUT_DIR (`SITE_OUTPUT`), the playbook its `--out` folder. The rules are the same for all; only
 * the marker, the words and the extra folders and markers to keep away from differ.
 */
export interface OutputOwner {
  /** The file the command leaves in every folder it writes: a folder holding it is its own to replace. */
  marker: string;
  /** Who writes the folder, as in "files that no earlier build wrote". */
  writer: string;
  /** How a message names the folder: as the user gave it, or (given undefined) as the default. */
  quote: (given: string | undefined, shown: string) => string;
  /** The advice after a refusal: why the command needs a folder of its own, and which to choose. */
  choose: string;
  /** A new folder inside the work folder to suggest instead of the work folder itself (`.build/site`). */
  workExample: string;
  /** Names of files the command writes itself: a message about a folder of other files names another one. */
  ownFiles: RegExp;
  /** Recognises the command's output from before it left its marker (reads the disk; never throws). */
  earlierOutput?: (dir: string, projectRoot: string) => boolean;
}

/** A folder the output must not be, be inside or hold, beyond the project's own (the public site's OUT_DIR for the playbook). */
export interface KeepAway {
  /** Absolute; readOutDirFacts resolves it through symlinks. */
  folder: string;
  /** What it is, with its article: "the public site's output folder". */
  what: string;
  /** The setting that names it, quoted with the folder: "OUT_DIR". */
  setting: string;
  /** Why the output must not be it or inside it: "which is published; the playbook is internal." */
  why: string;
}

/** Another command's marker: a folder holding it is refused even when it also holds the owner's own. */
export interface ForeignMarker {
  marker: string;
  /** What such a folder holds, with its article: "a public site build". */
  what: string;
  /** Why that matters: "which may be published". */
  why: string;
}

/** What the guard needs to know about the places involved, every path already resolved through symlinks. */
export interface OutDirFacts {
  /** The folder as it was given (undefined when not given, so the default applies): messages quote it. */
  given: string | undefined;
  /** The output folder, real path (for a folder that does not exist yet: its nearest existing parent's real path plus the rest). */
  outDir: string;
  projectRoot: string;
  contentRoot: string;
  home: string;
  /** What is there today: nothing, a file, or a folder with these entries (earlierBuild: the owner wrote it before). */
  existing: { kind: 'none' } | { kind: 'file' } | { kind: 'folder'; entries: string[]; earlierBuild: boolean };
  /** Folders to keep away from besides the project's (real paths). */
  keepAway?: readonly KeepAway[];
  /** Other commands' markers that make a folder refused. */
  foreign?: readonly ForeignMarker[];
  /** Shows a path in a message (relative to the working folder when inside it). */
  show?: (path: string) => string;
}

/** The output folder is one its command must not replace; the message says why and what to do instead. */
export class OutDirRefused extends Error {
  override name = 'OutDirRefused';
}

/** `npm run build` and OUT_DIR. */
export const SITE_OUTPUT: OutputOwner = {
  marker: BUILD_MARKER,
  writer: 'build',
  quote: (given, shown) => (given === undefined ? `The output folder ${shown} (the default; set OUT_DIR for another)` : `OUT_DIR=${given}`),
  choose: 'A build replaces its output folder as a whole: choose a folder of its own, such as dist (the default), .build/site, or an empty or new folder outside the project.',
  workExample: join(WORK_FOLDER, 'site'),
  ownFiles: /^(?:_astro|_headers|index\.html|404\.html|sitemap[\w-]*\.xml|robots\.txt)$/,
  earlierOutput: (dir, projectRoot) => {
    const publicDir = join(projectRoot, 'public');
    return looksLikeEarlierOutput(dir, existsSync(publicDir) ? readdirSync(publicDir) : []);
  },
};

/**
 * Why `owner` must not write to `facts.outDir`, or undefined when it may. Refused: the folders to
 * keep away from, anything inside them and every folder above them; the project folder, the
 * content folder (CONTENT_ROOT), the home folder and every folder above any of them; anything
 * inside the content folders and the project's own folders; the project's work folder and build
 * staging; a file; a folder holding another command's marker; and a non-empty folder that no
 * earlier run of the owner wrote.
 */
export function outDirRefusal(facts: OutDirFacts, owner: OutputOwner = SITE_OUTPUT): string | undefined {
  const show = facts.show ?? ((path: string) => path);
  const { outDir, projectRoot, contentRoot, home } = facts;
  const { choose } = owner;
  const reason = ((): string | undefined => {
    for (const away of facts.keepAway ?? []) {
      if (outDir === away.folder || isInside(outDir, away.folder)) return `this is ${outDir === away.folder ? '' : 'inside '}${away.what} (${away.setting}=${show(away.folder)}), ${away.why}`;
    }
    if (facts.existing.kind === 'file') return `this is a file, not a folder. ${choose}`;
    if (outDir === parse(outDir).root) return `this is the root of the file system. ${choose}`;
    if (outDir === projectRoot) return `this is the project folder. ${choose}`;
    if (outDir === contentRoot) return `this is the content folder (CONTENT_ROOT), which holds segments/ and content/. ${choose}`;
    if (outDir === home) return `this is your home folder. ${choose}`;
    if (isInside(projectRoot, outDir)) return `this folder holds the project (${show(projectRoot)}). ${choose}`;
    if (isInside(contentRoot, outDir)) return `this folder holds the content folder (CONTENT_ROOT=${show(contentRoot)}). ${choose}`;
    if (isInside(home, outDir)) return `this folder holds your home folder (${home}). ${choose}`;
    for (const away of facts.keepAway ?? []) {
      if (isInside(away.folder, outDir)) return `this folder holds ${away.what} (${away.setting}=${show(away.folder)}). ${choose}`;
    }
    for (const name of ['segments', 'content']) {
      const folder = join(contentRoot, name);
      if (outDir === folder || isInside(outDir, folder)) return `this is ${outDir === folder ? 'the' : 'inside the'} content folder ${show(folder)}/, which the site is built from. ${choose}`;
    }
    for (const name of PROJECT_FOLDERS) {
      const folder = join(projectRoot, name);
      if (outDir === folder || isInside(outDir, folder)) return `this is ${outDir === folder ? 'the project’s' : 'inside the project’s'} ${name}/ folder. ${choose}`;
    }
    const work = join(projectRoot, WORK_FOLDER);
    if (outDir === work) return `this is the project’s ${WORK_FOLDER}/ folder, which holds the test sites, reports and build staging. Use a new folder inside it instead, such as ${owner.workExample}.`;
    const stagingName = relative(work, outDir).split(sep)[0] ?? '';
    if (isInside(outDir, work) && /^staging-\d+$/.test(stagingName)) return `this is inside ${WORK_FOLDER}/${stagingName}/, where a build writes before moving the site into place. ${choose}`;
    if (facts.existing.kind !== 'folder') return undefined;
    const { entries } = facts.existing;
    for (const other of facts.foreign ?? []) {
      if (entries.includes(other.marker)) return `this folder holds ${other.what} (it has ${other.marker}), ${other.why}. ${choose}`;
    }
    if (entries.length > 0 && !facts.existing.earlierBuild) {
      // Name a file that is plainly not ours: one the owner also writes proves nothing to the reader.
      const ours = (name: string) => owner.ownFiles.test(name);
      const example = [...entries].sort((a, b) => Number(ours(a)) - Number(ours(b)) || (a < b ? -1 : 1))[0];
      return `this folder holds files that no earlier ${owner.writer} wrote (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, e.g. ${example}). Choose an empty or new folder, or delete its contents yourself if they are no longer needed.`;
    }
    return undefined;
  })();
  if (!reason) return undefined;
  return `${owner.quote(facts.given, show(outDir))}: ${reason}`;
}

/** True when `path` is strictly inside `folder`. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The real path of `path`: symlinks resolved, also for a folder that does not exist yet (its
 * nearest existing parent is resolved and the rest appended), so a link to the project folder
 * is recognised as the project folder.
 */
export function realPathOf(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync.native(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(current);
      if (parent === current) return path;
      missing.push(basename(current));
      current = parent;
    }
  }
}

/**
 * A folder written by a build from before the marker existed: a home page whose `<body>` carries
 * the content version, the `_astro/` assets folder, and nothing a build does not write (pages,
 * page folders, the sitemap, robots.txt, `_headers`, the files of `public/`). Other generators'
 * sites lack the attribute; a folder someone also keeps other files in has entries of its own.
 */
export function looksLikeEarlierOutput(dir: string, publicFiles: readonly string[] = []): boolean {
  try {
    if (!statSync(join(dir, '_astro')).isDirectory()) return false;
    if (!/<body[^>]*\sdata-content-version=/.test(readFileSync(join(dir, 'index.html'), 'utf8'))) return false;
    return readdirSync(dir, { withFileTypes: true }).every((entry) => {
      if (entry.isDirectory()) return entry.name === '_astro' || existsSync(join(dir, entry.name, 'index.html'));
      return /\.html$|^sitemap[\w-]*\.xml$|^robots\.txt$|^_headers$/.test(entry.name) || publicFiles.includes(entry.name);
    });
  } catch {
    return false;
  }
}

/** Where the guard looks. `outDir`, `projectRoot`, `contentRoot` and the folders to keep away from are absolute. */
export interface OutDirOptions {
  given: string | undefined;
  outDir: string;
  projectRoot: string;
  contentRoot: string;
  home?: string;
  keepAway?: readonly KeepAway[];
  foreign?: readonly ForeignMarker[];
  show?: (path: string) => string;
}

/** Reads what the guard needs from disk for `owner` (the site build unless said otherwise). */
export function readOutDirFacts(options: OutDirOptions, owner: OutputOwner = SITE_OUTPUT): OutDirFacts {
  const outDir = realPathOf(options.outDir);
  const projectRoot = realPathOf(options.projectRoot);
  let existing: OutDirFacts['existing'] = { kind: 'none' };
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) existing = { kind: 'file' };
    else {
      const entries = readdirSync(outDir);
      existing = { kind: 'folder', entries, earlierBuild: entries.includes(owner.marker) || (owner.earlierOutput?.(outDir, projectRoot) ?? false) };
    }
  }
  return {
    given: options.given,
    outDir,
    projectRoot,
    contentRoot: realPathOf(options.contentRoot),
    home: realPathOf(options.home ?? homedir()),
    existing,
    keepAway: options.keepAway?.map((away) => ({ ...away, folder: realPathOf(away.folder) })),
    foreign: options.foreign,
    show: options.show,
  };
}

/**
 * The output folder `owner` may replace (its real path), or an `OutDirRefused` error saying why not.
 * Reads the disk and changes nothing.
 */
export function guardOutDir(options: OutDirOptions, owner: OutputOwner = SITE_OUTPUT): string {
  let facts: OutDirFacts;
  try {
    facts = readOutDirFacts(options, owner);
  } catch (error) {
    throw new OutDirRefused(`${owner.quote(options.given, (options.show ?? String)(options.outDir))}: cannot be read (${(error as Error).message}). Choose a folder this user may read and write.`);
  }
  const refusal = outDirRefusal(facts, owner);
  if (refusal) throw new OutDirRefused(refusal);
  return facts.outDir;
}
