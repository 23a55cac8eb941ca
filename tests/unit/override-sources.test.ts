import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overrideSources } from '../../src/override-sources.ts';
import { overrideWith, PAYLOADS } from './content-payloads.ts';
import { FIXTURES, PROJECT_ROOT } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The plugin over a copy of the composition fixture, called the way Vite calls it for a glob import. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'segment-pages-sources-'));
  dirs.push(dir);
  const root = join(dir, 'root');
  cpSync(join(FIXTURES, 'composition'), root, { recursive: true });
  const plugin = overrideSources(root) as unknown as {
    configResolved(config: { root: string }): void;
    resolveId(source: string, importer?: string): string | undefined;
    load(id: string): Promise<string | undefined>;
  };
  plugin.configResolved({ root: PROJECT_ROOT });
  const importer = join(PROJECT_ROOT, 'src/components/overrides.ts');
  const override = join(root, 'content/pages/field-teams/owner.mdx');
  // import.meta.glob imports by a path relative to the importing module.
  const load = async () => {
    const id = plugin.resolveId(relative(join(PROJECT_ROOT, 'src/components'), override), importer);
    expect(id).toBe(override);
    return plugin.load(id!);
  };
  return { dir, override, load, plugin };
}

describe('the build compiles overrides only from checked text', () => {
  it('hands the compiler the checked body, on the lines it has in the file', async () => {
    const { load } = setup();
    const source = await load();
    expect(source).toMatch(/^\n{6}<Section name="objections">\n## Your questions/);
  });

  it('refuses a linked override by name, even when it points at a readable file, and keeps the link unresolved', async () => {
    const { dir, override, load } = setup();
    const secret = join(dir, 'passwd');
    writeFileSync(secret, 'root:x:0:0:SECRET_LINE:/root:/bin/bash\n');
    rmSync(override);
    symlinkSync(secret, override);
    const failure = await load().then(
      () => '',
      (error: Error) => error.message,
    );
    expect(failure).toBe('content/pages/field-teams/owner.mdx is a symbolic link, so it is not compiled: replace the link with a copy of what it points to.');
  });

  it('refuses a file changed to fail the check after the check ran, with the check message', async () => {
    const { override, load } = setup();
    writeFileSync(override, overrideWith(PAYLOADS[0]!));
    await expect(load()).rejects.toThrow(/^content\/pages\/field-teams\/owner\.mdx does not pass the content check, so it is not compiled:\ncontent\/pages\/field-teams\/owner\.mdx:13:22 curly braces run code in MDX/);
  });

  it('leaves other modules and glob patterns to Vite', () => {
    const { plugin, dir } = setup();
    expect(plugin.resolveId(join(dir, 'root/content/pages/*/*.mdx'))).toBeUndefined();
    expect(plugin.resolveId(join(PROJECT_ROOT, 'src/pages/index.astro'))).toBeUndefined();
    expect(plugin.resolveId(join(dir, 'root/content/pages/../../passwd.mdx'))).toBeUndefined();
  });
});
