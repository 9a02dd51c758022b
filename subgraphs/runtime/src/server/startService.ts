import type { ServiceName } from '@kim/schema';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Express } from 'express';
import type { CryptoKey } from 'jose';
import { importAssertionPublicKey } from '../auth/keys.ts';
import type { ServiceConfig } from '../config/serviceConfig.ts';
import { applyMigrations, pendingMigrations, readMigrations } from '../db/migrations.ts';
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
  const migrations = readMigrations(definition.migrationsDir);
  let db: Database;
  if (config.migrationDatabaseUrl) {
    if (config.database.kind !== 'postgres') throw new Error(`a migration database URL needs a PostgreSQL database URL for ${definition.name}`);
    const owner = await openDatabase({ kind: 'postgres', url: config.migrationDatabaseUrl });
    try {
      const applied = await applyMigrations(owner.sql, migrations);
      if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations as the schema owner');
    } finally {
      await owner.close();
    }
    // INTENTIONAL: the service's own role may not create anything, not even the schema.
    db = await openDatabase(config.database, { createSchema: false });
    const pending = await pendingMigrations(db.sql, migrations);
    if (pending.length > 0) throw new Error(`${definition.name}: the database lacks migrations ${pending.join(', ')}`);
  } else {
    db = await openDatabase(config.database);
    const applied = await applyMigrations(db.sql, migrations);
    if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
  }
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
