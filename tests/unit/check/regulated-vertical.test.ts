import { describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { checkFiles } from '../../../src/lib/site-build.ts';
import { edit, fixture } from '../helpers.ts';

/**
 * The cybersecurity fixture as proof that the restatement rule fits a regulated vertical: its
 * answers talk about NIS2, DORA, Article 33, Form 8-K and Item 1.05, ISO 27001 and SOC 2, clocks and
 * fines, and the check finds nothing in them; a wrong figure written into one answer is caught at
 * its line.
 */
const base = fixture('second-vertical');
const TODAY = '2026-12-01';
const check = (files: typeof base) => formatDiagnosticsText(checkFiles(files, { today: TODAY }).diagnostics);

const CIRCIA_FAQ = 'content/faqs/circia-reporting-today.md';
const DORA_FAQ = 'content/faqs/dora-major-incident-reports.md';
const SEC_FAQ = 'content/faqs/sec-incident-disclosure-clock.md';
const GDPR_FAQ = 'content/faqs/gdpr-breach-notification-clock.md';

describe('the cybersecurity vertical under the copy rules', () => {
  it('has no error and no warning: names with digits, clocks and fines in words are not restated figures', () => {
    expect(checkFiles(base, { today: TODAY }).diagnostics).toEqual([]);
  });

  it('catches an answer that gives a ransom payment seventy-two hours where CIRCIA says 24, at its file and line', () => {
    const files = edit(base, CIRCIA_FAQ, 'and the clock for a ransom payment from when the payment is made.', 'and a ransom payment must be reported within seventy-two hours of making it.');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/faqs/circia-reporting-today.md:12:1 restates a figure of CIRCIA by hand ("seventy-two hours")
          hint: Leave figures and dates out of copy (thresholds, deadlines, penalties): pages show them from content/regulations/us-circia.yaml, dated and sourced, and they stay right when the rule changes."
    `);
  });

  it('catches seventy-two hours given for DORA’s initial notification, which the entry sets at 4 and at most 24', () => {
    const files = edit(base, DORA_FAQ, 'The first clock starts when you classify the incident as major', 'The initial notification is due within seventy-two hours of classifying the incident as major');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/faqs/dora-major-incident-reports.md:7:1 restates a figure of EU DORA by hand ("seventy-two hours")
          hint: Leave figures and dates out of copy (thresholds, deadlines, penalties): pages show them from content/regulations/eu-dora.yaml, dated and sourced, and they stay right when the rule changes."
    `);
  });

  it('catches an 8-K deadline written into the Item 1.05 answer as four business days', () => {
    const files = edit(base, SEC_FAQ, 'and the filing deadline counts from it.', 'and the filing is due four business days after it.');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/faqs/sec-incident-disclosure-clock.md:7:1 restates a figure of SEC cyber disclosure rules by hand ("four business days")
          hint: Leave figures and dates out of copy (thresholds, deadlines, penalties): pages show them from content/regulations/us-sec-cyber-disclosure.yaml, dated and sourced, and they stay right when the rule changes."
    `);
  });

  it('catches a clock the entry does not hold: forty-eight hours for a GDPR notification the entry sets at 72', () => {
    const files = edit(base, GDPR_FAQ, 'If some details are not known by the deadline,', 'Notify the authority within forty-eight hours. If some details are not known by then,');
    expect(check(files)).toMatchInlineSnapshot(`
      "content/faqs/gdpr-breach-notification-clock.md:7:1 gives GDPR breach notification a deadline its entry does not hold ("forty-eight hours")
          hint: content/regulations/eu-gdpr-breach-notification.yaml gives a deadline of 72 hours. If the rule changed, update the entry and its sources; otherwise leave the clock out of copy: pages show the entry's deadlines."
    `);
  });

  it('catches five business days given for the 8-K, and a clock in the wrong unit (72 days for 72 hours)', () => {
    const sec = edit(base, SEC_FAQ, 'and the filing deadline counts from it.', 'and the filing is due five business days after it.');
    const gdpr = edit(sec, GDPR_FAQ, 'If some details are not known by the deadline,', 'Article 33 gives you 72 days to notify. If some details are not known by then,');
    expect(check(gdpr)).toMatchInlineSnapshot(`
      "content/faqs/gdpr-breach-notification-clock.md:7:1 gives GDPR breach notification a deadline its entry does not hold ("72 days")
          hint: content/regulations/eu-gdpr-breach-notification.yaml gives a deadline of 72 hours. If the rule changed, update the entry and its sources; otherwise leave the clock out of copy: pages show the entry's deadlines.
      content/faqs/sec-incident-disclosure-clock.md:7:1 gives SEC cyber disclosure rules a deadline its entry does not hold ("five business days")
          hint: content/regulations/us-sec-cyber-disclosure.yaml gives a deadline of 4 business days. If the rule changed, update the entry and its sources; otherwise leave the clock out of copy: pages show the entry's deadlines."
    `);
  });

  it('leaves a duration alone where the sentence speaks of no deadline', () => {
    const files = edit(base, GDPR_FAQ, 'If some details are not known by the deadline,', 'Teams under Article 33 set the case records up in two weeks. If some details are not known by the deadline,');
    expect(checkFiles(files, { today: TODAY }).diagnostics).toEqual([]);
  });
});
