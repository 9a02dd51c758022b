// Terms of case work that the mutations and the steering figures must read alike.

/** Why a case is closed: the vocabulary's `ClosingReason`. */
export { CLOSING_REASONS } from '@kim/schema';

export const DAY_MS = 86_400_000;
