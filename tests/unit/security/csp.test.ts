import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspSourceProblem } from '../../../src/lib/schemas/site.ts';
import { contentSecurityPolicy, scriptHash } from '../../../src/lib/security/csp.ts';
import { headersFile, headersFor, parseHeadersFile } from '../../../src/lib/security/headers.ts';
import { AD_PLATFORMS, configuredAdPlatforms, VENDOR_ORIGINS, vendorConfig, type AdPlatform, type VendorDirective } from '../../../src/lib/tracking/ad-platforms.ts';
import { build, edit, fixture, messages } from '../helpers.ts';

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

const MINIMAL = fixture('minimal');
const withSiteYaml = (yaml: string) => edit(MINIMAL, 'content/site.yaml', 'cta:', `${yaml}\ncta:`);
const VENDOR_YAML: Record<AdPlatform, string> = {
  linkedin: 'adPlatforms:\n  linkedin: { partnerId: "1234567", conversionId: "87654321" }',
  googleAds: 'adPlatforms:\n  googleAds: { conversionId: AW-123456789, conversionLabel: AbC-D_efG-h12 }',
  microsoftAds: 'adPlatforms:\n  microsoftAds: { tagId: "12345678" }',
  metaPixel: 'adPlatforms:\n  metaPixel: { pixelId: "123456789012345" }',
};

/** The policy as directive name → source list. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((d) => { const [name, ...values] = d.split(' '); return [name!, values]; }));
}

describe('ad platforms in the Content-Security-Policy', () => {
  const baseline = directives(contentSecurityPolicy(site, { inlineScripts: [], form: 'header' }));

  it('adds nothing, and loads no loader, when no platform is configured', () => {
    expect(configuredAdPlatforms(site)).toEqual([]);
    expect(vendorConfig(site)).toBeUndefined();
    expect(baseline.get('frame-src')).toEqual(["'none'"]);
    const all = Object.values(VENDOR_ORIGINS).flatMap((v) => Object.values(v.origins).flat());
    for (const origin of all) expect([...baseline.values()].flat()).not.toContain(origin);
  });

  it.each(AD_PLATFORMS)('opens exactly the origins %s documents, in the directives it documents them for', (name) => {
    const configured = build(withSiteYaml(VENDOR_YAML[name])).settings;
    expect(configuredAdPlatforms(configured)).toEqual([name]);
    const policy = directives(contentSecurityPolicy(configured, { inlineScripts: [], form: 'header' }));
    for (const [directive, values] of policy) {
      const added = values.filter((v) => !baseline.get(directive)!.includes(v));
      const documented = VENDOR_ORIGINS[name].origins[directive as VendorDirective] ?? [];
      expect(added, directive).toEqual([...documented]);
      if (directive === 'frame-src' && documented.length) expect(values, 'frame-src drops none once a frame is allowed').not.toContain("'none'");
    }
  });

  it('documents where every origin list comes from, and lists only https origins', () => {
    for (const vendor of Object.values(VENDOR_ORIGINS)) {
      expect(vendor.source).toMatch(/^https:\/\//);
      for (const origin of Object.values(vendor.origins).flat()) expect(new URL(origin).origin).toBe(origin);
    }
  });

  it('adds the origins security.csp lists for Custom HTML tags, with the platforms’ origins', () => {
    const configured = build(
      withSiteYaml(
        `${VENDOR_YAML.linkedin}\nsecurity:\n  csp:\n    script-src: [https://cdn.widgets.example]\n    img-src: ["https://*.widgets.example", https://px.ads.linkedin.com]\n    frame-src: [https://embed.widgets.example]`,
      ),
    ).settings;
    expect(contentSecurityPolicy(configured, { inlineScripts: [], form: 'meta' })).toMatchInlineSnapshot(`"default-src 'self'; script-src 'self' https://snap.licdn.com https://cdn.widgets.example; style-src 'self'; img-src 'self' https://px.ads.linkedin.com https://px4.ads.linkedin.com https://*.widgets.example; font-src 'self'; connect-src 'self' https://forms.acme.example https://px.ads.linkedin.com https://px4.ads.linkedin.com https://dc.ads.linkedin.com; form-action 'self' https://forms.acme.example; base-uri 'self'; object-src 'none'; frame-src https://embed.widgets.example; upgrade-insecure-requests"`);
    expect(vendorConfig(configured)).toEqual({ consentKey: 'sp_consent', linkedin: { partnerId: '1234567', conversionId: '87654321' } });
  });

  it('refuses sources that would undo the policy, naming the file, line and field', () => {
    const yaml = [
      'security:',
      '  csp:',
      '    script-src:',
      `      - "'unsafe-inline'"`,
      `      - "'unsafe-eval'"`,
      '      - "*"',
      '      - https://cdn.widgets.example',
      '    img-src: ["data:", http://pixel.widgets.example, https://widgets.example/pixel.gif, "https://*.example"]',
      '    worker-src: [https://cdn.widgets.example]',
    ].join('\n');
    expect(messages(withSiteYaml(yaml))).toMatchInlineSnapshot(`
      "content/site.yaml:10:9 security.csp.script-src[0]: 'unsafe-inline' is not allowed: it would let any script injected into a page run, which is what the policy is there to stop
          hint: List only the origins the tag loads files from, like https://cdn.example.com, or a host wildcard like https://*.example.com. Code written inline in a Custom HTML tag cannot run under this policy: serve it as a file from one of those origins instead.
      content/site.yaml:11:9 security.csp.script-src[1]: 'unsafe-eval' is not allowed: it would let any script injected into a page run, which is what the policy is there to stop
          hint: List only the origins the tag loads files from, like https://cdn.example.com, or a host wildcard like https://*.example.com. Code written inline in a Custom HTML tag cannot run under this policy: serve it as a file from one of those origins instead.
      content/site.yaml:12:9 security.csp.script-src[2]: "*" would allow every address on the web
          hint: Name the origin the tag needs, like https://cdn.example.com, or a host wildcard like https://*.example.com.
      content/site.yaml:14:15 security.csp.img-src[0]: "data:" is not allowed: a data: address carries its own content, so it could hold any script or image
          hint: Write an https origin like https://cdn.example.com, or a host wildcard like https://*.example.com.
      content/site.yaml:14:24 security.csp.img-src[1]: "http://pixel.widgets.example" is not https: the site only loads over https
          hint: Write it with https://, like https://cdn.example.com, or a host wildcard like https://*.example.com.
      content/site.yaml:14:54 security.csp.img-src[2]: expected an https origin like https://cdn.example.com, or a host wildcard like https://*.example.com, received "https://widgets.example/pixel.gif"
          hint: An origin is https:// and a lowercase host name (and a port if it is not 443): no path, query or trailing slash.
      content/site.yaml:14:89 security.csp.img-src[3]: "https://*.example" would allow every site under a top-level domain
          hint: Name the site, like https://cdn.example.com, or a host wildcard like https://*.example.com.
      content/site.yaml:15:5 security.csp.worker-src: unknown field "worker-src"
          hint: Known fields here: script-src, style-src, img-src, font-src, connect-src, frame-src"
    `);
  });

  it('accepts https origins, ports and host wildcards, and nothing wider', () => {
    for (const ok of ['https://cdn.widgets.example', 'https://*.widgets.example', 'https://cdn.widgets.example:8443', 'https://a-b.c-d.example']) expect(cspSourceProblem(ok), ok).toBeUndefined();
    for (const bad of ['https:', 'https://*', 'http:', "'self'", "'nonce-abc'", 'blob:', 'https://CDN.example', 'cdn.widgets.example', 'https://cdn.widgets.example/', 'wss://socket.example']) expect(cspSourceProblem(bad), bad).toBeDefined();
  });

  it('checks the ad platform ids with the format each platform uses', () => {
    const yaml = [
      'adPlatforms:',
      '  linkedin: { partnerId: 1234567, conversionId: "87654321" }',
      '  googleAds: { conversionId: "123456789", conversionLabel: "AbC-D_efG-h12" }',
      '  microsoftAds: { tagId: UET-1 }',
      '  metaPixel: { pixelId: "12345" }',
      '  tiktok: { pixelId: "1" }',
    ].join('\n');
    expect(messages(withSiteYaml(yaml))).toMatchInlineSnapshot(`
      "content/site.yaml:8:15 adPlatforms.linkedin.partnerId: expected text, received 1234567
          hint: Put the value in double quotes so it is read as text: "1234567".
      content/site.yaml:9:16 adPlatforms.googleAds.conversionId: expected a Google Ads conversion id like AW-123456789, received "123456789"
          hint: Google Ads tag id, like AW-123456789 (Goals > Conversions > the action > Tag setup).
      content/site.yaml:10:19 adPlatforms.microsoftAds.tagId: expected a Microsoft Advertising UET tag id: 5 to 12 digits, like "12345678" (in quotes, so YAML keeps it as text), received "UET-1"
          hint: UET tag id, from Tools > UET tag (digits, in quotes).
      content/site.yaml:11:16 adPlatforms.metaPixel.pixelId: expected a Meta Pixel id: 10 to 20 digits, like "123456789012345" (in quotes, so YAML keeps it as text), received "12345"
          hint: Pixel id, from Events Manager > Data sources (digits, in quotes). The lead is the standard Lead event.
      content/site.yaml:12:3 adPlatforms.tiktok: unknown field "tiktok"
          hint: Known fields here: linkedin, googleAds, microsoftAds, metaPixel"
    `);
  });
});
