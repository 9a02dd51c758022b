import { fileURLToPath } from 'node:url';
import { loadServiceTypeDefs, startService, type ServiceConfig, type ServiceDefinition, type StartOptions } from '@kim/service-kit';
import { extendContext, type WelfareExtra } from './context.ts';
import { createPrisma, type WelfarePrisma } from './db.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export type { WelfarePrisma };

/** The welfare associations: counselling contacts, support needs and language courses. */
export const welfare: ServiceDefinition<WelfarePrisma, WelfareExtra> = {
  name: 'welfare',
  typeDefs: loadServiceTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  rules,
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createPrisma,
  extendContext,
};

export function startWelfare(config: ServiceConfig, options: StartOptions<WelfarePrisma> = {}) {
  return startService(welfare, config, options);
}
