import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInteger, formatPercent, formatQuantity } from '../../src/lib/compose/format.ts';
import { priorityScore } from '../../src/lib/compose/segment-summary.ts';
import { readContentFiles } from '../../src/lib/load/files.ts';
import { parseProject, type Project } from '../../src/lib/load/project.ts';
import { buildPlaybook } from '../../src/lib/playbook/build.ts';
import { CRITERION_LABELS } from '../../src/lib/playbook/compose.ts';
import { describeCriteria } from '../../src/lib/playbook/criteria-lines.ts';
import { TEST_SITES } from '../sites.ts';
import { builtDir, PROJECT_ROOT, read, siteFiles } from './site-files.ts';

/**
 * How the company targets its segments is internal: no value of a targeting field may appear in
 * any file of a public build. The values are collected from the loaded content (scores, tiers,
 * sophistication and needs labels, criteria written for sales, sizing as formatted, internal
 * sources, account counts and the export's file name) and each is searched for in every file,
 * as text with HTML entities decoded and tags removed.
 */

interface InternalValue {
  what: string;
  /** Text searched for literally, or a pattern for short numbers that must stand alone. */
  find: string | RegExp;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ndash: '–', mdash: '—', hellip: '…' };

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const squash = (text: string) => text.replace(/\s+/g, ' ');
/** A file as readers and crawlers see it: the decoded text, and the decoded text with tags removed. */
const readable = (text: string) => [squash(decodeHtml(text)), squash(decodeHtml(text.replace(/<[^>]*>/g, ' ')))];
const number = (n: string) => new RegExp(`(?<![\\d.,])${n.replace(/[.]/g, '\\.')}(?![\\d]|\\.\\d)`);

/** Every internal value the content holds, each named for the message. */
function internalValues(project: Project): InternalValue[] {
  const values: InternalValue[] = [];
  const add = (what: string, find: string | RegExp | undefined) => {
    if (find !== undefined && find !== '') values.push({ what, find });
  };
  const weights = project.site!.data.prioritisation.weights;
  const siteName = project.site!.data.name;
  for (const { id, data: s } of project.segments) {
    const score = priorityScore(s.prioritisation, weights);
    // A bare "3.4" is too common to search on its own; the score is searched where a page would state it.
    if (score !== undefined) add(`${id} priority score`, new RegExp(`(?:priority|score)[^.\\d]{0,40}${score.toFixed(1).replace('.', '\\.')}(?!\\d)`, 'i'));
    add(`${id} prioritisation rationale`, s.prioritisation?.rationale);
    for (const line of describeCriteria(s.criteria)) {
      if (['Value tier', 'Values most', 'Works with', 'Employees', 'Annual revenue'].includes(line.label)) add(`${id} criteria: ${line.label}`, line.value);
      add(`${id} criteria line`, `${line.label} ${line.value}`);
    }
    const { marketSize, growthRate } = s.profile;
    if (marketSize) {
      add(`${id} market size`, formatQuantity(marketSize.value, marketSize.currency));
      add(`${id} market size (raw)`, number(String(marketSize.value)));
      add(`${id} market size (grouped)`, number(formatInteger(marketSize.value)));
      add(`${id} market size note`, marketSize.note);
    }
    if (growthRate) {
      add(`${id} growth`, `${formatPercent(growthRate.percent)} a year`);
      add(`${id} growth note`, growthRate.note);
    }
    // Sizing sources and data sources are all internal notes; a publisher is searched when it names
    // an internal team (the company's name alone is on every page, and a public authority may be a
    // regulation's source too).
    for (const source of [marketSize?.source, growthRate?.source, ...s.profile.dataSources]) {
      if (!source) continue;
      add(`${id} source`, source.title);
      if (source.publisher && isInternalSource(source, siteName) && source.publisher !== siteName) add(`${id} internal publisher`, source.publisher);
    }
    for (const t of [...s.profile.keyTrends, ...s.profile.majorChallenges, ...s.profile.emergingOpportunities]) add(`${id} profile`, t);
    for (const e of s.messaging.emphasis) add(`${id} messaging emphasis`, e);
  }
  for (const label of [...Object.values(CRITERION_LABELS), 'Priority score', 'Value tier', 'CRM accounts', 'Scorecard']) add('targeting label', new RegExp(`\\b${label}\\b`, 'i'));
  const summary = project.assignmentSummary?.data;
  if (summary) {
    add('account export file', summary.input.file);
    add('accounts read', new RegExp(`\\b${formatInteger(summary.accounts.read)} accounts\\b`));
    add('assignment summary file', 'assignment-summary');
  }
  return values;
}

function isInternalSource(source: { title: string; publisher?: string }, siteName: string): boolean {
  return /\binternal\b/i.test(source.title) || (source.publisher ?? '').startsWith(siteName);
}

function found(value: InternalValue, texts: string[]): boolean {
  return texts.some((t) => (typeof value.find === 'string' ? t.includes(squash(value.find)) : value.find.test(t)));
}

for (const site of TEST_SITES) {
  describe(`no targeting data on the public ${site.name} site`, async () => {
    const files = await readContentFiles(join(PROJECT_ROOT, site.contentRoot));
    const { project } = parseProject(files);
    const values = internalValues(project);
    const dir = builtDir(site.name);

    it('has internal values to look for, and finds every one of them in the internal playbook', () => {
      expect(values.length).toBeGreaterThan(20);
      const result = buildPlaybook(files);
      expect(result.ok).toBe(true);
      // The search works: the playbook, which states them all, is caught by it.
      const playbook = readable(result.ok ? result.playbook.files.get('index.html')! : '');
      const statesIt = (v: InternalValue) => v.what !== 'assignment summary file' && !v.what.endsWith('(raw)') && !v.what.endsWith('(grouped)') && v.what !== 'targeting label';
      expect(values.filter(statesIt).filter((v) => !found(v, playbook)).map((v) => `${v.what}: ${String(v.find)}`)).toEqual([]);
    });

    it('states none of them in any file of dist', () => {
      const leaks: string[] = [];
      for (const [name, path] of siteFiles(dir)) {
        const texts = readable(read(path));
        for (const v of values) if (found(v, texts)) leaks.push(`${name}: ${v.what} (${String(v.find)})`);
      }
      expect(leaks).toEqual([]);
    });
  });
}
