// @kim/service-kit: what the agencies and the consent service do alike on top of @kim/core (which
// it re-exports, so a service depends on this one package): their server, the field guard,
// the consent client, the database and its migrations, the figures, the retention schedule.
export * from '@kim/core';
export { generateEd25519Pem } from './auth/keys.ts';
export { readRetentionConfig, DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_FIRST_RUN_SECONDS, DEFAULT_RETENTION_INTERVAL_MINUTES, type RetentionConfig } from './config/retention.ts';
export { scheduleRetention, type RetentionRun, type RetentionSchedule } from './retention/scheduleRetention.ts';
export { readServiceConfig, readMigrationConfig, type MigrationConfig, serviceRole, type ServiceConfig } from './config/serviceConfig.ts';
export { createConsentLoader, matchDecisions, decisionsByKey, type ConsentLoader } from './consent/createConsentLoader.ts';
export { signDecisionBundle, openDecisionBundle, consentVerifyKey, BUNDLE_LIFETIME_SECONDS, MAX_BUNDLE_LENGTH } from './consent/decisionBundle.ts';
export { ConsentUnavailableError } from './consent/askConsent.ts';
export { fetchSharedClients } from './consent/fetchSharedClients.ts';
export { applyMigrations, pendingMigrations, readMigrations, type Migration } from './db/migrations.ts';
export { openDatabase, databaseLocation, type Database, type DatabaseLocation } from './db/openDatabase.ts';
export type { SqlExecutor, SqlQueryable, TransactionOptions } from './db/sqlExecutor.ts';
export { buildPermissions, guardSchema, unguardedFields, resolveRules, categoryRule, requestCategoryRule, roleRule, decideClientCategory, type RuleMap, type ShieldRule } from './guard/buildPermissions.ts';
export { fieldQuestionMap } from './guard/plannedQuestions.ts';
export { fieldTag, taggedFields, type FieldTag } from './guard/fieldTags.ts';
export { categoryQuestions } from './guard/categoryQuestions.ts';
export { ownTeamWhere } from './auth/teamScope.ts';
export { startService, ownerLocation, type ServiceDefinition, type RunningService, type StartOptions, type PrismaLike } from './server/startService.ts';
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
export { RuleOutcomes } from './guard/ruleOutcomes.ts';
