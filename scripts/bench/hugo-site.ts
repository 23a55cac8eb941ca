/**
 * Lays out the Hugo baseline for one benchmark size: the templates of scripts/bench/hugo/, the same
 * stylesheet and favicon as the bare-Astro baseline, the site data as data/site.json and one
 * content stub per page (JSON front matter naming the layout, the URL and the index of the entry
 * in the data). Hugo 0.111 cannot build pages from data alone, so stubs are the usual way.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteData } from './generate.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

export async function prepareHugoSite(dataFile: string, siteDir: string): Promise<void> {
  await rm(siteDir, { recursive: true, force: true });
  await cp(join(benchDir, 'hugo'), siteDir, { recursive: true });
  await cp(join(benchDir, 'baseline/src/site.css'), join(siteDir, 'static/site.css'));
  await cp(join(benchDir, 'baseline/public/favicon.svg'), join(siteDir, 'static/favicon.svg'));
  await mkdir(join(siteDir, 'data'), { recursive: true });
  await cp(dataFile, join(siteDir, 'data/site.json'));

  const data = JSON.parse(await readFile(dataFile, 'utf8')) as SiteData;
  const config = await readFile(join(siteDir, 'config.toml'), 'utf8');
  await writeFile(join(siteDir, 'config.toml'), config.replace(/^baseURL = .*$/m, `baseURL = ${JSON.stringify(`${data.site.url}/`)}`));

  const content = join(siteDir, 'content');
  await mkdir(content, { recursive: true });
  const stub = (name: string, frontmatter: Record<string, unknown>) => writeFile(join(content, `${name}.md`), `${JSON.stringify(frontmatter)}\n`);
  await stub('_index', { pagetype: 'home' });
  await stub('segments', { layout: 'overview', url: '/segments/', pagetype: 'overview' });
  for (const [s, segment] of data.segments.entries()) {
    const ids = { segment: segment.id, vertical: segment.vertical };
    await stub(`s${s}`, { layout: 'hub', url: `/${segment.id}/`, s, pagetype: 'segment', ...ids });
    await stub(`s${s}-faq`, { layout: 'faq', url: `/${segment.id}/faq/`, s, pagetype: 'faq', ...ids });
    for (const [l, landing] of segment.landings.entries()) {
      await stub(`s${s}-l${l}`, { layout: 'landing', url: `/${segment.id}/${landing.persona}/`, s, l, pagetype: 'landing', persona: landing.persona, noindex: landing.noindex, ...ids });
    }
  }
}
