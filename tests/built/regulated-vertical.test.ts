import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDir, read } from './site-files.ts';

/**
 * The cybersecurity fixture's rules as a reader finds them on the built pages: every clock and fine
 * worded from its entry, and a law awaiting its final rule never shown as in force or as amended.
 * The rules appear on a segment's pages once its `regulations` list names them.
 */
const dir = builtDir('second-vertical');
const page = (path: string) => read(join(dir, path, 'index.html'));

/** What a reader sees of an element: tags dropped, character references decoded, spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([:;,.)])/g, '$1')
    .trim();
}

const CITED_BY = {
  'eu-dora': 'segments/eu-essential-entities.yaml',
  'eu-gdpr-breach-notification': 'segments/eu-essential-entities.yaml',
  'us-hipaa-breach-notification': 'segments/us-lean-it-teams.yaml',
  'us-circia': 'segments/us-lean-it-teams.yaml',
} as const;

/** The "Rules that apply" block of one regulation on a landing page. */
function ruleBlock(html: string, id: keyof typeof CITED_BY): string {
  const block = new RegExp(`<article class="regulation" id="regulation-${id}"[\\s\\S]*?</article>`).exec(html)?.[0];
  expect(block, `no block for ${id}: add ${id} to regulations in ${CITED_BY[id]} of the fixture`).toBeDefined();
  return visibleText(block!);
}

/** The facts an FAQ answer carries about one regulation, on a segment's questions page. */
function factsBlock(html: string, id: keyof typeof CITED_BY): string {
  const block = new RegExp(`<div class="regulation-facts" data-regulation-facts="${id}">[\\s\\S]*?</details></div>`).exec(html)?.[0];
  expect(block, `no facts for ${id}: add ${id} to regulations in ${CITED_BY[id]} of the fixture`).toBeDefined();
  return visibleText(block!);
}

/** The answer text of each question in the page's FAQPage structured data. */
function structuredAnswers(html: string): string[] {
  const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const data = JSON.parse(json!) as { mainEntity: { acceptedAnswer: { text: string } }[] };
  return data.mainEntity.map((q) => visibleText(q.acceptedAnswer.text));
}

describe('the EU rules of the cybersecurity fixture', () => {
  const landing = page('eu-essential-entities/ciso');
  const faq = page('eu-essential-entities/faq');

  it('words the GDPR notification clock and the Article 83(4) fine from the entry', () => {
    for (const text of [ruleBlock(landing, 'eu-gdpr-breach-notification'), factsBlock(faq, 'eu-gdpr-breach-notification')]) {
      expect(text).toContain('Notification of a personal data breach to the supervisory authority, without undue delay and where feasible, by controllers: within 72 hours of becoming aware of the breach');
      expect(text).toContain('up to EUR 10 million or 2% of worldwide annual turnover, whichever is higher (Article 83(4)');
      expect(text).not.toMatch(/amendment pending|awaiting/i);
    }
  });

  it('words the DORA reports in their order, each with the event that starts its clock', () => {
    const text = ruleBlock(landing, 'eu-dora');
    const lines = [
      'Initial notification of a major ICT-related incident to the competent authority: within 4 hours of classifying the incident as major',
      'Initial notification, at the latest: within 24 hours of becoming aware of the incident',
      'Intermediate report: within 72 hours of submitting the initial notification',
      'Final report, with the root cause and the measures taken: within one month of the latest updated intermediate report',
    ];
    const at = lines.map((line) => text.indexOf(line));
    expect(at.every((i) => i >= 0), text).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('17 January 2025: Regulation applies');
    expect(factsBlock(faq, 'eu-dora')).toContain('Intermediate report: within 72 hours of submitting the initial notification');
  });

  it('gives the questions page’s structured data the same words as the visible answer', () => {
    const answer = structuredAnswers(faq).find((a) => a.includes('Article 33'));
    expect(answer, `no answer about Article 33: add eu-gdpr-breach-notification to regulations in ${CITED_BY['eu-gdpr-breach-notification']} of the fixture`).toBeDefined();
    expect(answer).toContain('within 72 hours of becoming aware of the breach');
  });
});

describe('the US rules of the cybersecurity fixture', () => {
  const landing = page('us-lean-it-teams/it-director');
  const faq = page('us-lean-it-teams/faq');

  it('words the HIPAA notices in calendar days from discovery, and the yearly notice from the end of the year', () => {
    for (const text of [ruleBlock(landing, 'us-hipaa-breach-notification'), factsBlock(faq, 'us-hipaa-breach-notification')]) {
      expect(text).toContain('Notice to each individual affected, by covered entities: within 60 calendar days of discovering the breach');
      expect(text).toContain('Notice to the HHS Secretary of a breach affecting 500 or more individuals, by covered entities: within 60 calendar days of discovering the breach');
      expect(text).toContain('within 60 calendar days of the end of the calendar year in which they were discovered');
    }
  });

  it('shows CIRCIA as enacted and awaiting its final rule, with its clocks applying only once the rule takes effect, never as amendment pending', () => {
    const block = ruleBlock(landing, 'us-circia');
    const facts = factsBlock(faq, 'us-circia');
    expect(block).toMatch(/^CIRCIA Enacted, awaiting implementing rules /);
    expect(facts).toMatch(/^CIRCIA \(Enacted, awaiting implementing rules\):/);
    for (const text of [block, facts]) {
      expect(text).toContain('Report of a covered cyber incident to CISA: within 72 hours of reasonably believing that the incident has occurred, once the implementing rules take effect');
      expect(text).toContain('Report of a ransom payment made after a ransomware attack: within 24 hours of making the payment, once the implementing rules take effect');
      expect(text).not.toMatch(/amendment pending|Status: In force/i);
    }
  });

  it('keeps the 8-K clock in business days from the materiality determination', () => {
    expect(visibleText(faq)).toContain('Form 8-K Item 1.05 report of a material cybersecurity incident: within 4 business days of determining that the incident is material');
  });
});
