import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from '../security/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServerOptions {
  /** Folder holding the built site. */
  dir: string;
  /** Path the site is served under, like "/" or "/solutions/". */
  basePath?: string;
}

/**
 * Serves a built site the way static hosts do: `/x/` serves `x/index.html`, a missing page serves
 * `404.html` with status 404, the site's `_headers` file applies (as on Netlify or Cloudflare
 * Pages), and nothing outside the folder is reachable.
 */
export function createStaticServer({ dir, basePath = '/' }: StaticServerOptions): Server {
  const root = normalize(dir);
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));
  } catch {
    // No _headers file: serve without extra headers.
  }
  return createServer(async (req, res) => {
    const send404 = async () => {
      const notFound = join(root, '404.html');
      const exists = await stat(notFound).then((s) => s.isFile(), () => false);
      res.writeHead(404, { ...headersFor(rules, req.url ?? '/'), 'Content-Type': TYPES['.html']! });
      if (exists && req.method !== 'HEAD') createReadStream(notFound).pipe(res);
      else res.end(exists ? undefined : 'Not found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return send404();
    const relative = pathname.slice(base.length - 1);
    const target = normalize(join(root, relative));
    if (target !== root && !target.startsWith(root + sep)) return send404();
    let file = target;
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const fileInfo = await stat(file).catch(() => undefined);
    if (!fileInfo?.isFile()) return send404();
    res.writeHead(200, {
      'Cache-Control': 'no-cache',
      ...headersFor(rules, pathname),
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': fileInfo.size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
}
