import type { AdPlatforms, Site } from '../schemas/index.ts';
import { STORAGE_KEYS } from './contract.ts';

/** The ad platforms a site can configure in `site.yaml` `adPlatforms`, in the order they are documented. */
export const AD_PLATFORMS = ['linkedin', 'googleAds', 'microsoftAds', 'metaPixel'] as const;
export type AdPlatform = (typeof AD_PLATFORMS)[number];

/** The Content-Security-Policy directives a vendor's tag needs origins in. */
export type VendorDirective = 'script-src' | 'img-src' | 'connect-src' | 'frame-src';

export interface VendorOrigins {
  /** Where the vendor documents them. */
  source: string;
  origins: Partial<Record<VendorDirective, readonly string[]>>;
}

/**
 * Exactly the origins each vendor documents for its tag, per directive. Nothing here is added to the
 * policy unless the vendor is configured.
 */
export const VENDOR_ORIGINS: Record<AdPlatform, VendorOrigins> = {
  // The Insight Tag loads from snap.licdn.com and sends its pings as images and requests to the
  // px hosts (px4 serves the conversion pings): https://www.linkedin.com/help/lms/answer/a425696
  linkedin: {
    source: 'https://www.linkedin.com/help/lms/answer/a425696',
    origins: {
      'script-src': ['https://snap.licdn.com'],
      'img-src': ['https://px.ads.linkedin.com', 'https://px4.ads.linkedin.com'],
      'connect-src': ['https://px.ads.linkedin.com', 'https://px4.ads.linkedin.com', 'https://dc.ads.linkedin.com'],
    },
  },
  // Google's CSP guide for the Google tag, sections "Google Ads conversions" and "Google Ads remarketing":
  // https://developers.google.com/tag-platform/security/guides/csp. Remarketing pings can also go to a
  // country domain (www.google.co.uk, …); a site that needs those adds them under security.csp img-src.
  googleAds: {
    source: 'https://developers.google.com/tag-platform/security/guides/csp',
    origins: {
      'script-src': ['https://www.googletagmanager.com', 'https://www.googleadservices.com', 'https://www.google.com', 'https://googleads.g.doubleclick.net', 'https://pagead2.googlesyndication.com'],
      'img-src': ['https://www.googletagmanager.com', 'https://www.googleadservices.com', 'https://www.google.com', 'https://googleads.g.doubleclick.net', 'https://pagead2.googlesyndication.com'],
      'connect-src': ['https://www.googletagmanager.com', 'https://www.googleadservices.com', 'https://www.google.com', 'https://googleads.g.doubleclick.net', 'https://pagead2.googlesyndication.com'],
      'frame-src': ['https://www.googletagmanager.com', 'https://bid.g.doubleclick.net', 'https://td.doubleclick.net'],
    },
  },
  // Microsoft Advertising's help article "Use Microsoft UET tag with Content Security Policy" gives the
  // policy itself: script-src and img-src https://bat.bing.com https://bat.bing.net, nothing under
  // connect-src (its example falls back to default-src 'self'). The tag's script comes from bat.bing.net
  // (older snippets: bat.bing.com): https://learn.microsoft.com/en-us/advertising/guides/universal-event-tracking.
  // Clarity, which a UET tag can switch on, needs 'unsafe-inline' by the same article, so it cannot run here.
  microsoftAds: {
    source: 'https://learn.microsoft.com/en-us/advertising/guides/universal-event-tracking',
    origins: {
      'script-src': ['https://bat.bing.net', 'https://bat.bing.com'],
      'img-src': ['https://bat.bing.net', 'https://bat.bing.com'],
    },
  },
  // Meta publishes no policy for the pixel; its documentation names two hosts. The base code loads
  // https://connect.facebook.net/en_US/fbevents.js (https://developers.facebook.com/docs/meta-pixel/get-started),
  // which also fetches the pixel's settings from there as a script; events go to https://www.facebook.com/tr,
  // documented as an image request (https://developers.facebook.com/docs/meta-pixel/advanced). fbevents.js can
  // also post an event to that endpoint as a request rather than an image (Meta does not document it), so
  // www.facebook.com stays under connect-src. Nothing but scripts comes from connect.facebook.net.
  metaPixel: {
    source: 'https://developers.facebook.com/docs/meta-pixel/get-started',
    origins: {
      'script-src': ['https://connect.facebook.net'],
      'img-src': ['https://www.facebook.com'],
      'connect-src': ['https://www.facebook.com'],
    },
  },
};

/** The configured platforms, in documentation order. */
export function configuredAdPlatforms(site: Site): AdPlatform[] {
  return AD_PLATFORMS.filter((name) => site.adPlatforms[name] !== undefined);
}

/** The origins the configured platforms need, for one directive, in a stable order without repeats. */
export function adPlatformOrigins(site: Site, directive: VendorDirective): string[] {
  return [...new Set(configuredAdPlatforms(site).flatMap((name) => VENDOR_ORIGINS[name].origins[directive] ?? []))];
}

/** Settings the vendor loader reads from its JSON data block (`sp-vendors`, data, never executed). */
export interface VendorConfig extends AdPlatforms {
  /** localStorage key of the visitor's consent choice (STORAGE_KEYS.consent). */
  consentKey: string;
}

/** The loader's settings, or undefined when no platform is configured: then neither the block nor the loader is on the page. */
export function vendorConfig(site: Site): VendorConfig | undefined {
  if (configuredAdPlatforms(site).length === 0) return undefined;
  return { consentKey: STORAGE_KEYS.consent, ...site.adPlatforms };
}
