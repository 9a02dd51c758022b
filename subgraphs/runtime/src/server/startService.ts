import type { ServiceName } from '@kim/schema';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Express } from 'express';
import type { CryptoKey } from 'jose';
import { importAssertionPublicKey } from '../auth/keys.ts';
import type { ServiceConfig } from '../config/serviceConfig.ts';
import { applyMigrations, readMigrations } from '../db/migrations.ts';
import { openDatabase, type Database } from '../db/openDatabase.ts';
import type { RuleMap } from '../guard/buildPermissions.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createServiceApp } from './createServiceApp.ts';
import type { ServiceContext } from './serviceContext.ts';
import { startHttpServer, type RunningServer } from './startHttpServer.ts';

/** A Prisma client, as far as the runtime needs to know it. */
export interface PrismaLike {
  $disconnect(): Promise<void>;
}

/** What makes one service different from the next; everything else is shared. */
export interface ServiceDefinition<Prisma extends PrismaLike, Extra extends object> {
  readonly name: ServiceName;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<ServiceContext & Extra>;
  readonly rules: RuleMap;
  /** Prisma's migrations folder of the service. */
  readonly migrationsDir: string;
  readonly createPrisma: (adapter: SqlMigrationAwareDriverAdapterFactory) => Prisma;
  readonly extendContext: (prisma: Prisma, base: ServiceContext) => Extra;
  readonly routes?: (app: Express, deps: { prisma: Prisma; db: Database; log: Logger; assertionKey: CryptoKey }) => void;
}

export interface RunningService<Prisma> extends RunningServer {
  readonly name: ServiceName;
  readonly prisma: Prisma;
  readonly db: Database;
  readonly log: Logger;
}

/** Opens the database, applies pending migrations, and serves the service on its port. */
export async function startService<Prisma extends PrismaLike, Extra extends object>(
  definition: ServiceDefinition<Prisma, Extra>,
  config: ServiceConfig,
  log: Logger = createLogger(definition.name, config.logLevel),
): Promise<RunningService<Prisma>> {
  const db = await openDatabase(config.database);
  const applied = await applyMigrations(db.sql, readMigrations(definition.migrationsDir));
  if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
  const prisma = definition.createPrisma(db.adapter);
  const assertionKey = await importAssertionPublicKey(config.assertionPublicKeyPem);
  const { app, stop } = await createServiceApp<Extra>({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    rules: definition.rules,
    assertionKey,
    consentUrl: config.consentUrl,
    consentTimeoutMs: config.consentTimeoutMs,
    log,
    ready: () => db.ping(),
    extendContext: (base) => definition.extendContext(prisma, base),
    routes: definition.routes ? (a) => definition.routes?.(a, { prisma, db, log, assertionKey }) : undefined,
  });
  const server = await startHttpServer(app, config.port, config.host, async () => {
    await stop();
    await prisma.$disconnect();
    await db.close();
  });
  log.info({ url: server.url, database: db.kind }, 'listening');
  return { ...server, name: definition.name, prisma, db, log };
}
