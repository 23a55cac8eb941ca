/**
 * The README and the guides under docs/ link to each other and to their own sections; the check's
 * output links to guide sections too (src/lib/docs-links.ts). Every relative link and `#anchor`
 * must land on a file that exists and a heading (GitHub's slug) or `<a id>` that is there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import { FILE_DOCS, RULE_DOCS } from '../../src/lib/docs-links.ts';
import { PROJECT_ROOT } from './helpers.ts';

interface Parsed {
  anchors: Set<string>;
  links: { url: string; line: number }[];
}

/** The text of a node as GitHub slugs it: text and inline code, without markup. */
function plainText(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
}

/** Headings' slugs (numbered like GitHub's when they repeat), explicit `id`s, and every link and image. */
function parseMarkdown(text: string): Parsed {
  const tree: Root = remark().parse(text);
  const slugger = new GithubSlugger();
  const parsed: Parsed = { anchors: new Set(), links: [] };
  const visit = (node: Nodes) => {
    if (node.type === 'heading') parsed.anchors.add(slugger.slug(plainText(node)));
    if (node.type === 'html') for (const match of node.value.matchAll(/\b(?:id|name)="([^"]+)"/g)) parsed.anchors.add(match[1]!);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') parsed.links.push({ url: node.url, line: node.position?.start.line ?? 0 });
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return parsed;
}

/** Links that leave the repository (a scheme, `//host`) or name a path on the built site are not checked here. */
function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/');
}

/**
 * Problems with the links of some Markdown files, as `file:line link: what is wrong`. `read` gives a
 * file's text by its path from the root, or undefined when there is no such file.
 */
function brokenLinks(files: readonly string[], read: (path: string) => string | undefined, isFolder: (path: string) => boolean = () => false): string[] {
  const cache = new Map<string, Parsed>();
  const parsedOf = (path: string) => {
    if (!cache.has(path)) cache.set(path, parseMarkdown(read(path) ?? ''));
    return cache.get(path)!;
  };
  const problems: string[] = [];
  for (const file of files) {
    for (const { url, line } of parsedOf(file).links) {
      if (isExternal(url)) continue;
      const problem = resolveLink(file, url, read, isFolder, parsedOf);
      if (problem) problems.push(`${file}:${line} ${url}: ${problem}`);
    }
  }
  return problems;
}

function resolveLink(from: string, url: string, read: (path: string) => string | undefined, isFolder: (path: string) => boolean, parsedOf: (path: string) => Parsed): string | undefined {
  const hash = url.indexOf('#');
  const path = decodeURIComponent(hash === -1 ? url : url.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(url.slice(hash + 1));
  const target = path ? join(dirname(from), path).replaceAll('\\', '/').replace(/\/$/, '') : from;
  if (target.startsWith('..')) return 'points outside the repository';
  if (!isFolder(target) && read(target) === undefined) return `${target} does not exist`;
  if (anchor === undefined) return undefined;
  if (!target.endsWith('.md')) return `an anchor needs a Markdown file, not ${target}`;
  return parsedOf(target).anchors.has(anchor) ? undefined : `${target} has no heading or id "${anchor}"`;
}

/** README.md and every Markdown file under docs/, as paths from the project root. */
function documentation(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(`${dir}/${entry.name}`) : entry.name.endsWith('.md') ? [`${dir}/${entry.name}`] : []));
  return ['README.md', ...walk('docs')];
}

const readProjectFile = (path: string) => (existsSync(join(PROJECT_ROOT, path)) && statSync(join(PROJECT_ROOT, path)).isFile() ? readFileSync(join(PROJECT_ROOT, path), 'utf8') : undefined);
const isProjectFolder = (path: string) => existsSync(join(PROJECT_ROOT, path)) && statSync(join(PROJECT_ROOT, path)).isDirectory();

describe('the link checker', () => {
  const files: Record<string, string> = {
    'README.md': '# Title\n\n## The `OUT_DIR` folder\n\nSee [guide](docs/guide.md#short), [folder](#the-out_dir-folder) and [gone](docs/gone.md).\n',
    'docs/guide.md': '# Guide\n\n<a id="short"></a>\n\n## Step\n\n## Step\n\n[back](../README.md#title), [second step](#step-1), [typo](#stpe), [out](../../x.md)\n\n```\n[not a link](#nowhere)\n```\n',
  };
  const problems = brokenLinks(Object.keys(files), (path) => files[path]);

  it('finds headings by GitHub slug, numbered repeats and explicit ids, across folders', () => {
    expect(problems).not.toContainEqual(expect.stringContaining('#short'));
    expect(problems).not.toContainEqual(expect.stringContaining('#the-out_dir-folder'));
    expect(problems).not.toContainEqual(expect.stringContaining('#step-1'));
    expect(problems).not.toContainEqual(expect.stringContaining('#title'));
  });

  it('reports a missing file, a missing anchor and a link out of the repository, and ignores code', () => {
    expect(problems).toEqual([
      'README.md:5 docs/gone.md: docs/gone.md does not exist',
      'docs/guide.md:9 #stpe: docs/guide.md has no heading or id "stpe"',
      'docs/guide.md:9 ../../x.md: points outside the repository',
    ]);
  });
});

describe('the README and the guides', () => {
  const files = documentation();

  it('are the README and at least the guides it maps', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/authoring.md', 'docs/measurement.md', 'docs/workbench.md', 'docs/deploy.md']));
  });

  it('link only to files, headings and ids that exist', () => {
    expect(brokenLinks(files, readProjectFile, isProjectFolder)).toEqual([]);
  });

  it('each guide is linked from the README', () => {
    const linked = new Set(parseMarkdown(readProjectFile('README.md')!).links.map((link) => link.url.split('#')[0]));
    expect(files.filter((file) => file !== 'README.md' && !linked.has(file))).toEqual([]);
  });
});

describe('the guide links of the check', () => {
  const links = [...Object.values(RULE_DOCS).filter((link) => link !== 'file'), ...FILE_DOCS.map(([, link]) => link)];

  it('all resolve from the project root (where the check is run)', () => {
    const parsed = new Map(documentation().map((file) => [file, parseMarkdown(readProjectFile(file)!)]));
    const problems = links.flatMap((link) => {
      const problem = resolveLink('index.md', link, readProjectFile, isProjectFolder, (path) => parsed.get(path) ?? parseMarkdown(readProjectFile(path) ?? ''));
      return problem ? [`${link}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('cover every rule a diagnostic in src/lib names (as `rule: …` or after its severity)', () => {
    const rules = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true })) {
        if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
        else if (entry.name.endsWith('.ts')) for (const match of readFileSync(join(PROJECT_ROOT, dir, entry.name), 'utf8').matchAll(/\brule: '([a-z0-9-]+)'|'(?:error|warning)', '([a-z0-9-]+)'/g)) rules.add((match[1] ?? match[2])!);
      }
    };
    walk('src/lib');
    // `stopped`: an export file that cannot be read further, from the report and the workbench, not the check.
    const uncovered = [...rules].filter((rule) => !(rule in RULE_DOCS) && rule !== 'stopped');
    expect(uncovered).toEqual([]);
    expect(rules.size).toBeGreaterThan(20);
  });
});
