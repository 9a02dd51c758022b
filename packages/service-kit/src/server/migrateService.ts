import type { MigrationConfig } from '../config/serviceConfig.ts';
import { withMigrationLock } from '../db/migrationLock.ts';
import { applyMigrations, readMigrations } from '../db/migrations.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { createLogger } from '@kim/core';
import { ownerLocation } from './startService.ts';

/**
 * A service's `migrate` command: applies its pending migrations as the schema's owner, under the
 * migration lock, and ends. Its service, started after it, then runs as its role only.
 * @returns the names of the migrations applied now
 */
export async function migrateService(definition: { readonly name: string; readonly migrationsDir: string }, config: MigrationConfig): Promise<string[]> {
  const log = createLogger(definition.name, config.logLevel);
  const location = ownerLocation(config);
  const migrations = readMigrations(definition.migrationsDir);
  // Opened under the lock too: opening creates the service's schema, which replicas starting at
  // once would otherwise race to create.
  const applied = await withMigrationLock(location, async () => {
    const owner = await openDatabase(location);
    try {
      return await applyMigrations(owner.sql, migrations);
    } finally {
      await owner.close();
    }
  });
  log.info({ migrations: applied, database: location.kind }, applied.length > 0 ? 'applied migrations' : 'no migration pending');
  return applied;
}
