import { hubError } from '@kim/service-kit';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO date or timestamp argument; a date means midnight UTC. */
export function parseInstant(value: string | null | undefined, argument: string): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = INSTANT.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw hubError('BAD_USER_INPUT', `${argument} must be an ISO date or timestamp.`, { argument });
  return date;
}
