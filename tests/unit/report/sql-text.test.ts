import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/lib/report/aggregate.ts';
import { knownPagesOf } from '../../../src/lib/report/known-pages.ts';
import { compileReportSql, REPORT_SQL_DIALECTS, SQL_BREAKDOWNS } from '../../../src/lib/report/sql.ts';

const pages = knownPagesOf([{ id: 'small-finance', personas: ['cfo', 'controller'] }]);
const query = (dialect: (typeof REPORT_SQL_DIALECTS)[number], table?: string) => compileReportSql({ dialect, pages, ...(table === undefined ? {} : { table }) });

describe('the report query\'s text', () => {
  it('has a row level for each of the report\'s tables, in the report\'s order', () => {
    expect(SQL_BREAKDOWNS.map((b) => b.level)).toEqual([...LEVELS]);
  });

  it('keeps what differs between BigQuery and DuckDB in the dialect', () => {
    const bigquery = query('bigquery', 'acme-web.analytics_312345678');
    expect(bigquery).toContain(`NULLIF((SELECT COALESCE(MAX(param.value.string_value), CAST(MAX(param.value.int_value) AS STRING)) FROM UNNEST(event_params) AS param WHERE param.key = 'segment'), '')`);
    expect(bigquery).toContain('FROM `acme-web.analytics_312345678.events_*`');
    expect(bigquery).toContain('AND _TABLE_SUFFIX BETWEEN @start_date AND @end_date');
    expect(bigquery).toContain('CAST(leads AS FLOAT64)');
    expect(bigquery).not.toMatch(/VARCHAR|DOUBLE|BIGINT|"/);

    const duckdb = query('duckdb', 'main.ga4_events');
    expect(duckdb).toContain(`NULLIF((SELECT COALESCE(MAX(param.value.string_value), CAST(MAX(param.value.int_value) AS VARCHAR)) FROM UNNEST(event_params) AS elements(param) WHERE param.key = 'segment'), '')`);
    expect(duckdb).toContain('FROM "main"."ga4_events"');
    expect(duckdb).not.toMatch(/_TABLE_SUFFIX|@start_date|STRING|FLOAT64|INT64|`/);
  });

  it('reads the utm values from the tag\'s parameters first, then from what GA4 read from the URL, never from the user\'s first acquisition', () => {
    const duckdb = query('duckdb');
    expect(duckdb).toContain(`COALESCE(NULLIF((SELECT COALESCE(MAX(param.value.string_value), CAST(MAX(param.value.int_value) AS VARCHAR)) FROM UNNEST(event_params) AS elements(param) WHERE param.key = 'utm_source'), ''), NULLIF(collected_traffic_source.manual_source, '')) AS utm_source`);
    expect(duckdb).toContain('collected_traffic_source.manual_campaign_name');
    expect(duckdb).not.toMatch(/traffic_source\.(source|medium|name)/);
  });

  it('writes page ids as literals of each dialect, whatever they hold', () => {
    const odd = knownPagesOf([{ id: "o'brien\\", personas: ['cfo'] }]);
    expect(compileReportSql({ dialect: 'bigquery', pages: odd })).toContain(`SELECT 'o\\'brien\\\\' AS segment, 'cfo' AS persona`);
    expect(compileReportSql({ dialect: 'duckdb', pages: odd })).toContain(`SELECT 'o''brien\\' AS segment, 'cfo' AS persona`);
  });

  it('counts events without page_locale in the site\'s language, and writes each page\'s control and planned sizes into the query', () => {
    const variants = new Map([['small-finance/controller', { segment: 'small-finance', persona: 'controller', control: 'custom', variants: new Map([['video', { id: 'video', file: 'content/variants/small-finance/controller/video.mdx', plannedVisitorsPerArm: 1000 }]]) }]]);
    const duckdb = compileReportSql({ dialect: 'duckdb', pages, variants, defaultLocale: 'de-AT' });
    expect(duckdb).toContain(`COALESCE(NULLIF((SELECT COALESCE(MAX(param.value.string_value), CAST(MAX(param.value.int_value) AS VARCHAR)) FROM UNNEST(event_params) AS elements(param) WHERE param.key = 'page_locale'), ''), 'de-AT') AS page_locale`);
    expect(duckdb).toContain(`page_controls AS (\n  SELECT 'small-finance' AS segment, 'controller' AS persona, 'custom' AS control\n)`);
    expect(duckdb).toContain(`planned_variants AS (\n  SELECT 'small-finance' AS segment, 'controller' AS persona, 'video' AS variant, CAST(1000 AS BIGINT) AS planned\n)`);
    // Without variant files every control is default and nothing is planned: empty lists of the right types.
    expect(query('bigquery')).toContain('SELECT CAST(NULL AS STRING) AS segment, CAST(NULL AS STRING) AS persona, CAST(NULL AS STRING) AS control FROM (SELECT 1 AS one) AS no_rows WHERE FALSE');
    expect(query('bigquery')).toContain("'en') AS page_locale");
  });

  it('refuses a table name it cannot write safely', () => {
    for (const table of ['events; DROP TABLE x', 'a`b', 'a.b.c.d', '', 'my events']) {
      expect(() => compileReportSql({ dialect: 'duckdb', pages, table }), table).toThrow(RangeError);
    }
  });

  it('is the same text for the same pages, whatever order the content lists them in', () => {
    const reversed = knownPagesOf([{ id: 'small-finance', personas: ['controller', 'cfo'] }]);
    expect(compileReportSql({ dialect: 'duckdb', pages: reversed })).toBe(query('duckdb'));
  });
});
