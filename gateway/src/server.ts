import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { SERVICES, SUPERGRAPH_PATH, type ServiceName } from '@kim/schema';
import { apolloDefaultsOff, createLogger, createMetricsRegistry, createTracing, isDraining, logRequestErrors, requestTrace, traceRequests, startHttpServer, startMetricsServer, type Caller, type Logger, type RunningServer } from '@kim/core';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { apolloGatewayWithoutTelemetry } from './apolloGateway.ts';
import { AssertingDataSource, type GatewayContext } from './assertingDataSource.ts';
import { consentPlan, operationsByService } from './plannedOperations.ts';
import { plannedQuestionsByService } from './plannedQuestions.ts';
import { CallerAuthenticator } from './auth/callerAuthenticator.ts';
import { declaredPurpose, tokenKeyResolver } from './auth/verifyCallerToken.ts';
import type { GatewayConfig } from './env.ts';
import { formatError } from './formatError.ts';
import { mountConsole, type ConsoleOptions } from './http/consolePages.ts';
import { jsonErrors } from './http/jsonErrors.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { errorsAtSelectedPaths } from './selectedPaths.ts';
import { gatewayMetrics } from './telemetry/gatewayMetrics.ts';
import { operationGuard, operationLimitRules, rateLimitBudgets, tokenLimitParseOptions } from './limits/index.ts';

export type { ConsoleController, GatewayConfig } from './env.ts';
export { readGatewayConfig } from './env.ts';
export { apolloGatewayWithoutTelemetry } from './apolloGateway.ts';
export { CONSOLE_CSP, type ConsoleOptions, type DemoPersona, type DemoSignIn } from './http/consolePages.ts';

export interface RunningGateway extends RunningServer {
  readonly log: Logger;
  /** Where the internal `/metrics` is served (`GATEWAY_METRICS_PORT`); null when not served. */
  readonly metricsUrl: string | null;
}

/** One per refused field and object, and in the audit chain already: not logged. */
const QUIET_CODES: ReadonlySet<unknown> = new Set(['CONSENT_REQUIRED']);

/** The largest request body the gateway reads; larger ones get HTTP 413. */
export const BODY_LIMIT = '100kb';

/**
 * The one GraphQL endpoint: verifies the caller, fixes the purpose, and plans each operation
 * over the committed supergraph (no runtime composition, no polling of subgraphs). With
 * `consolePages` (or `KIM_CONSOLE_DIR`) it also serves the web console at `/`.
 */
export async function startGateway(
  config: GatewayConfig,
  log: Logger = createLogger('gateway', config.logLevel),
  consolePages?: ConsoleOptions,
): Promise<RunningGateway> {
  const tokenKey = await tokenKeyResolver(config.tokenKeys);
  const questionsOf = plannedQuestionsByService();
  const gateway = apolloGatewayWithoutTelemetry({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) =>
      new AssertingDataSource(name as ServiceName, config.subgraphUrls[name as ServiceName], config.assertionKeys, config.subgraphTimeoutMs, log),
    logger: { debug: () => undefined, info: (m) => log.info(String(m)), warn: (m) => log.warn(String(m)), error: (m) => log.error(String(m)) },
    // Called after planning, before the first fetch: each subgraph's assertions can then name its
    // other operations of the plan (one consent call per subgraph per request, see plannedOperations).
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext }) => {
      const context = requestContext.context as Partial<GatewayContext>;
      if (!context.caller) return;
      context.plannedOperations = operationsByService(queryPlan);
      // And the first fetch's consent call decides for the later fetches of other subgraphs.
      context.consentPlan = consentPlan(queryPlan, questionsOf);
    },
  });
  if (!SERVICES.every((s) => config.subgraphUrls[s])) throw new Error('a subgraph URL is missing');

  const logErrors: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          // A subgraph's errors (Apollo marks them with `serviceName`) were logged by that service
          // under the same request id: logged here too, each refusal was two lines.
          const own = errors.filter((e) => e.extensions?.serviceName === undefined);
          logRequestErrors(log, contextValue?.caller?.requestId, own, 'request error', QUIET_CODES);
        },
        async willSendResponse({ response, contextValue, document, operationName }) {
          // Responses can carry personal data: no cache may keep them.
          response.http.headers.set('cache-control', 'no-store');
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            const result = response.body.singleResult as { errors?: readonly GraphQLFormattedError[] };
            const kept = errorsAtSelectedPaths(result.errors ?? [], document, operationName);
            if (kept.length > 0) result.errors = kept;
            else delete result.errors;
          }
          if (contextValue?.caller) response.http.headers.set('x-request-id', contextValue.caller.requestId);
        },
      };
    },
  };

  const registry = createMetricsRegistry('kim_gateway_');
  const metrics = gatewayMetrics(registry);
  const budgets = await rateLimitBudgets(config);
  const tracing = await createTracing('gateway', config.tracing);
  const rateLimiter = budgets.rateLimiter;
  const authenticator = new CallerAuthenticator(
    tokenKey,
    { issuer: config.tokenIssuer, audience: config.tokenAudience, maxLifetimeSeconds: config.tokenMaxLifetimeSeconds },
    config.authFailureLimit,
    budgets.authFailures,
  );
  let loaded = false;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // runMain stops the process on SIGTERM (drain, then this server): Apollo's own handler would
    // stop it at once and re-raise the signal, killing the process before the drain is done.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Apollo's own suggestion masking for validation errors; formatError catches every other.
    hideSchemaDetailsFromClientErrors: true,
    // Apollo's guard against fragments that spread each other into millions of selections.
    maxRecursiveSelections: true,
    parseOptions: tokenLimitParseOptions(config.limits.maxTokens),
    formatError: (formatted) => {
      const sent = formatError(formatted);
      metrics.countError(formatted, sent);
      return sent;
    },
    plugins: [
      logErrors,
      operationGuard(operationLimitRules(config.limits), rateLimiter),
      ...apolloDefaultsOff(),
    ],
  });
  await apollo.start();
  loaded = true;

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (req, res) => {
    // Without its shared budgets a replica refuses every request: not ready either.
    const status = isDraining(req) ? 'draining' : !loaded ? 'loading' : budgets.ready() ? 'ready' : 'rate-limit store unreachable';
    res.status(status === 'ready' ? 200 : 503).json({ status });
  });
  app.use(
    '/graphql',
    metrics.countRequest,
    // A new trace per request: a caller's traceparent is a caller's header, and none goes further.
    traceRequests(tracing, '/graphql', false),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        // Behind a proxy this is the proxy's address; see the README (Rate).
        const identity = await authenticator.authenticate(req.header('authorization'), req.socket.remoteAddress ?? 'unknown');
        // Every authenticated request costs its user and agency one token, valid or not — a
        // purpose the role may not declare included (refused below, but charged first).
        await rateLimiter.admitRequest(identity);
        const caller: Caller = {
          subject: identity.subject,
          agency: identity.agency,
          role: identity.role,
          ...(identity.team ? { team: identity.team } : {}),
          purpose: declaredPurpose(identity, req.header('x-kim-purpose')),
          requestId: randomUUID(),
        };
        return { caller, recorded: { decisions: 0 }, trace: requestTrace(res) };
      },
    }),
  );
  const consoleOptions =
    consolePages ??
    (config.consoleDir
      ? { dir: config.consoleDir, ...(config.consoleOidc ? { oidc: config.consoleOidc } : {}), ...(config.consoleController ? { controller: config.consoleController } : {}) }
      : undefined);
  if (consoleOptions) mountConsole(app, consoleOptions);
  app.use(jsonErrors(log, BODY_LIMIT));
  const server = await startHttpServer(app, config.port, config.host, async () => {
    loaded = false;
    await apollo.stop();
    await budgets.close();
    await tracing.shutdown();
  });
  const metricsServer = config.metricsPort === null ? null : await startMetricsServer(registry, config.metricsPort, config.host).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  if (metricsServer) log.info({ url: metricsServer.url }, 'gateway metrics listening');
  log.info({ url: `${server.url}/graphql` }, 'gateway listening');
  return {
    ...server,
    stop: async (options) => {
      await server.stop(options);
      await metricsServer?.stop();
    },
    log,
    metricsUrl: metricsServer?.url ?? null,
  };
}
