/**
 * Where the guides explain each problem `npm run check` reports: the check prints the link under
 * the hint, and its JSON output carries it as `docs`. Links are paths from the project root to a
 * guide under docs/, with a short anchor the guide keeps on purpose (`<a id="segments"></a>`), so
 * renaming a heading does not break them. tests/unit/docs.test.ts fails on any link here that does
 * not resolve.
 */
import { formatDiagnosticsText, type Diagnostic } from './diagnostics.ts';

const WHEN_WRONG = 'docs/authoring.md#when-something-is-wrong';

/** The guide section on each kind of content file, by the file's path under the content root. */
export const FILE_DOCS: readonly (readonly [RegExp, string])[] = [
  [/^segments\//, 'docs/authoring.md#segments'],
  [/^content\/personas\//, 'docs/authoring.md#personas'],
  [/^content\/verticals\//, 'docs/authoring.md#verticals'],
  [/^content\/regulations\//, 'docs/authoring.md#regulations'],
  [/^content\/faqs\//, 'docs/authoring.md#faqs'],
  [/^content\/site\.yaml$/, 'docs/authoring.md#site-settings'],
  [/^content\/proof\//, 'docs/authoring.md#proof'],
  [/^content\/pages\//, 'docs/authoring.md#overrides'],
  [/^content\/variants\//, 'docs/authoring.md#variants'],
  [/^content\/workbench\.yaml$/, 'docs/workbench.md#workbench-mapping'],
  [/^content\/assignment-summary\.json$/, 'docs/workbench.md#assignment-summary'],
  [/^content\/crm\.yaml$/, 'docs/conversion-report.md#from-lead-to-pipeline'],
  [/^content\/ui\//, 'docs/pages.md#interface-text'],
];

/**
 * Each rule's section: a path, or `file` for rules about a field or reference of one kind of file,
 * which the section on that kind of file explains best.
 */
export const RULE_DOCS: Readonly<Record<string, string>> = {
  schema: 'file',
  'unknown-reference': 'file',
  'duplicate-id': 'file',
  'headline-token': 'file',
  'missing-file': 'file',
  'faq-answer': 'docs/authoring.md#faqs',
  'yaml-syntax': WHEN_WRONG,
  'frontmatter-syntax': WHEN_WRONG,
  'frontmatter-missing': WHEN_WRONG,
  'file-encoding': WHEN_WRONG,
  'file-name': 'docs/authoring.md#writing-content',
  'unexpected-file': 'docs/authoring.md#writing-content',
  symlink: 'docs/authoring.md#overrides',
  'route-collision': WHEN_WRONG,
  'ui-strings': 'docs/pages.md#interface-text',
  'page-override': 'file',
  'mdx-syntax': 'file',
  'variant-id': 'docs/authoring.md#variants',
  variant: 'docs/authoring.md#variants',
  'planned-visitors': 'docs/authoring.md#variants',
  'raw-html': WHEN_WRONG,
  'unsafe-link': WHEN_WRONG,
  'unsafe-markup': WHEN_WRONG,
  'restated-fact': 'docs/authoring.md#restatement-rule',
  'unlisted-deadline': 'docs/authoring.md#unlisted-deadline',
  'compliance-promise': WHEN_WRONG,
  'false-urgency': WHEN_WRONG,
  'stale-regulation': 'docs/authoring.md#regulations',
  'repealed-regulation': 'docs/authoring.md#regulations',
  'future-date': 'file',
  'proof-source': 'docs/authoring.md#proof',
  'proof-permission': 'docs/authoring.md#proof',
  'proof-date': 'docs/authoring.md#proof',
  'stale-proof': 'docs/authoring.md#proof',
  'expired-certification': 'docs/authoring.md#proof',
  'expiring-certification': 'docs/authoring.md#proof',
  'missing-image': 'docs/authoring.md#proof',
  'bad-image': 'docs/authoring.md#proof',
  'segment-overlap': WHEN_WRONG,
  'too-many-segments': WHEN_WRONG,
  'workbench-mapping': 'docs/workbench.md#workbench-mapping',
  'mapping-file': 'docs/workbench.md#workbench-mapping',
  'mapping-column': 'docs/workbench.md#workbench-mapping',
  'stale-assignment-summary': 'docs/workbench.md#assignment-summary',
  'crm-column': 'docs/conversion-report.md#from-lead-to-pipeline',
  'crm-empty': 'docs/conversion-report.md#from-lead-to-pipeline',
  translation: 'docs/authoring.md#languages',
  'translation-file': 'docs/authoring.md#languages',
  'translation-locale': 'docs/authoring.md#languages',
  'translation-orphan': 'docs/authoring.md#languages',
  'translation-field': 'docs/authoring.md#languages',
  'translation-mismatch': 'docs/authoring.md#languages',
  'translation-missing': 'docs/authoring.md#languages',
  'translation-stale': 'docs/authoring.md#languages',
};

/** The guide section that explains a problem: by its rule, else by its file, else the messages table. */
export function docsLinkFor(d: Pick<Diagnostic, 'rule' | 'file'>): string {
  const byRule = RULE_DOCS[d.rule];
  if (byRule && byRule !== 'file') return byRule;
  return FILE_DOCS.find(([pattern]) => pattern.test(d.file))?.[1] ?? WHEN_WRONG;
}

/** The diagnostics with their guide link (one already set is kept), for every command that prints them. */
export function withDocsLinks(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, docs: d.docs ?? docsLinkFor(d) }));
}

/** Problems as every command prints them: each with the guide section that explains it under its hint. */
export function formatProblemsText(diagnostics: readonly Diagnostic[]): string {
  return formatDiagnosticsText(withDocsLinks(diagnostics));
}
