import { createHash } from 'node:crypto';
import { thankYouUrlOf } from '../routes.ts';
import type { Site } from '../schemas/index.ts';
import { adPlatformOrigins } from '../tracking/ad-platforms.ts';

/** Origins Google Tag Manager and the GA4 tags it usually carries need, allowed only when a container is configured. */
const TAG_MANAGER = {
  script: ['https://www.googletagmanager.com'],
  img: ['https://www.googletagmanager.com', 'https://*.google-analytics.com'],
  connect: ['https://*.google-analytics.com', 'https://*.analytics.google.com', 'https://*.googletagmanager.com'],
};

/** `'sha256-…'` source expression for an inline script, as CSP Level 2 defines it. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface CspOptions {
  /** Inline scripts the pages carry (the consent bootstrap, keyword insertion): allowed by hash, nothing else inline. */
  inlineScripts: readonly string[];
  /**
   * The header form adds directives a `<meta>` element cannot carry (`frame-ancestors`); the meta form
   * leaves them out, as browsers ignore them there.
   */
  form: 'meta' | 'header';
}

/**
 * A strict Content-Security-Policy for the generated pages: scripts only from the site itself and
 * the hashed inline bootstrap (no 'unsafe-inline'), styles only from the site, forms and requests
 * only to the configured endpoints, the tag manager's origins only when a container is set, each ad
 * platform's documented origins only when it is configured (src/lib/tracking/ad-platforms.ts), and
 * the origins `security.csp` adds for Custom HTML tags.
 */
export function contentSecurityPolicy(site: Site, options: CspOptions): string {
  const gtm = Boolean(site.tracking.gtmContainerId);
  const extra = site.security.csp;
  const origins = (...urls: (string | undefined)[]) => urls.filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin);
  const frames = [...adPlatformOrigins(site, 'frame-src'), ...extra['frame-src']];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...[...new Set(options.inlineScripts)].sort().map(scriptHash), ...(gtm ? TAG_MANAGER.script : []), ...adPlatformOrigins(site, 'script-src'), ...extra['script-src']]],
    ['style-src', ["'self'", ...extra['style-src']]],
    ['img-src', ["'self'", ...(gtm ? TAG_MANAGER.img : []), ...adPlatformOrigins(site, 'img-src'), ...extra['img-src']]],
    ['font-src', ["'self'", ...extra['font-src']]],
    ['connect-src', ["'self'", ...origins(site.leadForm.endpoint, site.tracking.collectUrl), ...(gtm ? TAG_MANAGER.connect : []), ...adPlatformOrigins(site, 'connect-src'), ...extra['connect-src']]],
    // A no-JavaScript post is redirected to the thank-you page; browsers check that redirect against form-action.
    ['form-action', ["'self'", ...origins(site.leadForm.endpoint, thankYouUrlOf(site))]],
    ['base-uri', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', frames.length ? frames : ["'none'"]],
  ];
  if (options.form === 'header') directives.push(['frame-ancestors', ["'none'"]]);
  if (site.url.startsWith('https:')) directives.push(['upgrade-insecure-requests', []]);
  return directives.map(([name, values]) => [name, ...new Set(values.map((v) => v.trim()))].join(' ')).join('; ');
}
