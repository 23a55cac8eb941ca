import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/load/files.ts';
import { parseProject } from '../../src/lib/load/project.ts';
import { TEST_SITES } from '../sites.ts';
import { builtDir, PROJECT_ROOT, read, siteFiles } from './site-files.ts';

/**
 * Seams a reader sees in the built pages: a space before punctuation (whitespace that templates put
 * between inline elements, or a join with a space too many), and a regulation's facts stated twice
 * on one page (its block under "Rules that apply" and again in a FAQ answer, or in two answers).
 */

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', hellip: '…' };

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of a page's body as a reader sees it: no head, scripts, styles or comments; tags removed without adding space. */
function visibleText(html: string): string {
  const body = html
    .replace(/<head\b[\s\S]*?<\/head>/i, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '');
  return decodeHtml(body.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ');
}

const pages = TEST_SITES.flatMap((site) =>
  [...siteFiles(builtDir(site.name))].filter(([file]) => file.endsWith('.html')).map(([file, path]) => ({ site, page: `${site.name}/${file}`, path })),
);

/** Each site's regulations: id and the short name its facts are introduced with. */
const regulationsOf = new Map(
  await Promise.all(
    TEST_SITES.map(async (site) => {
      const { project } = parseProject(await readContentFiles(join(PROJECT_ROOT, site.contentRoot)));
      return [site.name, project.regulations.map((r) => ({ id: r.id, shortName: r.data.shortName }))] as const;
    }),
  ),
);

const count = (text: string, find: string) => text.split(find).length - 1;

describe('copy seams in the built sites', () => {
  it('finds the pages of every test site', () => {
    expect(pages.length).toBeGreaterThan(TEST_SITES.length * 5);
  });

  it('never puts a space before , . ; : ) or !', () => {
    const seams = pages.flatMap(({ page, path }) => [...visibleText(read(path)).matchAll(/.{0,40}\s[,.;:)!].{0,20}/g)].map((m) => `${page}: “${m[0].trim()}”`));
    expect(seams).toEqual([]);
  });

  it('states each regulation’s facts once per page', () => {
    const repeats = pages.flatMap(({ site, page, path }) => {
      const html = read(path);
      const text = visibleText(html);
      return regulationsOf.get(site.name)!.flatMap(({ id, shortName }) => {
        // The block under "Rules that apply" and the facts in an answer, by their markup and by their words.
        const blocks = count(html, `data-regulation="${id}"`) + count(html, `data-regulation-facts="${id}"`);
        const glances = count(html, `data-regulation="${id}"`) + count(text, `${shortName} at a glance (facts last verified`);
        return blocks > 1 || glances > 1 ? [`${page}: ${shortName} (${id}) ${Math.max(blocks, glances)} times`] : [];
      });
    });
    expect(repeats).toEqual([]);
  });
});
