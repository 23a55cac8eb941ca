import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { duckdbQuery } from '../../../scripts/bench/data-report.ts';
import { aggregateEvents } from '../../../src/lib/report/aggregate.ts';
import { checkEvent, type ReportEvent } from '../../../src/lib/report/events.ts';

/** Lead before its view, a replayed view and lead, a lead with no view, another visit's plain view, a click. */
const LINES = [
  { event: 'generate_lead', page_type: 'landing', segment: 'alpha', persona: 'cfo', visit_id: 'v1', event_id: 'e1' },
  { event: 'page_view', page_type: 'landing', segment: 'alpha', persona: 'cfo', visit_id: 'v1', event_id: 'e2' },
  { event: 'page_view', page_type: 'landing', segment: 'alpha', persona: 'cfo', visit_id: 'v2', event_id: 'e3' },
  { event: 'generate_lead', page_type: 'landing', segment: 'alpha', persona: 'cfo', visit_id: 'v2', event_id: 'e1' },
  { event: 'page_view', page_type: 'landing', segment: 'beta', persona: 'cfo', visit_id: 'v3', event_id: 'e2' },
  { event: 'generate_lead', page_type: 'landing', segment: 'beta', persona: 'it', visit_id: 'v4', event_id: 'e5' },
  { event: 'page_view', page_type: 'landing', segment: 'beta', persona: 'it', visit_id: 'v5' },
  { event: 'cta_click', page_type: 'landing', segment: 'beta', persona: 'it', visit_id: 'v5', event_id: 'e6' },
];

describe('the benchmark DuckDB query', () => {
  it('counts visits and leads per segment × persona as the report does', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-duckdb-')), 'events.ndjson');
    writeFileSync(file, LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await connection.runAndReadAll(duckdbQuery(file))).getRowObjects().map((r) => `${r.segment}/${r.persona} ${r.visits}/${r.leads}`);
    const events = LINES.map((l) => (checkEvent(l) as { ok: true; event: ReportEvent }).event);
    const report = aggregateEvents(events);
    expect(rows).toEqual(report.pages.map((r) => `${r.segment}/${r.persona} ${r.visits}/${r.leads}`));
    expect(rows).toEqual(['alpha/cfo 2/1', 'beta/it 1/0']);
  });
});
