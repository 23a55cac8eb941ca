import { describe, expect, it } from 'vitest';
import { edit, fixture, messages, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'content/personas/controller.md';

describe('persona schema', () => {
  it('points at the frontmatter line of a wrong value', () => {
    expect(messages(edit(base, FILE, 'buyerRole: economic', 'buyerRole: economy'))).toMatchInlineSnapshot(`
      "content/personas/controller.md:4:1 buyerRole: "economy" is not one of: economic, technical, user
          hint: Did you mean "economic"?"
    `);
  });

  it('explains how to write a list when a single value is given', () => {
    expect(messages(edit(base, FILE, 'goals:\n  - Close the books in five days', 'goals: Close the books in five days'))).toMatchInlineSnapshot(`
      "content/personas/controller.md:7:1 goals: expected a list (lines starting with "- "), received "Close the books in five days"
          hint: Write each item on its own line starting with "- ", indented under the field."
    `);
  });

  it('limits button text to what fits on a button', () => {
    expect(messages(edit(base, FILE, 'label: See the close checklist', 'label: See the complete month-end close checklist for controllers'))).toMatchInlineSnapshot(`
      "content/personas/controller.md:10:3 cta.label: must be at most 40 characters long
          hint: It is 58 characters now; shorten it."
    `);
  });

  it('explains a file without frontmatter', () => {
    expect(messages(withFiles(base, { [FILE]: 'You own the month-end close.\n' }))).toMatchInlineSnapshot(`
      "content/personas/controller.md:1:1 the file does not start with a frontmatter block
          hint: Put the fields between two lines of three dashes at the very top of the file, then the text below them."
    `);
  });

  it('rejects an unknown headline placeholder', () => {
    expect(messages(edit(base, FILE, 'for {segment} teams', 'for {segmant} teams'))).toMatchInlineSnapshot(`
      "content/personas/controller.md:5:1 headline: unknown placeholder {segmant}
          hint: The only placeholder is {segment}, replaced by the segment’s nickname."
    `);
  });
});
