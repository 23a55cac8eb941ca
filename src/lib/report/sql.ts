/**
 * The conversion report as one SQL query over the GA4 BigQuery export, for teams whose events live in
 * the warehouse rather than in an export file. It counts by the report's rules (the same as
 * aggregate.ts; tests/unit/report/sql-duckdb.test.ts runs both on the same events):
 *
 * 1. an event counts once per `event_id`: of its copies (replays) the one with the earliest
 *    event_timestamp counts (a warehouse has no file order), the others are dropped and counted;
 * 2. a visit of a page is a distinct visit with a landing `page_view` of that segment × persona;
 * 3. its channel is that of its first landing `page_view` of the page (`(none)` for a missing utm
 *    value, `default` for a missing variant, the site's default locale for a missing `page_locale`);
 * 4. a lead of a page is a visit of the page with a `generate_lead` on the same segment × persona; a
 *    `generate_lead` without such a visit is an unattributed lead, counted on one line and in no rate;
 * 5. rate = leads / visits with its Wilson 95 % interval;
 * 6. every row against all other visits: the pooled two-proportion z and the verdict (|z| above
 *    1.96 is p < 0.05; the p-value itself needs the normal distribution, which the report computes);
 * 7. the report's six tables: by segment, segment × persona, segment × persona × source / medium,
 *    segment × campaign, segment × persona × variant and segment × persona × locale; then each variant
 *    against its page's control within segment × persona × locale (visits, leads, rates and intervals
 *    of both arms, the difference with Newcombe's interval, the verdict in words without the counts);
 *    then the total and the three counts.
 *
 * GA4 shapes, from the export schema: one row per event with `event_name`, `event_timestamp`
 * (microseconds, UTC), `user_pseudo_id` and `event_params`, a repeated record of `key` and `value`
 * (`string_value`, `int_value`, `float_value`, `double_value`). A visit is `user_pseudo_id` with the
 * `ga_session_id` parameter (a session id is unique only per user). The page's ids (`segment`,
 * `persona`, `page_type`, `page_variant`) and `event_id` are event parameters that the Tag Manager
 * tag copies from the data layer, as is `page_locale`. The utm values are the `utm_*` event parameters the tag copies from
 * the data layer (the visit's campaign touch, as in an export file), or, where a tag does not send
 * them, the event's own `collected_traffic_source` (what GA4 read from the page URL); never the
 * user-scoped `traffic_source`, which is the user's first acquisition, not this visit's.
 *
 * Only the pages the content defines count: they are written into the query, as the report counts
 * only them. Portable by construction: CTEs, ROW_NUMBER, COUNT(DISTINCT), CASE, COALESCE, NULLIF,
 * GREATEST, LEAST, SQRT, `||` and UNION ALL are the same in BigQuery and DuckDB; the dialect decides
 * quoting, the types, how a repeated record is unnested, and where the events come from.
 */
import { DEFAULT_LOCALE, DEFAULT_MIN_VISITS, DEFAULT_VARIANT, MIN_EACH_OUTCOME, NO_VALUE, smallSampleReason, VERDICT_LABELS, type Level } from './aggregate.ts';
import type { KnownPages } from './known-pages.ts';
import { Z_95 } from './stats.ts';
import { VARIANT_CONTROL_COLUMNS, VARIANT_VERDICT_WORDS } from './variant-control.ts';
import { pageKey, type VariantsByPage } from './variant-files.ts';
import { numberLiteral, SQL_DIALECTS, type SqlDialect } from '../sql-dialect.ts';

export const REPORT_SQL_DIALECTS = ['bigquery', 'duckdb'] as const;
export type ReportSqlDialect = (typeof REPORT_SQL_DIALECTS)[number];

/** The default source of the events: BigQuery's daily export tables of a property, DuckDB's table or view. */
export const DEFAULT_EVENTS_TABLE: Record<ReportSqlDialect, string> = {
  bigquery: 'your-project.analytics_123456789',
  duckdb: 'events',
};

/** The named query parameters that bound the BigQuery date range (`_TABLE_SUFFIX`, YYYYMMDD). */
export const BIGQUERY_DATE_PARAMETERS = ['start_date', 'end_date'] as const;

const ID_COLUMNS = ['segment', 'persona', 'utm_source', 'utm_medium', 'utm_campaign', 'page_locale', 'page_variant'] as const;

/** The report's breakdowns (its `level`s, in its order), with the ids that make a row. */
export const SQL_BREAKDOWNS: readonly { level: Level; keys: readonly (typeof ID_COLUMNS)[number][] }[] = [
  { level: 'segment', keys: ['segment'] },
  { level: 'segment_persona', keys: ['segment', 'persona'] },
  { level: 'segment_persona_channel', keys: ['segment', 'persona', 'utm_source', 'utm_medium'] },
  { level: 'segment_campaign', keys: ['segment', 'utm_campaign'] },
  { level: 'segment_persona_variant', keys: ['segment', 'persona', 'page_variant'] },
  { level: 'segment_persona_locale', keys: ['segment', 'persona', 'page_locale'] },
];

/** The rows of each variant against its page's control in the same locale, after the breakdowns (as in the report's CSV). */
export const SQL_VARIANT_LEVEL = 'variant_vs_control';

/** Rows that sum the export up, after the breakdowns. */
export const SQL_SUMMARY_LEVELS = ['total', 'unattributed_leads', 'duplicate_events', 'unknown_pages'] as const;

/** Names of the rows' `level` column, in the order the query returns them. */
export const SQL_LEVELS: readonly SqlLevel[] = [...SQL_BREAKDOWNS.map((b) => b.level), SQL_VARIANT_LEVEL, ...SQL_SUMMARY_LEVELS];
export type SqlLevel = Level | typeof SQL_VARIANT_LEVEL | (typeof SQL_SUMMARY_LEVELS)[number];

const COUNT_COLUMNS = ['visits', 'leads', 'other_visits', 'other_leads', 'events', 'control_visits', 'control_leads', 'planned_visitors_per_arm'] as const;
const RATE_COLUMNS = ['conversion_rate', 'ci_low', 'ci_high', 'z', 'control_rate', 'control_ci_low', 'control_ci_high', 'difference', 'difference_ci_low', 'difference_ci_high'] as const;

/** The query's columns, in order. */
export const SQL_COLUMNS = [
  'level',
  ...ID_COLUMNS,
  'visits',
  'leads',
  'conversion_rate',
  'ci_low',
  'ci_high',
  'other_visits',
  'other_leads',
  'z',
  'verdict',
  'too_small',
  'events',
  ...VARIANT_CONTROL_COLUMNS,
] as const;
export type SqlColumn = (typeof SQL_COLUMNS)[number];

export interface ReportSqlOptions {
  dialect: ReportSqlDialect;
  /** The landing pages that count (segment id -> persona ids). */
  pages: KnownPages;
  /**
   * Where the events are. BigQuery: the dataset of the export, `project.analytics_<property id>`
   * (the query reads its `events_*` tables); DuckDB: a table or view (default `events`), `schema.name` allowed.
   */
  table?: string;
  /** Fewest visits a row needs to be judged (default 30), as the report's --min-visits. */
  minVisits?: number;
  /** The locale of events without a `page_locale` parameter: the site's `language` (default DEFAULT_LOCALE). */
  defaultLocale?: string;
  /** Each page's control and the planned sizes of its variants; without it every control is `default` and no test is planned. */
  variants?: VariantsByPage;
  /** Lines for the comment at the top, like where the query came from. */
  comment?: string[];
}

interface ReportDialect extends SqlDialect {
  /** A table expression of the elements of the repeated record `array`, each named `alias`. */
  unnest(array: string, alias: string): string;
  /** The events to read, from the table option. */
  source(table: string): string;
  /** A condition on the source that bounds the period, or undefined. */
  period?: string;
  /** The 64-bit integer type. */
  integer: string;
}

const DIALECT: Record<ReportSqlDialect, ReportDialect> = {
  bigquery: {
    ...SQL_DIALECTS.bigquery,
    unnest: (array, alias) => `UNNEST(${array}) AS ${alias}`,
    // A wildcard over the daily tables; `events_intraday_*` also matches `events_*`, but its suffix
    // (`intraday_20261001`) sorts after any date, so the range below leaves the streaming table out.
    source: (dataset) => SQL_DIALECTS.bigquery.quote(`${dataset}.events_*`),
    period: `_TABLE_SUFFIX BETWEEN @${BIGQUERY_DATE_PARAMETERS[0]} AND @${BIGQUERY_DATE_PARAMETERS[1]}`,
    integer: 'INT64',
  },
  duckdb: {
    ...SQL_DIALECTS.duckdb,
    unnest: (array, alias) => `UNNEST(${array}) AS elements(${alias})`,
    source: (table) => table.split('.').map(SQL_DIALECTS.duckdb.quote).join('.'),
    integer: 'BIGINT',
  },
};

/** A BigQuery dataset path or a DuckDB table name the query can name safely. */
export const TABLE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]*(\.[A-Za-z0-9_][A-Za-z0-9_-]*){0,2}$/;

/** One query: the report's rows for the given pages, over the GA4 export. */
export function compileReportSql(options: ReportSqlOptions): string {
  const d = DIALECT[options.dialect];
  const table = options.table ?? DEFAULT_EVENTS_TABLE[options.dialect];
  if (!TABLE_NAME_PATTERN.test(table)) throw new RangeError(`not a table name: ${JSON.stringify(table)}`);
  const minVisits = options.minVisits ?? DEFAULT_MIN_VISITS;
  const str = d.string;
  const float = (expr: string | number) => `CAST(${expr} AS ${d.double})`;
  const nullText = `CAST(NULL AS ${d.text})`;

  /** An event parameter as text (GA4 puts a number sent as one in int_value), NULL when absent or empty. */
  const param = (key: string) =>
    `NULLIF((SELECT COALESCE(MAX(param.value.string_value), CAST(MAX(param.value.int_value) AS ${d.text})) FROM ${d.unnest('event_params', 'param')} WHERE param.key = ${str(key)}), '')`;
  const utm = (key: string, collected: string) => `COALESCE(${param(key)}, NULLIF(collected_traffic_source.${collected}, ''))`;

  const pageRows = [...options.pages].flatMap(([segment, personas]) => [...personas].map((persona) => [segment, persona] as const)).sort(([a, b], [c, e]) => compare(a, c) || compare(b, e));
  const knownPages = pageRows.length
    ? pageRows.map(([segment, persona], i) => (i === 0 ? `SELECT ${str(segment)} AS segment, ${str(persona)} AS persona` : `SELECT ${str(segment)}, ${str(persona)}`)).join('\n  UNION ALL ')
    : `SELECT ${nullText} AS segment, ${nullText} AS persona FROM (SELECT 1 AS one) AS no_rows WHERE FALSE`;

  // A page's control when it is not `default`, and the planned size of each variant that has one: only of pages that count.
  const pageVariants = [...(options.variants?.values() ?? [])].filter((p) => options.pages.get(p.segment)?.has(p.persona)).sort((a, b) => compare(pageKey(a.segment, a.persona), pageKey(b.segment, b.persona)));
  const controlRows = pageVariants.filter((p) => p.control !== DEFAULT_VARIANT).map((p) => [str(p.segment), str(p.persona), str(p.control)]);
  const plannedRows = pageVariants.flatMap((p) => [...p.variants.values()].filter((v) => v.plannedVisitorsPerArm !== undefined).map((v) => [str(p.segment), str(p.persona), str(v.id), `CAST(${v.plannedVisitorsPerArm} AS ${d.integer})`]));
  const valuesOf = (names: readonly string[], rows: string[][], types: readonly string[]) =>
    rows.length
      ? rows.map((cells, i) => `SELECT ${cells.map((cell, j) => (i === 0 ? `${cell} AS ${names[j]}` : cell)).join(', ')}`).join('\n  UNION ALL ')
      : `SELECT ${names.map((name, j) => `CAST(NULL AS ${types[j]}) AS ${name}`).join(', ')} FROM (SELECT 1 AS one) AS no_rows WHERE FALSE`;
  const pageControls = valuesOf(['segment', 'persona', 'control'], controlRows, [d.text, d.text, d.text]);
  const plannedVariants = valuesOf(['segment', 'persona', 'variant', 'planned'], plannedRows, [d.text, d.text, d.text, d.integer]);
  const defaultLocale = options.defaultLocale ?? DEFAULT_LOCALE;
  const words = VARIANT_VERDICT_WORDS;

  const z = numberLiteral(Z_95);
  const labels = VERDICT_LABELS;
  const typeOf = (column: SqlColumn) => ((COUNT_COLUMNS as readonly string[]).includes(column) ? d.integer : (RATE_COLUMNS as readonly string[]).includes(column) ? d.double : d.text);
  /** One SELECT's list in SQL_COLUMNS order: the given expressions, a typed NULL for every other column. */
  const row = (level: SqlLevel, values: Partial<Record<SqlColumn, string>>) =>
    [`${SQL_LEVELS.indexOf(level)} AS level_order`, `${str(level)} AS level`, ...SQL_COLUMNS.slice(1).map((c) => `${values[c] ?? `CAST(NULL AS ${typeOf(c)})`} AS ${c}`)].join(', ');
  // The words of the small-sample rule, taken from the report's own rule so that both say the same.
  const ok = Math.max(minVisits, 2 * MIN_EACH_OUTCOME);
  const reasons = {
    visits: smallSampleReason({ visits: 0, leads: 0 }, { visits: ok, leads: MIN_EACH_OUTCOME }, minVisits)!,
    leads: smallSampleReason({ visits: ok, leads: 0 }, { visits: ok, leads: MIN_EACH_OUTCOME }, minVisits)!,
    nonLeads: smallSampleReason({ visits: ok, leads: ok }, { visits: ok, leads: MIN_EACH_OUTCOME }, minVisits)!,
    noOther: smallSampleReason({ visits: ok, leads: MIN_EACH_OUTCOME }, { visits: 0, leads: 0 }, minVisits)!,
    fewOther: smallSampleReason({ visits: ok, leads: MIN_EACH_OUTCOME }, { visits: ok, leads: 0 }, minVisits)!,
  };

  const header = [
    ...(options.comment ?? []),
    `Dialect: ${options.dialect}. Reads the GA4 export: ${options.dialect === 'bigquery' ? `the daily tables ${table}.events_*, from @start_date to @end_date (query parameters, YYYYMMDD)` : `the table or view ${table}, with the columns of the GA4 BigQuery export`}.`,
    'A visit is user_pseudo_id with the ga_session_id parameter; segment, persona, page_type, page_variant, page_locale, event_id and utm_* are event parameters.',
    `The landing pages that count (${pageRows.length}) are listed in known_pages; events of any other page are counted on the unknown_pages row only.`,
    `Rows by level: ${SQL_BREAKDOWNS.map((b) => `${b.level} (${b.keys.join(', ')})`).join(', ')};`,
    `then ${SQL_VARIANT_LEVEL} (segment, persona, page_locale, page_variant: each variant against its page's control in the same locale, the control's numbers in control_*);`,
    'then total, unattributed_leads (in leads), duplicate_events and unknown_pages (in events).',
    `Events without a page_locale parameter count in the site's default locale, ${defaultLocale}.`,
    `A row is judged against all other visits when it and they each have at least ${minVisits} visits, ${MIN_EACH_OUTCOME} leads and ${MIN_EACH_OUTCOME} visits without a lead;`,
    `the verdict is p < 0.05 read as |z| > ${Z_95.toFixed(4)}; the report itself also gives the p-value.`,
  ];

  return `${header.map((line) => `-- ${line}`).join('\n')}
WITH
known_pages AS (
  ${knownPages}
),
-- The two events that count, with the parameters they carry.
ga4_events AS (
  SELECT
    event_name,
    event_timestamp,
    user_pseudo_id || '.' || ${param('ga_session_id')} AS visit,
    ${param('event_id')} AS event_id,
    ${param('page_type')} AS page_type,
    ${param('segment')} AS segment,
    ${param('persona')} AS persona,
    ${param('page_variant')} AS page_variant,
    COALESCE(${param('page_locale')}, ${str(defaultLocale)}) AS page_locale,
    ${utm('utm_source', 'manual_source')} AS utm_source,
    ${utm('utm_medium', 'manual_medium')} AS utm_medium,
    ${utm('utm_campaign', 'manual_campaign_name')} AS utm_campaign
  FROM ${d.source(table)}
  WHERE event_name IN ('page_view', 'generate_lead')${d.period ? `\n    AND ${d.period}` : ''}
),
counting AS (
  SELECT * FROM ga4_events
  WHERE (event_name = 'generate_lead' OR page_type = 'landing')
    AND visit IS NOT NULL AND segment IS NOT NULL AND persona IS NOT NULL
),
page_events AS (
  SELECT
    counting.*,
    -- Rule 1: the first copy of an event_id counts; same time: the smallest visit, then the page.
    ROW_NUMBER() OVER (PARTITION BY counting.event_id ORDER BY counting.event_timestamp, counting.visit, counting.event_name, counting.segment, counting.persona) AS copy_number
  FROM counting
  JOIN known_pages ON known_pages.segment = counting.segment AND known_pages.persona = counting.persona
),
-- Rules 2 and 3: each visit of a page with the channel of its first landing page_view of that page.
first_views AS (
  SELECT
    visit, segment, persona, utm_source, utm_medium, utm_campaign, page_variant, page_locale,
    ROW_NUMBER() OVER (PARTITION BY visit, segment, persona ORDER BY event_timestamp, event_id) AS nth
  FROM page_events
  WHERE event_name = 'page_view' AND (event_id IS NULL OR copy_number = 1)
),
lead_pages AS (
  SELECT DISTINCT visit, segment, persona FROM page_events
  WHERE event_name = 'generate_lead' AND (event_id IS NULL OR copy_number = 1)
),
-- Rule 4: a lead of a page is a visit of the page with a generate_lead on it.
page_visits AS (
  SELECT
    first_views.visit,
    first_views.segment,
    first_views.persona,
    COALESCE(first_views.utm_source, ${str(NO_VALUE)}) AS utm_source,
    COALESCE(first_views.utm_medium, ${str(NO_VALUE)}) AS utm_medium,
    COALESCE(first_views.utm_campaign, ${str(NO_VALUE)}) AS utm_campaign,
    COALESCE(first_views.page_variant, ${str(DEFAULT_VARIANT)}) AS page_variant,
    first_views.page_locale,
    CASE WHEN lead_pages.visit IS NULL THEN 0 ELSE 1 END AS is_lead
  FROM first_views
  LEFT JOIN lead_pages
    ON lead_pages.visit = first_views.visit AND lead_pages.segment = first_views.segment AND lead_pages.persona = first_views.persona
  WHERE first_views.nth = 1
),
-- Every visit of a known page once, and whether it is a lead of any page (rule 6's other sample).
visit_outcomes AS (
  SELECT visit, MAX(is_lead) AS converted FROM page_visits GROUP BY visit
),
totals AS (
  SELECT COUNT(*) AS visits, COALESCE(SUM(converted), 0) AS leads FROM visit_outcomes
),
-- A visit counts once in each row it belongs to, and is a lead of the row when it is a lead of one of the row's pages.
grouped AS (
${SQL_BREAKDOWNS.map(
  ({ level, keys }) => `  SELECT
    ${SQL_LEVELS.indexOf(level)} AS level_order,
    ${str(level)} AS level,
    ${ID_COLUMNS.map((c) => ((keys as readonly string[]).includes(c) ? `page_visits.${c}` : `CAST(NULL AS ${d.text}) AS ${c}`)).join(', ')},
    COUNT(DISTINCT page_visits.visit) AS visits,
    COUNT(DISTINCT CASE WHEN page_visits.is_lead = 1 THEN page_visits.visit END) AS leads,
    COUNT(DISTINCT CASE WHEN visit_outcomes.converted = 1 THEN page_visits.visit END) AS converted
  FROM page_visits
  JOIN visit_outcomes ON visit_outcomes.visit = page_visits.visit
  GROUP BY ${keys.map((k) => `page_visits.${k}`).join(', ')}`,
)
  .join('\n  UNION ALL\n')}
),
-- Rule 6: the other sample is every other visit of a known page; it converts with a lead on any page.
judged AS (
  SELECT
    level_order, level, ${ID_COLUMNS.join(', ')}, grouped.visits, grouped.leads,
    totals.visits - grouped.visits AS other_visits,
    totals.leads - grouped.converted AS other_leads
  FROM grouped CROSS JOIN totals
),
checked AS (
  SELECT
    judged.*,
    CASE
      WHEN visits < ${minVisits} THEN ${str(reasons.visits)}
      WHEN leads < ${MIN_EACH_OUTCOME} THEN ${str(reasons.leads)}
      WHEN visits - leads < ${MIN_EACH_OUTCOME} THEN ${str(reasons.nonLeads)}
      WHEN other_visits = 0 THEN ${str(reasons.noOther)}
      WHEN other_visits < ${minVisits} OR other_leads < ${MIN_EACH_OUTCOME} OR other_visits - other_leads < ${MIN_EACH_OUTCOME} THEN ${str(reasons.fewOther)}
    END AS small_sample,
    ${float('leads + other_leads')} / (visits + other_visits) AS pooled
  FROM judged
),
tested AS (
  SELECT
    checked.*,
    CASE WHEN small_sample IS NULL AND pooled * (1 - pooled) > 0
      THEN (${float('leads')} / visits - ${float('other_leads')} / NULLIF(other_visits, 0)) / SQRT(pooled * (1 - pooled) * (${float(1)} / visits + ${float(1)} / NULLIF(other_visits, 0)))
    END AS z
  FROM checked
),
${wilson('row_rates', 'tested', float)},
${wilson('total_rate', 'totals', float)},
-- Each variant against its page's control in the same locale: the page's visits of each variant, by locale.
page_controls AS (
  ${pageControls}
),
planned_variants AS (
  ${plannedVariants}
),
arms AS (
  SELECT
    page_visits.segment, page_visits.persona, page_visits.page_locale, page_visits.page_variant,
    COALESCE(page_controls.control, ${str(DEFAULT_VARIANT)}) AS control_variant,
    COUNT(DISTINCT page_visits.visit) AS visits,
    COUNT(DISTINCT CASE WHEN page_visits.is_lead = 1 THEN page_visits.visit END) AS leads
  FROM page_visits
  LEFT JOIN page_controls ON page_controls.segment = page_visits.segment AND page_controls.persona = page_visits.persona
  GROUP BY page_visits.segment, page_visits.persona, page_visits.page_locale, page_visits.page_variant, page_controls.control
),
compared AS (
  SELECT
    variant_arms.segment, variant_arms.persona, variant_arms.page_locale, variant_arms.page_variant, variant_arms.control_variant,
    variant_arms.visits, variant_arms.leads,
    COALESCE(control_arms.visits, 0) AS control_visits,
    COALESCE(control_arms.leads, 0) AS control_leads,
    planned_variants.planned AS planned_visitors_per_arm
  FROM arms AS variant_arms
  LEFT JOIN arms AS control_arms
    ON control_arms.segment = variant_arms.segment AND control_arms.persona = variant_arms.persona
    AND control_arms.page_locale = variant_arms.page_locale AND control_arms.page_variant = variant_arms.control_variant
  LEFT JOIN planned_variants
    ON planned_variants.segment = variant_arms.segment AND planned_variants.persona = variant_arms.persona AND planned_variants.variant = variant_arms.page_variant
  WHERE variant_arms.page_variant <> variant_arms.control_variant
),
${wilson('variant_rates', 'compared', float)},
${wilson('control_rates', 'variant_rates', float, { visits: 'control_visits', leads: 'control_leads', rate: 'control_rate', low: 'control_ci_low', high: 'control_ci_high' })},
-- Newcombe's hybrid score interval (method 10) of the difference, as stats.ts newcombeInterval; none when the control has no visits.
differences AS (
  SELECT
    control_rates.*,
    conversion_rate - control_rate AS difference,
    CASE WHEN control_visits > 0 THEN (conversion_rate - control_rate) - SQRT((conversion_rate - ci_low) * (conversion_rate - ci_low) + (control_ci_high - control_rate) * (control_ci_high - control_rate)) END AS difference_ci_low,
    CASE WHEN control_visits > 0 THEN (conversion_rate - control_rate) + SQRT((ci_high - conversion_rate) * (ci_high - conversion_rate) + (control_rate - control_ci_low) * (control_rate - control_ci_low)) END AS difference_ci_high
  FROM control_rates
),
unattributed AS (
  SELECT COUNT(*) AS leads
  FROM lead_pages
  LEFT JOIN page_visits
    ON page_visits.visit = lead_pages.visit AND page_visits.segment = lead_pages.segment AND page_visits.persona = lead_pages.persona
  WHERE page_visits.visit IS NULL
),
report_rows AS (
  SELECT
    level_order, level, ${ID_COLUMNS.join(', ')}, visits, leads, conversion_rate, ci_low, ci_high, other_visits, other_leads, z,
    CASE
      WHEN z IS NULL THEN ${str(labels['too-small'])}
      WHEN ABS(z) <= ${z} THEN ${str(labels['no-difference'])}
      WHEN z > 0 THEN ${str(labels.higher)}
      ELSE ${str(labels.lower)}
    END AS verdict,
    CASE WHEN z IS NULL THEN COALESCE(small_sample, 'no variation to test') END AS too_small,
    ${SQL_COLUMNS.slice(SQL_COLUMNS.indexOf('events')).map((c) => `CAST(NULL AS ${typeOf(c)}) AS ${c}`).join(', ')}
  FROM row_rates
  UNION ALL
  SELECT ${row(SQL_VARIANT_LEVEL, {
    segment: 'segment',
    persona: 'persona',
    page_locale: 'page_locale',
    page_variant: 'page_variant',
    visits: 'visits',
    leads: 'leads',
    conversion_rate: 'conversion_rate',
    ci_low: 'ci_low',
    ci_high: 'ci_high',
    verdict: `CASE
      WHEN planned_visitors_per_arm IS NULL THEN ${str(words['not-planned'])}
      WHEN visits < planned_visitors_per_arm OR control_visits < planned_visitors_per_arm OR difference_ci_low IS NULL THEN ${str(words.collecting)}
      WHEN difference_ci_low > 0 THEN ${str(words['variant-better'])}
      WHEN difference_ci_high < 0 THEN ${str(words['control-better'])}
      ELSE ${str(words['no-difference'])}
    END`,
    control_variant: 'control_variant',
    control_visits: 'control_visits',
    control_leads: 'control_leads',
    control_rate: 'control_rate',
    control_ci_low: 'control_ci_low',
    control_ci_high: 'control_ci_high',
    difference: 'difference',
    difference_ci_low: 'difference_ci_low',
    difference_ci_high: 'difference_ci_high',
    planned_visitors_per_arm: 'planned_visitors_per_arm',
  })}
  FROM differences
  UNION ALL
  SELECT ${row('total', { visits: 'visits', leads: 'leads', conversion_rate: 'conversion_rate', ci_low: 'ci_low', ci_high: 'ci_high' })}
  FROM total_rate
  UNION ALL
  SELECT ${row('unattributed_leads', { leads: 'leads' })}
  FROM unattributed
  UNION ALL
  SELECT ${row('duplicate_events', { events: 'COUNT(*)' })}
  FROM page_events WHERE event_id IS NOT NULL AND copy_number > 1
  UNION ALL
  SELECT ${row('unknown_pages', { events: 'COUNT(*)' })}
  FROM counting LEFT JOIN known_pages ON known_pages.segment = counting.segment AND known_pages.persona = counting.persona
  WHERE known_pages.segment IS NULL
)
SELECT ${SQL_COLUMNS.join(', ')}
FROM report_rows
ORDER BY level_order, ${ID_COLUMNS.join(', ')};
`;
}

/**
 * A CTE `name` with every column of `from` plus conversion_rate and its Wilson 95 % interval
 * (ci_low, ci_high), in the operations, order and constants of stats.ts wilsonInterval, so that a
 * warehouse's IEEE doubles give the same digits as the report.
 */
function wilson(name: string, from: string, float: (expr: string | number) => string, columns = { visits: 'visits', leads: 'leads', rate: 'conversion_rate', low: 'ci_low', high: 'ci_high' }): string {
  const z = numberLiteral(Z_95);
  const z2 = numberLiteral(Z_95 * Z_95);
  const { visits, leads, rate, low, high } = columns;
  const denominator = `${rate}_denominator`;
  return `${name}_parts AS (
  SELECT
    ${from}.*,
    CASE WHEN ${visits} > 0 THEN ${float(leads)} / ${visits} ELSE ${float(0)} END AS ${rate},
    CASE WHEN ${visits} > 0 THEN 1 + ${z2} / ${visits} END AS ${denominator}
  FROM ${from}
),
${name} AS (
  SELECT
    ${name}_parts.*,
    CASE
      WHEN ${visits} <= 0 OR ${leads} <= 0 THEN ${float(0)}
      ELSE GREATEST(${float(0)}, (${rate} + ${z2} / (2 * ${visits})) / ${denominator} - (${z} * SQRT((${rate} * (1 - ${rate})) / ${visits} + ${z2} / (4 * ${visits} * ${visits}))) / ${denominator})
    END AS ${low},
    CASE
      WHEN ${visits} <= 0 OR ${leads} >= ${visits} THEN ${float(1)}
      ELSE LEAST(${float(1)}, (${rate} + ${z2} / (2 * ${visits})) / ${denominator} + (${z} * SQRT((${rate} * (1 - ${rate})) / ${visits} + ${z2} / (4 * ${visits} * ${visits}))) / ${denominator})
    END AS ${high}
  FROM ${name}_parts
)`;
}

/** Plain code-unit order, as the report sorts. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
