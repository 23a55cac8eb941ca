import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { createComponent, renderComponent } from 'astro/runtime/server/index.js';
import SectionSlot from './ui/SectionSlot.astro';

type MdxModule = { default: AstroComponentFactory };

/**
 * Every page override and A/B variant in the content tree, compiled by @astrojs/mdx (with the pipeline of
 * src/lib/mdx-pipeline.ts) and loaded on demand. The compiler never reads these files itself:
 * src/override-sources.ts hands it each file's body as the content check accepted it, and refuses
 * symbolic links and files that do not pass.
 */
const modules = import.meta.glob<MdxModule>(['@content-root/content/pages/*/*.mdx', '@content-root/content/variants/*/*/*.mdx']);

/** The compiled MDX of an override file, found by its path relative to the content root. */
export async function loadOverride(file: string): Promise<AstroComponentFactory> {
  const key = Object.keys(modules).find((k) => k.endsWith(`/${file}`));
  if (!key) throw new Error(`The page override ${file} was checked but not compiled; is CONTENT_ROOT the same for the check and the build?`);
  return (await modules[key]!()).default;
}

/**
 * A `Section` component for one section name: rendering the override's MDX with it keeps only the
 * `<Section name="…">` block of that name, so each block lands in its own place on the page.
 */
export function sectionOnly(name: string): AstroComponentFactory {
  // Only the name is passed on: a Section takes no other attribute (the check refuses them and the
  // MDX pipeline drops them), and an Astro directive such as set:html must never reach a component.
  const render = (result: never, props: Record<string, unknown>, slots: never) => renderComponent(result, 'Section', SectionSlot, { name: props.name, only: name }, slots);
  return createComponent(render as unknown as AstroComponentFactory);
}
