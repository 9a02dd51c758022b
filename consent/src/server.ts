import { fileURLToPath } from 'node:url';
import { createMetricsRegistry, loadServiceTypeDefs, scheduleRetention, startMetricsServer, startService, type ServiceDefinition, type StartOptions } from '@kim/service-kit';
import type { AuditSigningKey } from './audit/auditKey.ts';
import { extendContext, type ConsentExtra, type ConsentSettings } from './context.ts';
import { createPrisma, type ConsentPrisma } from './db.ts';
import { createDecisionRecorder } from './decisions/decideAndRecord.ts';
import { decisionMetrics, type DecisionMetrics } from './decisions/decisionMetrics.ts';
import { clientTeamRoute } from './clientTeam/clientTeamRoute.ts';
import { decisionsRoute } from './decisions/decisionsRoute.ts';
import { chainPendingGrantEvents } from './grants/grantEvents.ts';
import { eraseEndedClients } from './retention/eraseEndedClients.ts';
import { sharedClientsRoute } from './decisions/sharedClientsRoute.ts';
import { technicalDenialsRoute } from './decisions/technicalDenialsRoute.ts';
import { DEFAULT_VALIDITY_DAYS, type ConsentConfig } from './env.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export { verifyChain, verifyClientChain, type ChainVerification } from './audit/verifyChain.ts';
export { chainHash, GENESIS_HASH, type AuditRecord } from './audit/chainHash.ts';
export { chainLinks } from './audit/linkBatch.ts';
export { anchorMessage, type ClientHead } from './audit/anchor.ts';
export { auditVerifyingKey, type AuditVerifyingKey } from './audit/auditKey.ts';
export { verifyAuditExport, type ExportVerification } from './audit/verifyAuditExport.ts';
export { readConsentConfig, DEFAULT_VALIDITY_DAYS, type ConsentConfig } from './env.ts';
export { sharedClientIds } from './decisions/sharedClientIds.ts';
export { eraseEndedClients } from './retention/eraseEndedClients.ts';
export { auditRefOf, clientIdsOf } from './audit/pseudonyms.ts';
export type { ConsentPrisma };

/**
 * The consent service as far as it needs no configuration: its schema, rules, resolvers and
 * migrations (what checks of every service read). `consentService` adds what needs the audit key.
 */
export const consent = {
  name: 'consent',
  typeDefs: loadServiceTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers,
  rules,
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
  createPrisma,
} as const satisfies Omit<ServiceDefinition<ConsentPrisma, ConsentExtra>, 'extendContext' | 'routes'>;

/**
 * The consent service: decides and audits every disclosure (internal endpoint for the agency
 * subgraphs), and serves grants and audit trails to people through the gateway.
 */
export function consentService(
  auditKey: AuditSigningKey,
  settings: ConsentSettings = { defaultValidityDays: DEFAULT_VALIDITY_DAYS },
  metrics?: DecisionMetrics,
): ServiceDefinition<ConsentPrisma, ConsentExtra> {
  return {
    ...consent,
    extendContext: (prisma, base, db) => extendContext(prisma, auditKey, settings, db.sql, base.caller),
    routes: (app, deps) => {
      // One recorder for both routes: decisions and technical denials join the same groups.
      const recorder = createDecisionRecorder(deps.db.sql, auditKey, settings.statutoryBasesOff, metrics);
      decisionsRoute(app, { ...deps, recorder, sign: auditKey.sign });
      sharedClientsRoute(app, deps);
      clientTeamRoute(app, deps);
      technicalDenialsRoute(app, { ...deps, recorder });
    },
  };
}

/**
 * Starts the consent service; the result also names the audit key's public half, for verifiers,
 * and where its metrics are served (`CONSENT_METRICS_PORT`; null when not served).
 */
export async function startConsent(config: ConsentConfig, options: StartOptions<ConsentPrisma> = {}) {
  const registry = createMetricsRegistry('kim_consent_');
  const settings = { defaultValidityDays: config.defaultValidityDays, statutoryBasesOff: config.statutoryBasesOff, retentionDays: config.retention.days };
  const running = await startService(consentService(config.auditKey, settings, decisionMetrics(registry)), config, options);
  // Grant events stored without their chain entry (made by a migration from grants of before the
  // event log, or seeded) decide nothing until they are chained: as the service's role, now.
  const chained = await chainPendingGrantEvents(running.db.sql, config.auditKey).catch(async (error: unknown) => {
    await running.stop();
    throw error;
  });
  if (chained > 0) running.log.info({ events: chained }, 'chained pending grant events');
  const metrics = config.metricsPort === null ? null : await startMetricsServer(registry, config.metricsPort, config.host).catch(async (error: unknown) => {
    await running.stop();
    throw error;
  });
  if (metrics) running.log.info({ url: metrics.url }, 'consent metrics listening');
  const stopRetention = scheduleRetention(() => eraseEndedClients(running.db.sql, { retentionDays: config.retention.days }), config.retention, running.log);
  return {
    ...running,
    stop: async () => {
      // A run under way ends before the database closes.
      await stopRetention();
      await running.stop();
      await metrics?.stop();
    },
    metricsUrl: metrics?.url ?? null,
    auditKeyId: config.auditKey.keyId,
    auditPublicKeyPem: config.auditKey.publicKeyPem,
  };
}
