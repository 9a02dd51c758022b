export {
  signAssertion,
  verifyAssertion,
  signConsentTicket,
  verifyConsentTicket,
  requestBodyHash,
  assertionKey,
  generateAssertionSecret,
  ReplayMemory,
  ASSERTION_LIFETIME_SECONDS,
  ASSERTION_KEY_BYTES,
  type AssertionKey,
  type BoundRequest,
  type VerifiedAssertion,
  type VerifiedTicket,
} from './auth/assertion.ts';
export { ASSERTION_HEADER, CONSENT_TICKET_HEADER, type Caller } from './auth/caller.ts';
export { generateEd25519Pem } from './auth/keys.ts';
export { ConfigError, optionalString, requiredString, port, positiveInt, url, oneOf, logLevel } from './config/readEnv.ts';
export { readRetentionConfig, DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_INTERVAL_MINUTES, type RetentionConfig } from './config/retention.ts';
export { scheduleRetention, type RetentionRun } from './retention/scheduleRetention.ts';
export { readServiceConfig, readMigrationConfig, type MigrationConfig, pemFromEnv, assertionKeyFromEnv, assertionKeyVariable, envPrefix, serviceRole, DEFAULT_PORTS, type ServiceConfig } from './config/serviceConfig.ts';
export { createConsentLoader, matchDecisions, type ConsentLoader } from './consent/createConsentLoader.ts';
export { ConsentUnavailableError } from './consent/askConsent.ts';
export { createPostJson, type PostJson } from './consent/postJson.ts';
export { fetchSharedClients } from './consent/fetchSharedClients.ts';
export {
  SHARED_CLIENTS_PATH,
  type SharedClientsResponseBody,
  CLIENT_TEAM_PATH,
  type ClientTeamRequestBody,
  DECISIONS_PATH,
  DECISIONS_EXTENSION,
  TECHNICAL_DENIALS_PATH,
  DECISION_REASONS,
  questionKey,
  consentQuestion,
  consentDecision,
  technicalDenial,
  parseTransferRequest,
  TRANSFER_REQUEST_LIMITS,
  type TransferRequest,
  type ConsentDecision,
  type ConsentQuestion,
  type DecisionReason,
  type DecisionRequestBody,
  type DecisionResponseBody,
} from './consent/decision.ts';
export { applyMigrations, pendingMigrations, readMigrations, type Migration } from './db/migrations.ts';
export { openDatabase, databaseLocation, type Database, type DatabaseLocation } from './db/openDatabase.ts';
export type { SqlExecutor, SqlQueryable, TransactionOptions } from './db/sqlExecutor.ts';
export { ERROR_CODES, hubError, requestError, consentRequired, consentUnavailable, legallyBarred, type ErrorCode } from './errors.ts';
export { formatHubError, withoutSuggestions } from './formatError.ts';
export { buildPermissions, guardSchema, unguardedFields, resolveRules, categoryRule, requestCategoryRule, roleRule, decideClientCategory, type RuleMap, type ShieldRule } from './guard/buildPermissions.ts';
export { fieldTag, taggedFields, type FieldTag } from './guard/fieldTags.ts';
export { createLogger, type Logger } from './logger.ts';
export { ownTeamWhere } from './auth/teamScope.ts';
export { startService, ownerLocation, type ServiceDefinition, type RunningService, type StartOptions, type PrismaLike } from './server/startService.ts';
export { startHttpServer, type RunningServer } from './server/startHttpServer.ts';
export { apolloDefaultsOff } from './server/apolloDefaultsOff.ts';
export { runMain, runCommand } from './server/runMain.ts';
export { migrateService } from './server/migrateService.ts';
export { MIGRATION_LOCK_KEY, withMigrationLock } from './db/migrationLock.ts';
export type { ServiceContext } from './server/serviceContext.ts';
export { isoDate, isoTime } from './dates.ts';
export { rowsOrNull } from './lists.ts';
export { MIN_CELL, suppressedCells, publish, largestPossible, type CountTable, type Equation } from './figures/suppression.ts';
export { quantile, oneDecimal } from './figures/quantile.ts';
export { periodOf } from './figures/period.ts';
export { rowLoader, groupLoader } from './loaders/batchLoaders.ts';
export { allow, deny } from 'graphql-shield';
export { loadServiceTypeDefs } from './loadServiceTypeDefs.ts';
export { createMetricsRegistry, startMetricsServer, type RunningMetrics } from './metrics/metricsServer.ts';
export { logRequestErrors } from './logRequestErrors.ts';
export { createTracing, NO_TRACING, requestTrace, traceRequests, type RequestTrace, type Tracing, type TracingConfig } from './telemetry/tracing.ts';
export { tracesEndpoint } from './config/readEnv.ts';
