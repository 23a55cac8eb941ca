import { describe, expect, it } from 'vitest';
import { edit, fixture, messages, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'content/site.yaml';

describe('site schema', () => {
  it('refuses a form endpoint that is not a web address', () => {
    expect(messages(edit(base, FILE, 'endpoint: https://forms.acme.example/leads', 'endpoint: "javascript:alert(1)"'))).toMatchInlineSnapshot(`
      "content/site.yaml:10:3 leadForm.endpoint: expected a web address starting with https:// (or http://), received "javascript:alert(1)"
          hint: Only web addresses are allowed here: a javascript: or data: address could run code on the page."
    `);
  });

  it('checks the tag manager container id', () => {
    expect(messages(edit(base, FILE, 'cta:', 'tracking:\n  gtmContainerId: GTM-12\ncta:'))).toMatchInlineSnapshot(`
      "content/site.yaml:8:3 tracking.gtmContainerId: expected a Google Tag Manager container id like GTM-ABC1234, received "GTM-12"
          hint: Google Tag Manager container id. Leave out to load no tag manager."
    `);
  });

  it('checks the base path', () => {
    expect(messages(edit(base, FILE, 'cta:', 'basePath: solutions\ncta:'))).toMatchInlineSnapshot(`
      "content/site.yaml:7:1 basePath: expected a path that starts and ends with "/", like "/" or "/solutions/", received "solutions"
          hint: Sub-path the site is served under, starting and ending with "/"."
    `);
  });

  it('explains a missing site file', () => {
    expect(messages(withFiles(base, { [FILE]: null }))).toMatchInlineSnapshot(`
      "content/site.yaml the site settings file is missing
          hint: Create content/site.yaml with at least name, url, description, offer, cta and leadForm."
    `);
  });
});
