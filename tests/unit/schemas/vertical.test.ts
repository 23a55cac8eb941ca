import { describe, expect, it } from 'vitest';
import { edit, fixture, messages } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'content/verticals/finance-software.yaml';

describe('vertical schema', () => {
  it('requires pain points', () => {
    const files = edit(base, FILE, /painPoints:[\s\S]*/.exec(new TextDecoder().decode(base.find((f) => f.file === FILE)!.bytes))![0], 'painPoints: []\n');
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/verticals/finance-software.yaml:3:1 painPoints: needs at least 1 item
          hint: Pain points buyers in this vertical share."
    `);
  });

  it('keeps pain titles short enough for a heading', () => {
    expect(messages(edit(base, FILE, 'title: The close takes too long', `title: ${'The close takes too long '.repeat(5)}`))).toMatchInlineSnapshot(`
      "content/verticals/finance-software.yaml:5:5 painPoints[0].title: must be at most 90 characters long
          hint: It is 124 characters now; shorten it."
    `);
  });

  it('rejects a link with a script scheme among reach channels', () => {
    const files = edit(base, FILE, 'painPoints:', 'channels:\n  events:\n    - name: Close Summit\n      url: "javascript:alert(1)"\npainPoints:');
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/verticals/finance-software.yaml:6:7 channels.events[0].url: expected a web address starting with https:// (or http://), received "javascript:alert(1)"
          hint: Only web addresses are allowed here: a javascript: or data: address could run code on the page."
    `);
  });
});
