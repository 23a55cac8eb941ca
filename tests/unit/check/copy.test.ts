import { describe, expect, it } from 'vitest';
import { PAYLOADS, personaWith } from '../content-payloads.ts';
import { edit, fixture, messages, text, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const FAQ = 'content/faqs/how-long.md';
const PERSONA = 'content/personas/controller.md';
const faq = (answer: string, scope = '') => withFiles(base, { [FAQ]: `---\nquestion: How long does setup take?\n${scope}---\n${answer}\n` });

describe('copy rules', () => {
  it('refuses a threshold of a regulation named in the same sentence', () => {
    expect(messages(faq('Under VAT records rules, firms above GBP 85,000 must keep digital records.'))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:4:1 restates a figure of VAT records by hand ("GBP 85,000")
          hint: Leave figures and dates out of copy (thresholds, deadlines, penalties): pages show them from content/regulations/vat-records.yaml, dated and sourced, and they stay right when the rule changes."
    `);
  });

  it('reads the threshold in any common spelling: 85k, 85,000, GBP 85 thousand', () => {
    for (const spelling of ['85k', '85,000', 'GBP 85 thousand', '£85000']) {
      expect(messages(faq(`VAT records apply above ${spelling}.`)), spelling).toContain('restates a figure of VAT records');
    }
  });

  it('refuses a date of a regulation, written out or as a year', () => {
    expect(messages(faq('VAT records have been digital since 1 April 2019.'))).toContain('("1 April 2019")');
    expect(messages(faq('VAT records have been digital since April 1, 2019.'))).toContain('("April 1, 2019")');
    expect(messages(faq('VAT records went digital in 2019.'))).toContain('("2019")');
  });

  it('applies to an FAQ about the regulation even when a sentence does not name it', () => {
    expect(messages(faq('Businesses above 85,000 must comply.', 'scope:\n  regulations: [vat-records]\n'))).toContain('restates a figure of VAT records');
  });

  it('reads figures as tokens: names with digits are not figures, numbers in words with a unit are', () => {
    const REG = 'content/regulations/vat-records.yaml';
    const more = '    unit: GBP\n  - label: Late-filing fine\n    comparison: at-least\n    value: 2\n    unit: "%"\n  - label: Correction window\n    comparison: less-than\n    value: 72\n    unit: hours\n';
    const withFacts = (answer: string) => edit(faq(answer), REG, '    unit: GBP\n', more);
    expect(messages(withFacts('VAT records under Article 2, ISO 27001, SOC 2 and Form 8-K help our 2 teams.'))).toBe('');
    expect(messages(withFacts('VAT records fines start at 2% of the tax due.'))).toContain('("2%")');
    expect(messages(withFacts('VAT records must be corrected within seventy-two hours.'))).toContain('("seventy-two hours")');
    expect(messages(withFacts('VAT records must be corrected within 72 days.'))).toBe('');
  });

  it('compares copy with the deadlines and penalties of the entry too', () => {
    const REG = 'content/regulations/vat-records.yaml';
    const facts = 'documentation:\n  - Digital VAT records\nobligations:\n  - { what: Report a correction, within: { amount: 4, unit: business-days }, from: finding the error }\npenalties:\n  - { upTo: { amount: 10000000, currency: GBP }, turnoverShare: 2, whicheverIs: higher }\n';
    const withFacts = (answer: string) => edit(faq(answer), REG, 'documentation:\n  - Digital VAT records\n', facts);
    expect(messages(withFacts('Our files are ready; no base rule applies here.'))).toBe('');
    expect(messages(withFacts('VAT records corrections are due within four business days.'))).toContain('("four business days")');
    expect(messages(withFacts('VAT records fines reach ten million pounds.'))).toContain('("ten million pounds")');
    expect(messages(withFacts('VAT records fines reach 2 per cent of turnover.'))).toContain('("2 per cent")');
    // Not a restatement (the units differ), but a clock the entry does not hold.
    expect(messages(withFacts('VAT records corrections are due within 4 hours.'))).not.toContain('restates');
    expect(messages(withFacts('VAT records corrections are due within 4 hours.'))).toContain('a deadline its entry does not hold ("4 hours")');
  });

  it('leaves numbers alone that are not about a regulation', () => {
    expect(messages(faq('Most of our 85,000 users were live in 2019.'))).toBe('');
  });

  it('refuses promises of compliance, but not honest denials', () => {
    expect(messages(faq('Our platform guarantees VAT compliance.'))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:4:1 promises compliance ("guarantees VAT compliance")
          hint: Say what the product does (the records, evidence and workflow it provides); no tool can make a company compliant on its own."
    `);
    expect(messages(faq('It makes you fully compliant overnight.'))).toContain('promises compliance ("makes you fully compliant")');
    expect(messages(faq('No tool makes you compliant on its own; ours keeps the records.'))).toBe('');
  });

  it('refuses false urgency and scarcity, including numbered scarcity', () => {
    expect(messages(faq('Hurry: only 3 places left this quarter.'))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:4:1 uses pressure wording ("Hurry")
          hint: Remove false urgency or scarcity ("hurry" is on the check.urgencyPhrases list in site.yaml); if a deadline is real, name the regulation and let its entry show the date.
      content/faqs/how-long.md:4:1 uses pressure wording ("only 3 places")
          hint: Remove false urgency or scarcity ("only # places" is on the check.urgencyPhrases list in site.yaml); if a deadline is real, name the regulation and let its entry show the date."
    `);
  });

  it('uses the site’s own list of pressure phrases when it has one', () => {
    const files = edit(faq('Hurry, the offer closes Friday.'), 'content/site.yaml', 'cta:', 'check:\n  urgencyPhrases: ["closes friday"]\ncta:');
    expect(messages(files)).toContain('uses pressure wording ("closes Friday")');
    expect(messages(files)).not.toContain('Hurry');
  });

  it('checks the thank-you page’s words too', () => {
    const files = edit(base, 'content/site.yaml', '  endpoint: https://forms.acme.example/leads', '  endpoint: https://forms.acme.example/leads\n  thankYouPage:\n    body: Hurry, only 3 places left for this quarter.');
    expect(messages(files)).toContain('leadForm.thankYouPage.body: uses pressure wording ("Hurry")');
    expect(messages(files)).toContain('leadForm.thankYouPage.body: uses pressure wording ("only 3 places")');
  });

  it('checks YAML copy fields with their field names', () => {
    expect(messages(edit(base, PERSONA, 'valueProposition: Fewer late nights at month end.', 'valueProposition: Act now and never miss a VAT records deadline again.'))).toMatchInlineSnapshot(`
      "content/personas/controller.md:6:1 valueProposition: uses pressure wording ("Act now")
          hint: Remove false urgency or scarcity ("act now" is on the check.urgencyPhrases list in site.yaml); if a deadline is real, name the regulation and let its entry show the date."
    `);
  });

  it('refuses links and markup that can run code in Markdown', () => {
    const files = withFiles(base, { [PERSONA]: `${new TextDecoder().decode(base.find((f) => f.file === PERSONA)!.bytes)}\n[Pay](javascript:alert(1))\n\n<script>alert(1)</script>\n\n<a href="#" onclick="alert(1)">x</a>\n\n<span>kept out</span>\n` });
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/personas/controller.md:14:1 the link "javascript:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/personas/controller.md:16:1 raw <script> in Markdown
          hint: Pages run no scripts from content: delete it. Measurement is built in; see docs/measurement.md.
      content/personas/controller.md:18:1 raw HTML with an event handler (onclick=…)
          hint: Delete the attribute: content cannot run scripts.
      content/personas/controller.md:20:1 warning: raw HTML is not shown on pages
          hint: Write it in Markdown instead (for emphasis, links, lists and tables)."
    `);
  });

  it.each(PAYLOADS.filter((p) => p.markdown))('refuses in a Markdown body: $name', (payload) => {
    const body = personaWith(text(base, PERSONA), payload.markdown!);
    const line = body.split('\n').indexOf(payload.markdown!) + 1;
    expect(messages(withFiles(base, { [PERSONA]: body }))).toMatch(new RegExp(`^${PERSONA}:${line}:1 (?!warning)`));
  });

  it('names each Markdown payload with its line and a fix', () => {
    const all = PAYLOADS.filter((p) => p.markdown).map((p) => messages(withFiles(base, { [PERSONA]: personaWith(text(base, PERSONA), p.markdown!) })));
    expect(all.join('\n')).toMatchInlineSnapshot(`
      "content/personas/controller.md:14:1 raw HTML with an event handler (onerror=…)
          hint: Delete the attribute: content cannot run scripts.
      content/personas/controller.md:14:1 raw <meta> in Markdown
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content: delete it.
      content/personas/controller.md:14:1 raw <base> in Markdown
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content: delete it.
      content/personas/controller.md:14:1 raw <link> in Markdown
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content: delete it.
      content/personas/controller.md:14:1 raw <frameset> in Markdown
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content: delete it.
      content/personas/controller.md:14:1 the link "java\\u0009script:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/personas/controller.md:14:1 the link "jav\\u000aascript:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/personas/controller.md:14:1 the link "\\ufffdjavascript:alert(1)" uses the scheme javascript:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/personas/controller.md:14:1 raw HTML with a javascript: address
          hint: Use an https:// address or a path on this site, in Markdown: [text](https://…).
      content/personas/controller.md:14:1 the link "file:///etc/passwd" uses the scheme file:, which pages do not allow
          hint: Use an https:// address, a mailto: or tel: link, or a path on this site.
      content/personas/controller.md:14:1 raw <svg> in Markdown
          hint: Pages carry no scripts, styles, embeds, redirects or forms from content: delete it."
    `);
  });

  it('lets plain https, mailto, tel and relative links through without parsing every body', () => {
    const body = personaWith(text(base, PERSONA), '[Guide](https://example.com/guide) [Mail](mailto:a@example.com) [Call](tel:+441234) [Pricing](/pricing/) [Top](#top)');
    expect(messages(withFiles(base, { [PERSONA]: body }))).toBe('');
  });
});
