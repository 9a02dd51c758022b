import { fileURLToPath } from 'node:url';
import { loadServiceTypeDefs, startService, type ServiceConfig, type ServiceDefinition, type StartOptions } from '@kim/service-kit';
import { extendContext, type ImmigrationOfficeExtra } from './context.ts';
import { createPrisma, type ImmigrationOfficePrisma } from './db.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export type { ImmigrationOfficePrisma };

/** The immigration office (Ausländerbehörde): residence titles, asylum procedures, naturalisation. */
export const immigrationOffice: ServiceDefinition<ImmigrationOfficePrisma, ImmigrationOfficeExtra> = {
  name: 'immigration-office',
  typeDefs: loadServiceTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  rules,
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createPrisma,
  extendContext,
};

export function startImmigrationOffice(config: ServiceConfig, options: StartOptions<ImmigrationOfficePrisma> = {}) {
  return startService(immigrationOffice, config, options);
}
