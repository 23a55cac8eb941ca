/**
 * Each variant against its page's control, on a hand-built export, tests/fixtures/events/variants/
 * events.ndjson, with the content beside it (segment small-finance, personas cfo and controller).
 * The counts were decided before the file was written:
 *
 *   small-finance/cfo         no override file: control `default`
 *     default     120 visits, 12 leads
 *     short-form  100 visits, 20 leads   plannedVisitorsPerArm 100: both arms have it
 *     unplanned    10 visits,  1 lead    no plannedVisitorsPerArm
 *   small-finance/controller  override file without `variant`: control `custom`
 *     custom       30 visits,  3 leads
 *     video        20 visits,  2 leads   plannedVisitorsPerArm 1,000
 *   period: 2026-10-01T00:00Z to 2026-10-15T00:00Z, exactly 2 weeks
 *
 * Wilson 95 % (z = 1.959964): 20/100 → 0.133367–0.288829; 12/120 → 0.058134–0.166682.
 * Newcombe (method 10), short-form − default = 0.2 − 0.1 = 0.1:
 *   low  = 0.1 − √((0.2 − 0.133367)² + (0.166682 − 0.1)²) = 0.1 − 0.094268 = 0.005732
 *   high = 0.1 + √((0.288829 − 0.2)² + (0.1 − 0.058134)²) = 0.1 + 0.098201 = 0.198201
 *   excludes 0, and both arms have their 100 visitors → variant better.
 * unplanned − default = 0.1 − 0.1 = 0 (−0.105786 to 0.307018) → not planned.
 * video − custom = 0.1 − 0.1 = 0 (−0.172061 to 0.211404) → collecting (20 of 1,000 per arm).
 * Weekly visits: cfo 230 / 2 = 115, 3 arms: 100 × 3 / 115 = 2.6 weeks;
 * controller 50 / 2 = 25, 2 arms: 1,000 × 2 / 25 = 80 weeks, more than 26 → a line under the table.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { createAggregator, type ConversionReport, type GroupRow } from '../../../src/lib/report/aggregate.ts';
import { PEEKING_NOTE, shownComparisons, trafficLines } from '../../../src/lib/report/format.ts';
import { loadKnownPages } from '../../../src/lib/report/known-pages.ts';
import { readNdjson } from '../../../src/lib/report/read-events.ts';
import { renderCsvReport } from '../../../src/lib/report/render-csv.ts';
import { renderHtmlReport } from '../../../src/lib/report/render-html.ts';
import { renderTextReport } from '../../../src/lib/report/render-text.ts';
import { wilsonInterval } from '../../../src/lib/report/stats.ts';
import { compareVariants, periodWeeks, variantVerdictLabel } from '../../../src/lib/report/variant-control.ts';
import { loadVariantFiles, type VariantsByPage } from '../../../src/lib/report/variant-files.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

const ROOT = join(FIXTURES, 'events', 'variants');

async function variantReport(): Promise<{ report: ConversionReport; read: Awaited<ReturnType<typeof readNdjson>> }> {
  const known = await loadKnownPages(ROOT);
  if (!known.ok) throw new Error(formatDiagnosticsText(known.diagnostics));
  const variants = await loadVariantFiles(ROOT, known.pages);
  if (!variants.ok) throw new Error(formatDiagnosticsText(variants.diagnostics));
  const aggregator = createAggregator({ pages: known.pages });
  const read = await readNdjson(createReadStream(join(ROOT, 'events.ndjson')), (event, line) => aggregator.add(event, line));
  expect(read.badRowCount).toBe(0);
  return { report: aggregator.report({ variants: variants.pages }), read };
}

describe('each variant against its control, on a hand-built export', async () => {
  const { report, read } = await variantReport();
  const [shortForm, unplanned, video] = report.variantTests;

  it('finds each page’s control and every other variant seen', () => {
    expect(report.variantTests.map((c) => `${c.persona} ${c.variant} ${c.variantRate.visits}/${c.variantRate.leads} vs ${c.control} ${c.controlRate.visits}/${c.controlRate.leads}`)).toEqual([
      'cfo short-form 100/20 vs default 120/12',
      'cfo unplanned 10/1 vs default 120/12',
      'controller video 20/2 vs custom 30/3',
    ]);
  });

  it('gives the difference with its Newcombe interval', () => {
    expect(shortForm!.difference).toBeCloseTo(0.1, 12);
    expect(shortForm!.differenceInterval!.low).toBeCloseTo(0.005732, 6);
    expect(shortForm!.differenceInterval!.high).toBeCloseTo(0.198201, 6);
    expect(shortForm!.variantRate.interval.low).toBeCloseTo(0.133367, 6);
    expect(shortForm!.controlRate.interval.high).toBeCloseTo(0.166682, 6);
    expect(unplanned!.differenceInterval!.low).toBeCloseTo(-0.105786, 6);
    expect(unplanned!.differenceInterval!.high).toBeCloseTo(0.307018, 6);
    expect(video!.difference).toBe(0);
    expect(video!.differenceInterval!.low).toBeCloseTo(-0.172061, 6);
    expect(video!.differenceInterval!.high).toBeCloseTo(0.211404, 6);
  });

  it('calls a winner only once both arms have the planned size', () => {
    expect(report.variantTests.map((c) => variantVerdictLabel(c))).toEqual(['variant better', 'not planned', 'collecting (20 of 1000 per arm)']);
    expect(shortForm!.planned).toBe(100);
    expect(unplanned!.planned).toBeUndefined();
  });

  it('says when a page’s traffic cannot reach the planned size in 26 weeks', () => {
    expect(periodWeeks(report.period)).toBe(2);
    expect(shortForm!.weeklyVisits).toBe(115);
    expect(shortForm!.weeksForPlan).toBeCloseTo(300 / 115, 12);
    expect(video!.weeksForPlan).toBe(80);
    expect(trafficLines(report.variantTests)).toEqual([
      'small-finance × controller (en), variant video: at 25 visits a week, the planned 1,000 visitors per arm (2 arms) would take 80.0 weeks, more than 26: this page’s traffic cannot support a test of that size. Plan for a larger lift (npm run plan-test), or test on a page with more traffic.',
    ]);
  });

  it('shows the table, the traffic line and why the verdict waits in the text', () => {
    const text = renderTextReport(report);
    const section = text.slice(text.indexOf('Variant against its control within'), text.indexOf('How to read this'));
    expect(section).toMatchInlineSnapshot(`
      "Variant against its control within segment × persona × locale
      2 of 3 variants shown: those planned in a variant file or with at least 30 visits. The CSV has every
      one.
      Segment        Persona     Locale  Variant     Visits  Leads    Rate  95% interval  Control  Visits  Leads    Rate  95% interval  Difference         95% interval  Verdict
      -------------  ----------  ------  ----------  ------  -----  ------  ------------  -------  ------  -----  ------  ------------  ----------  -------------------  --------------------------------
      small-finance  cfo         en      short-form     100     20  20.00%  13.34–28.88%  default     120     12  10.00%   5.81–16.67%   +10.00 pp   +0.57 to +19.82 pp  variant better
      small-finance  controller  en      video           20      2  10.00%   2.79–30.10%  custom       30      3  10.00%   3.46–25.62%    +0.00 pp  -17.21 to +21.14 pp  collecting (20 of 1,000 per arm)
      small-finance × controller (en), variant video: at 25 visits a week, the planned 1,000 visitors per
        arm (2 arms) would take 80.0 weeks, more than 26: this page’s traffic cannot support a test of
        that size. Plan for a larger lift (npm run plan-test), or test on a page with more traffic.

      "
    `);
    expect(text.replace(/\s+/g, ' ')).toContain(PEEKING_NOTE);
  });

  it('writes one variant_vs_control row per variant in the CSV, with the control and the difference', () => {
    const csv = renderCsvReport(report).split('\r\n');
    const header = csv[0]!.split(',');
    const rows = csv.filter((line) => line.startsWith('variant_vs_control,')).map((line) => Object.fromEntries(line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, header.length).map((cell, i) => [header[i], cell.replace(/,$/, '')])));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ segment: 'small-finance', persona: 'cfo', variant: 'short-form', visits: '100', leads: '20', conversion_rate: '0.2', verdict: 'variant better', control_variant: 'default', control_visits: '120', control_leads: '12', control_rate: '0.1', difference: '0.1', difference_ci_low: '0.005732', difference_ci_high: '0.198201', planned_visitors_per_arm: '100' });
    expect(rows[1]).toMatchObject({ variant: 'unplanned', verdict: 'not planned', planned_visitors_per_arm: '' });
    expect(rows[2]).toMatchObject({ variant: 'video', verdict: 'collecting (20 of 1000 per arm)', control_variant: 'custom', planned_visitors_per_arm: '1000' });
    expect(rows[2]!.note).toContain('would take 80.0 weeks, more than 26');
    expect(csv.filter((line) => line.startsWith('definition,')).some((line) => line.includes('Variant against its control:'))).toBe(true);
  });

  it('shows the same table in the HTML, its verdicts marked', () => {
    const html = renderHtmlReport(report, { name: 'events.ndjson', read });
    expect(html).toContain('<h2 id="by-variant-test">Variant against its control</h2>');
    expect(html).toContain('<td class="verdict-variant-better">variant better</td>');
    expect(html).toContain('<td class="verdict-collecting">collecting (20 of 1,000 per arm)</td>');
    expect(html).toContain('<p class="traffic">small-finance × controller (en), variant video: at 25 visits a week');
  });
});

/** A variant row as the aggregator makes it, for the verdict rules alone. */
function row(persona: string, variant: string, visits: number, leads: number): GroupRow {
  return { level: 'segment_persona_variant', segment: 's', persona, variant, visits, leads, rate: leads / visits, interval: wilsonInterval(leads, visits), other: { visits: 0, leads: 0 }, verdict: 'too-small' };
}

function planned(size: number, control = 'default'): VariantsByPage {
  return new Map([['s/p', { segment: 's', persona: 'p', control, variants: new Map([['b', { id: 'b', file: 'content/variants/s/p/b.mdx', plannedVisitorsPerArm: size }]]) }]]);
}

describe('the verdict of a variant', () => {
  const page = (visits: number) => [{ ...row('p', 'default', visits, 0), level: 'segment_persona' as const }];

  it('keeps collecting until both arms have the planned visitors, however clear the difference', () => {
    const [c] = compareVariants([row('p', 'b', 500, 250), row('p', 'default', 99, 1)], page(599), planned(100), undefined);
    expect(c!.differenceInterval!.low).toBeGreaterThan(0.3);
    expect(variantVerdictLabel(c!)).toBe('collecting (99 of 100 per arm)');
  });

  it('names the better arm once the interval excludes 0, and detects no difference otherwise', () => {
    const verdict = (variant: [number, number], control: [number, number]) => compareVariants([row('p', 'b', ...variant), row('p', 'default', ...control)], page(0), planned(100), undefined)[0]!.verdict;
    expect(verdict([100, 20], [120, 12])).toBe('variant-better');
    expect(verdict([120, 12], [100, 20])).toBe('control-better');
    expect(verdict([100, 10], [100, 12])).toBe('no-difference');
  });

  it('compares with a control that has no visits yet, and never judges it', () => {
    const [c] = compareVariants([row('p', 'b', 150, 15)], page(150), planned(100), undefined);
    expect(c).toMatchObject({ control: 'default', controlRate: { visits: 0, leads: 0 }, verdict: 'collecting' });
    expect(c!.differenceInterval).toBeUndefined();
  });

  it('takes `default` as the control and plans nothing without the variant files', () => {
    const tests = compareVariants([row('p', 'b', 10, 1), row('p', 'default', 10, 1)], page(20), undefined, undefined);
    expect(tests.map((c) => `${c.variant} vs ${c.control}: ${c.verdict}`)).toEqual(['b vs default: not-planned']);
    expect(compareVariants([row('p', 'default', 10, 1)], page(10), undefined, undefined)).toEqual([]);
  });
});

describe('the variant files', () => {
  const temp = () => mkdtempSync(join(tmpdir(), 'report-variants-'));
  const pages = new Map([['s', new Set(['p'])]]);
  const write = (root: string, file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };

  it('are none when there is no variants folder; the control is then `default`', async () => {
    const result = await loadVariantFiles(temp(), pages);
    expect(result.ok && [...result.pages.values()].map((p) => [p.control, p.variants.size])).toEqual([['default', 0]]);
  });

  it('take the control from the page’s override: its variant, or custom', async () => {
    const root = temp();
    write(root, 'content/pages/s/p.mdx', '---\nvariant: board-brief\n---\nText\n');
    const named = await loadVariantFiles(root, pages);
    expect(named.ok && named.pages.get('s/p')!.control).toBe('board-brief');
    write(root, 'content/pages/s/p.mdx', '---\ntitle: A title\n---\nText\n');
    const unnamed = await loadVariantFiles(root, pages);
    expect(unnamed.ok && unnamed.pages.get('s/p')!.control).toBe('custom');
  });

  it('read plannedVisitorsPerArm and status, and name the line of a size that is no whole number', async () => {
    const root = temp();
    write(root, 'content/variants/s/p/short-form.mdx', '---\nhypothesis: Shorter\nplannedVisitorsPerArm: 8158\nstatus: live\n---\nText\n');
    const good = await loadVariantFiles(root, pages);
    expect(good.ok && good.pages.get('s/p')!.variants.get('short-form')).toEqual({ id: 'short-form', file: 'content/variants/s/p/short-form.mdx', plannedVisitorsPerArm: 8158, status: 'live' });
    write(root, 'content/variants/s/p/short-form.mdx', '---\nhypothesis: Shorter\nplannedVisitorsPerArm: 8k\n---\nText\n');
    const bad = await loadVariantFiles(root, pages);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(formatDiagnosticsText(bad.diagnostics)).toContain('content/variants/s/p/short-form.mdx:3:1 plannedVisitorsPerArm: expected a whole number of visitors above 0, received "8k"');
  });
});

describe('npm run report with variant files', () => {
  const report = (args: string[]) => {
    const result = spawnSync(process.execPath, [join('scripts', 'report.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('prints each variant against its control', { timeout: 60_000 }, () => {
    const result = report([join(ROOT, 'events.ndjson'), '--content', ROOT, '--out', mkdtempSync(join(tmpdir(), 'report-variants-'))]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Variant against its control within segment × persona');
    expect(result.stdout).toMatch(/small-finance {2}cfo {9}en {6}short-form .* variant better/);
    expect(result.stdout).toContain('small-finance × controller (en), variant video: at 25 visits a week');
  });

  it('stops with the file and line of a planned size that is no whole number', { timeout: 60_000 }, () => {
    const root = mkdtempSync(join(tmpdir(), 'report-variants-'));
    cpSync(ROOT, root, { recursive: true });
    writeFileSync(join(root, 'content', 'variants', 'small-finance', 'cfo', 'short-form.mdx'), '---\nhypothesis: Shorter\nplannedVisitorsPerArm: 8k\n---\nText\n');
    const result = report([join(root, 'events.ndjson'), '--content', root, '--out', join(root, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/variants/small-finance/cfo/short-form.mdx:3:1 plannedVisitorsPerArm: expected a whole number of visitors above 0, received "8k"');
    expect(result.stderr).toContain("cannot tell each page's control or the size its test was planned for");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the variant table of an output', () => {
  it('shows planned variants and those with enough visits, at most the limit, and says what it left out', () => {
    const page = [{ ...row('p', 'default', 5000, 0), level: 'segment_persona' as const }];
    const invented = Array.from({ length: 500 }, (_, i) => row('p', `x-${i}`, 1 + (i % 50), 0));
    const tests = compareVariants([row('p', 'b', 3, 0), ...invented, row('p', 'default', 100, 5)], page, planned(100), undefined);
    expect(tests).toHaveLength(501);
    const few = shownComparisons(tests, 30, 1000);
    expect(few.rows[0]!.variant).toBe('b');
    expect(few.rows).toHaveLength(1 + 10 * 21);
    expect(few.note).toBe('211 of 501 variants shown: those planned in a variant file or with at least 30 visits. The CSV has every one.');
    const capped = shownComparisons(tests, 30, 40);
    expect(capped.rows).toHaveLength(40);
    expect(capped.note).toBe('40 of 501 variants shown: the 40 with the most visits. The CSV has every one.');
    expect(shownComparisons(tests.slice(0, 1), 30, 40)).toEqual({ rows: tests.slice(0, 1) });
  });
});
