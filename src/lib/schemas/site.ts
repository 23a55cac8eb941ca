import { z } from 'zod';
import { idSchema, textSchema, webUrlSchema } from './common.ts';
import type { PrioritisationCriterion } from './segment.ts';

export const CONSENT_TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const;
const consentValue = z.enum(['granted', 'denied']);

const regionConsentSchema = z
  .strictObject({
    ad_storage: consentValue.optional().describe('Cookies for advertising.'),
    analytics_storage: consentValue.optional().describe('Cookies for analytics.'),
    ad_user_data: consentValue.optional().describe('Sending user data to advertising platforms.'),
    ad_personalization: consentValue.optional().describe('Personalised advertising.'),
  })
  .describe('Consent for visitors from these regions; types left out keep the global default.');

const consentStateSchema = z
  .strictObject({
    ad_storage: consentValue.default('denied').describe('Cookies for advertising.'),
    analytics_storage: consentValue.default('denied').describe('Cookies for analytics.'),
    ad_user_data: consentValue.default('denied').describe('Sending user data to advertising platforms.'),
    ad_personalization: consentValue.default('denied').describe('Personalised advertising.'),
  })
  .describe('Consent Mode v2 state: each type granted or denied.');

const channelSchema = z
  .strictObject({
    id: idSchema.describe('Id of the channel, used in campaign names.'),
    label: textSchema.describe('Name shown in exports, like "LinkedIn Sponsored Content".'),
    source: textSchema.describe('utm_source for this channel, like "linkedin".'),
    medium: textSchema.describe('utm_medium for this channel, like "paid-social" or "cpc".'),
  })
  .describe('A campaign channel: one row per segment × persona in the campaign URL export.');

/** Pressure wording that has no place in B2B copy; a real deadline belongs to a dated regulation entry. */
export const DEFAULT_URGENCY_PHRASES = [
  'act now',
  'act fast',
  'hurry',
  'last chance',
  'limited time',
  'limited-time offer',
  'only # left',
  'only # spots',
  'only # places',
  'only # seats',
  'while supplies last',
  'offer ends',
  'expires today',
  'expires tonight',
  'ends tonight',
  "don't miss out",
  'do not miss out',
  'before it is too late',
  "before it's too late",
  'time is running out',
  'now or never',
  'once in a lifetime',
];

/** A link on the thank-you page: a path on this site (the base path is added) or a web address. */
const nextStepSchema = z
  .strictObject({
    label: textSchema.max(80).describe('Link text, like "Questions buyers ask about supplier onboarding".'),
    href: z
      .string()
      .refine((href) => /^\/(?!\/)\S*$/.test(href) || webUrlSchema.safeParse(href).success, { error: 'expected a path on this site starting with "/", like "/segments/", or a web address starting with https://' })
      .describe('A path on this site, like "/segments/" (the base path is added), or a web address starting with https://.'),
    text: textSchema.max(200).optional().describe('One sentence under the link saying what the reader finds there.'),
  })
  .describe('A next step offered on the thank-you page.');

export const thankYouPageSchema = z
  .strictObject({
    heading: textSchema.max(80).default('Thank you: we have your request').describe('Heading of the thank-you page.'),
    body: textSchema
      .default('We will be in touch within one working day.')
      .describe('What happens next, in Markdown: who answers, when, and what they will prepare.'),
    nextSteps: z
      .array(nextStepSchema)
      .max(6)
      .default([])
      .describe('Links to useful next content. Left out, the page links to the questions-and-answers page of each published segment.'),
  })
  .describe('A generated thank-you page at /thank-you/ (not indexed, not in the sitemap). Set it, even as {}, to build it; without leadForm.thankYouUrl the form then sends visitors there after a successful submission, with or without JavaScript.');

/** The directives `security.csp` may extend: where a Custom HTML tag in Tag Manager loads from and talks to. */
export const CSP_EXTENSION_DIRECTIVES = ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'frame-src'] as const;
export type CspExtensionDirective = (typeof CSP_EXTENSION_DIRECTIVES)[number];

const ORIGIN_EXAMPLE = 'https://cdn.example.com, or a host wildcard like https://*.example.com';

/**
 * Why a source expression may not extend the policy, with a hint, or undefined when it is an https
 * origin (`https://host[:port]`) or a host wildcard (`https://*.example.com`, two labels at least).
 */
export function cspSourceProblem(value: string): { message: string; hint: string } | undefined {
  const v = value.trim();
  if (/^'unsafe-(inline|eval|hashes)'$/i.test(v) || /^'?(unsafe-inline|unsafe-eval)'?$/i.test(v)) {
    return {
      message: `${v} is not allowed: it would let any script injected into a page run, which is what the policy is there to stop`,
      hint: `List only the origins the tag loads files from, like ${ORIGIN_EXAMPLE}. Code written inline in a Custom HTML tag cannot run under this policy: serve it as a file from one of those origins instead.`,
    };
  }
  if (/^'.*'$/.test(v)) return { message: `${v} is not allowed here: only origins can be added`, hint: `Write an https origin like ${ORIGIN_EXAMPLE}.` };
  if (v === '*' || /^https?:\/\/\*\/?$/i.test(v) || v === 'https:' || v === 'https://') {
    return { message: `${JSON.stringify(v)} would allow every address on the web`, hint: `Name the origin the tag needs, like ${ORIGIN_EXAMPLE}.` };
  }
  if (/^(data|blob|filesystem|javascript):?$/i.test(v) || /^(data|blob|filesystem|javascript):/i.test(v)) {
    return { message: `${JSON.stringify(v)} is not allowed: a ${v.split(':')[0]!.toLowerCase()}: address carries its own content, so it could hold any script or image`, hint: `Write an https origin like ${ORIGIN_EXAMPLE}.` };
  }
  if (/^http:/i.test(v) || /^ws:/i.test(v)) {
    return { message: `${JSON.stringify(v)} is not https: the site only loads over https`, hint: `Write it with https://, like ${ORIGIN_EXAMPLE}.` };
  }
  if (/^https:\/\/\*\.[a-z0-9-]+(:\d{1,5})?$/.test(v)) return { message: `${JSON.stringify(v)} would allow every site under a top-level domain`, hint: `Name the site, like ${ORIGIN_EXAMPLE}.` };
  if (/^https:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/.test(v)) return undefined;
  return {
    message: `expected an https origin like ${ORIGIN_EXAMPLE}, received ${JSON.stringify(v)}`,
    hint: 'An origin is https:// and a lowercase host name (and a port if it is not 443): no path, query or trailing slash.',
  };
}

const cspSourceSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = cspSourceProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint } });
  })
  .describe('An https origin such as https://cdn.example.com, or a host wildcard such as https://*.example.com.');

const cspExtensionSchema = z
  .strictObject(
    Object.fromEntries(
      CSP_EXTENSION_DIRECTIVES.map((name) => [name, z.array(cspSourceSchema).default([]).describe(`Extra origins for ${name}.`)]),
    ) as Record<CspExtensionDirective, z.ZodDefault<z.ZodArray<typeof cspSourceSchema>>>,
  )
  .prefault({})
  .describe(`Extra origins per Content-Security-Policy directive, for Custom HTML tags in Tag Manager that load files from elsewhere. Directives: ${CSP_EXTENSION_DIRECTIVES.join(', ')}. Each value an https origin or a host wildcard; 'unsafe-inline', 'unsafe-eval', *, data: and http: are refused.`);

const digits = (min: number, max: number, what: string, example: string) =>
  z.string().regex(new RegExp(`^[0-9]{${min},${max}}$`), { error: `expected ${what}: ${min === max ? min : `${min} to ${max}`} digits, like "${example}" (in quotes, so YAML keeps it as text)` });

const adPlatformsSchema = z
  .strictObject({
    linkedin: z
      .strictObject({
        partnerId: digits(4, 12, 'the LinkedIn Insight Tag partner id', '1234567').describe('Insight Tag partner id, from Campaign Manager > Analyze > Insight Tag (digits, in quotes).'),
        conversionId: digits(5, 12, 'the id of a LinkedIn conversion', '12345678').describe('Id of the conversion that counts a lead, from Campaign Manager > Analyze > Conversion tracking (digits, in quotes).'),
      })
      .optional()
      .describe('LinkedIn Insight Tag: loads after advertising consent and counts each lead once.'),
    googleAds: z
      .strictObject({
        conversionId: z
          .string()
          .regex(/^AW-[0-9]{6,12}$/, { error: 'expected a Google Ads conversion id like AW-123456789' })
          .describe('Google Ads tag id, like AW-123456789 (Goals > Conversions > the action > Tag setup).'),
        conversionLabel: z
          .string()
          .regex(/^[A-Za-z0-9_-]{6,40}$/, { error: 'expected a Google Ads conversion label like AbC-D_efG-h12_34-567 (letters, digits, - and _)' })
          .describe('Conversion label of the lead action: the part after the slash in send_to "AW-123456789/label".'),
      })
      .optional()
      .describe('Google Ads conversion tracking (gtag.js): loads after advertising consent and counts each lead once.'),
    microsoftAds: z
      .strictObject({
        tagId: digits(5, 12, 'a Microsoft Advertising UET tag id', '12345678').describe('UET tag id, from Tools > UET tag (digits, in quotes).'),
        leadAction: z
          .string()
          .regex(/^[A-Za-z0-9_]{1,100}$/, { error: 'expected an event action like submit_lead_form (letters, digits and _)' })
          .default('submit_lead_form')
          .describe('Event action of the lead, as your conversion goal expects it (default submit_lead_form, Microsoft’s recommended action).'),
      })
      .optional()
      .describe('Microsoft Advertising Universal Event Tracking (UET): loads after advertising consent and sends the lead event once.'),
    metaPixel: z
      .strictObject({
        pixelId: digits(10, 20, 'a Meta Pixel id', '123456789012345').describe('Pixel id, from Events Manager > Data sources (digits, in quotes). The lead is the standard Lead event.'),
      })
      .optional()
      .describe('Meta Pixel: loads after advertising consent and tracks the standard Lead event once per lead.'),
  })
  .prefault({})
  .describe('Ad platform conversion tags. Each loads only on sites that configure it, only after the visitor grants advertising storage (ad_storage), and counts each lead once with its lead id for de-duplication.');

/** A BCP 47 language tag as sites use them: a language, optionally with a region. */
export const LOCALE_PATTERN = /^[a-z]{2}(?:-[A-Z]{2})?$/;
const localeSchema = z.string().regex(LOCALE_PATTERN, { error: 'expected a language tag like "en", "de" or "en-GB"' });

const weightSchema = z.number().min(0).max(10).default(1);
export const siteSchema = z
  .strictObject({
    name: textSchema.max(60).describe('Company or product name, shown in the header and page titles.'),
    url: webUrlSchema.describe('Public base URL of the site, like https://www.example.com. Canonical links and the sitemap use it.'),
    basePath: z
      .string()
      .regex(/^\/(?:[a-z0-9-]+\/)*$/, { error: 'expected a path that starts and ends with "/", like "/" or "/solutions/"' })
      .default('/')
      .describe('Sub-path the site is served under, starting and ending with "/".'),
    language: localeSchema.default('en').describe('Language of the content, like "en" or "en-GB": the default locale, whose pages keep their URLs.'),
    locales: z
      .array(localeSchema)
      .default([])
      .describe('Further locales the site publishes in, in this order, like [de]. A page exists in a locale when its translation files do (segments/<id>.de.yaml beside segments/<id>.yaml); its URL starts with /de/.'),
    prefixDefaultLocale: z
      .boolean()
      .default(false)
      .describe('Put the default locale under /<language>/ too (like /en/), with / a page that links each locale. Off by default: the default locale keeps today’s URLs.'),
    description: textSchema.max(170).describe('Meta description of the home page.'),
    offer: z
      .strictObject({
        headline: textSchema.describe('Home page headline: what the company offers.'),
        summary: textSchema.describe('One paragraph under the headline.'),
        points: z.array(textSchema).default([]).describe('A few short capability statements.'),
      })
      .describe('What the company offers, shown on the home page.'),
    cta: z
      .strictObject({
        label: textSchema.max(40).describe('Default button text when a persona names none.'),
      })
      .describe('Default call to action.'),
    leadForm: z
      .strictObject({
        endpoint: webUrlSchema.describe('Where the lead form posts (your CRM or form handler).'),
        heading: textSchema.default('Talk to us').describe('Heading above the form.'),
        success: textSchema.default('Thank you. We will be in touch within one working day.').describe('Message shown after a successful submission.'),
        failure: textSchema.default('Sorry, that did not go through. Your answers are still here: please try again.').describe('Message shown when the submission fails.'),
        privacyUrl: webUrlSchema.optional().describe('Link to the privacy notice shown under the form and in every page footer.'),
        thankYouUrl: webUrlSchema
          .optional()
          .describe('Page the visitor is sent to after a successful submission. Without it the form shows the success message in place (or, with thankYouPage, sends them to the generated /thank-you/ page). The form also posts it as the hidden field "redirect", so an endpoint can answer a post made without JavaScript with a 303 redirect to it.'),
        thankYouPage: thankYouPageSchema.optional(),
      })
      .describe('The lead form on every landing page.'),
    landingPage: z
      .strictObject({
        pains: z.int().min(1).max(20).default(4).describe('How many pain points a landing page shows, the persona’s most pressing first.'),
        regulations: z.int().min(0).max(20).default(3).describe('How many regulations a landing page describes in full; the rest are named below them.'),
        faqs: z.int().min(0).max(50).default(4).describe('How many questions a landing page shows, those written for the persona or segment first; the segment’s FAQ page shows all.'),
        hideNavigation: z.boolean().default(false).describe('Hide the site navigation and breadcrumbs on landing pages, so paid visitors see one way forward: the lead form.'),
        proof: z
          .strictObject({
            logos: z.int().min(0).max(12).default(4).describe('How many customer logos the proof strip under the headline shows.'),
            figures: z.int().min(0).max(3).default(1).describe('How many case-study figures the proof strip shows.'),
            quotes: z.int().min(0).max(4).default(2).describe('How many customer quotes a landing page shows.'),
            certifications: z.int().min(0).max(6).default(2).describe('How many certifications the proof strip shows.'),
          })
          .prefault({})
          .describe('How much proof a landing page shows, the proof written for its persona first, then its segment, its vertical, then proof for everywhere.'),
      })
      .prefault({})
      .describe('How much a landing page shows, to keep it short enough to read on a phone.'),
    check: z
      .strictObject({
        maxActiveSegments: z.int().min(1).max(50).default(5).describe('More active segments than this gets a warning: three to five well-run segments usually beat many thin ones.'),
        urgencyPhrases: z
          .array(textSchema)
          .default(DEFAULT_URGENCY_PHRASES)
          .describe('Phrases that create false urgency or scarcity, refused in copy. "#" stands for any number. Replaces the built-in list.'),
      })
      .prefault({})
      .describe('Settings of the content check.'),
    openGraphImages: z
      .boolean()
      .default(false)
      .describe('Give every public page a 1200×630 preview image (og:image) showing its headline, segment and persona, for LinkedIn, Slack and ad platforms. Rendered at build time (about 17 ms of CPU an image, cached in .build/og-cache/); off unless set to true.'),
    channels: z.array(channelSchema).default([]).describe('Campaign channels for the campaign URL export.'),
    tracking: z
      .strictObject({
        gtmContainerId: z
          .string()
          .regex(/^GTM-[A-Z0-9]{4,10}$/, { error: 'expected a Google Tag Manager container id like GTM-ABC1234' })
          .optional()
          .describe('Google Tag Manager container id. Leave out to load no tag manager.'),
        collectUrl: webUrlSchema.optional().describe('First-party URL that also receives every event by navigator.sendBeacon.'),
        keywordParam: z
          .string()
          .regex(/^[a-z][a-z0-9_]{0,30}$/, { error: 'expected a URL parameter name like "kw"' })
          .optional()
          .describe('URL parameter whose value may replace the marked phrase in a headline (keyword insertion). Leave out to switch it off.'),
        keywordMaxLength: z.int().min(3).max(60).default(40).describe('Longest keyword that may be inserted; longer values keep the authored phrase.'),
        tagManagerLoading: z
          .enum(['after-consent', 'immediately'])
          .default('after-consent')
          .describe('When the Tag Manager container loads: after the visitor grants any consent (default), or immediately with consent denied by default (when your consent platform runs inside Tag Manager).'),
      })
      .prefault({})
      .describe('Measurement settings.'),
    adPlatforms: adPlatformsSchema,
    security: z
      .strictObject({
        csp: cspExtensionSchema,
      })
      .prefault({})
      .describe('Security settings of the published pages.'),
    consent: z
      .strictObject({
        banner: z.boolean().default(true).describe('Show the built-in consent banner. Switch off when a consent platform of your own updates consent.'),
        defaults: consentStateSchema.prefault({}).describe('Consent before the visitor chooses.'),
        regions: z
          .array(
            z.strictObject({
              region: z.array(z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, { error: 'expected ISO 3166 codes like "DE" or "US-CA"' })).min(1).describe('ISO 3166 country or subdivision codes.'),
              state: regionConsentSchema,
            })
            .describe('Consent defaults for visitors from some regions.'),
          )
          .default([])
          .describe('Region-specific defaults, applied by the tag manager from the visitor’s location.'),
        waitForUpdate: z.int().min(0).max(10000).default(500).describe('Milliseconds tags wait for a consent update before firing.'),
      })
      .prefault({})
      .describe('Consent Mode v2 settings.'),
    prioritisation: z
      .strictObject({
        weights: z
          .strictObject({
            sizeAndGrowth: weightSchema.describe('Weight of segment size and growth.'),
            competitiveIntensity: weightSchema.describe('Weight of competitive intensity.'),
            companyFit: weightSchema.describe('Weight of fit with the company’s objectives and resources.'),
            structuralAttractiveness: weightSchema.describe('Weight of structural attractiveness.'),
            accessibility: weightSchema.describe('Weight of accessibility.'),
            expectedResponse: weightSchema.describe('Weight of expected response and profitability.'),
          } satisfies Record<PrioritisationCriterion, z.ZodType>)
          .prefault({})
          .describe('Weight of each prioritisation criterion in the segment scorecard, 0 to 10.'),
      })
      .prefault({})
      .describe('How segments are ranked.'),
  })
  .superRefine((site, ctx) => {
    site.locales.forEach((locale, i) => {
      if (locale === site.language) {
        ctx.addIssue({ code: 'custom', path: ['locales', i], input: locale, message: `"${locale}" is the default locale (language) already`, params: { hint: 'List only the further locales here: the default one is language.' } });
      } else if (site.locales.indexOf(locale) !== i) {
        ctx.addIssue({ code: 'custom', path: ['locales', i], input: locale, message: `"${locale}" is listed twice`, params: { hint: 'Delete the second one.' } });
      }
    });
  })
  .describe('Site settings: content/site.yaml.');

export type Site = z.output<typeof siteSchema>;
export type ConsentState = z.output<typeof consentStateSchema>;
export type AdPlatforms = z.output<typeof adPlatformsSchema>;

/** The site settings as a build uses them: site.yaml with the URL and base path from the environment (SITE_URL, BASE_PATH) applied. */
export function siteAsBuilt(site: Site, location: { siteUrl?: string; basePath?: string }): Site {
  return { ...site, url: location.siteUrl || site.url, basePath: location.basePath || site.basePath };
}
