import type { APIRoute } from 'astro';
import { getSiteBuild } from '../site-data.ts';

export const GET: APIRoute = async () =>
  new Response((await getSiteBuild()).sitemapXml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
