import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as labels from '../../../src/lib/compose/labels.ts';
import { BUILT_IN_UI } from '../../../src/lib/i18n/ui.ts';
import { faqSchema, personaSchema, regulationSchema, segmentSchema, verticalSchema } from '../../../src/lib/schemas/index.ts';

/** The schemas whose entries reach a page (the playbook included), and the labels of each of their enums, by path. */
const SCHEMAS = { segment: segmentSchema, persona: personaSchema, vertical: verticalSchema, regulation: regulationSchema, faq: faqSchema };
const LABELS_BY_PATH: Record<string, Readonly<Record<string, string>>> = {
  'segment.status': labels.SEGMENT_STATUS_LABELS,
  'segment.criteria.firmographic.ownership[]': labels.OWNERSHIP_LABELS,
  'segment.criteria.firmographic.anyOf[].ownership[]': labels.OWNERSHIP_LABELS,
  'segment.criteria.needs': labels.NEEDS_LABELS,
  'segment.criteria.sophistication': labels.SOPHISTICATION_LABELS,
  'persona.buyerRole': labels.BUYER_ROLE_LABELS,
  'regulation.status': labels.REGULATION_STATUS_LABELS,
  'regulation.thresholds[].comparison': labels.THRESHOLD_COMPARISON_LABELS,
  'regulation.changes[].status': labels.CHANGE_STATUS_LABELS,
  'regulation.obligations[].within.unit': labels.DEADLINE_UNIT_LABELS,
  'regulation.penalties[].whicheverIs': labels.PENALTY_COMBINATION_LABELS,
};

/** Every enum in a JSON Schema, by the field path an author writes. */
function enumsOf(node: unknown, path: string, out: Map<string, string[]>): Map<string, string[]> {
  if (Array.isArray(node)) node.forEach((n) => enumsOf(n, path, out));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.enum)) out.set(path, n.enum as string[]);
    for (const [key, value] of Object.entries(n.properties ?? {})) enumsOf(value, `${path}.${key}`, out);
    if (n.items) enumsOf(n.items, `${path}[]`, out);
    for (const key of ['anyOf', 'oneOf', 'allOf']) if (n[key]) enumsOf(n[key], path, out);
  }
  return out;
}

const enums = new Map<string, string[]>();
for (const [name, schema] of Object.entries(SCHEMAS)) enumsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), name, enums);

describe('enum labels', () => {
  it('finds the enums of the content schemas', () => {
    expect(enums.size).toBeGreaterThanOrEqual(8);
  });

  it('has a label map for every enum of every schema that reaches a page', () => {
    expect([...enums.keys()].filter((path) => !LABELS_BY_PATH[path])).toEqual([]);
  });

  it.each([...enums])('words every value of %s, never as the raw value', (path, values) => {
    const map = LABELS_BY_PATH[path]!;
    for (const value of values) {
      const label = map[value];
      expect(label, `${path}: ${value}`).toBeTruthy();
      // A label may be the same plain word ('Amended'), never a slug ('in-force') or 'value: …'.
      expect(label, `${path}: ${value}`).not.toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(label, `${path}: ${value}`).not.toMatch(new RegExp(`^${value}:`, 'i'));
    }
    expect(Object.keys(map).sort()).toEqual([...values].sort());
  });
});

/** The enums a public page words, and the group of the interface text that words each, in every built-in dictionary. */
const UI_GROUP_BY_PATH: Record<string, string[]> = {
  'segment.status': ['segmentStatus'],
  'persona.buyerRole': ['buyerRole'],
  'regulation.status': ['regulationStatus', 'notYetApplicable'],
  'regulation.thresholds[].comparison': ['thresholdComparison'],
  'regulation.changes[].status': ['changeStatus'],
  'regulation.obligations[].within.unit': ['deadlineOne', 'deadlineOther'],
  'regulation.penalties[].whicheverIs': ['penaltyCombination'],
};

describe('enum words of the built-in interface text', () => {
  it.each(Object.entries(BUILT_IN_UI).flatMap(([locale, ui]) => Object.entries(UI_GROUP_BY_PATH).flatMap(([path, groups]) => groups.map((group) => [locale, path, group, ui] as const))))(
    '%s words every value of %s in %s',
    (_locale, path, group, ui) => {
      const words = (ui as unknown as Record<string, Record<string, string>>)[group]!;
      expect(Object.keys(words).sort()).toEqual([...enums.get(path)!].sort());
    },
  );
});

