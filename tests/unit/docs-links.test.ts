import { describe, expect, it } from 'vitest';
import { formatDiagnosticGithub, formatDiagnosticText, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { docsLinkFor, withDocsLinks } from '../../src/lib/docs-links.ts';

const unknownPersona: Diagnostic = {
  severity: 'error',
  rule: 'unknown-reference',
  file: 'segments/mid-market-owner.yaml',
  line: 19,
  column: 5,
  field: 'personas[0].id',
  message: 'unknown persona "ap-controler"',
  hint: 'Did you mean "ap-controller"?',
};

describe('the guide section of a problem', () => {
  it('is the section on its kind of file for a field or reference of that file', () => {
    expect(docsLinkFor(unknownPersona)).toBe('docs/authoring.md#segments');
    expect(docsLinkFor({ rule: 'schema', file: 'content/regulations/uk-modern-slavery-act.yaml' })).toBe('docs/authoring.md#regulations');
    expect(docsLinkFor({ rule: 'schema', file: 'content/proof/logos/acme.yaml' })).toBe('docs/authoring.md#proof');
    expect(docsLinkFor({ rule: 'schema', file: 'content/workbench.yaml' })).toBe('docs/workbench.md#workbench-mapping');
  });

  it('is the section on the rule itself when there is one, whatever the file', () => {
    expect(docsLinkFor({ rule: 'restated-fact', file: 'content/faqs/how-long.md' })).toBe('docs/authoring.md#restatement-rule');
    expect(docsLinkFor({ rule: 'stale-regulation', file: 'segments/eu-due-diligence.yaml' })).toBe('docs/authoring.md#regulations');
  });

  it('falls back on the table of messages for a file no section describes', () => {
    expect(docsLinkFor({ rule: 'schema', file: 'content/notes/x.yaml' })).toBe('docs/authoring.md#when-something-is-wrong');
  });
});

describe('a problem with its guide link', () => {
  const [linked] = withDocsLinks([unknownPersona]);

  it('prints the link under the hint', () => {
    expect(formatDiagnosticText(linked!)).toMatchInlineSnapshot(`
      "segments/mid-market-owner.yaml:19:5 personas[0].id: unknown persona "ap-controler"
          hint: Did you mean "ap-controller"?
          docs: docs/authoring.md#segments"
    `);
  });

  it('carries it in its JSON and in its GitHub annotation', () => {
    expect(JSON.parse(JSON.stringify(linked))).toMatchObject({ rule: 'unknown-reference', docs: 'docs/authoring.md#segments' });
    expect(formatDiagnosticGithub(linked!)).toContain('%0Adocs: docs/authoring.md#segments');
  });

  it('prints as before without one', () => {
    expect(formatDiagnosticText(unknownPersona)).not.toContain('docs:');
  });
});
