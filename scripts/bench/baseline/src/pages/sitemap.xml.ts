import type { APIRoute } from 'astro';
import { absolute, getData } from '../data.ts';

export const GET: APIRoute = () => {
  const paths = ['/', '/segments/', ...getData().segments.flatMap((s) => [`/${s.id}/`, `/${s.id}/faq/`, ...s.landings.filter((l) => !l.noindex).map((l) => `/${s.id}/${l.persona}/`)])];
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...paths.map((p) => `  <url><loc>${absolute(p)}</loc></url>`), '</urlset>', ''].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
