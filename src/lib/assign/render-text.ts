/** The workbench's results as plain text for a terminal. */
import { formatCount, printable } from '../report/format.ts';
import type { CriterionKey } from '../schemas/index.ts';
import { textTable } from '../text-table.ts';
import { showSpaces } from './cells.ts';
import type { AccountSample, AssignRun } from './stream.ts';


const CRITERION_WORDS: Record<CriterionKey, string> = {
  industry: 'industry',
  employees: 'employees',
  revenue: 'revenue',
  region: 'region',
  ownership: 'ownership',
  systems: 'systems used',
  excludedSystems: 'systems ruled out',
  tier: 'value tier',
  needs: 'buying focus',
  sophistication: 'sophistication',
};

/** `1 account`, `1,200 accounts`: like plural(), with thousands separators. */
function counted(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

export function criterionWords(criteria: readonly CriterionKey[]): string {
  return criteria.map((c) => CRITERION_WORDS[c]).join(' + ');
}

export interface RunInfo {
  csvName: string;
  seconds: string;
  /** "active segments", or "active and draft segments". */
  counted: string;
  examples?: number;
}

/** Accounts per segment, overlaps and gaps: what the run found, for standard output. */
export function renderAssignText(run: AssignRun, info: RunInfo): string {
  const examples = info.examples ?? 5;
  const out: string[] = [];
  out.push(`Read ${counted(run.read, 'account')} from ${printable(info.csvName)} (${counted(run.rows, 'row')}) and matched them against ${counted(run.segments.length, info.counted.replace(/s$/, ''))} in ${info.seconds} s.`);
  out.push('');
  out.push('Accounts per segment, highest priority first. An account matching several segments is assigned to the first.');
  out.push(
    textTable(
      [
        { title: 'Rank', align: 'right' },
        { title: 'Segment', align: 'left' },
        { title: 'Score', align: 'right' },
        { title: 'Assigned', align: 'right' },
        { title: 'Matched', align: 'right' },
      ],
      [
        ...run.segments.map((s, i) => [String(i + 1), s.segment.id, s.segment.score?.toFixed(1) ?? 'n/a', formatCount(s.assigned), formatCount(s.matched)]),
        ['', 'All segments', '', formatCount(run.assigned), ''],
      ],
      { total: true },
    ),
  );
  out.push('');
  if (run.overlapping === 0) out.push('Matching more than one segment: none.');
  else {
    out.push(`Matching more than one segment: ${counted(run.overlapping, 'account')}, each assigned to the first segment listed.`);
    for (const o of run.overlaps.slice(0, examples)) out.push(`  ${formatCount(o.accounts).padStart(6)}  ${o.segments.join(' + ')}`);
    out.push('  For example:');
    for (const s of run.overlapSamples) out.push(`    ${describeSample(s)}: ${s.segments!.join(', ')}`);
  }
  out.push('');
  if (run.unassigned === 0) out.push('Matching no segment: none.');
  else {
    out.push(`Matching no segment: ${counted(run.unassigned, 'account')}. By the segment each comes closest to, and what it misses:`);
    for (const g of run.gaps.slice(0, 8)) out.push(`  ${formatCount(g.accounts).padStart(6)}  ${g.closest}: ${criterionWords(g.failed)}`);
    if (run.gaps.length > 8) out.push(`  (${counted(run.gaps.length - 8, 'smaller group')} not shown)`);
    out.push('  For example:');
    for (const s of run.unassignedSamples) out.push(`    ${describeSample(s)}${s.closest ? `: closest ${s.closest.segment}, ${s.closest.reasons.join('; ')}` : ''}`);
  }
  if (run.revenueEstimated) {
    out.push('');
    out.push(`Revenue estimated from employees (no revenue in the row): ${counted(run.revenueEstimated, 'account')}.`);
  }
  return out.join('\n');
}

/** Cells the mapping could not understand and rows that could not be read, with their lines: for standard error. */
export function renderRowProblems(run: AssignRun, csvName: string): string {
  const out: string[] = [];
  const name = printable(csvName);
  if (run.valueProblems.count) {
    out.push(`${counted(run.valueProblems.count, 'value')} not understood; each account was assigned as if the cell were blank:`);
    for (const p of run.valueProblems.samples) out.push(`${name}:${p.line} ${printable(p.column)}: ${printable(p.message)}`);
    if (run.valueProblems.count > run.valueProblems.samples.length) out.push(`… and ${formatCount(run.valueProblems.count - run.valueProblems.samples.length)} more.`);
    const unknown = run.unknownValues.slice(0, 10).map((u) => `${printable(u.column)} "${printable(showSpaces(u.value))}" (${formatCount(u.accounts)})`);
    if (unknown.length) out.push(`Values the mapping does not know, most frequent first: ${unknown.join(', ')}${run.unknownValues.length > 10 || run.unknownValuesNotListed ? ', …' : ''}.`);
  }
  if (run.unreadable.count) {
    if (out.length) out.push('');
    out.push(`${counted(run.unreadable.count, 'row')} not read:`);
    for (const r of run.unreadable.rows) out.push(`${name}:${r.line} ${printable(r.reason)}`);
    if (run.unreadable.count > run.unreadable.rows.length) out.push(`… and ${formatCount(run.unreadable.count - run.unreadable.rows.length)} more.`);
  }
  if (run.stopped) {
    if (out.length) out.push('');
    out.push(`${name}:${run.stopped.line} ${run.stopped.reason}${run.stopped.hint ? `\n    hint: ${run.stopped.hint}` : ''}`);
  }
  return out.join('\n');
}

function describeSample(s: AccountSample): string {
  return `line ${s.line}, ${printable(s.id)}${s.name ? ` (${printable(s.name)})` : ''}`;
}
