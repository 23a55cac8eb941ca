import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, buildMarker, guardOutDir, looksLikeEarlierOutput, OutDirRefused, outDirRefusal, PROJECT_FOLDERS, readOutDirFacts, realPathOf, SITE_OUTPUT, type OutDirFacts, type OutputOwner } from '../../../src/lib/output/out-dir.ts';

const PROJECT = '/work/site';
const CONTENT = '/data/marketing';
const HOME = '/home/me';

/** The guard's verdict on `outDir` for a project at /work/site built from /data/marketing. */
function refusal(outDir: string, existing: OutDirFacts['existing'] = { kind: 'none' }, contentRoot = CONTENT): string | undefined {
  return outDirRefusal({ given: outDir, outDir, projectRoot: PROJECT, contentRoot, home: HOME, existing });
}

describe('the output folder guard', () => {
  it('refuses the root of the file system, the home folder and every folder above the project, the content or home', () => {
    expect(refusal('/')).toMatch(/: this is the root of the file system\./);
    expect(refusal(HOME)).toMatch(/: this is your home folder\./);
    expect(refusal('/home')).toMatch(/: this folder holds your home folder/);
    expect(refusal('/work')).toMatch(/: this folder holds the project \(\/work\/site\)/);
    expect(refusal('/data')).toMatch(/: this folder holds the content folder \(CONTENT_ROOT=\/data\/marketing\)/);
  });

  it('refuses the project folder and the content folder', () => {
    expect(refusal(PROJECT)).toMatch(/: this is the project folder\./);
    expect(refusal(CONTENT)).toMatch(/: this is the content folder \(CONTENT_ROOT\)/);
    // With the content in the project (the default), the project is named.
    expect(refusal(PROJECT, { kind: 'none' }, PROJECT)).toMatch(/: this is the project folder\./);
  });

  it('refuses the content folders and anything inside them', () => {
    expect(refusal(`${CONTENT}/segments`)).toMatch(/: this is the content folder \/data\/marketing\/segments\/, which the site is built from\./);
    expect(refusal(`${CONTENT}/content`)).toMatch(/: this is the content folder \/data\/marketing\/content\//);
    expect(refusal(`${CONTENT}/content/personas/out`)).toMatch(/: this is inside the content folder \/data\/marketing\/content\//);
  });

  it('refuses the project’s own folders and anything inside them', () => {
    for (const name of PROJECT_FOLDERS) {
      expect(refusal(`${PROJECT}/${name}`), name).toContain(`: this is the project’s ${name}/ folder.`);
      expect(refusal(`${PROJECT}/${name}/site`), name).toContain(`: this is inside the project’s ${name}/ folder.`);
    }
    expect(PROJECT_FOLDERS).toEqual(expect.arrayContaining(['src', 'scripts', 'tests', 'public', 'node_modules', '.git', '.ci', 'segments', 'content']));
  });

  it('refuses the project’s work folder and the build staging in it, but not another folder in it', () => {
    expect(refusal(`${PROJECT}/.build`)).toMatch(/: this is the project’s \.build\/ folder, .* such as \.build\/site\.$/);
    expect(refusal(`${PROJECT}/.build/staging-4711`)).toMatch(/: this is inside \.build\/staging-4711\//);
    expect(refusal(`${PROJECT}/.build/staging-4711/site`)).toMatch(/: this is inside \.build\/staging-4711\//);
    expect(refusal(`${PROJECT}/.build/e2e/sample`)).toBeUndefined();
    expect(refusal(`${PROJECT}/.build/staging`)).toBeUndefined();
  });

  it('refuses a file', () => {
    expect(refusal(`${PROJECT}/package.json`, { kind: 'file' })).toMatch(/: this is a file, not a folder\./);
  });

  it('refuses a folder holding files that no build wrote, and names one of them', () => {
    const entries = ['index.html', 'notes.txt', '_astro', 'taxes-2025.pdf'];
    expect(refusal('/var/www/site', { kind: 'folder', entries, earlierBuild: false })).toMatchInlineSnapshot(
      `"OUT_DIR=/var/www/site: this folder holds files that no earlier build wrote (4 entries, e.g. notes.txt). Choose an empty or new folder, or delete its contents yourself if they are no longer needed."`,
    );
    expect(refusal('/var/www/site', { kind: 'folder', entries: ['.DS_Store'], earlierBuild: false })).toMatch(/\(1 entry, e\.g\. \.DS_Store\)/);
  });

  it('accepts a new, empty or earlier-built folder inside or outside the project', () => {
    expect(refusal(`${PROJECT}/dist`)).toBeUndefined();
    expect(refusal(`${PROJECT}/dist`, { kind: 'folder', entries: ['index.html', BUILD_MARKER], earlierBuild: true })).toBeUndefined();
    expect(refusal('/var/www/site', { kind: 'folder', entries: [], earlierBuild: false })).toBeUndefined();
    expect(refusal('/var/www/site', { kind: 'folder', entries: ['index.html', '_astro'], earlierBuild: true })).toBeUndefined();
    expect(refusal('/work/other-site')).toBeUndefined();
    expect(refusal(`${CONTENT}/dist`)).toBeUndefined();
    expect(refusal(`${HOME}/sites/northwind`)).toBeUndefined();
  });

  it('quotes OUT_DIR as given, or names the default folder when OUT_DIR is not set', () => {
    const facts: OutDirFacts = { given: 'segments', outDir: `${PROJECT}/segments`, projectRoot: PROJECT, contentRoot: PROJECT, home: HOME, existing: { kind: 'none' }, show: (p) => p.replace(`${PROJECT}/`, '') };
    expect(outDirRefusal(facts)).toMatchInlineSnapshot(
      `"OUT_DIR=segments: this is the content folder segments/, which the site is built from. A build replaces its output folder as a whole: choose a folder of its own, such as dist (the default), .build/site, or an empty or new folder outside the project."`,
    );
    const dist = { ...facts, given: undefined, outDir: `${PROJECT}/dist`, existing: { kind: 'folder' as const, entries: ['notes.txt'], earlierBuild: false } };
    expect(outDirRefusal(dist)).toMatch(/^The output folder dist \(the default; set OUT_DIR for another\): this folder holds files/);
  });
});

describe('the guard for another command’s output folder', () => {
  const notes: OutputOwner = {
    marker: '.notes-output',
    writer: 'export',
    quote: (given, shown) => (given === undefined ? `the export folder ${shown}` : `--to ${given}`),
    choose: 'The export replaces its folder as a whole.',
    workExample: '.build/notes',
    ownFiles: /^notes\.html$/,
  };
  const facts = (outDir: string, existing: OutDirFacts['existing'] = { kind: 'none' }): OutDirFacts => ({
    given: outDir,
    outDir,
    projectRoot: PROJECT,
    contentRoot: CONTENT,
    home: HOME,
    existing,
    keepAway: [{ folder: '/srv/www', what: 'the published site', setting: 'SITE', why: 'which is public.' }],
    foreign: [{ marker: BUILD_MARKER, what: 'a site build', why: 'which may be published' }],
  });

  it('speaks of the command, its marker and its work folder example', () => {
    expect(outDirRefusal(facts(PROJECT), notes)).toBe('--to /work/site: this is the project folder. The export replaces its folder as a whole.');
    expect(outDirRefusal(facts(`${PROJECT}/.build`), notes)).toMatch(/Use a new folder inside it instead, such as \.build\/notes\.$/);
    expect(outDirRefusal(facts('/srv/out', { kind: 'folder', entries: ['notes.html', 'a.txt'], earlierBuild: false }), notes)).toMatch(/^--to \/srv\/out: this folder holds files that no earlier export wrote \(2 entries, e\.g\. a\.txt\)\./);
    expect(outDirRefusal({ ...facts(PROJECT), given: undefined }, notes)).toMatch(/^the export folder \/work\/site: /);
  });

  it('keeps out of, and away from, the folders it is given', () => {
    expect(outDirRefusal(facts('/srv/www'), notes)).toBe('--to /srv/www: this is the published site (SITE=/srv/www), which is public.');
    expect(outDirRefusal(facts('/srv/www/notes'), notes)).toBe('--to /srv/www/notes: this is inside the published site (SITE=/srv/www), which is public.');
    expect(outDirRefusal(facts('/srv'), notes)).toBe('--to /srv: this folder holds the published site (SITE=/srv/www). The export replaces its folder as a whole.');
    expect(outDirRefusal(facts('/srv/notes'), notes)).toBeUndefined();
  });

  it('refuses a folder with another command’s marker, even beside its own', () => {
    const existing = { kind: 'folder' as const, entries: ['.notes-output', BUILD_MARKER], earlierBuild: true };
    expect(outDirRefusal(facts('/srv/out', existing), notes)).toBe(`--to /srv/out: this folder holds a site build (it has ${BUILD_MARKER}), which may be published. The export replaces its folder as a whole.`);
    expect(outDirRefusal(facts('/srv/out', { ...existing, entries: ['.notes-output'] }), notes)).toBeUndefined();
  });

  it('reads the owner’s marker from disk, and the site build’s only for the site build', () => {
    const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'out-dir-owner-')));
    try {
      writeFileSync(join(tmp, '.notes-output'), '');
      const options = { given: tmp, outDir: tmp, projectRoot: PROJECT, contentRoot: CONTENT, home: HOME };
      expect(guardOutDir(options, notes)).toBe(tmp);
      expect(() => guardOutDir(options, SITE_OUTPUT)).toThrow(/no earlier build wrote \(1 entry, e\.g\. \.notes-output\)/);
      expect(() => guardOutDir(options)).toThrow(OutDirRefused);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the guard on disk', () => {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'out-dir-')));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const project = join(tmp, 'project');
  mkdirSync(join(project, 'segments'), { recursive: true });
  mkdirSync(join(project, 'public'), { recursive: true });
  writeFileSync(join(project, 'public', 'favicon.svg'), '<svg/>');
  const options = (outDir: string) => ({ given: outDir, outDir, projectRoot: project, contentRoot: project, home: join(tmp, 'home') });

  it('resolves symlinks, so a link to the project or into its content is refused', () => {
    symlinkSync(project, join(tmp, 'link-to-project'));
    expect(realPathOf(join(tmp, 'link-to-project'))).toBe(project);
    expect(realPathOf(join(tmp, 'link-to-project', 'segments', 'new'))).toBe(join(project, 'segments', 'new'));
    expect(() => guardOutDir(options(join(tmp, 'link-to-project')))).toThrow(OutDirRefused);
    expect(() => guardOutDir(options(join(tmp, 'link-to-project', 'segments')))).toThrow(/this is the content folder/);
    expect(guardOutDir(options(join(tmp, 'link-to-project', 'dist')))).toBe(join(project, 'dist'));
  });

  it('accepts a folder with the marker, and refuses it once someone else’s file is all it holds', () => {
    const out = join(tmp, 'marked');
    mkdirSync(out);
    writeFileSync(join(out, BUILD_MARKER), buildMarker('abc'));
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(guardOutDir(options(out))).toBe(out);
    rmSync(join(out, BUILD_MARKER));
    expect(() => guardOutDir(options(out))).toThrow(/holds files that no earlier build wrote \(1 entry, e\.g\. notes\.txt\)/);
  });

  it('recognises the output of a build from before the marker, and nothing else', () => {
    const out = join(tmp, 'earlier');
    mkdirSync(join(out, '_astro'), { recursive: true });
    mkdirSync(join(out, 'eu-due-diligence'));
    writeFileSync(join(out, 'index.html'), '<!DOCTYPE html><html lang="en"><body data-page-type="home" data-content-version="08c4b93026de"></body></html>');
    for (const name of ['404.html', 'sitemap.xml', 'robots.txt', '_headers', 'favicon.svg', 'eu-due-diligence/index.html']) writeFileSync(join(out, name), '');
    expect(looksLikeEarlierOutput(out, ['favicon.svg'])).toBe(true);
    expect(readOutDirFacts(options(out)).existing).toMatchObject({ kind: 'folder', earlierBuild: true });
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(looksLikeEarlierOutput(out, ['favicon.svg']), 'a file a build does not write').toBe(false);
    rmSync(join(out, 'notes.txt'));
    mkdirSync(join(out, 'photos'));
    expect(looksLikeEarlierOutput(out, ['favicon.svg']), 'a folder that is no page').toBe(false);
    rmSync(join(out, 'photos'), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<!DOCTYPE html><html><body class="home"></body></html>');
    expect(looksLikeEarlierOutput(out, ['favicon.svg']), 'another generator’s home page').toBe(false);
  });

  it('says so, rather than crashing, when the folder cannot be read', () => {
    symlinkSync(join(tmp, 'loop'), join(tmp, 'loop'));
    expect(() => guardOutDir(options(join(tmp, 'loop')))).toThrow(/^OUT_DIR=\S+loop: cannot be read \(ELOOP: .*\)\. Choose a folder this user may read and write\.$/);
  });

  it('writes a one-line marker that says nothing a page does not', () => {
    expect(buildMarker('08c4b93026de')).toBe('{"builtBy":"segment-pages","contentVersion":"08c4b93026de"}\n');
  });
});
