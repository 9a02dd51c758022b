import { ConfigError, optionalString, positiveInt } from '@kim/core';

/** How long a closed case's personal data is kept, and how often the erasure job looks. */
export interface RetentionConfig {
  /** Days after the end of a case before its personal data is erased (`KIM_RETENTION_DAYS`). */
  readonly days: number;
  /** Minutes between runs of the service's own erasure job; 0 = off (`KIM_RETENTION_INTERVAL_MINUTES`). */
  readonly intervalMinutes: number;
}

/** Three years after closing, until the controller sets its own period (README, Retention). */
export const DEFAULT_RETENTION_DAYS = 1095;
/** Once a day. */
export const DEFAULT_RETENTION_INTERVAL_MINUTES = 1440;

/**
 * Reads `KIM_RETENTION_DAYS` (a positive number of days) and `KIM_RETENTION_INTERVAL_MINUTES`
 * (a positive number of minutes, or `0` / `off` to run the job by command only), failing naming
 * the variable.
 */
export function readRetentionConfig(env: NodeJS.ProcessEnv = process.env): RetentionConfig {
  const days = positiveInt(env, 'KIM_RETENTION_DAYS', DEFAULT_RETENTION_DAYS);
  const raw = optionalString(env, 'KIM_RETENTION_INTERVAL_MINUTES');
  let intervalMinutes = DEFAULT_RETENTION_INTERVAL_MINUTES;
  if (raw === '0' || raw?.toLowerCase() === 'off') intervalMinutes = 0;
  else if (raw !== undefined) intervalMinutes = positiveInt(env, 'KIM_RETENTION_INTERVAL_MINUTES', DEFAULT_RETENTION_INTERVAL_MINUTES);
  // setInterval holds at most 2^31-1 ms (about 24.8 days); a longer interval would fire at once.
  if (intervalMinutes > 35_000) throw new ConfigError('KIM_RETENTION_INTERVAL_MINUTES', `is more than 35000 minutes: ${raw}`);
  return Object.freeze({ days, intervalMinutes });
}
