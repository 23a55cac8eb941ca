/** Variant files on top of the composition fixture, shared by the route, composition, check and campaign URL tests. */
import { fixture, withFiles } from './helpers.ts';

export const composition = fixture('composition');

/** The ops lead's page has no override; the owner's page has one (variant: owner-calm, objections and cta replaced). */
export const SHORT_FORM = `---
hypothesis: A shorter page gets more ops leads to send the form.
plannedVisitorsPerArm: 3780
headline: Plan tomorrow's crews in one screen
title: Crews in one screen | Fieldwork
---

<Section name="pains">
## Three problems, one line each
</Section>
`;

export const OWNER_HERO = `---
hypothesis: An owner's own words in the hero beat the composed copy.
---

<Section name="hero">
# Ten years of field work, in one plan
</Section>

<Section name="objections">
## One question owners ask
</Section>
`;

export function variantFile(segment: string, persona: string, id: string): string {
  return `content/variants/${segment}/${persona}/${id}.mdx`;
}

/** The composition fixture with these variant files added. */
export function withVariants(variants: Record<string, string>) {
  return withFiles(composition, variants);
}

export const withSampleVariants = withVariants({
  [variantFile('field-teams', 'ops-lead', 'short-form')]: SHORT_FORM,
  [variantFile('field-teams', 'owner', 'owner-hero')]: OWNER_HERO,
  [variantFile('field-teams', 'ops-lead', 'later')]: SHORT_FORM.replace('plannedVisitorsPerArm: 3780', 'status: draft'),
  [variantFile('field-teams', 'ops-lead', 'over')]: SHORT_FORM.replace('plannedVisitorsPerArm: 3780', 'status: ended'),
});
