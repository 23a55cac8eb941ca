import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/lib/report/events.ts';

const landing = { event: 'page_view', page_type: 'landing', segment: 'alpha', persona: 'cfo', visit_id: 'v1', utm_source: 'google' };

describe('checking an event', () => {
  it('keeps what the report reads from an ordinary event', () => {
    expect(checkEvent({ ...landing, vertical: null, event_time: '2026-10-01T09:30:00.000Z' })).toEqual({
      ok: true,
      event: { event: 'page_view', page_type: 'landing', segment: 'alpha', persona: 'cfo', visit_id: 'v1', utm_source: 'google', time: Date.parse('2026-10-01T09:30:00.000Z') },
    });
  });

  it('names the first problem in the same order whatever else is wrong', () => {
    // Too long comes before a wrong type, a wrong type of visit_id before other fields' types.
    expect(checkEvent({ ...landing, visit_id: 5, utm_source: 'x'.repeat(201) })).toMatchObject({ ok: false, problem: { code: 'too-long' } });
    expect(checkEvent({ ...landing, visit_id: 5, utm_source: 7 })).toMatchObject({ ok: false, problem: { code: 'type', reason: 'visit_id: expected a string, found the number 5' } });
    expect(checkEvent({ ...landing, event: 'page_veiw' })).toMatchObject({ ok: false, problem: { code: 'event' } });
    expect(checkEvent({ ...landing, visit_id: '' })).toMatchObject({ ok: false, problem: { code: 'visit_id', reason: 'missing "visit_id"' } });
    expect(checkEvent({ ...landing, persona: 3 })).toMatchObject({ ok: false, problem: { code: 'type', reason: 'persona: expected a string or null, found the number 3' } });
  });
});
