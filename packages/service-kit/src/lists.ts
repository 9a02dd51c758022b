/**
 * A client's list field as the hub answers it: its rows, or null when the caller may see none
 * (none on record, or none in its scope) — never `[]`. INTENTIONAL: an empty list would say
 * "the service holds a record of this client, just nothing of this kind", and whether it holds
 * one is data of other categories (counselling contacts behind language courses, a benefit case
 * behind measures). So the answer depends only on the rows of the field's own category.
 */
export function rowsOrNull<T>(rows: readonly T[] | null | undefined): T[] | null {
  return rows && rows.length > 0 ? [...rows] : null;
}
