import { describe, expect, it } from 'vitest';
import { checkEvent, EVENT_FIELDS, FIELD_CAPS, PLAIN_CHECKED_FIELDS, utcMillis } from '../../../src/lib/report/events.ts';

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

  it('reads every contract field on the quick path: a wrong type or a long value in any field is still a bad row', () => {
    expect([...PLAIN_CHECKED_FIELDS].sort()).toEqual([...EVENT_FIELDS].sort());
    for (const field of EVENT_FIELDS) {
      const wrong = checkEvent({ ...landing, [field]: 7 });
      expect(wrong, field).toMatchObject({ ok: false });
      const long = checkEvent({ ...landing, [field]: 'x'.repeat(FIELD_CAPS[field] + 1) });
      expect(long, field).toMatchObject({ ok: false, problem: { code: 'too-long' } });
    }
  });

  it('reads the export\'s time form digit by digit, and leaves every other form to Date.parse with the same result', () => {
    const times = ['2026-10-01T09:30:00.000Z', '2024-02-28T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '9999-12-28T00:00:00.001Z'];
    for (const time of times) expect(utcMillis(time), time).toBe(Date.parse(time));
    // Years below 100 (Date.UTC would add 1900), days past the 28th, 24:00, other forms: not read here.
    for (const time of ['0050-01-01T00:00:00.000Z', '2024-02-29T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T00:00:00.000+', '2026-01-01 00:00:00.000Z', '2026-1x-01T00:00:00.000Z', '2026-10-01T09:30:00Z']) {
      expect(utcMillis(time), time).toBeUndefined();
    }
    const at = (event_time: string) => checkEvent({ ...landing, event_time });
    expect(at('2024-02-29T12:00:00.000Z')).toMatchObject({ ok: true, event: { time: Date.parse('2024-02-29T12:00:00.000Z') } });
    expect(at('0050-01-01T00:00:00.000Z')).toMatchObject({ ok: true, event: { time: Date.parse('0050-01-01T00:00:00.000Z') } });
    expect(at('2026-13-01T00:00:00.000Z')).toMatchObject({ ok: false, problem: { code: 'event_time' } });
  });
});
