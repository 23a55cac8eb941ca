import type { APIRoute } from 'astro';
import { getSiteBuild } from '../site-data.ts';

export const GET: APIRoute = async () => new Response((await getSiteBuild()).robotsTxt, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
