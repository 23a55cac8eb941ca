import { describe, expect, it } from 'vitest';
import { bodyHeadingOf, createComposeContext } from '../../src/lib/compose/context.ts';
import { markdownBody, parseFrontmatter } from '../../src/lib/load/frontmatter.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { RenderedBodies, renderBodiesInWorker } from '../../src/lib/markdown-worker.ts';
import { buildSiteFromDisk, checkFiles } from '../../src/lib/site-build.ts';
import { PROJECT_ROOT, readTree } from './helpers.ts';

const TODAY = '2026-11-23';

describe('rendering Markdown bodies on a second thread', () => {
  it('splits a body exactly as the loader does, without reading the YAML', () => {
    for (const text of ['---\nq: 1\n---\nAnswer.\n', '---\nq: [unclosed\n---\n\nAnswer\n\non two paragraphs.', '---\n---\nEmpty block.']) {
      const parsed = parseFrontmatter('f.md', text);
      if (parsed.ok) expect(markdownBody(text)).toBe(parsed.body);
    }
    expect(markdownBody('---\nq: [unclosed\n---\nAnswer.')).toBe('Answer.');
    expect(markdownBody('No frontmatter')).toBeUndefined();
  });

  it('renders every FAQ answer and persona body as composition would', async () => {
    const files = readTree(PROJECT_ROOT);
    const rendering = renderBodiesInWorker(files, bodyHeadingOf, 1)!;
    const rendered = (await rendering.result)!;
    const faq = files.find((f) => f.file.startsWith('content/faqs/'))!;
    const persona = files.find((f) => f.file.startsWith('content/personas/'))!;
    for (const [file, level] of [[faq, 4], [persona, 3]] as const) {
      const body = markdownBody(new TextDecoder().decode(file.bytes))!;
      expect(rendered.get(body, level)).toEqual(renderMarkdown(body, { topHeading: level }));
      expect(rendered.get(body, level === 4 ? 3 : 4)).toBeUndefined();
    }
  });

  it('is not started for a few bodies, and can be stopped', async () => {
    const files = readTree(PROJECT_ROOT);
    expect(renderBodiesInWorker(files, bodyHeadingOf)).toBeUndefined();
    const rendering = renderBodiesInWorker(files, bodyHeadingOf, 1)!;
    rendering.cancel();
    expect(await rendering.result).toBeUndefined();
  });

  it('composition takes a body rendered ahead instead of rendering it again', () => {
    const { project } = checkFiles(readTree(PROJECT_ROOT), { today: TODAY });
    const [faq, persona] = [project.faqs[0]!, project.personas[0]!];
    const ahead = new RenderedBodies([
      [faq.body, 4, { html: '<p>answer rendered ahead</p>', text: 'answer rendered ahead' }],
      [persona.body, 4, { html: '<p>wrong level</p>', text: 'wrong level' }],
    ]);
    const ctx = createComposeContext(project, project.site!.data, 'v1', {}, ahead);
    expect(ctx.faqs.find((f) => f.entry.id === faq.id)!.answer.html).toBe('<p>answer rendered ahead</p>');
    expect(ctx.personaCopy.get(persona.id)).toEqual(renderMarkdown(persona.body, { topHeading: 3 }));
  });

  it('gives the same site as rendering on one thread', async () => {
    const oneThread = await buildSiteFromDisk(PROJECT_ROOT, { today: TODAY, minBodiesForWorker: Infinity });
    const twoThreads = await buildSiteFromDisk(PROJECT_ROOT, { today: TODAY, minBodiesForWorker: 1 });
    expect(twoThreads.ok).toBe(true);
    expect(twoThreads).toEqual(oneThread);
  });
});
