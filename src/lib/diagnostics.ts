/**
 * One shape for every problem the generator finds in content, whichever layer finds it
 * (parsing, schemas, cross-file checks, routes), so that all of them print the same way.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable name of the rule that fired, for filtering and for tests. */
  rule: string;
  /** Path of the file relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line, where the format has lines. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** Dotted path of the field, like `criteria.employees.max` or `personas[2].id`. */
  field?: string;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The guide section that explains it, like `docs/authoring.md#segments` (see docs-links.ts). */
  docs?: string;
}

export interface Position {
  line: number;
  column: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.field ?? '', b.field ?? '') ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns a field path into the dotted form authors see: `personas[2].id`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** `segments/mid-market.yaml:14:5 criteria.employees.max: expected a number, received "1k"`, hint and guide link indented below. */
export function formatDiagnosticText(d: Diagnostic): string {
  const where = formatLocation(d);
  const label = d.severity === 'warning' ? 'warning: ' : '';
  const lines = [`${where} ${d.field ? `${d.field}: ` : ''}${label}${d.message}`];
  if (d.hint) lines.push(`    hint: ${d.hint}`);
  if (d.docs) lines.push(`    docs: ${d.docs}`);
  return lines.join('\n');
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDiagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics).map(formatDiagnosticText).join('\n');
}

/** GitHub Actions workflow commands: each problem becomes an annotation on the file and line. */
export function formatDiagnosticGithub(d: Diagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`];
  if (d.line !== undefined) props.push(`line=${d.line}`);
  if (d.column !== undefined) props.push(`col=${d.column}`);
  props.push(`title=${escapeProperty(d.field ? `${d.rule}: ${d.field}` : d.rule)}`);
  const text = [d.message, ...(d.hint ? [`hint: ${d.hint}`] : []), ...(d.docs ? [`docs: ${d.docs}`] : [])].join('\n');
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Edit distance, to suggest the id or field an author most likely meant. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

export function closestMatch(value: string, known: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(value.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** `Did you mean "cpo"? Known personas: cpo, esg-lead` (either part may be absent). */
export function suggest(value: string, known: readonly string[], noun: string): string {
  const match = closestMatch(value, known);
  const list = known.length ? `Known ${noun}: ${known.join(', ')}` : `There are no ${noun} yet.`;
  return match ? `Did you mean "${match}"? ${list}` : list;
}
