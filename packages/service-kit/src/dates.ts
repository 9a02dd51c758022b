/** A calendar date as `YYYY-MM-DD` (dates are stored as UTC midnight). */
export function isoDate(value: Date): string;
export function isoDate(value: Date | null): string | null;
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A point in time as an ISO string in UTC. */
export function isoTime(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
