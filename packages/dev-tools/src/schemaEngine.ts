import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { Migration } from '@kim/service-kit';

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

let loaded = false;

/**
 * Prisma's own schema engine, compiled to WASM, over a driver adapter. The native engine that
 * `prisma migrate` downloads cannot be fetched where only the npm registry is reachable.
 * Used by the development tools (new migration, migration check), never by a running service.
 */
export async function openSchemaEngine(datamodel: string, adapter: SqlMigrationAwareDriverAdapterFactory): Promise<Engine> {
  if (!loaded) {
    // The package's default entry imports the .wasm file, which Node refuses: load it beside
    // the `schema_engine_bg` entry instead.
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(new URL('schema_engine_bg.wasm', pathToFileURL(entry)));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    (bg as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    loaded = true;
  }
  return bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', datamodel]] } as never,
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

export const ENGINE_FILTERS = { externalTables: [], externalEnums: [] };

/** The SQL that takes a database from the given migrations to the datamodel ('' when none). */
export async function diffMigrationsToDatamodel(engine: Engine, migrations: readonly Migration[], datamodel: string): Promise<string> {
  const from =
    migrations.length === 0
      ? { tag: 'empty' as const }
      : {
          tag: 'migrations' as const,
          baseDir: '.',
          shadowDbInitScript: '',
          lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
          migrationDirectories: migrations.map((m) => ({
            path: m.name,
            migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: m.sql } },
          })),
        };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: datamodel }] },
    script: true,
    exitCode: null,
    filters: ENGINE_FILTERS,
  } as never);
  const stdout = (result as { stdout?: string }).stdout ?? '';
  return stdout.includes('This is an empty migration') ? '' : stdout.trim();
}
