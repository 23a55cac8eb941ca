import type { BUYER_ROLES, CHANGE_STATUSES, DEADLINE_UNITS, PENALTY_COMBINATIONS, REGULATION_STATUSES, SEGMENT_STATUSES, THRESHOLD_COMPARISONS } from '../schemas/index.ts';

/** One word per value of a content enum: a new value fails the typecheck until every dictionary words it. */
export type EnumWords<T extends readonly string[]> = Record<T[number], string>;

/**
 * The English interface text: every word a visitor reads that is not content. `{name}` marks where a
 * value goes in; a translation keeps the same names (the check says which ones a key takes).
 * Each group is one part of the page; `UiStrings` (src/lib/i18n/ui.ts) is this object's shape.
 */
export const en = {
  /** The header, footer and skip link around every page. */
  chrome: {
    home: 'Home',
    segments: 'Segments',
    mainNavigation: 'Main',
    breadcrumb: 'Breadcrumb',
    skipToContent: 'Skip to content',
    privacyNotice: 'Privacy notice',
    cookieSettings: 'Cookie settings',
    draftBanner: 'Draft: this segment is not published. Production builds leave this page out.',
    /** Quotation marks around an objection, a quote or a heading named in a sentence. */
    openQuote: '“',
    closeQuote: '”',
  },
  /** The built-in consent banner. */
  consent: {
    title: 'Your privacy choice:',
    question: 'may we measure which pages lead to enquiries, and let ad platforms learn which ads did?',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    choose: 'Choose…',
    purposes: 'What we may do',
    save: 'Save choices',
    analytics: 'Analytics',
    analyticsText: 'measure which pages and campaigns lead to enquiries',
    advertising: 'Advertising',
    advertisingText: 'let ad platforms such as LinkedIn and Google Ads learn which ads led to an enquiry',
  },
  /** Titles and descriptions of the built-in pages (each title is followed by " | " and the site's name). */
  meta: {
    faqTitle: 'Questions and answers: {segment}',
    faqDescription: 'Answers for {segment}: {questions}',
    overviewTitle: 'Segments',
    overviewDescription: 'Pages for {segments}.',
    notFoundTitle: 'Page not found',
    questionsCrumb: 'Questions',
  },
  home: {
    segmentsHeading: 'Find the page written for your team',
    segmentsIntro: 'Pick your team and role: each page has a short form to tell us what to prepare.',
    overviewLink: 'Every segment on one page',
    /** Before the personas' links on a segment card. */
    cardFor: 'For:',
  },
  overview: {
    heading: 'Find the page for your team',
    lede: 'Each page speaks to one kind of organisation and the people in it who buy.',
    segmentsHeading: 'Segments',
  },
  hub: {
    pickRole: 'Pick your role',
    faqLink: 'Questions and answers for {segment}',
    challengesHeading: 'What companies like yours tell us',
    rulesBehind: 'Rules behind it:',
    rulesHeading: 'Rules that apply',
  },
  landing: {
    customers: 'Customers',
    customersIllustrative: 'Customers (illustrative)',
    painsHeading: 'The problems we hear most',
    topConcern: 'Top concern for the {persona}',
    behindIt: 'Behind it:',
    afterPains: 'Recognise these problems? See how we would solve them for your team.',
    quotesHeading: 'In our customers’ words',
    whyHeading: 'What you are measured on',
    whyChooseUs: 'Why companies like yours choose us',
    /** `{role}` is one of `buyerRole`. */
    audience: 'Written for the {persona}, who {role}.',
    objectionsHeading: 'Fair questions, straight answers',
    afterObjections: 'Still weighing it up? Put your question in the form and we will answer it.',
    faqHeading: 'Questions buyers ask',
    faqMore: 'All questions for this segment',
  },
  proof: {
    strip: 'Customers and certifications',
    certifications: 'Certifications',
    validUntil: 'valid until {date}',
    customerReported: 'customer-reported',
    stripFictional: 'Illustrative example: these customers, figures and certificates are fictional.',
    quotesFictional: 'Illustrative example: these people and companies are fictional.',
  },
  form: {
    allRequired: 'All fields are required unless marked optional.',
    name: 'Full name',
    nameError: 'Enter your full name.',
    email: 'Work email',
    emailError: 'Enter an email address like name@company.com.',
    company: 'Company',
    companyError: 'Enter the name of your company.',
    message: 'What should we prepare?',
    optional: '(optional)',
    sending: 'Sending…',
    privacy: 'We use your details only to answer you.',
  },
  regulations: {
    heading: 'Rules that apply',
    intro: 'Each rule in brief, with its scope, thresholds, dates and sources one click away. They describe the rules; they are not legal advice.',
    factsAndSources: 'Facts and sources',
    /** Read by screen readers after "Facts and sources". */
    factsFor: 'for {name}',
    inScope: 'In scope:',
    thresholdsFor: 'Thresholds for {name}',
    deadlines: 'Deadlines:',
    maximumPenalties: 'Maximum penalties:',
    facts: '{officialName}. Status: {status}. Jurisdiction: {jurisdiction}. Authority: {authority}.',
    toDocument: 'To document:',
    changes: 'Changes:',
    sources: 'Sources:',
    retrieved: 'retrieved {date}',
    /** Followed by the date and a full stop. */
    lastVerified: 'Facts last verified',
    alsoRelevant: 'Also relevant here: {names}.',
    /** A regulation's facts inside a FAQ answer. */
    atAGlance: '{name} at a glance (facts last verified {date})',
    status: 'Status: {status}',
    maximumPenalty: 'Maximum penalty',
    maximumPenaltyFor: 'Maximum penalty for {who}',
    obligationBy: '{what}, by {who}',
    /** In an answer about a regulation that has its own block on the page. */
    blockReference: 'Thresholds, dates and sources for {name}:',
    blockLink: '{name} in “Rules that apply”',
    /** In a later answer about a regulation an earlier answer gave the facts of. */
    answerReference: 'Thresholds and dates for {name}:',
    answerLink: 'the answer to “{question}”',
    seeOnThisPage: 'see {link} on this page.',
    deadline: 'within {amount} of {from}',
    penalty: 'up to {amounts}',
    turnoverShare: '{percent} of worldwide annual turnover',
    /** A threshold between two values: `{lower}` is "from" (`thresholdComparison.between`) and the lower value. */
    thresholdRange: '{lower} to less than {upper}',
  },
  faqPage: {
    heading: 'Questions and answers',
    none: 'No questions have been answered for this segment yet.',
    yourRole: 'Read the page for your role, and ask us there',
  },
  thankYou: {
    whileYouWait: 'While you wait',
    faqLink: 'Questions and answers: {segment}',
  },
  notFound: {
    heading: 'This page does not exist',
    lede: 'The link may be old, or the page may have moved.',
    home: 'Go to the home page',
  },
  /** Completes "Written for the Chief Procurement Officer, who …". */
  buyerRole: {
    economic: 'signs off the purchase',
    technical: 'judges whether it fits your systems',
    user: 'works with it every day',
  } satisfies EnumWords<typeof BUYER_ROLES>,
  regulationStatus: {
    proposed: 'Proposed, not yet law',
    adopted: 'Adopted, not yet applicable',
    'awaiting-rules': 'Enacted, awaiting implementing rules',
    'in-force': 'In force',
    amended: 'Amended',
    // The rule applies as it stands while a change is on the table.
    'pending-amendment': 'In force, amendment pending',
    repealed: 'Repealed',
  } satisfies EnumWords<typeof REGULATION_STATUSES>,
  /**
   * Ends a deadline or a maximum penalty of a rule that does not apply yet (or no longer does), so that
   * "within 72 hours of …" never reads as a duty today. Empty where the rule applies as written.
   */
  notYetApplicable: {
    proposed: 'as proposed',
    adopted: 'once the rule applies',
    'awaiting-rules': 'once the implementing rules take effect',
    'in-force': '',
    amended: '',
    'pending-amendment': '',
    repealed: 'until the rule was repealed',
  } satisfies EnumWords<typeof REGULATION_STATUSES>,
  /** A deadline of one unit, as it follows "within". */
  deadlineOne: {
    hours: 'one hour',
    days: 'one calendar day',
    'business-days': 'one business day',
    weeks: 'one week',
    months: 'one month',
    years: 'one year',
  } satisfies EnumWords<typeof DEADLINE_UNITS>,
  /** A deadline of `{n}` units, as it follows "within". Plain days are calendar days, said so because pages show them beside business days. */
  deadlineOther: {
    hours: '{n} hours',
    days: '{n} calendar days',
    'business-days': '{n} business days',
    weeks: '{n} weeks',
    months: '{n} months',
    years: '{n} years',
  } satisfies EnumWords<typeof DEADLINE_UNITS>,
  /** Completes "…, whichever is higher". */
  penaltyCombination: {
    higher: 'whichever is higher',
    lower: 'whichever is lower',
  } satisfies EnumWords<typeof PENALTY_COMBINATIONS>,
  changeStatus: {
    adopted: 'adopted',
    agreed: 'agreed, formal adoption pending',
    proposed: 'proposed, not yet law',
  } satisfies EnumWords<typeof CHANGE_STATUSES>,
  /** Opens a threshold value: `more than 5,000 employees`, `from USD 75 million to less than …`. */
  thresholdComparison: {
    'more-than': 'more than',
    'at-least': 'at least',
    'less-than': 'less than',
    between: 'from',
  } satisfies EnumWords<typeof THRESHOLD_COMPARISONS>,
  segmentStatus: {
    draft: 'Draft, not published',
    active: 'Published',
    retired: 'Retired, no longer published',
  } satisfies EnumWords<typeof SEGMENT_STATUSES>,
  /** Where a currency code goes beside an amount. */
  number: {
    currency: '{currency} {amount}',
    unit: '{amount} {unit}',
  },
};
