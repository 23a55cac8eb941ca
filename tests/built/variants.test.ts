import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDir, read, siteFiles } from './site-files.ts';

/** The sample ships one live A/B variant: a shorter page for the CPO in the EU due-diligence segment. */
describe.each([
  { name: 'sample', base: '' },
  { name: 'sample-subpath', base: '/solutions' },
])('the A/B variant on the $name site', ({ name, base }) => {
  const dir = builtDir(name);
  const files = siteFiles(dir);
  const variant = read(join(dir, 'eu-due-diligence', 'cpo', 'short-form', 'index.html'));
  const control = read(join(dir, 'eu-due-diligence', 'cpo', 'index.html'));
  const origin = 'https://www.northwind-procure.example';

  it('is built beside its control, noindex, with the control as canonical', () => {
    expect(variant).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(variant).toContain(`<link rel="canonical" href="${origin}${base}/eu-due-diligence/cpo/">`);
    expect(control).toContain(`<link rel="canonical" href="${origin}${base}/eu-due-diligence/cpo/">`);
    expect(control).not.toContain('<meta name="robots"');
  });

  it('reports its own variant id, the control its own name, and sends leads with the URL they came from', () => {
    expect(variant).toMatch(/<body[^>]*data-variant="short-form"/);
    expect(variant).toMatch(/<body[^>]*data-page-type="landing"/);
    expect(control).toMatch(/<body[^>]*data-variant="default"/);
    expect(variant).toContain('<input type="hidden" name="variant" value="short-form">');
    expect(variant).toContain(`<input type="hidden" name="landing_url" value="${origin}${base}/eu-due-diligence/cpo/short-form/">`);
  });

  it('shows its own copy and sections, and keeps the control’s others', () => {
    expect(variant).toContain('Show your board supplier risk and what was done about it, in one view');
    expect(variant).toContain('data-section="pains"');
    expect(variant).toContain('data-section="objections"');
    expect(control).not.toContain('data-section="pains"');
    // Sections the variant leaves alone are the control's, word for word.
    const faq = (html: string) => html.slice(html.indexOf('id="faq-heading"'), html.indexOf('</section>', html.indexOf('id="faq-heading"')));
    expect(faq(variant)).toBe(faq(control));
  });

  it('is not in the sitemap and no other page links to it', () => {
    expect(read(join(dir, 'sitemap.xml'))).not.toContain('short-form');
    for (const [file, path] of files) {
      // The variant's own pages, in English and German, name themselves.
      if (!file.endsWith('.html') || /^(de\/)?eu-due-diligence\/cpo\/short-form\//.test(file)) continue;
      expect(read(path), file).not.toContain('short-form');
    }
  });
});
