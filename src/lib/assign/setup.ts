/**
 * What the workbench commands need from a content tree: the segments that count, in rank order,
 * the mapping, the weights and the versions, plus warnings about criteria the mapping cannot serve.
 * Only the files assignment depends on must be free of errors (segments, site settings, the
 * mapping); a typo in a FAQ does not stop anyone from sizing their segments.
 */
import { readFile } from 'node:fs/promises';
import { suggest, type Diagnostic } from '../diagnostics.ts';
import { contentVersionOf, readContentFiles, type SourceFile } from '../load/files.ts';
import { parseProject, type Entry, type Project } from '../load/project.ts';
import type { FirmographicGroup, Segment, Site } from '../schemas/index.ts';
import { rankSegments, type RankedSegment } from './assign.ts';
import { foldCase } from './cells.ts';
import { compileMapping, MAPPING_FILE, parseMapping, type CompiledMapping } from './mapping.ts';
import { criteriaVersionOf } from './version.ts';

export interface AssignSetup {
  files: SourceFile[];
  project: Project;
  weights: Site['prioritisation']['weights'];
  /** The counted segments, highest priority first. */
  segments: RankedSegment[];
  /** Undefined when there is no mapping: the scorecard runs without one, the assigner does not. */
  mapping?: CompiledMapping;
  includeDrafts: boolean;
  contentVersion: string;
  criteriaVersion: string;
  /** Criteria no account can meet with this mapping, region names it does not know. */
  warnings: Diagnostic[];
}

export interface SetupOptions {
  /** A mapping file outside the content tree, as the user typed its path. */
  mappingPath?: string;
  includeDrafts?: boolean;
  /** Whether a missing mapping is an error (assign) or fine (scorecard). */
  requireMapping?: boolean;
}

const MAPPING_IN_CONTENT = /^content\/workbench\.ya?ml$/;
const RELEVANT = (file: string) => file.startsWith('segments/') || /^content\/site\.ya?ml$/.test(file) || MAPPING_IN_CONTENT.test(file);

export async function loadAssignSetup(root: string, options: SetupOptions = {}): Promise<{ ok: true; setup: AssignSetup } | { ok: false; diagnostics: Diagnostic[] }> {
  const files = await readContentFiles(root);
  const { project, diagnostics } = parseProject(files);
  const mappingFromContent = options.mappingPath === undefined;
  const blocking = diagnostics.filter((d) => d.severity === 'error' && (MAPPING_IN_CONTENT.test(d.file) ? mappingFromContent : RELEVANT(d.file)));
  if (blocking.length) return { ok: false, diagnostics: blocking };

  let entry = project.workbench;
  if (!mappingFromContent) {
    let text: string;
    try {
      text = await readFile(options.mappingPath!, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, diagnostics: [{ severity: 'error', rule: 'mapping-file', file: options.mappingPath!, message: code === 'ENOENT' ? 'there is no such mapping file' : `the mapping file cannot be read (${code ?? String(error)})`, hint: `Check the path, or leave out --mapping to use ${MAPPING_FILE}.` }] };
    }
    const parsed = parseMapping(options.mappingPath!, text);
    if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
    entry = parsed.entry;
  }
  if (!entry && options.requireMapping) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', rule: 'missing-file', file: MAPPING_FILE, message: 'the workbench mapping is missing', hint: 'Create content/workbench.yaml naming the columns of your CRM export (see docs/workbench.md#workbench-mapping), or pass --mapping <file>.' }],
    };
  }

  const weights = project.site!.data.prioritisation.weights;
  const includeDrafts = options.includeDrafts === true;
  const segments = rankSegments(project.segments, weights, { includeDrafts });
  const mapping = entry && compileMapping(entry);
  const counted = project.segments.filter((s) => segments.some((r) => r.id === s.id));
  const setup: AssignSetup = {
    files,
    project,
    weights,
    segments,
    includeDrafts,
    contentVersion: contentVersionOf(files),
    criteriaVersion: criteriaVersionOf(segments, entry?.data),
    warnings: mapping ? mappingWarnings(mapping, counted) : [],
  };
  if (mapping) setup.mapping = mapping;
  return { ok: true, setup };
}

/**
 * What the mapping cannot serve: a criterion whose column it does not name (no account can meet
 * it), a region it does not list (only a country cell spelling that very name can), revenue in a
 * currency it has no rate for. Positioned at the segment's criterion.
 */
export function mappingWarnings(mapping: CompiledMapping, segments: readonly Entry<Segment>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const columns = mapping.data.columns;
  const mappingFile = mapping.entry.file;
  const warn = (segment: Entry<Segment>, path: PropertyKey[], field: string, message: string, hint: string) => {
    const at = segment.locate.at(path);
    out.push({ severity: 'warning', rule: 'workbench-mapping', file: segment.file, line: at?.line, column: at?.column, field, message, hint });
  };
  /** `criteria.firmographic.anyOf[1].revenue`: a path as the content check writes fields. */
  const field = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  const unmapped = (segment: Entry<Segment>, path: PropertyKey[], column: keyof typeof columns, what: string) =>
    warn(segment, path, field(path), `no account can meet this: ${mappingFile} names no ${what} column`, `Add columns.${column} to ${mappingFile}, or remove the criterion.`);

  for (const segment of segments) {
    const c = segment.data.criteria;
    const groups: [FirmographicGroup, PropertyKey[]][] = [[c.firmographic, ['criteria', 'firmographic']], ...(c.firmographic.anyOf ?? []).map((g, i): [FirmographicGroup, PropertyKey[]] => [g, ['criteria', 'firmographic', 'anyOf', i]])];
    for (const [f, at] of groups) {
      if (f.industries.length && !columns.industry) unmapped(segment, [...at, 'industries'], 'industry', 'industry');
      if (f.employees && (f.employees.min !== undefined || f.employees.max !== undefined) && !columns.employees) unmapped(segment, [...at, 'employees'], 'employees', 'employees');
      if (f.revenue && (f.revenue.min !== undefined || f.revenue.max !== undefined)) {
        const estimable = mapping.data.revenuePerEmployee !== undefined && columns.employees !== undefined;
        if (!columns.revenue && !estimable) {
          warn(segment, [...at, 'revenue'], field([...at, 'revenue']), `no account can meet this: ${mappingFile} names no revenue column and no revenuePerEmployee to estimate it`, `Add columns.revenue, or revenuePerEmployee with columns.employees, to ${mappingFile}.`);
        }
        const rates = mapping.data.exchangeRates;
        const currencies = new Set([mapping.data.currency, mapping.data.revenuePerEmployee?.currency].filter((x): x is string => x !== undefined));
        const target = f.revenue.currency;
        const missing = [...currencies].filter((cur) => cur !== target && (rates[cur] === undefined || rates[target] === undefined));
        if (missing.length) {
          warn(segment, [...at, 'revenue', 'currency'], field([...at, 'revenue']), `revenue in ${missing.join(' and ')} cannot be compared with this ${target} range`, `Add exchangeRates for ${[...new Set([...missing, target])].join(' and ')} to ${mappingFile}.`);
        }
      }
      if (f.regions.length) {
        if (!columns.country) unmapped(segment, [...at, 'regions'], 'country', 'country');
        else {
          const known = Object.keys(mapping.data.regions);
          f.regions.forEach((region, i) => {
            if (known.some((k) => foldCase(k) === foldCase(region))) return;
            warn(segment, [...at, 'regions', i], field([...at, 'regions', i]), `"${region}" is not a region of ${mappingFile}: only accounts whose country cell says "${region}" can meet it`, suggest(region, known, `regions in ${mappingFile}`));
          });
        }
      }
      if (f.ownership.length && !columns.ownership) unmapped(segment, [...at, 'ownership'], 'ownership', 'ownership');
    }
    if (c.technographic.uses.length && !columns.systems) unmapped(segment, ['criteria', 'technographic', 'uses'], 'systems', 'systems');
    if (c.technographic.usesAll.length && !columns.systems) unmapped(segment, ['criteria', 'technographic', 'usesAll'], 'systems', 'systems');
    if (c.tier !== undefined && !columns.tier) unmapped(segment, ['criteria', 'tier'], 'tier', 'tier');
    if (c.needs !== undefined && !columns.needs) unmapped(segment, ['criteria', 'needs'], 'needs', 'needs');
    if (c.sophistication !== undefined && !columns.sophistication) unmapped(segment, ['criteria', 'sophistication'], 'sophistication', 'sophistication');
  }
  return out;
}
