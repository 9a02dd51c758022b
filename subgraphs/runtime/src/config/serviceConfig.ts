import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@kim/schema';
import { ASSERTION_KEY_BYTES, assertionKey, type AssertionKey } from '../auth/assertion.ts';
import { databaseLocation, type DatabaseLocation } from '../db/openDatabase.ts';
import type { TracingConfig } from '../telemetry/tracing.ts';
import { ConfigError, logLevel, optionalString, port, positiveInt, tracesEndpoint, url } from './readEnv.ts';

/** The configuration every service reads alike; see the README for each variable. */
export interface ServiceConfig {
  readonly name: ServiceName;
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseLocation;
  /**
   * The role the service's own queries run as, created by its migrations (`kim_<service>_app`):
   * it owns nothing and may do only what the service needs.
   */
  readonly databaseRole: string;
  /**
   * The schema owner's URL, when `database` is a login role in `databaseRole` (PostgreSQL only):
   * migrations are applied over it. Without it the service migrates over `database` and then
   * switches that session to `databaseRole` (`SET ROLE`).
   */
  readonly migrationDatabaseUrl?: string;
  /**
   * This service's own assertion key (HMAC-SHA256, `KIM_ASSERTION_KEY_<SERVICE>`): the gateway
   * MACs every request's assertion to it with this key; no other service holds it.
   */
  readonly assertionKey: AssertionKey;
  readonly consentUrl: string;
  readonly consentTimeoutMs: number;
  readonly logLevel: string;
  /** Where traces are exported (OTLP); null traces nothing. */
  readonly tracing: TracingConfig | null;
}

/** `case-registry` → `CASE_REGISTRY`: the prefix of a service's own variables. */
export function envPrefix(service: ServiceName): string {
  return service.toUpperCase().replace(/-/g, '_');
}

/** `case-registry` → `kim_case_registry_app`: the role its migrations create for it. */
export function serviceRole(service: ServiceName): string {
  return `kim_${service.replace(/-/g, '_')}_app`;
}

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  'case-registry': 4101,
  'immigration-office': 4102,
  jobcenter: 4103,
  welfare: 4104,
  consent: 4105,
};

/** Reads a PEM given inline (`NAME`) or as a file (`NAME_FILE`). */
export function pemFromEnv(env: NodeJS.ProcessEnv, name: string): string {
  const inline = optionalString(env, name);
  if (inline) return inline.replace(/\\n/g, '\n');
  const file = optionalString(env, `${name}_FILE`);
  if (!file) throw new ConfigError(name, `is required (or ${name}_FILE)`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${name}_FILE`, `cannot read ${file}`);
  }
}

/** `case-registry` → `KIM_ASSERTION_KEY_CASE_REGISTRY`: the variable of that service's assertion key. */
export function assertionKeyVariable(service: ServiceName): string {
  return `KIM_ASSERTION_KEY_${envPrefix(service)}`;
}

/** Reads a service's assertion key, given inline or as a file (`_FILE`), and checks it. */
export function assertionKeyFromEnv(env: NodeJS.ProcessEnv, service: ServiceName): AssertionKey {
  const name = assertionKeyVariable(service);
  const secret = optionalString(env, name) ?? (optionalString(env, `${name}_FILE`) ? pemFromEnv(env, name) : undefined);
  if (secret === undefined) throw new ConfigError(name, `is required (or ${name}_FILE): base64 of at least ${ASSERTION_KEY_BYTES} random bytes`);
  try {
    return assertionKey(secret);
  } catch {
    throw new ConfigError(name, `is not base64 of at least ${ASSERTION_KEY_BYTES} bytes`);
  }
}

/** What a service's `migrate` command needs: where its database is and who owns its schema. */
export type MigrationConfig = Pick<ServiceConfig, 'name' | 'database' | 'databaseRole' | 'migrationDatabaseUrl' | 'logLevel'>;

/** The database part of a service's configuration; all `migrate` reads (no keys, no ports). */
export function readMigrationConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): MigrationConfig {
  const prefix = envPrefix(service);
  const dataDir = optionalString(env, 'KIM_DATA_DIR') ?? '.data';
  const migrationDatabaseUrl = optionalString(env, `${prefix}_MIGRATION_DATABASE_URL`);
  return {
    name: service,
    // `memory://` keeps every PGlite database in memory (tests): nothing is written to disk.
    database: databaseLocation(optionalString(env, `${prefix}_DATABASE_URL`), dataDir.startsWith('memory://') ? 'memory://' : join(dataDir, service)),
    databaseRole: serviceRole(service),
    ...(migrationDatabaseUrl ? { migrationDatabaseUrl } : {}),
    logLevel: logLevel(env),
  };
}

/** Parses and validates a service's configuration once, at start; throws naming the variable. */
export function readServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const prefix = envPrefix(service);
  return Object.freeze({
    ...readMigrationConfig(service, env),
    host: optionalString(env, 'HOST') ?? '127.0.0.1',
    port: port(env, `${prefix}_PORT`, DEFAULT_PORTS[service]),
    assertionKey: assertionKeyFromEnv(env, service),
    consentUrl: url(env, 'KIM_CONSENT_URL', `http://127.0.0.1:${DEFAULT_PORTS.consent}`),
    consentTimeoutMs: positiveInt(env, 'KIM_CONSENT_TIMEOUT_MS', 2000),
    tracing: tracesEndpoint(env),
  });
}
