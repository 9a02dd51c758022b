/**
 * The rules every published figure follows (issue 14, item 8): a figure about fewer than
 * MIN_CELL people (or referrals) identifies them — a count of two is two people, a median of
 * two waits is nearly one person's wait — so it is published as null. A new figure goes
 * through one of these, never straight out.
 */

/** Groups smaller than this are published as null. */
export const MIN_CELL = 5;

/** A count: null when it is a small group. */
export function countCell(count: number): number | null {
  return count < MIN_CELL ? null : count;
}

/**
 * A count published beside its whole (active clients beside all clients): null when it or the
 * rest of the whole is a small group, since the rest is the difference of two published figures.
 * A whole that is itself suppressed gives no difference away.
 */
export function partCell(part: number, whole: number): number | null {
  if (countCell(whole) === null) return countCell(part);
  return countCell(part) === null || countCell(whole - part) === null ? null : part;
}

/** A figure computed over a group of values (a median, an average): null when the group is small. */
export function groupFigure<T>(values: readonly T[], compute: (values: readonly T[]) => number | null): number | null {
  return values.length < MIN_CELL ? null : compute(values);
}
