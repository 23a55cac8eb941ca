/**
 * The baseline's data layer: the JSON written by scripts/bench/generate.ts, read once, and Markdown
 * rendered once per entry with the same remark pipeline the site uses.
 */
import { readFileSync } from 'node:fs';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import type { SiteData } from '../../generate.ts';

export type Data = SiteData;
export type SegmentData = SiteData['segments'][number];
export type LandingData = SegmentData['landings'][number];
export type RegulationData = SiteData['regulations'][string];

let data: Data | undefined;

export function getData(): Data {
  data ??= JSON.parse(readFileSync(process.env.BENCH_DATA!, 'utf8')) as Data;
  return data;
}

const processor = remark().use(remarkRehype).use(rehypeStringify);
const rendered = new Map<string, string>();

/** Markdown to HTML, once per distinct text; headings shifted to start at `topHeading`. */
export function markdown(text: string, topHeading = 3): string {
  const key = `${topHeading}\0${text}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = String(processor.processSync(text)).trim();
    const shift = topHeading - 2;
    if (shift) html = html.replace(/<(\/?)h([1-6])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`);
    rendered.set(key, html);
  }
  return html;
}

export const href = (path: string) => path;
export const absolute = (path: string) => `${getData().site.url}${path}`;

/** The dated facts of a regulation, as the site appends them to answers about it. */
export function regulationFacts(r: RegulationData): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const items = [
    `Status: ${r.statusLabel}`,
    ...r.thresholds.map((t) => `${t.label}: ${t.value}`),
    ...r.keyDates.map((d) => `${d.dateLabel}: ${d.label}`),
    ...r.changes.map((c) => `${c.dateLabel}, ${c.statusLabel}: ${c.summary}`),
  ];
  return `<p>${esc(`${r.shortName} at a glance (facts last verified ${r.lastVerifiedLabel}):`)}</p><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

/** The answer HTML of a question: its Markdown and the facts of the regulations it is about. */
export function answerHtml(id: string): string {
  const d = getData();
  const faq = d.faqs[id]!;
  return [markdown(faq.answer, 4), ...faq.regulations.map((r) => regulationFacts(d.regulations[r]!))].join('\n');
}
