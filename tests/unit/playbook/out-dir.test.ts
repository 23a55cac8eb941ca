import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, guardOutDir, OutDirRefused, outDirRefusal, type OutDirFacts } from '../../../src/lib/output/out-dir.ts';
import { PLAYBOOK_MARKER } from '../../../src/lib/playbook/build.ts';
import { DEFAULT_PLAYBOOK_DIR, PLAYBOOK_OUTPUT, playbookKeepAway } from '../../../src/lib/playbook/out-dir.ts';

const PROJECT = '/work/site';
const HOME = '/home/me';
const PUBLIC = `${PROJECT}/dist`;
const CHOOSE = 'The playbook replaces its folder as a whole, so it needs one of its own.';

/** The guard's verdict on `--out out` for a project at /work/site whose public site goes to dist. */
function refusal(out: string, existing: OutDirFacts['existing'] = { kind: 'none' }, byDefault = false): string | undefined {
  const facts: OutDirFacts = { given: byDefault ? undefined : out, outDir: out, projectRoot: PROJECT, contentRoot: PROJECT, home: HOME, existing, ...playbookKeepAway(PUBLIC), show: (p) => p.replace(`${PROJECT}/`, '') };
  return outDirRefusal(facts, PLAYBOOK_OUTPUT);
}

describe('the playbook’s output folder guard', () => {
  it('never goes in, over or around the public site’s output folder', () => {
    expect(refusal(PUBLIC)).toBe(`--out ${PUBLIC}: this is the public site's output folder (OUT_DIR=dist), which is published; the playbook is internal.`);
    expect(refusal(`${PUBLIC}/internal`)).toBe(`--out ${PUBLIC}/internal: this is inside the public site's output folder (OUT_DIR=dist), which is published; the playbook is internal.`);
    const around = outDirRefusal({ given: '/srv', outDir: '/srv', projectRoot: PROJECT, contentRoot: PROJECT, home: HOME, existing: { kind: 'none' }, ...playbookKeepAway('/srv/www') }, PLAYBOOK_OUTPUT);
    expect(around).toBe(`--out /srv: this folder holds the public site's output folder (OUT_DIR=/srv/www). ${CHOOSE}`);
  });

  it('refuses what the site build refuses, in the playbook’s words', () => {
    expect(refusal(PROJECT)).toBe(`--out ${PROJECT}: this is the project folder. ${CHOOSE}`);
    expect(refusal('/work')).toBe(`--out /work: this folder holds the project (${PROJECT}). ${CHOOSE}`);
    expect(refusal(`${PROJECT}/segments`)).toBe(`--out ${PROJECT}/segments: this is the content folder segments/, which the site is built from. ${CHOOSE}`);
    expect(refusal(`${PROJECT}/src/playbook`)).toBe(`--out ${PROJECT}/src/playbook: this is inside the project’s src/ folder. ${CHOOSE}`);
    expect(refusal(`${PROJECT}/package.json`, { kind: 'file' })).toBe(`--out ${PROJECT}/package.json: this is a file, not a folder. ${CHOOSE}`);
    expect(refusal(HOME)).toMatch(/: this is your home folder\./);
    // A folder holding both the project and the public output is named for the project.
    expect(refusal('/work')).not.toContain('OUT_DIR');
  });

  it('refuses the work folder itself and suggests the playbook’s default inside it', () => {
    expect(refusal(`${PROJECT}/.build`)).toBe(`--out ${PROJECT}/.build: this is the project’s .build/ folder, which holds the test sites, reports and build staging. Use a new folder inside it instead, such as ${DEFAULT_PLAYBOOK_DIR}.`);
    expect(refusal(`${PROJECT}/.build/staging-4711`)).toMatch(/: this is inside \.build\/staging-4711\//);
    expect(refusal(`${PROJECT}/${DEFAULT_PLAYBOOK_DIR}`)).toBeUndefined();
  });

  it('refuses a folder holding a public site build, even one that also holds a playbook', () => {
    const entries = [BUILD_MARKER, PLAYBOOK_MARKER, 'index.html'];
    expect(refusal('/srv/review', { kind: 'folder', entries, earlierBuild: true })).toBe(`--out /srv/review: this folder holds a public site build (it has ${BUILD_MARKER}), which may be published. ${CHOOSE}`);
  });

  it('refuses a folder of other files and names one the playbook does not write', () => {
    const entries = ['index.html', 'scorecard.csv', 'notes.txt'];
    expect(refusal('/srv/review', { kind: 'folder', entries, earlierBuild: false })).toBe(
      '--out /srv/review: this folder holds files that no earlier playbook wrote (3 entries, e.g. notes.txt). Choose an empty or new folder, or delete its contents yourself if they are no longer needed.',
    );
  });

  it('names the default folder when --out is not given, and accepts new, empty and earlier playbook folders', () => {
    expect(refusal(`${PROJECT}/.build`, { kind: 'none' }, true)).toMatch(/^the output folder \.build: this is the project’s \.build\/ folder/);
    expect(refusal('/srv/review')).toBeUndefined();
    expect(refusal('/srv/review', { kind: 'folder', entries: [], earlierBuild: false })).toBeUndefined();
    expect(refusal('/srv/review', { kind: 'folder', entries: [PLAYBOOK_MARKER, 'index.html', 'scorecard.csv'], earlierBuild: true })).toBeUndefined();
  });
});

describe('the playbook’s guard on disk', () => {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'playbook-out-')));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const project = join(tmp, 'project');
  mkdirSync(join(project, 'segments'), { recursive: true });
  const options = (out: string, publicOut = join(project, 'dist')) => ({ given: out, outDir: out, projectRoot: project, contentRoot: project, home: join(tmp, 'home'), ...playbookKeepAway(publicOut) });

  it('knows its own folder by its marker, not by the site build’s', () => {
    const out = join(tmp, 'review');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '');
    expect(() => guardOutDir(options(out), PLAYBOOK_OUTPUT)).toThrow(/no earlier playbook wrote \(1 entry, e\.g\. index\.html\)/);
    writeFileSync(join(out, PLAYBOOK_MARKER), '{}\n');
    expect(guardOutDir(options(out), PLAYBOOK_OUTPUT)).toBe(out);
    writeFileSync(join(out, BUILD_MARKER), '{}\n');
    expect(() => guardOutDir(options(out), PLAYBOOK_OUTPUT)).toThrow(/holds a public site build/);
  });

  it('resolves symlinks, so a link to the public site’s folder is that folder', () => {
    const site = join(tmp, 'site');
    mkdirSync(site);
    symlinkSync(site, join(tmp, 'link-to-site'));
    expect(() => guardOutDir(options(join(tmp, 'link-to-site'), site), PLAYBOOK_OUTPUT)).toThrow(OutDirRefused);
    expect(() => guardOutDir(options(join(tmp, 'link-to-site', 'internal'), site), PLAYBOOK_OUTPUT)).toThrow(/this is inside the public site's output folder/);
    expect(() => guardOutDir(options(site, join(tmp, 'link-to-site')), PLAYBOOK_OUTPUT)).toThrow(/this is the public site's output folder/);
  });

  it('says so, rather than crashing, when the folder cannot be read', () => {
    symlinkSync(join(tmp, 'loop'), join(tmp, 'loop'));
    expect(() => guardOutDir(options(join(tmp, 'loop')), PLAYBOOK_OUTPUT)).toThrow(/^--out \S+loop: cannot be read \(ELOOP: .*\)\. Choose a folder this user may read and write\.$/);
  });
});
