import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../../src/lib/security/csp.ts';
import { headersFile, headersFor, parseHeadersFile } from '../../../src/lib/security/headers.ts';
import { build, edit, fixture } from '../helpers.ts';

const site = build(fixture('minimal')).settings;
const withTags = build(
  edit(fixture('minimal'), 'content/site.yaml', 'cta:', 'tracking:\n  gtmContainerId: GTM-ABC1234\n  collectUrl: https://collect.acme.example/e\ncta:'),
).settings;

describe('Content-Security-Policy', () => {
  it('allows scripts from the site and the hashed inline bootstrap only', () => {
    expect(contentSecurityPolicy(site, { inlineScripts: ['gtag()'], form: 'meta' })).toMatchInlineSnapshot(`"default-src 'self'; script-src 'self' 'sha256-okMPrDphyHONjglaAuDcRYdC8g3p5nZ7H/5C+fnFtMg='; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self' https://forms.acme.example; form-action 'self' https://forms.acme.example; base-uri 'self'; object-src 'none'; frame-src 'none'; upgrade-insecure-requests"`);
  });

  it('lets the form post be redirected to the thank-you page’s origin', () => {
    const withThanks = { ...site, leadForm: { ...site.leadForm, thankYouUrl: 'https://thanks.acme.example/done/' } };
    expect(contentSecurityPolicy(withThanks, { inlineScripts: [], form: 'meta' })).toContain("form-action 'self' https://forms.acme.example https://thanks.acme.example;");
  });

  it('hashes exactly as browsers do', () => {
    expect(scriptHash('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
  });

  it('opens the tag manager’s and the collector’s origins only when they are configured', () => {
    const csp = contentSecurityPolicy(withTags, { inlineScripts: [], form: 'header' });
    expect(csp).toContain("script-src 'self' https://www.googletagmanager.com;");
    expect(csp).toContain('connect-src \'self\' https://forms.acme.example https://collect.acme.example https://*.google-analytics.com');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(site, { inlineScripts: [], form: 'header' })).not.toContain('google');
  });
});

describe('_headers', () => {
  it('applies the policy, security headers and immutable caching for hashed assets', () => {
    const rules = parseHeadersFile(headersFile({ ...site, basePath: '/solutions/' }, "default-src 'self'"));
    expect(headersFor(rules, '/solutions/cpo/')).toMatchObject({ 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' });
    expect(headersFor(rules, '/solutions/_astro/a.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/other/')).toEqual({});
  });
});
