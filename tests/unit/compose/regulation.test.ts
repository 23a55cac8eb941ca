import { describe, expect, it } from 'vitest';
import { composeRegulation, regulationFacts } from '../../../src/lib/compose/regulation.ts';
import { regulationSchema } from '../../../src/lib/schemas/index.ts';
import { build, PROJECT_ROOT, readTree } from '../helpers.ts';

/** A small valid entry; `summary` and `status` are what the condensed view is made from. */
function entry(fields: { summary: string; status?: 'in-force' | 'amended' | 'pending-amendment' }) {
  return regulationSchema.parse({
    officialName: 'Working Time Rules',
    shortName: 'WTR',
    jurisdiction: 'Example Union',
    authority: 'Example Labour Office',
    status: fields.status ?? 'in-force',
    summary: fields.summary,
    appliesTo: 'Employers above the threshold.',
    keyDates: [{ date: '2020-01-01', label: 'In force' }],
    thresholds: [{ label: 'Employees', comparison: 'at-least', value: 250, unit: 'employees' }],
    documentation: ['Hours worked'],
    sources: [{ title: 'Working Time Rules text', retrieved: '2026-01-10' }],
    lastVerified: '2026-01-10',
    reviewBy: '2027-01-10',
  });
}

describe('a regulation condensed to one line', () => {
  it('leads with the first sentence of the summary, word for word, and keeps the rest for the disclosure', () => {
    const view = composeRegulation('wtr', entry({ summary: 'Employers must record the hours each worker works.\n  Records are kept for two years. Inspectors may ask for them.' }));
    expect(view.lead).toBe('Employers must record the hours each worker works.');
    expect(view.summaryRest).toBe('Records are kept for two years. Inspectors may ask for them.');
  });

  it('leaves nothing for the disclosure when the summary is one sentence, or has no sentence end', () => {
    expect(composeRegulation('wtr', entry({ summary: 'Employers must record hours.' }))).toMatchObject({ lead: 'Employers must record hours.', summaryRest: '' });
    expect(composeRegulation('wtr', entry({ summary: 'Employers record hours' }))).toMatchObject({ lead: 'Employers record hours', summaryRest: '' });
  });

  it('does not end the line at an abbreviation, a decimal or inside brackets', () => {
    const view = composeRegulation('wtr', entry({ summary: 'Payers, e.g. agents, report under rule 4.2 (section 404(a)). Auditors attest.' }));
    expect(view.lead).toBe('Payers, e.g. agents, report under rule 4.2 (section 404(a)).');
    expect(view.summaryRest).toBe('Auditors attest.');
  });

  it('shows the status only where it matters: amended or amendment pending, not in force', () => {
    expect(composeRegulation('wtr', entry({ summary: 'Rules.' })).statusMatters).toBe(false);
    expect(composeRegulation('wtr', entry({ summary: 'Rules.', status: 'amended' })).statusMatters).toBe(true);
    expect(composeRegulation('wtr', entry({ summary: 'Rules.', status: 'pending-amendment' }))).toMatchObject({ statusMatters: true, statusLabel: 'In force, amendment pending' });
  });

  it('adds no word to the shipped sample: line and rest put together are each entry’s summary', () => {
    const site = build(readTree(PROJECT_ROOT));
    const regulations = site.routes.flatMap((r) => (r.view.kind === 'landing' ? r.view.regulations : []));
    expect(new Set(regulations.map((r) => r.id)).size).toBeGreaterThanOrEqual(6);
    for (const r of regulations) {
      expect(r.lead, r.id).toMatch(/[.!?]$/);
      expect([r.lead, r.summaryRest].filter(Boolean).join(' '), r.id).toBe(r.summary.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('a regulation in a FAQ answer', () => {
  it('shows its name, status where it matters and line, with the dated facts behind a disclosure', () => {
    const facts = regulationFacts(composeRegulation('wtr', entry({ summary: 'Employers must record hours. More.', status: 'amended' })));
    expect(facts.html).toBe(
      '<div class="regulation-facts" data-regulation-facts="wtr"><p><strong>WTR (Amended)</strong>: Employers must record hours.</p>' +
        '<details class="more"><summary>WTR at a glance (facts last verified 10 January 2026)</summary>' +
        '<ul><li>Status: Amended</li><li>Employees: at least 250 employees</li><li>1 January 2020: In force</li></ul></details></div>',
    );
    expect(facts.text).toBe('WTR (Amended): Employers must record hours. WTR at a glance (facts last verified 10 January 2026): Status: Amended Employees: at least 250 employees 1 January 2020: In force');
  });

  it('names an in-force rule without its status before the line', () => {
    expect(regulationFacts(composeRegulation('wtr', entry({ summary: 'Employers must record hours.' }))).html).toContain('<p><strong>WTR</strong>: Employers must record hours.</p>');
  });
});
