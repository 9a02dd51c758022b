import { fileURLToPath } from 'node:url';
import { loadServiceTypeDefs, startService, type ServiceConfig, type ServiceDefinition } from '@kim/subgraph-runtime';
import { extendContext, type ConsentExtra } from './context.ts';
import { createPrisma, type ConsentPrisma } from './db.ts';
import { decisionsRoute } from './decisions/decisionsRoute.ts';
import { sharedClientsRoute } from './decisions/sharedClientsRoute.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export { seedConsent } from './seed.ts';
export { verifyChain, type ChainVerification } from './audit/verifyChain.ts';
export { chainHash, GENESIS_HASH } from './audit/chainHash.ts';
export type { ConsentPrisma };

/**
 * The consent service: decides and audits every disclosure (internal endpoint for the agency
 * subgraphs), and serves grants and audit trails to people through the gateway.
 */
export const consent: ServiceDefinition<ConsentPrisma, ConsentExtra> = {
  name: 'consent',
  typeDefs: loadServiceTypeDefs('consent'),
  resolvers,
  rules,
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createPrisma,
  extendContext: (prisma) => extendContext(prisma),
  routes: (app, deps) => {
    decisionsRoute(app, deps);
    sharedClientsRoute(app, deps);
  },
};

export function startConsent(config: ServiceConfig) {
  return startService(consent, config);
}
