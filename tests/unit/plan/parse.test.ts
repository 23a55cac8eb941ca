import { describe, expect, it } from 'vitest';
import { parseLift, parseRate, parseWeeklyVisits, parseWholeNumber } from '../../../src/lib/plan/parse.ts';

describe('the planner’s numbers', () => {
  it('read a rate as a percentage or a fraction', () => {
    expect(parseRate('5%', '--baseline')).toEqual({ ok: true, value: 0.05 });
    expect(parseRate('0.5 %', '--baseline')).toEqual({ ok: true, value: 0.005 });
    expect(parseRate('0.05', '--baseline')).toEqual({ ok: true, value: 0.05 });
  });

  it('refuse a rate that is ambiguous, out of range or no number', () => {
    expect(parseRate('5', '--baseline')).toEqual({ ok: false, problem: '--baseline "5" is ambiguous: write 5% for a percentage, or a fraction below 1 like 0.05' });
    expect(parseRate('0%', '--baseline')).toEqual({ ok: false, problem: '--baseline must be above 0% and below 100%, got "0%"' });
    expect(parseRate('120%', '--baseline')).toEqual({ ok: false, problem: '--baseline must be above 0% and below 100%, got "120%"' });
    expect(parseRate('five', '--baseline')).toEqual({ ok: false, problem: '--baseline "five" is not a rate: write it as a percentage like 5% or a fraction like 0.05' });
  });

  it('read a lift as relative (20%) or absolute (1pp)', () => {
    expect(parseLift('20%')).toEqual({ ok: true, value: { kind: 'relative', value: 0.2 } });
    expect(parseLift('1pp')).toEqual({ ok: true, value: { kind: 'absolute', value: 0.01 } });
    expect(parseLift('0.5 pp')).toEqual({ ok: true, value: { kind: 'absolute', value: 0.005 } });
    expect(parseLift('20')).toMatchObject({ ok: false, problem: expect.stringContaining('write 20% for a relative lift') });
    expect(parseLift('0%')).toMatchObject({ ok: false, problem: expect.stringContaining('--lift must be above 0') });
    expect(parseLift('100pp')).toMatchObject({ ok: false, problem: expect.stringContaining('no rate can rise that far') });
  });

  it('read arms and weekly visits', () => {
    expect(parseWholeNumber('3', '--arms', 2)).toEqual({ ok: true, value: 3 });
    expect(parseWholeNumber('1', '--arms', 2)).toEqual({ ok: false, problem: '--arms must be a whole number of at least 2, got "1"' });
    expect(parseWeeklyVisits('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseWeeklyVisits('312.5')).toEqual({ ok: true, value: 312.5 });
    expect(parseWeeklyVisits('-3')).toMatchObject({ ok: false });
  });
});
