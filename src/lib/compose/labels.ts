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
import { en } from '../i18n/ui-en.ts';

/**
 * The words readers see for each enum value of the content schemas. Enum values are ids for files
 * and markup; copy always goes through one of these maps, so a new value fails the typecheck until
 * it has a label (tests/unit/compose/labels.test.ts checks every enum of the schemas against them).
 * Public pages take the words of their locale from `ctx.ui` (src/lib/i18n/ui.ts); the English ones
 * below serve the internal playbook and the workbench, which speak English only.
 */
type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

/** Completes "Written for the Chief Procurement Officer, who …". */
export const BUYER_ROLE_LABELS: Labels<typeof BUYER_ROLES> = en.buyerRole;
export const REGULATION_STATUS_LABELS: Labels<typeof REGULATION_STATUSES> = en.regulationStatus;

/** A deadline's unit after its amount: "72 hours", "4 business days". */
export const DEADLINE_UNIT_LABELS: Labels<typeof DEADLINE_UNITS> = {
  hours: 'hours',
  days: 'calendar days',
  'business-days': 'business days',
  weeks: 'weeks',
  months: 'months',
  years: 'years',
};

/** Ends a deadline or a maximum penalty of a rule that does not apply yet (or no longer does); see `en.notYetApplicable`. */
export const NOT_YET_APPLICABLE_LABELS: Labels<typeof REGULATION_STATUSES> = en.notYetApplicable;
/** Completes "…, whichever is higher". */
export const PENALTY_COMBINATION_LABELS: Labels<typeof PENALTY_COMBINATIONS> = en.penaltyCombination;
export const CHANGE_STATUS_LABELS: Labels<typeof CHANGE_STATUSES> = en.changeStatus;
/** Opens a threshold value: `more than 5,000 employees`, `from USD 75 million to less than …`. */
export const THRESHOLD_COMPARISON_LABELS: Labels<typeof THRESHOLD_COMPARISONS> = en.thresholdComparison;
export const SEGMENT_STATUS_LABELS: Labels<typeof SEGMENT_STATUSES> = en.segmentStatus;

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
