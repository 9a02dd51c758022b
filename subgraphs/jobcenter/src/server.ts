import { fileURLToPath } from 'node:url';
import { loadServiceTypeDefs, startService, type ServiceConfig, type ServiceDefinition, type StartOptions } from '@kim/service-kit';
import { extendContext, type JobcenterExtra } from './context.ts';
import { createPrisma, type JobcenterPrisma } from './db.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export type { JobcenterPrisma };

/** The jobcenter (SGB II): benefit cases, cooperation plans, measures and placements. */
export const jobcenter: ServiceDefinition<JobcenterPrisma, JobcenterExtra> = {
  name: 'jobcenter',
  typeDefs: loadServiceTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  rules,
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createPrisma,
  extendContext,
};

export function startJobcenter(config: ServiceConfig, options: StartOptions<JobcenterPrisma> = {}) {
  return startService(jobcenter, config, options);
}
