import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { formatDiagnosticsText } from './lib/diagnostics.ts';
import { readContentFile } from './lib/load/files.ts';
import { overrideSourceForBuild } from './lib/load/mdx-sections.ts';

/**
 * Serves page overrides (content/pages/<segment>/<persona>.mdx) and A/B variants
 * (content/variants/<segment>/<persona>/<variant>.mdx) to the MDX compiler: the text it
 * compiles is the body the content check's override scan accepted, read again here and judged
 * again, never the file as Vite would find it. An override path is kept as written instead of
 * being resolved through a symbolic link, and a link is refused by name, so no file from outside
 * the content root is compiled or quoted in a build message.
 */
export function overrideSources(contentRoot: string): Plugin {
  const root = resolve(contentRoot);
  const folders = [join(root, 'content', 'pages') + sep, join(root, 'content', 'variants') + sep];
  let viteRoot = process.cwd();
  // import.meta.glob writes paths relative to the importing module; ids may also be absolute,
  // root-relative ("/content/…") or "/@fs/…" for a file outside the project.
  const overridePath = (id: string, importer?: string): string | undefined => {
    const path = id.split('?')[0]!;
    if (path.startsWith('.')) return importer ? overridePath(resolve(dirname(importer.split('?')[0]!), path)) : undefined;
    const candidates = [path, path.startsWith('/@fs/') ? path.slice('/@fs'.length) : path, join(viteRoot, path)];
    // A glob pattern ("…/pages/*/*.mdx") is resolved too, as a pattern: leave it to Vite.
    if (path.includes('*')) return undefined;
    return candidates.map((candidate) => resolve(candidate)).find((candidate) => folders.some((folder) => candidate.startsWith(folder)) && candidate.endsWith('.mdx'));
  };
  return {
    name: 'segment-pages:override-sources',
    enforce: 'pre',
    configResolved(config) {
      viteRoot = config.root;
    },
    resolveId(source, importer) {
      const path = overridePath(source, importer);
      return path ? path + (source.includes('?') ? source.slice(source.indexOf('?')) : '') : undefined;
    },
    async load(id) {
      const path = overridePath(id);
      if (!path) return undefined;
      const file = relative(root, path).split(sep).join('/');
      const bytes = await readContentFile(root, file);
      if (!bytes) throw new Error(`${file} is a symbolic link, so it is not compiled: replace the link with a copy of what it points to.`);
      const checked = overrideSourceForBuild(file, bytes);
      if (!checked.ok) throw new Error(`${file} does not pass the content check, so it is not compiled:\n${formatDiagnosticsText(checked.diagnostics)}`);
      return checked.source;
    },
  };
}
