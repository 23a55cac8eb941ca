/**
 * The workbench mapping made ready for use: loaded and validated like every content file, checked
 * against the header of an export, and compiled into the lookups that reading a row needs.
 */
import { closestMatch, type Diagnostic } from '../diagnostics.ts';
import type { Entry } from '../load/project.ts';
import { validate } from '../load/validate.ts';
import { foldCase, trimCell } from './cells.ts';
import { parseYaml } from '../load/yaml.ts';
import { NEEDS_FOCUS, OWNERSHIP_TYPES, SOPHISTICATION_LEVELS, workbenchSchema, type Workbench } from '../schemas/index.ts';

/** Where the mapping lives in a content tree. */
export const MAPPING_FILE = 'content/workbench.yaml';

export type MappingField = keyof Workbench['columns'];
export type ValueField = keyof Workbench['values'];

/** The values each mapped field may take in segment criteria. */
const OWN_VALUES: Record<ValueField, readonly (string | number)[]> = {
  ownership: OWNERSHIP_TYPES,
  tier: [1, 2, 3],
  needs: NEEDS_FOCUS,
  sophistication: SOPHISTICATION_LEVELS,
};

/** A mapping file read from anywhere (the `--mapping` option), validated with the same schema the content check uses. */
export function parseMapping(file: string, text: string): { ok: true; entry: Entry<Workbench> } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed;
  const checked = validate(workbenchSchema, parsed.value, file, parsed.locate);
  if (!checked.ok) return checked;
  return { ok: true, entry: { id: 'workbench', file, data: checked.data, locate: parsed.locate } };
}

/**
 * Every column the mapping names that the export's header lacks, each positioned at the mapping's
 * line, with the closest header name and the full list of columns the export has.
 */
export function checkColumns(mapping: Entry<Workbench>, header: readonly string[], csvName: string): Diagnostic[] {
  const present = new Set(header);
  const diagnostics: Diagnostic[] = [];
  for (const [field, column] of Object.entries(mapping.data.columns) as [MappingField, string | undefined][]) {
    if (column === undefined || present.has(column)) continue;
    const at = mapping.locate.at(['columns', field]);
    const sameButCase = header.find((h) => h.toLowerCase() === column.toLowerCase());
    const match = sameButCase ?? closestMatch(column, header.filter((h) => h.trim() !== ''));
    diagnostics.push({
      severity: 'error',
      rule: 'mapping-column',
      file: mapping.file,
      line: at?.line,
      column: at?.column,
      field: `columns.${field}`,
      message: `the column "${column}" is not in ${csvName}`,
      hint: `${match ? `Did you mean "${match}"? ` : ''}The columns of ${csvName}: ${header.map((h) => (h === '' ? '(blank)' : h)).join(', ')}`,
    });
  }
  return diagnostics;
}

/** The mapping as lookups: CRM value, trimmed and case-folded as a cell is (cells.ts) → what it means. */
export interface CompiledMapping {
  entry: Entry<Workbench>;
  data: Workbench;
  /** Country value (trimmed and case-folded as a cell is) → the regions it belongs to, as the mapping names them. Region names map to themselves. */
  regionsOf: Map<string, string[]>;
  /** Every country value and region name, as written, for "did you mean" hints. */
  places: string[];
  /** CRM value (trimmed and case-folded as a cell is) → segment value, for each mapped field; a field's own values are included. */
  values: Record<ValueField, Map<string, string | number>>;
}

export function compileMapping(entry: Entry<Workbench>): CompiledMapping {
  const data = entry.data;
  const regionsOf = new Map<string, string[]>();
  const places: string[] = [];
  const add = (place: string, region: string) => {
    const key = cellKey(place);
    const list = regionsOf.get(key) ?? [];
    if (!list.includes(region)) list.push(region);
    regionsOf.set(key, list);
    if (!places.includes(place)) places.push(place);
  };
  for (const [region, countries] of Object.entries(data.regions)) {
    add(region, region);
    for (const country of countries) add(country, region);
  }
  const values = Object.fromEntries(
    (Object.keys(OWN_VALUES) as ValueField[]).map((field) => {
      const map = new Map<string, string | number>();
      for (const [crm, value] of Object.entries(data.values[field] as Record<string, string | number>)) if (!map.has(cellKey(crm))) map.set(cellKey(crm), value);
      for (const own of OWN_VALUES[field]) if (!map.has(String(own))) map.set(String(own), own);
      return [field, map];
    }),
  ) as CompiledMapping['values'];
  return { entry, data, regionsOf, places, values };
}

/** A value of the mapping as the key a cell is looked up by. */
const cellKey = (value: string): string => foldCase(trimCell(value));

/** The CRM values, as lookup keys, that mean one of `wanted` for a field: what a SQL `IN (…)` must list. */
export function valuesMeaning(mapping: CompiledMapping, field: ValueField, wanted: readonly (string | number)[]): string[] {
  return [...mapping.values[field]].filter(([, value]) => wanted.includes(value)).map(([crm]) => crm);
}

/** The country values and region names, as lookup keys, that place an account in one of `regions`. */
export function placesIn(mapping: CompiledMapping, regions: readonly string[]): string[] {
  const wanted = new Set(regions.map(foldCase));
  const out = new Set<string>(wanted);
  for (const [place, list] of mapping.regionsOf) if (list.some((r) => wanted.has(foldCase(r)))) out.add(place);
  return [...out];
}
