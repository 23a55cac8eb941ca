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

/** What the guard needs to know about the places involved, every path already resolved through symlinks. */
export interface OutDirFacts {
  /** OUT_DIR as it was given (undefined when unset, so the default `dist` applies): messages quote it. */
  given: string | undefined;
  /** The output folder, real path (for a folder that does not exist yet: its nearest existing parent's real path plus the rest). */
  outDir: string;
  projectRoot: string;
  contentRoot: string;
  home: string;
  /** What is there today: nothing, a file, or a folder with these entries. */
  existing: { kind: 'none' } | { kind: 'file' } | { kind: 'folder'; entries: string[]; earlierBuild: boolean };
  /** Shows a path in a message (relative to the working folder when inside it). */
  show?: (path: string) => string;
}

/** OUT_DIR names a folder a build must not replace; the message says why and what to do instead. */
export class OutDirRefused extends Error {
  override name = 'OutDirRefused';
}

const CHOOSE = 'A build replaces its output folder as a whole: choose a folder of its own, such as dist (the default), .build/site, or an empty or new folder outside the project.';

/**
 * Why a build must not write to `facts.outDir`, or undefined when it may. Refused: the project
 * folder, the content folder (CONTENT_ROOT), the home folder and every folder above any of them;
 * anything inside the content folders and the project's own folders; the project's work folder
 * and build staging; a file; and a non-empty folder that no earlier build wrote.
 */
export function outDirRefusal(facts: OutDirFacts): string | undefined {
  const show = facts.show ?? ((path: string) => path);
  const { outDir, projectRoot, contentRoot, home } = facts;
  const reason = ((): string | undefined => {
    if (facts.existing.kind === 'file') return `this is a file, not a folder. ${CHOOSE}`;
    if (outDir === parse(outDir).root) return `this is the root of the file system. ${CHOOSE}`;
    if (outDir === projectRoot) return `this is the project folder. ${CHOOSE}`;
    if (outDir === contentRoot) return `this is the content folder (CONTENT_ROOT), which holds segments/ and content/. ${CHOOSE}`;
    if (outDir === home) return `this is your home folder. ${CHOOSE}`;
    if (isInside(projectRoot, outDir)) return `this folder holds the project (${show(projectRoot)}). ${CHOOSE}`;
    if (isInside(contentRoot, outDir)) return `this folder holds the content folder (CONTENT_ROOT=${show(contentRoot)}). ${CHOOSE}`;
    if (isInside(home, outDir)) return `this folder holds your home folder (${home}). ${CHOOSE}`;
    for (const name of ['segments', 'content']) {
      const folder = join(contentRoot, name);
      if (outDir === folder || isInside(outDir, folder)) return `this is ${outDir === folder ? 'the' : 'inside the'} content folder ${show(folder)}/, which the site is built from. ${CHOOSE}`;
    }
    for (const name of PROJECT_FOLDERS) {
      const folder = join(projectRoot, name);
      if (outDir === folder || isInside(outDir, folder)) return `this is ${outDir === folder ? 'the project’s' : 'inside the project’s'} ${name}/ folder. ${CHOOSE}`;
    }
    const work = join(projectRoot, WORK_FOLDER);
    if (outDir === work) return `this is the project’s ${WORK_FOLDER}/ folder, which holds the test sites, reports and build staging. Use a new folder inside it instead, such as ${WORK_FOLDER}/site.`;
    const stagingName = relative(work, outDir).split(sep)[0] ?? '';
    if (isInside(outDir, work) && /^staging-\d+$/.test(stagingName)) return `this is inside ${WORK_FOLDER}/${stagingName}/, where a build writes before moving the site into place. ${CHOOSE}`;
    if (facts.existing.kind === 'folder' && facts.existing.entries.length > 0 && !facts.existing.earlierBuild) {
      const { entries } = facts.existing;
      // Name a file that is plainly not ours: one that a build also writes proves nothing to the reader.
      const ours = (name: string) => /^(?:_astro|_headers|index\.html|404\.html|sitemap[\w-]*\.xml|robots\.txt)$/.test(name);
      const example = [...entries].sort((a, b) => Number(ours(a)) - Number(ours(b)) || (a < b ? -1 : 1))[0];
      return `this folder holds files that no earlier build wrote (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, e.g. ${example}). Choose an empty or new folder, or delete its contents yourself if they are no longer needed.`;
    }
    return undefined;
  })();
  if (!reason) return undefined;
  return `${facts.given === undefined ? `The output folder ${show(outDir)} (the default; set OUT_DIR for another)` : `OUT_DIR=${facts.given}`}: ${reason}`;
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

/** Reads what the guard needs from disk. `outDir`, `projectRoot` and `contentRoot` are absolute. */
export function readOutDirFacts(options: { given: string | undefined; outDir: string; projectRoot: string; contentRoot: string; home?: string; show?: (path: string) => string }): OutDirFacts {
  const outDir = realPathOf(options.outDir);
  let existing: OutDirFacts['existing'] = { kind: 'none' };
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) existing = { kind: 'file' };
    else {
      const entries = readdirSync(outDir);
      const publicFiles = existsSync(join(options.projectRoot, 'public')) ? readdirSync(join(options.projectRoot, 'public')) : [];
      existing = { kind: 'folder', entries, earlierBuild: entries.includes(BUILD_MARKER) || looksLikeEarlierOutput(outDir, publicFiles) };
    }
  }
  return {
    given: options.given,
    outDir,
    projectRoot: realPathOf(options.projectRoot),
    contentRoot: realPathOf(options.contentRoot),
    home: realPathOf(options.home ?? homedir()),
    existing,
    show: options.show,
  };
}

/**
 * The output folder a build may replace (its real path), or an `OutDirRefused` error saying why not.
 * Reads the disk and changes nothing.
 */
export function guardOutDir(options: Parameters<typeof readOutDirFacts>[0]): string {
  let facts: OutDirFacts;
  try {
    facts = readOutDirFacts(options);
  } catch (error) {
    const name = options.given === undefined ? `The output folder ${(options.show ?? String)(options.outDir)}` : `OUT_DIR=${options.given}`;
    throw new OutDirRefused(`${name}: cannot be read (${(error as Error).message}). Choose a folder this user may read and write.`);
  }
  const refusal = outDirRefusal(facts);
  if (refusal) throw new OutDirRefused(refusal);
  return facts.outDir;
}
