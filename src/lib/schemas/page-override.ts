import { z } from 'zod';
import { headlineSchema, textSchema } from './common.ts';

/** The sections of a landing page, in page order; an override file may replace any of them. */
export const LANDING_SECTIONS = ['hero', 'why', 'pains', 'regulations', 'objections', 'faq', 'cta'] as const;
export type LandingSection = (typeof LANDING_SECTIONS)[number];

export const pageOverrideSchema = z
  .strictObject({
    title: textSchema.max(70).optional().describe('Page title for browsers and search results (up to 70 characters).'),
    description: textSchema.max(170).optional().describe('Meta description for search results and link previews (up to 170 characters).'),
    headline: headlineSchema.optional().describe('Replaces the headline of this page; [[a phrase]] may be replaced by keyword insertion.'),
    valueProposition: textSchema.optional().describe('Replaces the value proposition under the headline.'),
    ctaLabel: textSchema.max(40).optional().describe('Replaces the text of the call-to-action buttons on this page.'),
    variant: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: 'expected a short variant name of lowercase letters, digits and hyphens' })
      .default('custom')
      .describe('Name of this page variant, sent with every tracking event so variants can be compared.'),
    noindex: z.boolean().optional().describe('Keep this page out of search engines (for paid-only variants).'),
  })
  .describe(
    `Overrides for one landing page: frontmatter of content/pages/<segment>/<persona>.mdx. ` +
      `In the body, wrap MDX in <Section name="…"> to replace a section (${LANDING_SECTIONS.join(', ')}).`,
  );

export type PageOverride = z.output<typeof pageOverrideSchema>;
