import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './site-files.ts';

/**
 * The dev server is the marketers' preview: drafts show with a banner, /_preview/ lists every page,
 * and an edited content file shows on the next page load without a restart. Runs on a copy of the
 * sample content so the repository's files are never touched.
 */
const root = join(PROJECT_ROOT, '.build', 'dev-preview');
const port = 4690;
const url = (path: string) => `http://127.0.0.1:${port}${path}`;
let server: ChildProcess;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(url(path));
  return response.text();
}

describe('previews on the dev server', () => {
  beforeAll(async () => {
    rmSync(root, { recursive: true, force: true });
    for (const dir of ['segments', 'content']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
    const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
    // The test runner's own variables must not leak into the server: Astro serves no pages when it sees VITEST.
    const runnerVariable = (name: string) => /^VITEST/.test(name) || ['TEST', 'NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL'].includes(name);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !runnerVariable(name)));
    server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port), '--force'], {
      cwd: PROJECT_ROOT,
      env: { ...env, CONTENT_ROOT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(url('/'));
        if (response.ok) return;
        output += `\nGET / answered ${response.status}`;
      } catch (error) {
        output += `\nGET / failed: ${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`the dev server did not start within a minute:\n${output}`);
  }, 90_000);

  afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows draft segments with a banner, and lists every page at /_preview/', async () => {
    const draft = await fetchText('/public-sector-buyers/');
    expect(draft).toContain('class="draft-banner"');
    const index = await fetchText('/_preview/');
    expect(index).toContain('Public-sector purchasing bodies');
    for (const path of ['/enterprise-procurement/cpo/', '/eu-due-diligence/faq/', '/public-sector-buyers/']) expect(index).toContain(`href="${path}"`);
    expect(index).toContain('variant board-brief');
  });

  it('previews the thank-you page, and a raster logo through the image service', async () => {
    expect(await fetchText('/thank-you/')).toContain('data-page-type="thank-you"');
    const page = await fetchText('/eu-due-diligence/esg-lead/');
    const src = /data-proof-logo="osterfeld-maschinenbau">\s*<img\b[^>]*\ssrc="([^"]+)"/.exec(page)?.[1];
    expect(src, 'the raster logo is on the page').toBeDefined();
    const image = await fetch(url(src!.replaceAll('&amp;', '&')));
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });

  it('shows an edited content file on the next load, without a restart', async () => {
    const file = join(root, 'segments', 'mid-market-owner.yaml');
    expect(await fetchText('/mid-market-owner/ap-controller/')).not.toContain('Owner-run mid-market');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^nickname: .*$/m, 'nickname: Owner-run mid-market'));
    let page = '';
    for (let i = 0; i < 20 && !page.includes('Owner-run mid-market'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      page = await fetchText('/mid-market-owner/ap-controller/');
    }
    expect(page).toContain('Owner-run mid-market');
  });
});
