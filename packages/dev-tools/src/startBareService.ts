import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import DataLoader from 'dataloader';
import express, { type Request } from 'express';
import {
  applyMigrations,
  ConsentUnavailableError,
  createLogger,
  openDatabase,
  questionKey,
  readMigrations,
  RuleOutcomes,
  startHttpServer,
  type Caller,
  type ConsentDecision,
  type ConsentQuestion,
  type PrismaLike,
  type RunningService,
  type ServiceConfig,
  type ServiceContext,
  type ServiceDefinition,
} from '@kim/service-kit';

/** How a bare service knows who asks, without any assertion: fixed by the benchmark. */
export interface BareServiceOptions {
  /** The caller of a request (the benchmark maps a plain header to a fixed persona). */
  readonly callerFor: (req: Request) => Caller;
  /** The fixed answer to "which clients share anything with this caller" (no consent call). */
  readonly sharedClientIds: (caller: Caller) => readonly string[];
}

/**
 * BENCHMARK ONLY — the peer a user would pick instead of the hub: the service's own resolvers and
 * database behind graphql-js, with NO graphql-shield, NO gateway assertion, NO consent calls and
 * NO audit. Every consent question is answered "allowed" in memory. It is exported only through
 * the `@kim/dev-tools/bare` entry point of a development package, which nothing but `bench/` imports, and no
 * environment variable or start path of the hub leads here.
 */
export async function startBareService<Prisma extends PrismaLike, Extra extends object>(
  definition: ServiceDefinition<Prisma, Extra>,
  config: ServiceConfig,
  options: BareServiceOptions,
): Promise<RunningService<Prisma>> {
  const log = createLogger(definition.name, config.logLevel);
  const db = await openDatabase(config.database);
  await applyMigrations(db.sql, readMigrations(definition.migrationsDir));
  const prisma = definition.createPrisma(db.adapter);
  const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> });
  const apollo = new ApolloServer<ServiceContext & Extra>({ schema, introspection: false, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '200kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const caller = options.callerFor(req);
        const base: ServiceContext = {
          caller,
          consent: allowEverything(),
          ruleOutcomes: new RuleOutcomes(),
          sharedClientIds: async () => options.sharedClientIds(caller),
          askConsent: async () => {
            throw new ConsentUnavailableError('a bare service has no consent service');
          },
          log,
          recorded: { decisions: 0 },
        };
        return { ...base, ...definition.extendContext(prisma, base, db) };
      },
    }),
  );
  const server = await startHttpServer(app, config.port, config.host, async () => {
    await apollo.stop();
    await prisma.$disconnect();
    await db.close();
  });
  // INTENTIONAL: the peer runs as the owner, as a federation without the hub's roles would.
  return { ...server, name: definition.name, prisma, db, owner: db, log };
}

/** A consent loader that allows every question in memory: the bare peer asks nobody. */
function allowEverything() {
  return new DataLoader<ConsentQuestion, ConsentDecision, string>(
    async (questions) => questions.map((q) => ({ ...q, allowed: true, reason: 'OWNER' as const, basis: null, grantId: null })),
    { cacheKeyFn: questionKey },
  );
}
