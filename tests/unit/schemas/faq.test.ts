import { describe, expect, it } from 'vitest';
import { edit, fixture, messages, withFiles } from '../helpers.ts';

const base = fixture('minimal');
const FILE = 'content/faqs/how-long.md';

describe('faq schema', () => {
  it('requires an answer below the frontmatter', () => {
    expect(messages(withFiles(base, { [FILE]: '---\nquestion: How long does setup take?\n---\n' }))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:4:1 the answer is missing
          hint: Write the answer below the closing --- line."
    `);
  });

  it('suggests the scope key that was meant', () => {
    expect(messages(edit(base, FILE, 'question: How long does setup take?', 'question: How long does setup take?\nscope:\n  segment: [small-finance]'))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:4:3 scope.segment: unknown field "segment"
          hint: Did you mean "segments"? Known fields here: segments, personas, verticals, regulations"
    `);
  });

  it('names an unknown scoped segment and the known ones', () => {
    expect(messages(edit(base, FILE, 'question: How long does setup take?', 'question: How long does setup take?\nscope:\n  segments: [small-finnance]'))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:4:14 scope.segments[0]: unknown segment "small-finnance"
          hint: Did you mean "small-finance"? Known segments: small-finance (files in segments/)"
    `);
  });

  it('reports a frontmatter block that is never closed', () => {
    expect(messages(withFiles(base, { [FILE]: '---\nquestion: How long does setup take?\nMost teams are live in two weeks.\n' }))).toMatchInlineSnapshot(`
      "content/faqs/how-long.md:1:1 the frontmatter block is never closed
          hint: Add a line with three dashes (---) after the last field."
    `);
  });
});
