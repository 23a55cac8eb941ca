import { describe, expect, it } from 'vitest';
import { badgeFor, rankPains, rankRegulations } from '../../../src/lib/compose/landing.ts';
import type { LandingView } from '../../../src/lib/compose/types.ts';
import type { PainPoint } from '../../../src/lib/schemas/index.ts';
import { build, edit, fixture } from '../helpers.ts';

const site = build(fixture('composition'));
const landing = (path: string) => site.routes.find((r) => r.path === path)!.view as LandingView;

const pain = (id: string, personas: string[], regulations: string[] = []): PainPoint => ({ id, title: id, summary: id, personas, regulations });

describe('landing page composition', () => {
  it('ranks the pains the persona feels first, keeping the segment order otherwise', () => {
    const pains = [pain('a', []), pain('b', ['cfo']), pain('c', []), pain('d', ['cfo'])];
    expect(rankPains(pains, ['c', 'a', 'd', 'b'], 'cfo').map((p) => p.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(rankPains(pains, [], 'cfo').map((p) => p.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('puts the regulations behind the leading pains first', () => {
    const ranked = [pain('a', [], ['y']), pain('b', [], ['x', 'z'])];
    expect(rankRegulations(['x', 'y', 'w'], ranked)).toEqual(['y', 'x', 'w']);
  });

  it('writes a different page for each persona of a segment', () => {
    const ops = landing('/field-teams/ops-lead/');
    const dispatcher = landing('/field-teams/dispatcher/');
    expect(ops.hero.headline.text).toBe('Crews where the work is, for field teams');
    expect(dispatcher.hero.headline.text).toBe('Field teams that run on time, for the Dispatcher');
    expect(ops.pains.map((p) => p.id)).toEqual(['missed-visits', 'paperwork']);
    expect(dispatcher.pains.map((p) => [p.id, p.forPersona])).toEqual([
      ['paperwork', true],
      ['missed-visits', false],
    ]);
    expect(dispatcher.regulations.map((r) => r.id)).toEqual(['safety-records', 'working-time']);
    expect(dispatcher.hero.valueProposition).toBe('The Dispatcher gets a plan that holds.');
    expect(dispatcher.why.segmentValueProposition).toBe('Fewer missed visits.');
  });

  it('takes regulation facts from the entries, dates in order', () => {
    const regulation = landing('/field-teams/ops-lead/').regulations[0]!;
    expect(regulation.thresholds).toEqual([{ label: 'Employees', value: 'at least 250 employees', note: undefined }]);
    expect(regulation.keyDates.map((d) => d.dateLabel)).toEqual(['1 January 2020', '30 June 2021']);
  });

  it('answers the segment’s objections before the persona’s', () => {
    expect(landing('/field-teams/ops-lead/').objections.map((o) => o.objection)).toEqual(['We already use spreadsheets.', 'Objection of the Ops lead']);
  });

  it('selects the FAQs whose scope matches, those written for the persona or segment first', () => {
    expect(landing('/field-teams/owner/').faqs.map((f) => f.id)).toEqual(['for-owners', 'working-time', 'general']);
    expect(landing('/field-teams/dispatcher/').faqs.map((f) => f.id)).toEqual(['for-dispatchers', 'field-only', 'working-time', 'general']);
    expect(landing('/depot-networks/owner/').faqs.map((f) => f.id)).toEqual(['for-owners', 'general']);
  });

  it('applies an override file: headline, title, variant and replaced sections', () => {
    const owner = landing('/field-teams/owner/');
    expect(owner.hero.headline.text).toBe('A calmer week for owners');
    expect(owner.meta.title).toBe('Calmer weeks for field-team owners');
    expect(owner.tracking).toMatchObject({ segment: 'field-teams', persona: 'owner', vertical: 'field-service', variant: 'owner-calm' });
    expect(owner.overrides).toEqual([{ file: 'content/pages/field-teams/owner.mdx', sections: ['objections', 'cta'] }]);
    expect(landing('/field-teams/ops-lead/').tracking.variant).toBe('default');
  });

  it('builds URLs under the base path and canonical links on the site URL', () => {
    const ops = landing('/field-teams/ops-lead/');
    expect(ops.meta.href).toBe('/solutions/field-teams/ops-lead/');
    expect(ops.meta.canonical).toBe('https://fieldwork.example/solutions/field-teams/ops-lead/');
    expect(ops.faqHref).toBe('/solutions/field-teams/faq/');
  });

  it('nests persona copy under the page’s headings', () => {
    expect(landing('/field-teams/ops-lead/').why.bodyHtml).toBe('<h3>What the Ops lead gets</h3>\n<p>Copy for the Ops lead.</p>');
  });

  it('keeps a landing page short with the site’s limits, naming what it leaves out', () => {
    const short = build(edit(fixture('composition'), 'content/site.yaml', 'cta:', 'landingPage: { pains: 1, regulations: 1, faqs: 1 }\ncta:'));
    const view = short.routes.find((r) => r.path === '/field-teams/dispatcher/')!.view as LandingView;
    expect(view.pains.map((p) => p.id)).toEqual(['paperwork']);
    expect(view.regulations.map((r) => r.id)).toEqual(['safety-records']);
    expect(view.moreRegulations).toEqual(['WTR']);
    expect(view.faqs.map((f) => f.id)).toEqual(['for-dispatchers']);
  });

  it('badges the pains the persona feels most only when some pains shown are not theirs', () => {
    expect(landing('/field-teams/dispatcher/').pains.map((p) => [p.id, p.badge])).toEqual([
      ['paperwork', 'Top concern for the Dispatcher'],
      ['missed-visits', undefined],
    ]);
    expect(landing('/field-teams/ops-lead/').pains.map((p) => p.badge)).toEqual([undefined, undefined]);
    const all = [pain('a', ['cfo']), pain('b', ['cfo'])];
    expect(all.map(badgeFor(all, 'cfo', 'Top'))).toEqual([undefined, undefined]);
    const some = [pain('a', ['cfo']), pain('b', [])];
    expect(some.map(badgeFor(some, 'cfo', 'Top'))).toEqual(['Top', undefined]);
  });

  it('leads with one value proposition and lets the segment’s support it', () => {
    const dispatcher = landing('/field-teams/dispatcher/');
    expect(dispatcher.hero.valueProposition).toBe('The Dispatcher gets a plan that holds.');
    expect(dispatcher.why.segmentValueProposition).toBe('Fewer missed visits.');
    expect(dispatcher.meta.description).toBe('The Dispatcher gets a plan that holds.');
    const paired = build(edit(fixture('composition'), 'segments/field-teams.yaml', '    noindex: true', '    noindex: true\n    valueProposition: Dispatch without the phone calls.'));
    const view = paired.routes.find((r) => r.path === '/field-teams/dispatcher/')!.view as LandingView;
    expect(view.hero.valueProposition).toBe('Dispatch without the phone calls.');
    expect(view.why.segmentValueProposition).toBe('Fewer missed visits.');
  });

  it('says whom the page is for in words, not the buyer-role value', () => {
    expect(landing('/field-teams/dispatcher/').why.audience).toBe('Written for the Dispatcher, who works with it every day.');
    expect(JSON.stringify(landing('/field-teams/dispatcher/').why)).not.toMatch(/\buser\b/);
  });

  it('shares the headline as og:title and keeps the title tag descriptive', () => {
    const ops = landing('/field-teams/ops-lead/');
    expect(ops.meta.socialTitle).toBe('Crews where the work is, for field teams');
    expect(ops.meta.title).toBe('Operations Lead · Field-service teams | Fieldwork');
    expect(landing('/field-teams/owner/').meta.socialTitle).toBe('A calmer week for owners');
  });

  it('condenses each regulation to its name, its status where it matters and the first sentence of its summary', () => {
    const wtr = landing('/field-teams/ops-lead/').regulations.find((r) => r.id === 'working-time')!;
    expect([wtr.shortName, wtr.statusMatters, wtr.lead, wtr.summaryRest]).toEqual(['WTR', false, 'Rules about WTR.', '']);
    const amended = build(edit(fixture('composition'), 'content/regulations/working-time.yaml', 'status: in-force\nsummary: Rules about WTR.', 'status: amended\nsummary: Employers must record hours. Records are kept.'));
    const view = (amended.routes.find((r) => r.path === '/field-teams/ops-lead/')!.view as LandingView).regulations.find((r) => r.id === 'working-time')!;
    expect([view.statusMatters, view.statusLabel, view.lead, view.summaryRest]).toEqual([true, 'Amended', 'Employers must record hours.', 'Records are kept.']);
  });
});
