import { join } from 'node:path';
import type { ServiceName } from '@kim/schema';
import { ConfigError, DEFAULT_PORTS, pemFromEnv, sharedStoreConfig, assertionKeyFromEnv, envPrefix, logLevel, optionalString, port, positiveInt, tracesEndpoint, url, type AssertionKey, type SharedStoreConfig, type TracingConfig } from '@kim/core';
import type { KeyObject } from 'node:crypto';
import { consentVerifyKey } from '../consent/decisionBundle.ts';
import { databaseLocation, type DatabaseLocation } from '../db/openDatabase.ts';

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
  /** Where the service's replicas share the assertions they accepted (`REDIS_URL`); null: this process alone. */
  readonly sharedStore: SharedStoreConfig | null;
  /**
   * The consent service's public key (`KIM_CONSENT_PUBLIC_KEY`, the public half of
   * `KIM_AUDIT_SIGNING_KEY`): checks the decision bundles another subgraph's fetch obtained for
   * this one. Null: bundles are not taken, and each fetch asks consent itself.
   */
  readonly consentVerifyKey: KeyObject | null;
}

/** `case-registry` → `kim_case_registry_app`: the role its migrations create for it. */
export function serviceRole(service: ServiceName): string {
  return `kim_${service.replace(/-/g, '_')}_app`;
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
    sharedStore: sharedStoreConfig(env),
    consentVerifyKey: optionalConsentVerifyKey(env),
  });
}

/** `KIM_CONSENT_PUBLIC_KEY` (or `_FILE`) when set; throws naming it when it is not an Ed25519 public key. */
function optionalConsentVerifyKey(env: NodeJS.ProcessEnv): KeyObject | null {
  if (!optionalString(env, 'KIM_CONSENT_PUBLIC_KEY') && !optionalString(env, 'KIM_CONSENT_PUBLIC_KEY_FILE')) return null;
  const pem = pemFromEnv(env, 'KIM_CONSENT_PUBLIC_KEY');
  try {
    return consentVerifyKey(pem);
  } catch {
    throw new ConfigError('KIM_CONSENT_PUBLIC_KEY', 'is not an Ed25519 public key (SPKI PEM)');
  }
}
