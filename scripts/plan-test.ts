/**
 * `npm run plan-test -- --segment <id> --persona <id> --lift 20% (--events <file> | --baseline 5%)`:
 * how many visitors an A/B test of one landing page needs, and how many weeks that is at the page's
 * traffic (src/lib/plan/sample-size.ts). The baseline is the conversion rate of the page's control
 * in an event export, counted as the report counts it, or given; the weekly visits come from the
 * export's period, or are given.
 * Exit codes: 0 plan printed (also when the traffic cannot support it: it says so), 1 the content or
 * the export cannot be used, 2 wrong usage.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { plural, suggest, summarize } from '../src/lib/diagnostics.ts';
import { InputFileError } from '../src/lib/input-file.ts';
import { parseLift, parseRate, parseWeeklyVisits, parseWholeNumber } from '../src/lib/plan/parse.ts';
import { renderPlanText, type PlanContext } from '../src/lib/plan/render-text.ts';
import { DEFAULT_DESIGN, planProblem, planTest, type Lift, type TestDesign } from '../src/lib/plan/sample-size.ts';
import { createAggregator, VisitLimitError } from '../src/lib/report/aggregate.ts';
import { formatCount, formatDay, formatWeeks } from '../src/lib/report/format.ts';
import { loadKnownPages } from '../src/lib/report/known-pages.ts';
import { readEventFile } from '../src/lib/report/read-events.ts';
import { renderSkippedRows } from '../src/lib/report/render-text.ts';
import { periodWeeks } from '../src/lib/report/variant-control.ts';
import { loadVariantFiles, pageKey } from '../src/lib/report/variant-files.ts';
import { failure, runCommand, shown, usageError } from './cli.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const USAGE = `Usage: npm run plan-test -- --segment <id> --persona <id> --lift <20% | 1pp> (--events <file> | --baseline <rate>)

  --segment <id>      the landing page's segment
  --persona <id>      the landing page's persona
  --lift <lift>       the smallest change worth detecting: 20% relative (the variant converts 1.2 times
                      as often as the control) or 1pp absolute (one percentage point more)
  --events <file>     an event export: the control's conversion rate is the baseline (visits and leads
                      as npm run report counts them) and the page's visits over its period the traffic
  --baseline <rate>   the control's conversion rate, like 5% or 0.05 (instead of, or over, --events)
  --weekly-visits N   the page's landing visits a week (instead of, or over, the export's)
  --alpha <level>     significance level, two-sided (default: ${DEFAULT_DESIGN.alpha})
  --power <power>     chance of detecting the lift when it is real (default: ${DEFAULT_DESIGN.power * 100}%)
  --arms N            arms of the test, the control included (default: ${DEFAULT_DESIGN.arms})
  --content <dir>     the content whose landing pages count (default: CONTENT_ROOT, or this folder)`;

interface Options {
  segment: string;
  persona: string;
  lift: Lift;
  design: TestDesign;
  events?: string;
  baseline?: number;
  weeklyVisits?: number;
  contentRoot?: string;
}

function readOptions(argv: string[]): Options | number {
  const usage = (problem: string) => usageError('plan-test', problem, USAGE);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        segment: { type: 'string' },
        persona: { type: 'string' },
        lift: { type: 'string' },
        events: { type: 'string' },
        baseline: { type: 'string' },
        'weekly-visits': { type: 'string' },
        alpha: { type: 'string' },
        power: { type: 'string' },
        arms: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.segment) return usage('no --segment given: which landing page is to be tested?');
  if (!values.persona) return usage('no --persona given: which landing page is to be tested?');
  if (values.lift === undefined) return usage('no --lift given: the smallest change worth detecting, like 20% (relative) or 1pp (absolute)');
  const lift = parseLift(values.lift);
  if (!lift.ok) return usage(lift.problem);
  if (values.events === undefined && values.baseline === undefined) return usage('no baseline: give --events <export> to take the control’s conversion rate from it, or --baseline 5%');
  if (values.events === '') return usage('--events needs an event export file');
  if (values.content === '') return usage('--content needs a folder');
  const options: Options = { segment: values.segment, persona: values.persona, lift: lift.value, design: { ...DEFAULT_DESIGN } };
  if (values.baseline !== undefined) {
    const baseline = parseRate(values.baseline, '--baseline');
    if (!baseline.ok) return usage(baseline.problem);
    const problem = planProblem(baseline.value, lift.value);
    if (problem) return usage(problem);
    options.baseline = baseline.value;
  }
  if (values['weekly-visits'] !== undefined) {
    const weekly = parseWeeklyVisits(values['weekly-visits']);
    if (!weekly.ok) return usage(weekly.problem);
    options.weeklyVisits = weekly.value;
  }
  if (values.alpha !== undefined) {
    const alpha = parseRate(values.alpha, '--alpha');
    if (!alpha.ok) return usage(alpha.problem);
    if (alpha.value >= 0.5) return usage(`--alpha ${values.alpha} would call a winner at least half the time by chance alone: use a level like 0.05`);
    options.design.alpha = alpha.value;
  }
  if (values.power !== undefined) {
    const power = parseRate(values.power, '--power');
    if (!power.ok) return usage(power.problem);
    if (power.value < 0.5) return usage(`--power ${values.power} would miss a real lift more often than find it: use a power like 80%`);
    options.design.power = power.value;
  }
  if (values.arms !== undefined) {
    const arms = parseWholeNumber(values.arms, '--arms', 2);
    if (!arms.ok) return usage(arms.problem);
    options.design.arms = arms.value;
  }
  if (values.events !== undefined) options.events = values.events;
  if (values.content !== undefined) options.contentRoot = resolve(values.content);
  return options;
}

const fail = (message: string, hint?: string) => failure('plan-test', message, hint);

async function run(options: Options): Promise<number> {
  const { segment, persona, lift, design } = options;
  const root = options.contentRoot ?? buildEnvironmentOrExit().contentRoot;
  const known = await loadKnownPages(root);
  if (!known.ok) {
    console.error(formatProblemsText(known.diagnostics));
    return fail(`the segments in ${shown(root)} have ${summarize(known.diagnostics)}`, 'Fix them first (npm run check).');
  }
  const personas = known.pages.get(segment);
  if (!personas) return fail(`unknown segment "${segment}": no segments/${segment}.yaml in ${shown(root)}`, suggest(segment, [...known.pages.keys()], 'segments'));
  if (!personas.has(persona)) return fail(`segment "${segment}" has no landing page for persona "${persona}"`, suggest(persona, [...personas], `personas of ${segment}`));
  const variants = await loadVariantFiles(root, new Map([[segment, new Set([persona])]]));
  if (!variants.ok) {
    console.error(formatProblemsText(variants.diagnostics));
    return fail(`the page files of ${segment} × ${persona} have ${summarize(variants.diagnostics)}: the control cannot be told`, 'Fix them first (npm run check).');
  }
  const page = variants.pages.get(pageKey(segment, persona))!;
  const control = page.control;

  let baseline = options.baseline;
  let weeklyVisits = options.weeklyVisits;
  const context: PlanContext = { segment, persona, control, lift, baselineSource: 'given with --baseline' };
  if (options.weeklyVisits !== undefined) context.weeklySource = 'given with --weekly-visits';

  if (options.events !== undefined) {
    const file = options.events;
    const aggregator = createAggregator({ pages: known.pages });
    let read;
    try {
      read = await readEventFile(file, (event, line) => aggregator.add(event, line));
    } catch (error) {
      if (!(error instanceof VisitLimitError)) throw error;
      return fail(`${file}${error.line === undefined ? '' : `:${error.line}`} goes past ${formatCount(error.limit)} distinct ${error.kind}: too large to plan from`, 'Export a shorter period (a few weeks is enough for a baseline).');
    }
    if (read.stopped) {
      console.error(renderSkippedRows(file, read));
      return fail(`reading ${file} stopped at line ${read.stopped.line}: a baseline from part of the file would look complete`);
    }
    if (read.events === 0) return fail(`${file} has no valid events`, 'Export the events first, or give the rate with --baseline 5% and the traffic with --weekly-visits N.');
    const report = aggregator.report({ variants: variants.pages });
    const pageRow = report.pages.find((r) => r.segment === segment && r.persona === persona);
    const controlRow = report.variants.find((r) => r.segment === segment && r.persona === persona && r.variant === control);
    const period = report.period ? `, ${formatDay(report.period.from)} to ${formatDay(report.period.to)}` : '';
    if (baseline === undefined) {
      if (!controlRow || controlRow.visits === 0) {
        return fail(`${file} has no landing visit of ${segment} × ${persona} with page_variant "${control}" (the page's control): there is no baseline to plan from`, 'Give the control’s conversion rate with --baseline 5%, or export a period in which the page had visits.');
      }
      if (controlRow.leads === 0) {
        return fail(`the control of ${segment} × ${persona} ("${control}") has no lead in ${plural(controlRow.visits, 'visit')} of ${file}: a baseline of 0% cannot be planned from`, 'Give the rate you expect with --baseline 1%, or export a longer period.');
      }
      baseline = controlRow.leads / controlRow.visits;
      context.baselineSource = `the control’s rate in ${file}: ${plural(controlRow.leads, 'lead')} of ${plural(controlRow.visits, 'visit')}${period}`;
      const problem = planProblem(baseline, lift);
      if (problem) return fail(problem, 'Give a smaller --lift, or a --baseline.');
    }
    if (weeklyVisits === undefined) {
      const weeks = periodWeeks(report.period);
      if (weeks === undefined) context.weeklyMissing = `How many weeks: unknown, as the events of ${file} span less than a day (or carry no event_time); give --weekly-visits N.`;
      else {
        weeklyVisits = (pageRow?.visits ?? 0) / weeks;
        context.weeklySource = `the page’s landing visits in ${file} (${formatCount(pageRow?.visits ?? 0)}) over ${formatWeeks(weeks)} weeks`;
      }
    }
  }
  const plan = planTest({ baseline: baseline!, lift, design, ...(weeklyVisits === undefined ? {} : { weeklyVisits }) });
  console.log(renderPlanText(plan, context));
  return 0;
}

await runCommand('plan-test', readOptions, run, (error) => (error instanceof InputFileError ? error : undefined));
