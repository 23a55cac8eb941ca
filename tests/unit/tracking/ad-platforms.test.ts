import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/lib/security/csp.ts';
import { adPlatformOrigins, configuredAdPlatforms, VENDOR_ORIGINS, vendorConfig } from '../../../src/lib/tracking/ad-platforms.ts';
import { STORAGE_KEYS } from '../../../src/lib/tracking/contract.ts';
import { build, PROJECT_ROOT, readTree } from '../helpers.ts';

describe('the origins each ad platform documents', () => {
  it('opens for Microsoft UET exactly the policy Microsoft gives: bat.bing.com and bat.bing.net for scripts and images, no requests', () => {
    expect(VENDOR_ORIGINS.microsoftAds.origins).toEqual({
      'script-src': ['https://bat.bing.net', 'https://bat.bing.com'],
      'img-src': ['https://bat.bing.net', 'https://bat.bing.com'],
    });
  });

  it('opens for the Meta Pixel its script host for scripts only, and its event endpoint for images and requests', () => {
    expect(VENDOR_ORIGINS.metaPixel.origins).toEqual({
      'script-src': ['https://connect.facebook.net'],
      'img-src': ['https://www.facebook.com'],
      'connect-src': ['https://www.facebook.com'],
    });
    expect(new URL('https://www.facebook.com/tr?id=123456789012345&ev=Lead').origin).toBe(VENDOR_ORIGINS.metaPixel.origins['img-src']![0]);
  });
});

describe('the sample site', () => {
  const sample = build(readTree(PROJECT_ROOT)).settings;

  it('configures LinkedIn and Google Ads, with the illustrative ids', () => {
    expect(configuredAdPlatforms(sample)).toEqual(['linkedin', 'googleAds']);
    expect(vendorConfig(sample)).toEqual({
      consentKey: STORAGE_KEYS.consent,
      linkedin: { partnerId: '1234567', conversionId: '87654321' },
      googleAds: { conversionId: 'AW-123456789', conversionLabel: 'AbC-D_efG-h12' },
    });
  });

  it('allows the two platforms’ origins and no other platform’s, and loads its own scripts from itself only', () => {
    const policy = contentSecurityPolicy(sample, { inlineScripts: [], form: 'meta' });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!.split(' ').slice(1);
    expect(scriptSrc).toEqual(["'self'", ...adPlatformOrigins(sample, 'script-src')]);
    expect(scriptSrc).toContain('https://snap.licdn.com');
    expect(scriptSrc).toContain('https://www.googletagmanager.com');
    for (const origin of [...Object.values(VENDOR_ORIGINS.microsoftAds.origins), ...Object.values(VENDOR_ORIGINS.metaPixel.origins)].flat()) expect(policy).not.toContain(origin);
  });
});
