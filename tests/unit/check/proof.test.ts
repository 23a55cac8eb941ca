import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeSvgContent, addMonths } from '../../../src/lib/check/proof.ts';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { checkFiles } from '../../../src/lib/site-build.ts';
import type { SourceFile } from '../../../src/lib/load/files.ts';
import { FIXTURES, fixture, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const publicDir = join(FIXTURES, 'proof-public');
/** The messages about proof files only (regulation freshness depends on `today` too). */
const check = (files: SourceFile[], today = '2026-06-01') => formatDiagnosticsText(checkFiles(files, { today, publicDir }).diagnostics.filter((d) => d.file.startsWith('content/proof/')));
const quote = (body: string) => withFiles(base, { 'content/proof/quotes/acme.yaml': body });
const figure = (body: string) => withFiles(base, { 'content/proof/figures/close.yaml': body });
const certification = (validUntil: string) =>
  withFiles(base, { 'content/proof/certifications/iso.yaml': `name: ISO/IEC 27001\nissuer: Example Certification Ltd\nvalidUntil: ${validUntil}\nevidenceUrl: https://example.com/trust\n` });
const logo = (image: string) => withFiles(base, { 'content/proof/logos/acme.yaml': `company: Acme Books\nimage: ${image}\nwidth: 80\nheight: 20\n` });

const GOOD_QUOTE = 'text: We close in three days now.\nperson: Ada Byron\nrole: Controller\ncompany: Acme Books\ndate: 2026-03-01\npermission: Approved by email, 2026-03-04\n';

describe('proof truth checks', () => {
  it('accepts complete, dated, permitted proof', () => {
    expect(check(quote(GOOD_QUOTE))).toBe('');
    expect(check(figure('value: 3\nunit: days\nmeasured: to close the month\ncustomer: Acme Books\ncustomerReported: true\ndate: 2026-03-01\n'))).toBe('');
    expect(check(logo('logos/acme.svg'))).toBe('');
  });

  it('wants a named person and company, a permission note and a date on a quote', () => {
    expect(check(quote('text: We close in three days now.\n'))).toMatchInlineSnapshot(`
      "content/proof/quotes/acme.yaml:1:1 company: the quote names no company
          hint: Add company: the customer the person works for.
      content/proof/quotes/acme.yaml:1:1 date: the quote has no date
          hint: Add date: YYYY-MM-DD, when the customer said it.
      content/proof/quotes/acme.yaml:1:1 permission: the quote has no permission note
          hint: Add permission: how and when the customer allowed publication, like "Approved by email, 2026-03-02".
      content/proof/quotes/acme.yaml:1:1 person: the quote names no person
          hint: Add person: the full name of the customer quoted. An anonymous quote is not proof."
    `);
  });

  it('wants a source, or a named customer who reported it, and a date on a figure', () => {
    expect(check(figure('value: 3\nunit: days\nmeasured: to close the month\n'))).toMatchInlineSnapshot(`
      "content/proof/figures/close.yaml:1:1 date: the figure has no date
          hint: Add date: YYYY-MM-DD, when the figure was measured or reported.
      content/proof/figures/close.yaml:1:1 source: the figure has no source
          hint: Add source: { title, url } naming the case study or report it comes from, or set customerReported: true and name the customer in customer."
    `);
    expect(check(figure('value: 3\nunit: days\nmeasured: to close the month\ncustomerReported: true\ndate: 2026-03-01\n'))).toMatchInlineSnapshot(`
      "content/proof/figures/close.yaml:1:1 customer: a customer-reported figure needs the customer’s name
          hint: Add customer: the company that reported the figure."
    `);
  });

  it('warns about proof older than 24 months and refuses a date in the future', () => {
    expect(check(quote(GOOD_QUOTE), '2028-03-02')).toMatchInlineSnapshot(`
      "content/proof/quotes/acme.yaml:5:1 date: warning: the quote is from 2026-03-01, more than 24 months ago
          hint: Ask the customer whether it still holds, then update date; or delete the file so pages stop showing it."
    `);
    expect(check(quote(GOOD_QUOTE), '2028-03-01')).toBe('');
    expect(check(quote(GOOD_QUOTE), '2026-02-01')).toMatchInlineSnapshot(`
      "content/proof/quotes/acme.yaml:5:1 date: 2026-03-01 is in the future
          hint: Write the date on which the quote was actually given or measured."
    `);
  });

  it('refuses an expired certification and warns 30 days before', () => {
    expect(check(certification('2026-05-31'))).toMatchInlineSnapshot(`
      "content/proof/certifications/iso.yaml:3:1 validUntil: ISO/IEC 27001 expired on 2026-05-31
          hint: Pages must not show an expired certification: after renewal update validUntil and evidenceUrl, or delete the file."
    `);
    expect(check(certification('2026-07-01'))).toMatchInlineSnapshot(`
      "content/proof/certifications/iso.yaml:3:1 validUntil: warning: ISO/IEC 27001 expires on 2026-07-01, within 30 days
          hint: Renew it and update validUntil and evidenceUrl; from that day on the check fails."
    `);
    expect(check(certification('2026-07-02'))).toBe('');
  });

  it('names a missing logo file and the images that exist', () => {
    expect(check(logo('logos/acme-books.svg'))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: public/logos/acme-books.svg does not exist
          hint: Did you mean "logos/acme.svg"? The path is relative to public/."
    `);
  });

  it('finds a raster logo beside its YAML file, and names the one meant when the path is wrong', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(check(withFiles(logo('./acme.png'), { 'content/proof/logos/acme.png': png }))).toBe('');
    expect(check(withFiles(logo('./acme-books.png'), { 'content/proof/logos/acme.png': png }))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: content/proof/logos/acme-books.png does not exist
          hint: Did you mean "./acme.png"? The path is relative to content/proof/logos/."
    `);
    expect(check(logo('./acme.png'))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: content/proof/logos/acme.png does not exist
          hint: Put the logo file at content/proof/logos/acme.png, beside this file, or correct the path."
    `);
  });

  it('refuses an SVG logo that could run script when opened on its own', () => {
    expect(check(logo('logos/scripted.svg'))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: public/logos/scripted.svg holds a <script> element, which would run if the file were opened on its own
          hint: Export the logo again as a plain SVG of shapes and text (your design tool’s "Export as SVG", or SVGO), without scripts, event handlers, embedded HTML or links."
    `);
    expect(check(logo('logos/handler.svg'))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: public/logos/handler.svg holds an event handler attribute (on…=), which would run if the file were opened on its own
          hint: Export the logo again as a plain SVG of shapes and text (your design tool’s "Export as SVG", or SVGO), without scripts, event handlers, embedded HTML or links."
    `);
    for (const active of ['<foreignObject><div/></foreignObject>', '<a href="javascript:alert(1)">x</a>', '<image xlink:href="https://tracker.example/p.png"/>', '<iframe src="/"/>'])
      expect(activeSvgContent(`<svg xmlns="http://www.w3.org/2000/svg">${active}</svg>`), active).toBeDefined();
    expect(activeSvgContent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1v1z"/><text font-family="Arial">Online</text></svg>')).toBeUndefined();
  });

  it('names a raster logo that is another kind of file under a raster name', () => {
    expect(check(withFiles(logo('./acme.png'), { 'content/proof/logos/acme.png': '<svg xmlns="http://www.w3.org/2000/svg"/>' }))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: content/proof/logos/acme.png is not a PNG image
          hint: Export the logo again as PNG and save it under this name: a file of another kind renamed to .png cannot be converted."
    `);
    expect(check(withFiles(logo('./acme.webp'), { 'content/proof/logos/acme.webp': new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')]) }))).toBe('');
  });

  it('requires the company, which is the logo’s alt text', () => {
    expect(check(withFiles(base, { 'content/proof/logos/acme.yaml': 'image: logos/acme.svg\nwidth: 80\nheight: 20\n' }))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:1:1 company: is required but missing
          hint: Add it: The customer’s name; the image’s alt text is made from it."
    `);
    expect(check(withFiles(base, { 'content/proof/logos/acme.yaml': 'company: " "\nimage: logos/acme.svg\nwidth: 80\nheight: 20\n' }))).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:1:1 company: must not be empty
          hint: The customer’s name; the image’s alt text is made from it."
    `);
  });

  it('checks scope ids with a suggestion', () => {
    expect(check(quote(`${GOOD_QUOTE}scope:\n  segments: [small-finnance]\n  personas: [controler]\n  verticals: [finance]\n`))).toMatchInlineSnapshot(`
      "content/proof/quotes/acme.yaml:8:14 scope.segments[0]: unknown segment "small-finnance"
          hint: Did you mean "small-finance"? Known segments: small-finance (files in segments/)
      content/proof/quotes/acme.yaml:9:14 scope.personas[0]: unknown persona "controler"
          hint: Did you mean "controller"? Known personas: controller (files in content/personas/)
      content/proof/quotes/acme.yaml:10:15 scope.verticals[0]: unknown vertical "finance"
          hint: Known verticals: finance-software (files in content/verticals/)"
    `);
  });

  it('runs the copy rules on quotes', () => {
    expect(check(quote(GOOD_QUOTE.replace('We close in three days now.', 'It ensures compliance for us.')))).toMatchInlineSnapshot(`
      "content/proof/quotes/acme.yaml:1:1 text: promises compliance ("ensures compliance")
          hint: Say what the product does (the records, evidence and workflow it provides); no tool can make a company compliant on its own."
    `);
  });
});

describe('addMonths', () => {
  it('clamps the day to the length of the month', () => {
    expect(addMonths('2026-02-28', -24)).toBe('2024-02-28');
    expect(addMonths('2028-02-29', -24)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });
});
