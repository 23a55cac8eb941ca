/** The version of what decides assignments, shared by the assigner and the /segments/ page. */
import { createHash } from 'node:crypto';
import type { Workbench } from '../schemas/index.ts';
import type { RankedSegment } from './assign.ts';

/**
 * Hash of exactly what decides assignments: the counted segments in rank order with their criteria
 * and scores, and the mapping. Copy edits do not change it; a changed criterion, weight or mapping does.
 */
export function criteriaVersionOf(segments: readonly RankedSegment[], mapping: Workbench | undefined): string {
  const material = { segments: segments.map((s) => ({ id: s.id, criteria: s.criteria, score: s.score ?? null })), mapping: mapping ?? null };
  return createHash('sha256').update(stableJson(material)).digest('hex').slice(0, 12);
}

/** JSON with object keys sorted at every level, so equal data always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
