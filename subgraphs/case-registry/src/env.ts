import { ConfigError, positiveInt, readRetentionConfig, type RetentionConfig } from '@kim/service-kit';

/** What the case registry reads beyond every service's configuration; see the README for each variable. */
export interface CaseRegistryConfig {
  /** When a closed case's personal data is erased, and how often the job looks. */
  readonly retention: RetentionConfig;
  /**
   * Days after sending when a referral without first contact or outcome is overdue
   * (`KIM_OVERDUE_REFERRAL_DAYS`): the default of `overdueReferrals(days:)` and the figures' overdue share.
   */
  readonly overdueReferralDays: number;
}

/** Two weeks, until the county sets its own expectation of partner agencies. */
export const DEFAULT_OVERDUE_REFERRAL_DAYS = 14;

/** Parses the case registry's own variables once, at start; throws naming the variable. */
export function readCaseRegistryConfig(env: NodeJS.ProcessEnv = process.env): CaseRegistryConfig {
  const overdueReferralDays = positiveInt(env, 'KIM_OVERDUE_REFERRAL_DAYS', DEFAULT_OVERDUE_REFERRAL_DAYS);
  // The same range `overdueReferrals(days:)` takes.
  if (overdueReferralDays > 365) throw new ConfigError('KIM_OVERDUE_REFERRAL_DAYS', `is more than 365 days: ${overdueReferralDays}`);
  return Object.freeze({ retention: readRetentionConfig(env), overdueReferralDays });
}
