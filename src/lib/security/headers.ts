import type { Site } from '../schemas/index.ts';

/**
 * A `_headers` file, the format Netlify and Cloudflare Pages read (and our local server too): the
 * Content-Security-Policy with what only a header can say, security headers, and long-lived
 * caching for Astro's content-hashed assets.
 */
export function headersFile(site: Site, csp: string): string {
  const base = site.basePath.replace(/\/$/, '');
  const security = [
    `Content-Security-Policy: ${csp}`,
    'X-Content-Type-Options: nosniff',
    'X-Frame-Options: DENY',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy: same-origin',
    ...(site.url.startsWith('https:') ? ['Strict-Transport-Security: max-age=31536000; includeSubDomains'] : []),
  ];
  const block = (path: string, lines: string[]) => [path, ...lines.map((l) => `  ${l}`)].join('\n');
  return `${[block(`${base}/*`, security), block(`${base}/_astro/*`, ['Cache-Control: public, max-age=31536000, immutable'])].join('\n\n')}\n`;
}

export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Reads a `_headers` file: a path pattern at the start of a line, `Name: value` lines indented below it. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      if (colon > 0 && rules.length) rules.at(-1)!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Headers for a request path: every matching rule applies, later rules win for the same name. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith('*') ? path.startsWith(rule.pattern.slice(0, -1)) : path === rule.pattern;
    if (matches) for (const [name, value] of rule.headers) out[name] = value;
  }
  return out;
}
