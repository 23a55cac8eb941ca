import { describe, expect, it } from 'vitest';
import { mergeText, missingText, textHash, textOf, textShapeOf, translationSchemaOf, withStamp } from '../../../src/lib/i18n/translations.ts';

describe('the translatable part of a schema', () => {
  it('holds a segment’s visitor text, never its criteria, status or ids, and marks list items by id', () => {
    const shape = textShapeOf('segment');
    expect(shape?.type).toBe('object');
    const fields = shape?.type === 'object' ? shape.fields : {};
    expect(Object.keys(fields)).toEqual(['name', 'nickname', 'description', 'personas', 'messaging', 'objections']);
    expect(fields.personas).toMatchObject({ type: 'array', identity: 'id', item: { type: 'object', fields: { headline: { type: 'text' }, valueProposition: { type: 'text' } } } });
    expect(fields.messaging).toMatchObject({ type: 'object', fields: { valueProposition: { type: 'text' }, proofPoints: { type: 'array' } } });
  });

  it('keeps a regulation’s wording and leaves its dates, figures and sources in the original', () => {
    const shape = textShapeOf('regulation');
    const fields = shape?.type === 'object' ? shape.fields : {};
    expect(fields.keyDates).toMatchObject({ type: 'array', item: { fields: { label: { type: 'text' }, who: { type: 'text' } } } });
    expect(Object.keys((fields.keyDates as { item: { fields: object } }).item.fields)).toEqual(['label', 'who']);
    expect(Object.keys((fields.thresholds as { item: { fields: object } }).item.fields)).toEqual(['label', 'unit', 'note']);
    expect(fields.sources).toBeUndefined();
    expect(fields.lastVerified).toBeUndefined();
  });

  it('is nothing for a logo, whose only text is a company name kept as written', () => {
    expect(textShapeOf('logo')).toBeUndefined();
  });

  it('validates translated text with the original field’s limits', () => {
    const schema = translationSchemaOf('persona');
    expect(schema.safeParse({ cta: { label: 'x'.repeat(41) } }).success).toBe(false);
    expect(schema.safeParse({ cta: { label: 'Demo' }, translationOf: 'abc' }).success).toBe(false);
    expect(schema.safeParse({ cta: { label: 'Demo' }, translationOf: '0123456789ab' }).success).toBe(true);
  });
});

describe('the stamp of an original', () => {
  const persona = { name: 'Controller', buyerRole: 'economic', goals: ['Close fast'], titles: ['CFO'], cta: { label: 'Book' } };

  it('changes with its text and its body', () => {
    const stamp = textHash('persona', persona, 'Body.');
    expect(stamp).toMatch(/^[0-9a-f]{12}$/);
    expect(textHash('persona', { ...persona, goals: ['Close faster'] }, 'Body.')).not.toBe(stamp);
    expect(textHash('persona', persona, 'Another body.')).not.toBe(stamp);
  });

  it('stays when a field that is not translated changes, or when keys move', () => {
    const stamp = textHash('persona', persona, 'Body.');
    expect(textHash('persona', { ...persona, buyerRole: 'user', titles: ['Head of Finance'] }, 'Body.')).toBe(stamp);
    expect(textHash('persona', { cta: { label: 'Book' }, goals: ['Close fast'], name: 'Controller' }, 'Body.\n')).toBe(stamp);
  });

  it('is written into a YAML file as its first line, or replaces the old one', () => {
    expect(withStamp('name: Kleine Teams\n', '0123456789ab', false)).toBe('translationOf: "0123456789ab"\nname: Kleine Teams\n');
    expect(withStamp('# note\ntranslationOf: aaaaaaaaaaaa\nname: x\n', '0123456789ab', false)).toBe('# note\ntranslationOf: "0123456789ab"\nname: x\n');
  });

  it('is written inside the front matter of a Markdown file', () => {
    expect(withStamp('---\nquestion: Wie?\n---\nSo.\n', '0123456789ab', true)).toBe('---\ntranslationOf: "0123456789ab"\nquestion: Wie?\n---\nSo.\n');
    expect(withStamp('---\ntranslationOf: aaaaaaaaaaaa\n---\ntranslationOf: in the body\n', '0123456789ab', true)).toBe('---\ntranslationOf: "0123456789ab"\n---\ntranslationOf: in the body\n');
  });
});

describe('merging a translation over its original', () => {
  it('takes the text item by item and keeps every figure, id and date', () => {
    const original = { officialName: 'Rules', keyDates: [{ date: '2026-01-01', label: 'Applies' }, { date: '2027-01-01', label: 'Fines' }], thresholds: [{ label: 'Staff', value: 250, unit: 'employees', comparison: 'more-than' }] };
    const merged = mergeText(textShapeOf('regulation'), original, { officialName: 'Regeln', keyDates: [{ label: 'Gilt' }, { label: 'Bußgelder' }], thresholds: [{ label: 'Beschäftigte', unit: 'Beschäftigte' }] });
    expect(merged).toEqual({ officialName: 'Regeln', keyDates: [{ date: '2026-01-01', label: 'Gilt' }, { date: '2027-01-01', label: 'Bußgelder' }], thresholds: [{ label: 'Beschäftigte', value: 250, unit: 'Beschäftigte', comparison: 'more-than' }] });
    expect(textOf(textShapeOf('regulation'), original)).toEqual({ keyDates: [{ label: 'Applies' }, { label: 'Fines' }], officialName: 'Rules', thresholds: [{ label: 'Staff', unit: 'employees' }] });
  });
});

describe('what a translation must word', () => {
  const shape = textShapeOf('figure');

  it('leaves out a currency code, which reads the same in every language', () => {
    expect(missingText(shape, { value: 2400000, unit: 'USD', measured: 'of savings' }, { measured: 'Einsparungen' })).toEqual([]);
  });

  it('still needs a unit that is a word', () => {
    expect(missingText(shape, { value: 40, unit: 'days', measured: 'to onboard' }, { measured: 'bis zum Onboarding' })).toEqual([['unit']]);
  });
});

describe('a stamp that looks like a number', () => {
  it('is quoted, so YAML reads it back as the same text', async () => {
    const { parse } = await import('yaml');
    expect(parse(withStamp('name: x\n', '123e45678901', false)).translationOf).toBe('123e45678901');
  });
});
