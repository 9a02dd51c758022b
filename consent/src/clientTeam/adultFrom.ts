import { adultFromOf } from '@kim/service-kit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day the client comes of age as the case registry sends it with the holder (`adultFrom`):
 * required with a team (intake, handover: the registry knows the birth date), absent or null at
 * closing. A calendar date YYYY-MM-DD no later than the 18th birthday of someone born today and
 * not before 1900. `undefined` means the body is malformed.
 */
export function parseAdultFrom(value: unknown, team: string | null, today: string): string | null | undefined {
  if (team === null) return value === undefined || value === null ? null : undefined;
  if (typeof value !== 'string' || !DATE.test(value)) return undefined;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return undefined;
  return value >= '1900-01-01' && value <= adultFromOf(today) ? value : undefined;
}
