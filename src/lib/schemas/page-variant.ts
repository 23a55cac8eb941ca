import { z } from 'zod';
import { textSchema } from './common.ts';
import { LANDING_SECTIONS, pageOverrideSchema } from './page-override.ts';

/** A variant id is its file name: it becomes the last part of its URL and the `page_variant` of its events. */
export const VARIANT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const VARIANT_ID_MAX_LENGTH = 32;
/** The name every control page reports when it has no override naming another: a variant cannot take it. */
export const CONTROL_VARIANT = 'default';

export const VARIANT_STATUSES = ['draft', 'live', 'ended'] as const;

/**
 * The front matter of an A/B variant: the copy fields of a page override (the variant id is the file
 * name, and a variant is always kept out of search engines, so `variant` and `noindex` are not
 * written here), and what the test is about.
 */
export const pageVariantSchema = pageOverrideSchema
  .omit({ variant: true, noindex: true })
  .extend({
    hypothesis: textSchema.describe(
      'What this variant tests against the control page, in one or two sentences: what changes and what you expect it to do to the lead rate.',
    ),
    plannedVisitorsPerArm: z
      .number({ error: 'expected a whole number of visitors, like 1200' })
      .int({ error: 'expected a whole number of visitors, like 1200' })
      .positive({ error: 'must be more than 0' })
      .optional()
      .describe('Visitors each arm (this variant and the control) needs before the result is read: the sample size from npm run plan-test. The report calls no winner before both arms reach it.'),
    status: z
      .enum(VARIANT_STATUSES)
      .default('live')
      .describe('live: built and tested; draft: written but not built yet; ended: the test is over and the page is no longer built.'),
  })
  .describe(
    `An A/B variant of one landing page: frontmatter of content/variants/<segment>/<persona>/<variant-id>.mdx, built at the page's URL + <variant-id>/. ` +
      `In the body, wrap MDX in <Section name="…"> to replace a section (${LANDING_SECTIONS.join(', ')}).`,
  );

export type PageVariant = z.output<typeof pageVariantSchema>;
