// @kim/core: what every deployable needs, the gateway included, and nothing that needs a
// database or a field guard (no Prisma, PGlite, pg, graphql-shield or DataLoader here): the error
// catalogue, configuration readers, the logger, runMain, the gateway's assertions, the consent
// service's wire types, the HTTP server, metrics and traces.
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
  type PlannedForOthers,
} from './auth/assertion.ts';
export { ASSERTION_HEADER, CONSENT_TICKET_HEADER, type Caller } from './auth/caller.ts';
export { ConfigError, optionalString, requiredString, port, positiveInt, url, oneOf, logLevel, tracesEndpoint } from './config/readEnv.ts';
export { sharedStoreConfig, connectSharedStore, type SharedStoreConfig, type StoreClient, type StoreClientOptions } from './shared/sharedStore.ts';
export { pemFromEnv, assertionKeyFromEnv, assertionKeyVariable, envPrefix, DEFAULT_PORTS } from './config/serviceVariables.ts';
export {
  SHARED_CLIENTS_PATH,
  type SharedClientsResponseBody,
  CLIENT_TEAM_PATH,
  type ClientTeamRequestBody,
  adultFromOf,
  AGE_OF_MAJORITY,
  DECISIONS_PATH,
  DECISIONS_EXTENSION,
  DECISION_BUNDLES_EXTENSION,
  DECISION_BUNDLE_EXTENSION,
  TECHNICAL_DENIALS_PATH,
  DECISION_REASONS,
  questionKey,
  questionKeyOf,
  consentQuestion,
  consentDecision,
  technicalDenial,
  parseTransferRequest,
  TRANSFER_REQUEST_LIMITS,
  type TransferRequest,
  type ConsentDecision,
  type ConsentQuestion,
  type QuestionTemplate,
  type DecisionReason,
  type DecisionRequestBody,
  type DecisionResponseBody,
} from './consent/decision.ts';
export { operationQuestions, createOperationQuestions, type FieldQuestionMap } from './consent/operationQuestions.ts';
export { createPostJson, type JsonResponse, type PostJson } from './http/postJson.ts';
export { ERROR_CODES, hubError, requestError, consentRequired, consentUnavailable, legallyBarred, type ErrorCode } from './errors.ts';
export { formatHubError, withoutSuggestions } from './formatError.ts';
export { createLogger, type Logger } from './logger.ts';
export { startHttpServer, isDraining, DEFAULT_SHUTDOWN_TIMEOUT_MS, type RunningServer, type StopOptions } from './server/startHttpServer.ts';
export { apolloDefaultsOff } from './server/apolloDefaultsOff.ts';
export { runMain, runCommand, shutdownOptions } from './server/runMain.ts';
export { createMetricsRegistry, startMetricsServer, type RunningMetrics } from './metrics/metricsServer.ts';
export { logRequestErrors } from './logRequestErrors.ts';
export { createTracing, NO_TRACING, requestTrace, traceRequests, tracedPost, type RequestTrace, type Tracing, type TracingConfig } from './telemetry/tracing.ts';
