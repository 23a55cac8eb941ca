import { describe, expect, it } from 'vitest';
import { headlineMarkerProblem, parseHeadline } from '../../src/lib/headline.ts';
import { edit, fixture, messages } from './helpers.ts';

describe('headline keyword markers', () => {
  it('splits a headline around its marked phrase', () => {
    expect(parseHeadline('Due diligence for [[German plants]] this year')).toEqual({
      text: 'Due diligence for German plants this year',
      before: 'Due diligence for ',
      keyword: 'German plants',
      after: ' this year',
    });
    expect(parseHeadline('No marker')).toEqual({ text: 'No marker', before: 'No marker', after: '' });
  });

  it('finds broken or repeated markers', () => {
    expect(headlineMarkerProblem('For [[German plants')).toMatch(/not closed/);
    expect(headlineMarkerProblem('For [[]] plants')).toMatch(/not closed or is empty/);
    expect(headlineMarkerProblem('[[A]] and [[B]]')).toMatch(/only one/);
    expect(headlineMarkerProblem('Plain')).toBeUndefined();
  });

  it('reports a broken marker in content with its position', () => {
    const files = edit(fixture('minimal'), 'content/personas/controller.md', 'headline: A faster close for {segment} teams', 'headline: A faster close for [[{segment} teams');
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/personas/controller.md:5:1 headline: the [[…]] marker for keyword insertion is not closed or is empty
          hint: Default landing-page headline for this persona. "{segment}" is replaced by the segment’s nickname; [[a phrase]] may be replaced by keyword insertion."
    `);
  });
});
