import type { ServiceName } from '@kim/schema';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { Express } from 'express';
import { type AssertionKey, connectSharedStore, createLogger, type Logger, createTracing, startHttpServer, type RunningServer } from '@kim/core';
import { Redis } from 'ioredis';
import { sharedUsedAssertions } from '../auth/usedAssertions.ts';
import type { ServiceConfig } from '../config/serviceConfig.ts';
import { withMigrationLock } from '../db/migrationLock.ts';
import { applyMigrations, pendingMigrations, readMigrations, type Migration } from '../db/migrations.ts';
import { openRoleDatabase, type Database, type DatabaseLocation } from '../db/openDatabase.ts';
import type { RuleMap } from '../guard/buildPermissions.ts';
import { createServiceApp } from './createServiceApp.ts';
import type { ServiceContext } from './serviceContext.ts';

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
  /** `db`: the service's own database as its role, for the few writes that go through the driver. */
  readonly extendContext: (prisma: Prisma, base: ServiceContext, db: Database) => Extra;
  readonly routes?: (app: Express, deps: { prisma: Prisma; db: Database; log: Logger; assertionKey: AssertionKey }) => void;
}

export interface RunningService<Prisma> extends RunningServer {
  readonly name: ServiceName;
  /** The service's own client: its queries run as its role (`ServiceConfig.databaseRole`). */
  readonly prisma: Prisma;
  /** The database as the service uses it, as its role. */
  readonly db: Database;
  /**
   * The schema owner's access, for whoever started the service (tests that tamper as an operator
   * could, tools): resolvers and routes never get it. Closed when the service stops.
   */
  readonly owner: Database;
  readonly log: Logger;
}

export interface StartOptions<Prisma> {
  /**
   * Runs once as the schema's owner, after migrations and before the service takes its role and
   * listens: demo data is seeded here, since the role may not write it.
   */
  readonly prepare?: (prisma: Prisma) => Promise<void>;
  readonly log?: Logger;
  /**
   * `apply` (in-process starts: the demo, tests, the benchmark): pending migrations are applied
   * first, under the migration lock. `require` (a service's own process, `node dist/index.js`):
   * the service refuses to start unless its `migrate` command has applied every migration.
   */
  readonly migrations?: 'apply' | 'require';
}

/** The schema owner's database: where migrations are applied (and checked before the role exists). */
export function ownerLocation(config: Pick<ServiceConfig, 'database' | 'migrationDatabaseUrl'>): DatabaseLocation {
  return config.migrationDatabaseUrl ? { kind: 'postgres', url: config.migrationDatabaseUrl } : config.database;
}

/**
 * Applies the service's pending migrations as the schema's owner, holding the migration lock
 * (safe when several replicas or `migrate` jobs run at once).
 * @returns the names of the migrations applied now
 */
export async function migrateOwnerDatabase(owner: Database, location: DatabaseLocation, migrations: readonly Migration[]): Promise<string[]> {
  return withMigrationLock(location, () => applyMigrations(owner.sql, migrations));
}

function unmigrated(pending: readonly string[]): string {
  return `the database is not migrated (lacks ${pending.join(', ')}): run the service's migrate command first (npm run migrate, or node dist/migrate.js)`;
}

/**
 * Opens the database as its owner, applies pending migrations (or, with `migrations: 'require'`,
 * refuses to start while any is pending), runs `prepare`, then serves the
 * service on its port with every query of its own running as its role (see `openRoleDatabase`).
 */
export async function startService<Prisma extends PrismaLike, Extra extends object>(
  definition: ServiceDefinition<Prisma, Extra>,
  config: ServiceConfig,
  options: StartOptions<Prisma> = {},
): Promise<RunningService<Prisma>> {
  const log = options.log ?? createLogger(definition.name, config.logLevel);
  const migrations = readMigrations(definition.migrationsDir);
  const { db, owner, roleBy } = await openRoleDatabase(config.database, {
    role: config.databaseRole,
    ...(config.migrationDatabaseUrl ? { ownerUrl: config.migrationDatabaseUrl } : {}),
    asOwner: async (ownerDb) => {
      if (options.migrations === 'require') {
        // Checked as the owner: on a database never migrated, the role does not exist yet either.
        const pending = await pendingMigrations(ownerDb.sql, migrations);
        if (pending.length > 0) throw new Error(unmigrated(pending));
      } else {
        const applied = await migrateOwnerDatabase(ownerDb, ownerLocation(config), migrations);
        if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations as the schema owner');
      }
      if (!options.prepare) return;
      const ownerPrisma = definition.createPrisma(ownerDb.adapter);
      try {
        await options.prepare(ownerPrisma);
      } finally {
        await ownerPrisma.$disconnect();
      }
    },
  }).catch((error: unknown) => {
    throw new Error(`${definition.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  const closeDatabases = async () => {
    await db.close();
    await owner.close();
  };
  try {
    // Read as the role: a service whose owner migrated elsewhere refuses to run behind its code.
    const pending = await pendingMigrations(db.sql, migrations);
    if (pending.length > 0) throw new Error(`${definition.name}: ${unmigrated(pending)}`);
  } catch (error) {
    await closeDatabases();
    throw error;
  }
  const prisma = definition.createPrisma(db.adapter);
  const assertionKey = config.assertionKey;
  const tracing = await createTracing(definition.name, config.tracing);
  const redis = config.sharedStore ? await connectSharedStore(config.sharedStore, 'store of used assertions', (url, options) => new Redis(url, options)).catch(async (error: unknown) => {
    await closeDatabases();
    throw error;
  }) : null;
  const { app, stop } = await createServiceApp<Extra>({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    rules: definition.rules,
    assertionKey,
    consentUrl: config.consentUrl,
    consentTimeoutMs: config.consentTimeoutMs,
    log,
    tracing,
    ready: () => db.ping(),
    extendContext: (base) => definition.extendContext(prisma, base, db),
    routes: definition.routes ? (a) => definition.routes?.(a, { prisma, db, log, assertionKey }) : undefined,
    ...(config.consentVerifyKey ? { consentVerifyKey: config.consentVerifyKey } : {}),
    ...(redis && config.sharedStore ? { usedAssertions: sharedUsedAssertions(redis, config.sharedStore.keyPrefix, definition.name) } : {}),
  });
  const server = await startHttpServer(app, config.port, config.host, async () => {
    await stop();
    await prisma.$disconnect();
    await closeDatabases();
    redis?.disconnect();
    await tracing.shutdown();
  });
  log.info({ url: server.url, database: db.kind, role: config.databaseRole, roleBy, decisionBundles: config.consentVerifyKey !== null }, 'listening');
  return { ...server, name: definition.name, prisma, db, owner, log };
}
