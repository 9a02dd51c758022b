// Terms of case work that the mutations and the steering figures must read alike.

/** Why a case is closed: the vocabulary's `ClosingReason`. */
export { CLOSING_REASONS } from '@kim/schema';

/** A referral without first contact or outcome this many days after sending is overdue. */
export const OVERDUE_DAYS = 14;

export const DAY_MS = 86_400_000;
