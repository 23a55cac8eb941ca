import type {
  BUYER_ROLES,
  CHANGE_STATUSES,
  DEADLINE_UNITS,
  NEEDS_FOCUS,
  OWNERSHIP_TYPES,
  PENALTY_COMBINATIONS,
  REGULATION_STATUSES,
  SEGMENT_STATUSES,
  SOPHISTICATION_LEVELS,
  THRESHOLD_COMPARISONS,
} from '../schemas/index.ts';

/**
 * The words readers see for each enum value of the content schemas. Enum values are ids for files
 * and markup; copy always goes through one of these maps, so a new value fails the typecheck until
 * it has a label (tests/unit/compose/labels.test.ts checks every enum of the schemas against them).
 */
type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

/** Completes "Written for the Chief Procurement Officer, who …". */
export const BUYER_ROLE_LABELS: Labels<typeof BUYER_ROLES> = {
  economic: 'signs off the purchase',
  technical: 'judges whether it fits your systems',
  user: 'works with it every day',
};

export const REGULATION_STATUS_LABELS: Labels<typeof REGULATION_STATUSES> = {
  proposed: 'Proposed, not yet law',
  adopted: 'Adopted, not yet applicable',
  'awaiting-rules': 'Enacted, awaiting implementing rules',
  'in-force': 'In force',
  amended: 'Amended',
  // The rule applies as it stands while a change is on the table.
  'pending-amendment': 'In force, amendment pending',
  repealed: 'Repealed',
};

/**
 * A deadline's unit after its amount: "72 hours", "4 business days" (each drops its final s after "one").
 * Plain days are calendar days, said so because pages show them beside business days.
 */
export const DEADLINE_UNIT_LABELS: Labels<typeof DEADLINE_UNITS> = {
  hours: 'hours',
  days: 'calendar days',
  'business-days': 'business days',
  weeks: 'weeks',
  months: 'months',
  years: 'years',
};

/**
 * Ends a deadline or a maximum penalty of a rule that does not apply yet (or no longer does), so that
 * "within 72 hours of …" never reads as a duty today: "…, once the implementing rules take effect".
 * Empty where the rule applies as written.
 */
export const NOT_YET_APPLICABLE_LABELS: Labels<typeof REGULATION_STATUSES> = {
  proposed: 'as proposed',
  adopted: 'once the rule applies',
  'awaiting-rules': 'once the implementing rules take effect',
  'in-force': '',
  amended: '',
  'pending-amendment': '',
  repealed: 'until the rule was repealed',
};

/** Completes "…, whichever is higher". */
export const PENALTY_COMBINATION_LABELS: Labels<typeof PENALTY_COMBINATIONS> = {
  higher: 'whichever is higher',
  lower: 'whichever is lower',
};

export const CHANGE_STATUS_LABELS: Labels<typeof CHANGE_STATUSES> = {
  adopted: 'adopted',
  agreed: 'agreed, formal adoption pending',
  proposed: 'proposed, not yet law',
};

/** Opens a threshold value: `more than 5,000 employees`, `from USD 75 million to less than …`. */
export const THRESHOLD_COMPARISON_LABELS: Labels<typeof THRESHOLD_COMPARISONS> = {
  'more-than': 'more than',
  'at-least': 'at least',
  'less-than': 'less than',
  between: 'from',
};

export const SEGMENT_STATUS_LABELS: Labels<typeof SEGMENT_STATUSES> = {
  draft: 'Draft, not published',
  active: 'Published',
  retired: 'Retired, no longer published',
};

/** Completes "Values most: …" in the internal playbook. */
export const NEEDS_LABELS: Labels<typeof NEEDS_FOCUS> = {
  price: 'the core product at a fair cost',
  quality: 'the best option, even at a premium',
  service: 'support long after the sale',
  partnership: 'a vendor that helps them grow',
};

/** Completes "Works with: …" in the internal playbook. */
export const SOPHISTICATION_LABELS: Labels<typeof SOPHISTICATION_LEVELS> = {
  manual: 'manual work: spreadsheets and email',
  'core-system': 'the modules of their core system (such as an ERP or CRM)',
  'point-solutions': 'separate point solutions',
  'competitor-suite': 'a competitor’s suite',
  'modern-suite': 'a modern suite already',
};

export const OWNERSHIP_LABELS: Labels<typeof OWNERSHIP_TYPES> = {
  public: 'publicly listed',
  private: 'privately held',
  'private-equity': 'private-equity owned',
  'family-owned': 'owned by a family',
  subsidiary: 'a subsidiary',
  nonprofit: 'a non-profit organisation',
  government: 'government owned',
};
