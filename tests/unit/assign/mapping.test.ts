import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkColumns, compileMapping, parseMapping, placesIn, valuesMeaning } from '../../../src/lib/assign/mapping.ts';
import { mappingWarnings } from '../../../src/lib/assign/setup.ts';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { parseProject } from '../../../src/lib/load/project.ts';
import { edit, fixture, PROJECT_ROOT, readTree, withFiles } from '../helpers.ts';
import { ACCOUNTS } from './helpers.ts';

const read = (file: string) => readFileSync(join(ACCOUNTS, file), 'utf8');
const mapping = (text: string, file = 'content/workbench.yaml') => {
  const parsed = parseMapping(file, text);
  if (!parsed.ok) throw new Error(formatDiagnosticsText(parsed.diagnostics));
  return parsed.entry;
};

describe('the mapping file', () => {
  it('reports misspelt fields and values at their line, with what was meant', () => {
    const parsed = parseMapping('mapping-misspelt-key.yaml', read('mapping-misspelt-key.yaml'));
    expect(parsed.ok).toBe(false);
    expect(formatDiagnosticsText(parsed.ok ? [] : parsed.diagnostics)).toMatchInlineSnapshot(`
      "mapping-misspelt-key.yaml:4:3 columns.employes: unknown field "employes"
          hint: Did you mean "employees"? Known fields here: id, name, industry, employees, revenue, revenueCurrency, country, ownership, systems, tier, needs, sophistication
      mapping-misspelt-key.yaml:10:5 values.ownership.Listed: "publc" is not one of: public, private, private-equity, family-owned, subsidiary, nonprofit, government
          hint: Did you mean "public"?"
    `);
  });

  it('names each column the export lacks, the closest one it has, and all of them', () => {
    const entry = mapping(read('mapping-wrong-column.yaml'), 'mapping-wrong-column.yaml');
    const header = read('known-answers.csv').split('\r\n')[0]!.split(',');
    expect(formatDiagnosticsText(checkColumns(entry, header, 'known-answers.csv'))).toMatchInlineSnapshot(`
      "mapping-wrong-column.yaml:5:3 columns.employees: the column "Head count" is not in known-answers.csv
          hint: Did you mean "Headcount"? The columns of known-answers.csv: Account Id, Company, Sector, Headcount, Revenue, Rev Currency, HQ Country, Ownership Type, Tech Stack, Tier
      mapping-wrong-column.yaml:6:3 columns.country: the column "HQ Contry" is not in known-answers.csv
          hint: Did you mean "HQ Country"? The columns of known-answers.csv: Account Id, Company, Sector, Headcount, Revenue, Rev Currency, HQ Country, Ownership Type, Tech Stack, Tier"
    `);
  });

  it('needs a currency for revenue, and one meaning per CRM value', () => {
    const parsed = parseMapping('m.yaml', 'columns:\n  id: Id\n  revenue: Revenue\nvalues:\n  tier:\n    Gold: 1\n    gold: 2\n');
    expect(formatDiagnosticsText(parsed.ok ? [] : parsed.diagnostics)).toMatchInlineSnapshot(`
      "m.yaml:3:3 columns.revenue: the revenue column needs a currency
          hint: Add \`currency: USD\` (or another code) when every row is in one currency, or name the currency column as columns.revenueCurrency.
      m.yaml:7:5 values.tier.gold: "gold" and "Gold" are the same CRM value (case does not count) mapped to 2 and 1
          hint: Keep one of the two."
    `);
  });

  it('compiles into lookups without regard to case, keeping the values segments use', () => {
    const compiled = compileMapping(mapping(read('content/workbench.yaml')));
    expect(compiled.regionsOf.get('canada')).toEqual(['North America']);
    expect(compiled.regionsOf.get('north america')).toEqual(['North America']);
    expect(placesIn(compiled, ['united kingdom']).sort()).toEqual(['gb', 'uk', 'united kingdom']);
    expect(valuesMeaning(compiled, 'ownership', ['family-owned']).sort()).toEqual(['family', 'family-owned']);
    expect(valuesMeaning(compiled, 'tier', [1]).sort()).toEqual(['1', 'a']);
  });
});

describe('the mapping as content', () => {
  it('is read from content/workbench.yaml, and account exports in content/accounts/ are left alone', () => {
    const files = withFiles(fixture('minimal'), {
      'content/workbench.yaml': 'columns:\n  id: Account ID\n',
      'content/accounts/export.csv': 'not: [yaml',
      'content/accounts/notes.txt': 'anything',
    });
    const { project, diagnostics } = parseProject(files);
    expect(diagnostics).toEqual([]);
    expect(project.workbench?.data.columns).toEqual({ id: 'Account ID' });
  });

  it('is checked like every content file', () => {
    const files = withFiles(fixture('minimal'), { 'content/workbench.yaml': 'columns:\n  id: Account ID\n  contry: Country\n' });
    expect(formatDiagnosticsText(parseProject(files).diagnostics)).toMatchInlineSnapshot(`
      "content/workbench.yaml:3:3 columns.contry: unknown field "contry"
          hint: Did you mean "country"? Known fields here: id, name, industry, employees, revenue, revenueCurrency, country, ownership, systems, tier, needs, sophistication"
    `);
  });

  it('the shipped sample passes', () => {
    const { project, diagnostics } = parseProject(readTree(PROJECT_ROOT));
    expect(diagnostics).toEqual([]);
    expect(project.workbench?.data.columns.id).toBe('Account ID');
  });
});

describe('warnings about what the mapping cannot serve', () => {
  it('point at the segment criterion no account can meet, or a region the mapping does not know', () => {
    const files = edit(readTree(ACCOUNTS), 'segments/uk-private.yaml', 'regions: [United Kingdom]', 'regions: [Untied Kingdom]');
    const segments = parseProject(files).project.segments;
    const withoutTier = compileMapping(mapping(read('content/workbench.yaml').replace('  tier: Tier\n', '')));
    expect(formatDiagnosticsText(mappingWarnings(withoutTier, segments))).toMatchInlineSnapshot(`
      "segments/enterprise-sap.yaml:13:3 criteria.tier: warning: no account can meet this: content/workbench.yaml names no tier column
          hint: Add columns.tier to content/workbench.yaml, or remove the criterion.
      segments/uk-private.yaml:8:15 criteria.firmographic.regions[0]: warning: "Untied Kingdom" is not a region of content/workbench.yaml: only accounts whose country cell says "Untied Kingdom" can meet it
          hint: Did you mean "United Kingdom"? Known regions in content/workbench.yaml: North America, United Kingdom, European Union"
    `);
  });

  it('point at the anyOf group, and at usesAll, whose column the mapping does not name', () => {
    const either = 'ownership: [private, family-owned]\n    anyOf:\n      - employees: { min: 250 }\n      - ownership: [public]\n        regions: [Untied Kingdom]\n  technographic:\n    usesAll: [SAP S/4HANA]';
    const files = edit(edit(readTree(ACCOUNTS), 'segments/uk-private.yaml', 'ownership: [private, family-owned]', either), 'segments/uk-private.yaml', '  technographic:\n    notUses: [Coupa]\n', '');
    const segments = parseProject(files).project.segments.filter((s) => s.id === 'uk-private');
    const text = read('content/workbench.yaml');
    const column = (name: string) => text.match(new RegExp(`^  ${name}: .*\n`, 'm'))![0];
    const narrow = compileMapping(mapping(text.replace(column('ownership'), '').replace(column('systems'), '')));
    expect(formatDiagnosticsText(mappingWarnings(narrow, segments))).toMatchInlineSnapshot(`
      "segments/uk-private.yaml:9:5 criteria.firmographic.ownership: warning: no account can meet this: content/workbench.yaml names no ownership column
          hint: Add columns.ownership to content/workbench.yaml, or remove the criterion.
      segments/uk-private.yaml:12:9 criteria.firmographic.anyOf[1].ownership: warning: no account can meet this: content/workbench.yaml names no ownership column
          hint: Add columns.ownership to content/workbench.yaml, or remove the criterion.
      segments/uk-private.yaml:13:19 criteria.firmographic.anyOf[1].regions[0]: warning: "Untied Kingdom" is not a region of content/workbench.yaml: only accounts whose country cell says "Untied Kingdom" can meet it
          hint: Did you mean "United Kingdom"? Known regions in content/workbench.yaml: North America, United Kingdom, European Union
      segments/uk-private.yaml:15:5 criteria.technographic.usesAll: warning: no account can meet this: content/workbench.yaml names no systems column
          hint: Add columns.systems to content/workbench.yaml, or remove the criterion."
    `);
  });
});
