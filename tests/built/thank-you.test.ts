import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDir, read } from './site-files.ts';

const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];

/** The sample turns on the generated thank-you page (leadForm.thankYouPage); the second vertical does not. */
describe.each([
  { name: 'sample', base: '' },
  { name: 'sample-subpath', base: '/solutions' },
])('the thank-you page of the $name site', ({ name, base }) => {
  const dir = builtDir(name);
  const html = read(join(dir, 'thank-you', 'index.html'));

  it('is built, marked noindex, left out of the sitemap, and tracked as its own page type', () => {
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('data-page-type="thank-you"');
    expect(html).toContain(`<link rel="canonical" href="https://www.northwind-procure.example${base}/thank-you/">`);
    expect(read(join(dir, 'sitemap.xml'))).not.toContain('thank-you');
    expect(html).not.toContain('og:image');
  });

  it('has the layout, consent bar and footer of every page, and links onward to the questions pages', () => {
    expect(html).toContain('id="sp-consent"');
    expect(html).toContain('class="site-footer"');
    expect(html).toContain(`href="${base}/mid-market-owner/faq/" data-cta="thank-you"`);
  });

  it('carries the same Content-Security-Policy as a landing page, and every inline script is allowed by its hash', () => {
    const csp = cspOf(html)!;
    expect(csp).toBe(cspOf(read(join(dir, 'mid-market-owner', 'ap-controller', 'index.html'))));
    expect(csp).toContain("form-action 'self' https://forms.northwind-procure.example https://www.northwind-procure.example;");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  });

  it('is where the lead form sends a visitor: the script opens it, a post without JavaScript is redirected to it', () => {
    const landing = read(join(dir, 'mid-market-owner', 'ap-controller', 'index.html'));
    expect(landing).toContain(`data-thank-you="${base}/thank-you/"`);
    expect(landing).toContain(`<input type="hidden" name="redirect" value="https://www.northwind-procure.example${base}/thank-you/">`);
  });
});

describe('a site without leadForm.thankYouPage', () => {
  it('has no generated thank-you page (its form goes to leadForm.thankYouUrl)', () => {
    const dir = builtDir('second-vertical');
    expect(existsSync(join(dir, 'thank-you'))).toBe(false);
  });
});
