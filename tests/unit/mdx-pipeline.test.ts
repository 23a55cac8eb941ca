import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OVERRIDE_MDX_OPTIONS, OVERRIDE_MDX_PROCESSOR, parseOverrideMdx, sanitizeOverrideTree } from '../../src/lib/mdx-pipeline.ts';
import { overrideWith, PAYLOADS } from './content-payloads.ts';

type Hook = (params: Record<string, unknown>) => Promise<void> | void;
interface TransformPlugin {
  name: string;
  configResolved(config: unknown): void;
  transform: { handler(this: unknown, code: string, id: string): Promise<{ code: string }> };
}

/**
 * The `.mdx` compiler exactly as astro.config.mjs sets it up: the config's own mdx() integration,
 * run through its setup hooks, and the Vite transform it registers.
 */
async function configuredMdxCompiler(): Promise<(source: string) => Promise<string>> {
  const config = (await import('../../astro.config.mjs')).default;
  const integration = (config.integrations ?? []).flat().find((i): i is AstroIntegration => !!i && i.name === '@astrojs/mdx');
  if (!integration) throw new Error('astro.config.mjs has no mdx() integration');
  const hooks = integration.hooks as Record<string, Hook>;
  let plugins: TransformPlugin[] = [];
  const ignore = () => {};
  await hooks['astro:config:setup']!({
    config: { root: new URL('file:///site/') },
    updateConfig: (update: { vite: { plugins: TransformPlugin[] } }) => void (plugins = update.vite.plugins),
    addPageExtension: ignore,
    addContentEntryType: ignore,
    addRenderer: ignore,
    logger: { warn: ignore, info: ignore },
  });
  await hooks['astro:config:done']!({ config: { markdown: { gfm: false, smartypants: false }, srcDir: new URL('file:///site/src/') }, logger: { warn: ignore } });
  const plugin = plugins.find((p) => p.name === '@mdx-js/rolldown');
  if (!plugin) throw new Error('mdx() registered no transform');
  plugin.configResolved({ build: { sourcemap: false }, plugins: [] });
  return async (source) => (await plugin.transform.handler.call({}, source, '/site/content/pages/field-teams/owner.mdx')).code;
}

afterEach(() => vi.restoreAllMocks());

describe('one MDX pipeline for the check and the build', () => {
  it('astro.config.mjs compiles .mdx with the processor object whose features the check parses with', async () => {
    expect(OVERRIDE_MDX_OPTIONS.processor).toBe(OVERRIDE_MDX_PROCESSOR);
    const createRenderer = vi.spyOn(OVERRIDE_MDX_PROCESSOR, 'createMdxRenderer');
    const compile = await configuredMdxCompiler();
    await compile('<Section name="faq">\nHi\n</Section>\n');
    expect(createRenderer).toHaveBeenCalledTimes(1);
    // What Astro passes on top of the processor's own features must not change them.
    const [shared] = createRenderer.mock.calls[0]!;
    const features = OVERRIDE_MDX_PROCESSOR.options.features;
    expect({ gfm: shared.gfm, smartPunctuation: shared.smartypants }).toEqual({ gfm: features.gfm, smartPunctuation: features.smartPunctuation });
    expect(features).toMatchObject({ gfm: true, smartPunctuation: true });
  });

  it('parses with GFM and smart punctuation, as the build renders', () => {
    const tree = JSON.stringify(parseOverrideMdx('<Section name="faq">\nA "note".[^n]\n\n| a |\n|---|\n| 1 |\n\n[^n]: Text.\n</Section>\n'));
    expect(tree).toContain('"footnoteDefinition"');
    expect(tree).toContain('"table"');
    expect(tree).toContain('“note”');
  });
});

describe('the build drops what the check refuses, even when the check is bypassed', () => {
  it.each(PAYLOADS)('$name', async (payload) => {
    const compile = await configuredMdxCompiler();
    const code = await compile(overrideWith(payload).replace(/^---[\s\S]*?---\n/, ''));
    expect(code).not.toMatch(payload.traces);
    // The section itself and its ordinary text survive.
    expect(code).toContain('We ran a field team for ten years.');
  });

  it('keeps Markdown formatting, tables and footnotes, moving each note into its section', async () => {
    const compile = await configuredMdxCompiler();
    const code = await compile('<Section name="faq">\n## Costs\n\nSee **this**.[^n]\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n![Team](/images/team.png)\n\n[^n]: A [source](https://example.com/).\n</Section>\n');
    for (const part of ['_components.h2', '_components.strong', '_components.table', 'textAlign: "right"', '"#user-content-fn-n"', '"user-content-fn-n"', '"https://example.com/"', '"/images/team.png"']) {
      expect(code).toContain(part);
    }
  });

  it('keeps only top-level sections with their name', () => {
    const root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'outside' }] },
        { type: 'mdxJsxFlowElement', name: 'Section', attributes: [{ type: 'mdxJsxAttribute', name: 'name', value: 'faq' }, { type: 'mdxJsxAttribute', name: 'set:html', value: '<b>x</b>' }], children: [{ type: 'mdxTextExpression', value: 'process.env' }] },
        { type: 'mdxJsxFlowElement', name: 'Other', attributes: [], children: [] },
      ],
    };
    expect(sanitizeOverrideTree(root as never)).toEqual({
      type: 'root',
      children: [{ type: 'mdxJsxFlowElement', name: 'Section', attributes: [{ type: 'mdxJsxAttribute', name: 'name', value: 'faq' }], children: [] }],
    });
  });
});
