import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closestMatch, formatFieldPath, suggest, type Diagnostic } from '../diagnostics.ts';
import type { Entry, Project } from '../load/project.ts';
import type { ProofScope } from '../schemas/index.ts';
import { LOGO_IMAGE_DIR, logoImageFile } from '../schemas/proof-logo.ts';

export interface ProofCheckOptions {
  /** The date proof is checked against (YYYY-MM-DD). */
  today: string;
  /** The folder logo images are looked up in: the site's public/ folder. */
  publicDir: string;
}

/** Proof older than this many months is reported as stale. */
export const STALE_AFTER_MONTHS = 24;
/** A certification this close to its end date gets a warning. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * Proof is a claim about real customers, so it must be traceable: a figure has a source (or a named
 * customer who reported it) and a date, a quote a named person, company and the customer's
 * permission, a certification is still valid, a logo's file exists. Old proof is flagged for review.
 */
export function checkProof(project: Project, { today, publicDir }: ProofCheckOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const staleBefore = addMonths(today, -STALE_AFTER_MONTHS);
  const problem = (entry: Entry<unknown>, path: PropertyKey[], severity: Diagnostic['severity'], rule: string, message: string, hint: string) => {
    // A missing field has no position of its own: point at the top of the file.
    const at = entry.locate.at(path) ?? { line: 1, column: 1 };
    diagnostics.push({ severity, rule, file: entry.file, line: at.line, column: at.column, field: formatFieldPath(path), message, hint });
  };
  const dated = (entry: Entry<unknown>, date: string | undefined, what: string) => {
    if (date === undefined) return;
    if (date > today) problem(entry, ['date'], 'error', 'future-date', `${date} is in the future`, `Write the date on which the ${what} was actually given or measured.`);
    else if (date < staleBefore)
      problem(entry, ['date'], 'warning', 'stale-proof', `the ${what} is from ${date}, more than ${STALE_AFTER_MONTHS} months ago`, `Ask the customer whether it still holds, then update date; or delete the file so pages stop showing it.`);
  };

  for (const entry of project.proof.quotes) {
    const q = entry.data;
    if (!q.person) problem(entry, ['person'], 'error', 'proof-source', 'the quote names no person', 'Add person: the full name of the customer quoted. An anonymous quote is not proof.');
    if (!q.company) problem(entry, ['company'], 'error', 'proof-source', 'the quote names no company', 'Add company: the customer the person works for.');
    if (!q.permission)
      problem(entry, ['permission'], 'error', 'proof-permission', 'the quote has no permission note', 'Add permission: how and when the customer allowed publication, like "Approved by email, 2026-03-02".');
    if (!q.date) problem(entry, ['date'], 'error', 'proof-date', 'the quote has no date', 'Add date: YYYY-MM-DD, when the customer said it.');
    dated(entry, q.date, 'quote');
  }

  for (const entry of project.proof.figures) {
    const f = entry.data;
    if (!f.source && !f.customerReported)
      problem(entry, ['source'], 'error', 'proof-source', 'the figure has no source', 'Add source: { title, url } naming the case study or report it comes from, or set customerReported: true and name the customer in customer.');
    if (f.customerReported && !f.customer)
      problem(entry, ['customer'], 'error', 'proof-source', 'a customer-reported figure needs the customer’s name', 'Add customer: the company that reported the figure.');
    if (!f.date) problem(entry, ['date'], 'error', 'proof-date', 'the figure has no date', 'Add date: YYYY-MM-DD, when the figure was measured or reported.');
    dated(entry, f.date, 'figure');
  }

  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  for (const entry of project.proof.certifications) {
    const { validUntil, name } = entry.data;
    if (validUntil < today)
      problem(entry, ['validUntil'], 'error', 'expired-certification', `${name} expired on ${validUntil}`, 'Pages must not show an expired certification: after renewal update validUntil and evidenceUrl, or delete the file.');
    else if (validUntil <= soon)
      problem(entry, ['validUntil'], 'warning', 'expiring-certification', `${name} expires on ${validUntil}, within ${EXPIRY_WARNING_DAYS} days`, 'Renew it and update validUntil and evidenceUrl; from that day on the check fails.');
  }

  for (const entry of project.proof.logos) {
    const image = entry.data.image;
    const file = logoImageFile(image);
    if (file) {
      // A raster logo is a content file, read (and refused if it is a link) with the rest of the content.
      const bytes = project.proof.logoImages.get(file);
      if (!bytes) {
        const near = closestMatch(file, [...project.proof.logoImages.keys()].sort());
        const hint = near ? `Did you mean "./${near.slice(LOGO_IMAGE_DIR.length + 1)}"? The path is relative to ${LOGO_IMAGE_DIR}/.` : `Put the logo file at ${file}, beside this file, or correct the path.`;
        problem(entry, ['image'], 'error', 'missing-image', `${file} does not exist`, hint);
      } else {
        const kind = rasterKindOf(file);
        if (!RASTER_SIGNATURES[kind](bytes))
          problem(entry, ['image'], 'error', 'bad-image', `${file} is not a ${kind} image`, `Export the logo again as ${kind} and save it under this name: a file of another kind renamed to .${file.split('.').pop()} cannot be converted.`);
      }
      continue;
    }
    const path = join(publicDir, ...image.split('/'));
    if (!isFile(path)) {
      const folder = image.includes('/') ? image.slice(0, image.lastIndexOf('/') + 1) : '';
      const present = imagesIn(join(publicDir, ...folder.split('/').filter(Boolean))).map((name) => folder + name);
      const near = closestMatch(image, present);
      const hint = near ? `Did you mean "${near}"? The path is relative to public/.` : `Put the logo file at public/${image}, or correct the path (it is relative to public/).`;
      problem(entry, ['image'], 'error', 'missing-image', `public/${image} does not exist`, hint);
    } else {
      const active = activeSvgContent(readFileSync(path, 'utf8'));
      if (active)
        problem(
          entry,
          ['image'],
          'error',
          'active-svg',
          `public/${image} holds ${active}, which would run if the file were opened on its own`,
          'Export the logo again as a plain SVG of shapes and text (your design tool’s "Export as SVG", or SVGO), without scripts, event handlers, embedded HTML or links.',
        );
    }
  }

  const known = (kind: keyof Project['fileIds']) => [...project.fileIds[kind]].sort();
  const segments = known('segment');
  const personas = known('persona');
  const verticals = known('vertical');
  const scoped: Entry<{ scope: ProofScope }>[] = [...project.proof.quotes, ...project.proof.logos, ...project.proof.figures, ...project.proof.certifications];
  for (const entry of scoped) {
    const ref = (dimension: keyof ProofScope, ids: string[], noun: string, where: string) =>
      entry.data.scope[dimension].forEach((id, i) => {
        if (!ids.includes(id)) problem(entry, ['scope', dimension, i], 'error', 'unknown-reference', `unknown ${noun.replace(/s$/, '')} "${id}"`, `${suggest(id, ids, noun)} (${where})`);
      });
    ref('segments', segments, 'segments', 'files in segments/');
    ref('personas', personas, 'personas', 'files in content/personas/');
    ref('verticals', verticals, 'verticals', 'files in content/verticals/');
  }
  return diagnostics;
}

type RasterKind = 'PNG' | 'JPEG' | 'WebP';
const rasterKindOf = (file: string): RasterKind => (file.endsWith('.png') ? 'PNG' : file.endsWith('.webp') ? 'WebP' : 'JPEG');
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The first bytes each raster format starts with, so a renamed file is named here rather than failing the image service. */
const RASTER_SIGNATURES: Record<RasterKind, (bytes: Uint8Array) => boolean> = {
  PNG: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  JPEG: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  WebP: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8),
};

/**
 * What in an SVG could run or navigate: pages show logos with <img>, where none of it runs, but the
 * file is also published at its own URL, where a browser would run it with the site's rights.
 */
export function activeSvgContent(svg: string): string | undefined {
  const found = [
    [/<script\b/i, 'a <script> element'],
    [/<foreignObject\b/i, 'a <foreignObject> element (embedded HTML)'],
    [/\son[a-z]+\s*=/i, 'an event handler attribute (on…=)'],
    [/<(?:iframe|embed|object)\b/i, 'an embedded document'],
    [/\b(?:xlink:)?href\s*=\s*["']?\s*(?:javascript|data|https?):/i, 'a link to another document or script'],
  ] as const;
  return found.find(([pattern]) => pattern.test(svg))?.[1];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function imagesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.svg'))
      .sort();
  } catch {
    return [];
  }
}

/** `YYYY-MM-DD` plus whole months; the day is clamped to the month’s length. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
