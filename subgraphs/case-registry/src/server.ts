import { fileURLToPath } from 'node:url';
import { loadServiceTypeDefs, startService, type ServiceConfig, type ServiceDefinition, type StartOptions } from '@kim/subgraph-runtime';
import { extendContext, type CaseRegistryExtra } from './context.ts';
import { createPrisma, type CaseRegistryPrisma } from './db.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export { seedCaseRegistry } from './seed.ts';
export type { CaseRegistryPrisma };

/** The KIM case registry: the client master, case plans, referrals and notes. */
export const caseRegistry: ServiceDefinition<CaseRegistryPrisma, CaseRegistryExtra> = {
  name: 'case-registry',
  typeDefs: loadServiceTypeDefs('case-registry'),
  resolvers,
  rules,
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createPrisma,
  extendContext,
};

export function startCaseRegistry(config: ServiceConfig, options: StartOptions<CaseRegistryPrisma> = {}) {
  return startService(caseRegistry, config, options);
}
