import { ConfigError, optionalString, positiveInt } from '@kim/core';

/** How long a closed case's personal data is kept, and when the erasure job looks. */
export interface RetentionConfig {
  /** Days after the end of a case before its personal data is erased (`KIM_RETENTION_DAYS`). */
  readonly days: number;
  /** Minutes between runs of the service's own erasure job; 0 = off (`KIM_RETENTION_INTERVAL_MINUTES`). */
  readonly intervalMinutes: number;
  /** Seconds after the start before the first run; 0 = at once (`KIM_RETENTION_FIRST_RUN_SECONDS`). */
  readonly firstRunSeconds: number;
}

/** Three years after closing, until the controller sets its own period (README, Retention). */
export const DEFAULT_RETENTION_DAYS = 1095;
/** Once a day. */
export const DEFAULT_RETENTION_INTERVAL_MINUTES = 1440;
/**
 * A minute after the start: a service restarted more often than the interval still erases, and
 * the job does not compete with the start itself (migrations checked, first requests served).
 */
export const DEFAULT_RETENTION_FIRST_RUN_SECONDS = 60;

/**
 * Reads `KIM_RETENTION_DAYS` (a positive number of days), `KIM_RETENTION_INTERVAL_MINUTES` (a
 * positive number of minutes, or `0` / `off` to run the job by command only) and
 * `KIM_RETENTION_FIRST_RUN_SECONDS` (0 to 86400), failing naming the variable.
 */
export function readRetentionConfig(env: NodeJS.ProcessEnv = process.env): RetentionConfig {
  const days = positiveInt(env, 'KIM_RETENTION_DAYS', DEFAULT_RETENTION_DAYS);
  const raw = optionalString(env, 'KIM_RETENTION_INTERVAL_MINUTES');
  let intervalMinutes = DEFAULT_RETENTION_INTERVAL_MINUTES;
  if (raw === '0' || raw?.toLowerCase() === 'off') intervalMinutes = 0;
  else if (raw !== undefined) intervalMinutes = positiveInt(env, 'KIM_RETENTION_INTERVAL_MINUTES', DEFAULT_RETENTION_INTERVAL_MINUTES);
  // A timer holds at most 2^31-1 ms (about 24.8 days); a longer interval would fire at once.
  if (intervalMinutes > 35_000) throw new ConfigError('KIM_RETENTION_INTERVAL_MINUTES', `is more than 35000 minutes: ${raw}`);
  const first = optionalString(env, 'KIM_RETENTION_FIRST_RUN_SECONDS');
  const firstRunSeconds = first === undefined ? DEFAULT_RETENTION_FIRST_RUN_SECONDS : Number(first);
  if (!Number.isInteger(firstRunSeconds) || firstRunSeconds < 0 || firstRunSeconds > 86_400) {
    throw new ConfigError('KIM_RETENTION_FIRST_RUN_SECONDS', `is not a number of seconds from 0 to 86400: ${first}`);
  }
  return Object.freeze({ days, intervalMinutes, firstRunSeconds });
}
