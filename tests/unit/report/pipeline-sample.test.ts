import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/lib/load/project.ts';
import { readCrmExport } from '../../../src/lib/report/crm-export.ts';
import { joinPipeline, type PipelineLead } from '../../../src/lib/report/pipeline.ts';
import { createSampleCrm, SAMPLE_CRM_COLUMNS } from '../../../src/lib/report/sample-crm.ts';
import { generateSampleEvents, type SampleLanding } from '../../../src/lib/report/sample-events.ts';
import type { TrackingEvent } from '../../../src/lib/tracking/contract.ts';
import { PROJECT_ROOT } from '../helpers.ts';

const PAGES: SampleLanding[] = ['cfo', 'controller'].map((persona) => ({
  pageType: 'landing',
  segment: 'small-finance',
  persona,
  vertical: 'finance',
  variant: 'default',
  contentVersion: 'abc123def456',
  path: `/small-finance/${persona}/`,
  faqIds: [],
  next: [],
}));
const CHANNELS = [
  { source: 'linkedin', medium: 'paid-social' },
  { source: 'google', medium: 'cpc' },
];

function sample(seed: number, visits = 3000): { events: TrackingEvent[]; csv: string; rows: number } {
  const crm = createSampleCrm(seed);
  const events = [...generateSampleEvents({ seed, visits, landings: PAGES, channels: CHANNELS })];
  const csv = events.map((e) => crm.add(e)).join('');
  return { events, csv, rows: crm.rows };
}

/** The sample's own mapping, as `npm run report` reads it from the content. */
const mapping = (() => {
  const { project } = parseProject([{ file: 'content/crm.yaml', bytes: readFileSync(join(PROJECT_ROOT, 'content', 'crm.yaml')) }]);
  return { data: project.crm!.data, entry: project.crm! };
})();

describe('the sample CRM export', () => {
  it('is the same for the same seed, and leaves the events as they were', () => {
    const a = sample(7);
    expect(sample(7).csv).toBe(a.csv);
    expect(sample(8).csv).not.toBe(a.csv);
    expect(a.events).toEqual([...generateSampleEvents({ seed: 7, visits: 3000, landings: PAGES, channels: CHANNELS })]);
    expect(a.csv.split('\r\n')[0]).toBe(SAMPLE_CRM_COLUMNS.join(','));
  });

  it('joins its rows to the sample leads with nothing unmatched but the extra rows it makes on purpose', async () => {
    const { events, csv, rows } = sample(42);
    const read = await readCrmExport(Readable.from([Buffer.from(csv)]), mapping, { name: 'opportunities.csv' });
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    expect(read.read.rows).toBe(rows);
    expect(read.read.skippedCount).toBe(0);
    // Sample visits send at most one lead, and carry the same campaign on every event.
    const leads: PipelineLead[] = events
      .filter((e) => e.event === 'generate_lead')
      .map((e) => ({ leadIds: [e.event_id], segment: e.segment!, persona: e.persona!, source: e.utm_source ?? '(none)', medium: e.utm_medium ?? '(none)' }));
    const report = joinPipeline(leads, read.read.usable, { currency: 'USD' });
    expect(report.total.leads).toBe(leads.length);
    expect(report.matchedById).toBeGreaterThan(0);
    expect(report.matchedByFields).toBeGreaterThan(0);
    expect(report.duplicates.rows).toBeGreaterThan(0);
    expect(report.unknownStages).toEqual([]);
    expect(report.notFromSite).toBe(0);
    expect(report.otherCurrencies.map((c) => c.currency)).toEqual(['EUR']);
    // Every lead has exactly one first row; only second opportunities can be left over.
    expect(report.matchedById + report.matchedByFields).toBe(leads.length);
    expect(report.unmatched.rows + report.duplicates.rows + leads.length).toBe(rows);
    expect(report.total.opportunityRate).toBeGreaterThan(0.3);
    expect(report.total.opportunityRate).toBeLessThan(0.6);
  });
});
