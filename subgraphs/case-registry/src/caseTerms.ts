// Terms of case work that the mutations and the steering figures must read alike.

/** Why a case is closed (the SDL's `ClosingReason`, in its order). */
export const CLOSING_REASONS = ['GOALS_REACHED', 'MOVED_AWAY', 'WITHDREW', 'NO_LONGER_ELIGIBLE', 'NO_CONTACT'] as const;

/** A referral without first contact or outcome this many days after sending is overdue. */
export const OVERDUE_DAYS = 14;

export const DAY_MS = 86_400_000;
