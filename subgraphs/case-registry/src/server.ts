import { fileURLToPath } from 'node:url';
import { loadServiceTypeDefs, scheduleRetention, startService, type ServiceConfig, type ServiceDefinition, type StartOptions } from '@kim/service-kit';
import { extendContext, type CaseRegistryExtra } from './context.ts';
import { lastSuppression } from './figures/figures.ts';
import { createPrisma, type CaseRegistryPrisma } from './db.ts';
import { DEFAULT_OVERDUE_REFERRAL_DAYS, type CaseRegistryConfig } from './env.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';
import { eraseClosedCases } from './retention/eraseClosedCases.ts';

export { eraseClosedCases } from './retention/eraseClosedCases.ts';
export { readCaseRegistryConfig, DEFAULT_OVERDUE_REFERRAL_DAYS, type CaseRegistryConfig } from './env.ts';
export type { CaseRegistryPrisma };

/** The KIM case registry with its own settings: the client master, case plans, referrals and notes. */
export function caseRegistryService(settings: Pick<CaseRegistryConfig, 'overdueReferralDays'>): ServiceDefinition<CaseRegistryPrisma, CaseRegistryExtra> {
  const shared = { overdueReferralDays: settings.overdueReferralDays, suppressFigures: lastSuppression() };
  return {
    name: 'case-registry',
    typeDefs: loadServiceTypeDefs(new URL('./schema.graphql', import.meta.url)),
    resolvers,
    rules,
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    createPrisma,
    extendContext: (prisma, base) => extendContext(prisma, base, shared),
  };
}

/** The case registry with the default settings (migrations, schema checks). */
export const caseRegistry = caseRegistryService({ overdueReferralDays: DEFAULT_OVERDUE_REFERRAL_DAYS });

/**
 * Starts the case registry, and its erasure job on the configured schedule (closed cases whose
 * retention period is over; see eraseClosedCases).
 */
export async function startCaseRegistry(config: ServiceConfig, registry: CaseRegistryConfig, options: StartOptions<CaseRegistryPrisma> = {}) {
  const { retention } = registry;
  const running = await startService(caseRegistryService(registry), config, options);
  const stopRetention = scheduleRetention(() => eraseClosedCases(running.db.sql, { retentionDays: retention.days }), retention, running.log);
  return {
    ...running,
    stop: async () => {
      // A run under way ends before the database closes.
      await stopRetention();
      await running.stop();
    },
  };
}

// The checks case work runs on its input, for data written past the mutations (the demo seed).
export { targetGroupOn, titleOn, type Eligibility, type TitleSpell } from './eligibility/targetGroup.ts';
export {
  GOAL_STATUSES,
  REFERRAL_OUTCOMES,
  parseClosingReason,
  parseGoalAgency,
  parseGoalStatus,
  parseIntake,
  parseReferralOutcome,
  parseReferralReason,
  parseReferralTarget,
  pastDate,
  type IntakeInput,
} from './resolvers/parseCaseInput.ts';
export { outsideHub } from './resolvers/referralWork.ts';
