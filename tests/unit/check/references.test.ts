import { describe, expect, it } from 'vitest';
import { edit, fixture, messages } from '../helpers.ts';

const base = fixture('composition');
const SEGMENT = 'segments/field-teams.yaml';

describe('cross-file references', () => {
  it('names an unknown persona with a suggestion and the known ones', () => {
    expect(messages(edit(base, SEGMENT, '  - id: owner', '  - id: ownr'))).toMatchInlineSnapshot(`
      "content/pages/field-teams/owner.mdx:1:1 the segment "field-teams" has no persona "owner", so this page does not exist
          hint: Did you mean "ownr"? Known personas of this segment: ops-lead, ownr, dispatcher (the file name is the persona id)
      segments/field-teams.yaml:13:5 personas[1].id: unknown persona "ownr"
          hint: Did you mean "owner"? Known personas: dispatcher, ops-lead, owner (files in content/personas/)"
    `);
  });

  it('names an unknown vertical', () => {
    expect(messages(edit(base, SEGMENT, 'vertical: field-service', 'vertical: field-services'))).toMatchInlineSnapshot(`
      "segments/field-teams.yaml:5:1 vertical: unknown vertical "field-services"
          hint: Did you mean "field-service"? Known verticals: field-service (files in content/verticals/)"
    `);
  });

  it('checks pain ids against the segment’s own vertical', () => {
    expect(messages(edit(base, SEGMENT, 'pains: [missed-visits, paperwork]', 'pains: [missed-visit, paperwork]'))).toMatchInlineSnapshot(`
      "segments/field-teams.yaml:16:9 pains[0]: unknown pain point "missed-visit"
          hint: Did you mean "missed-visits"? Known pain points: paperwork, missed-visits, overtime (pain points of content/verticals/field-service.yaml)"
    `);
  });

  it('reports a persona listed twice', () => {
    expect(messages(edit(base, SEGMENT, '  - id: owner', '  - id: owner\n  - id: owner'))).toMatchInlineSnapshot(`
      "segments/field-teams.yaml:14:5 personas[2]: the persona "owner" is listed twice
          hint: Delete one of the two."
    `);
  });

  it('checks regulation ids named by pain points', () => {
    expect(messages(edit(base, 'content/verticals/field-service.yaml', 'regulations: [working-time]', 'regulations: [working-hours]'))).toMatchInlineSnapshot(`
      "content/verticals/field-service.yaml:16:19 painPoints[2].regulations[0]: unknown regulation "working-hours"
          hint: Known regulations: safety-records, working-time (files in content/regulations/)"
    `);
  });

  it('checks every FAQ scope list', () => {
    expect(messages(edit(base, 'content/faqs/for-owners.md', 'personas: [owner]', 'personas: [owners]'))).toMatchInlineSnapshot(`
      "content/faqs/for-owners.md:4:14 scope.personas[0]: unknown persona "owners"
          hint: Did you mean "owner"? Known personas: dispatcher, ops-lead, owner (files in content/personas/)"
    `);
  });

  it('reports a duplicated pain point id', () => {
    expect(messages(edit(base, 'content/verticals/field-service.yaml', '  - id: overtime', '  - id: paperwork'))).toMatchInlineSnapshot(`
      "content/verticals/field-service.yaml:13:5 painPoints[2].id: the pain point id "paperwork" is used twice
          hint: Give each pain point its own id."
    `);
  });
});

describe('one run, every problem', () => {
  it('reports a broken file and a bad reference in another file together', () => {
    let files = edit(base, 'content/personas/dispatcher.md', 'buyerRole: user', 'buyerRole: users');
    files = edit(files, 'segments/depot-networks.yaml', '  - id: owner', '  - id: ownr');
    expect(messages(files)).toMatchInlineSnapshot(`
      "content/personas/dispatcher.md:4:1 buyerRole: "users" is not one of: economic, technical, user
          hint: Did you mean "user"?
      segments/depot-networks.yaml:10:5 personas[0].id: unknown persona "ownr"
          hint: Did you mean "owner"? Known personas: dispatcher, ops-lead, owner (files in content/personas/)"
    `);
  });

  it('does not blame references to a file that exists but failed to load', () => {
    const files = edit(base, 'content/personas/owner.md', 'buyerRole: economic', 'buyerRole: boss');
    expect(messages(files)).not.toContain('unknown persona');
  });
});
