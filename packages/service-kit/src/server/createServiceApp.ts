import { randomUUID, type KeyObject } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import express, { type Express } from 'express';
import type { DocumentNode } from 'graphql';
import { ASSERTION_LIFETIME_SECONDS, ReplayMemory, requestBodyHash, verifyAssertion, type VerifiedAssertion, type AssertionKey, type BoundRequest, ASSERTION_HEADER, CONSENT_TICKET_HEADER, createPostJson, DECISIONS_EXTENSION, DECISION_BUNDLE_EXTENSION, DECISION_BUNDLES_EXTENSION, type ConsentDecision, requestError, formatHubError, type Logger, logRequestErrors, NO_TRACING, requestTrace, traceRequests, tracedPost, type Tracing, apolloDefaultsOff, isDraining } from '@kim/core';
import type { UsedAssertions } from '../auth/usedAssertions.ts';
import { createConsentLoader, decisionsByKey } from '../consent/createConsentLoader.ts';
import { openDecisionBundle } from '../consent/decisionBundle.ts';
import { askConsent } from '../consent/askConsent.ts';
import { fetchSharedClients } from '../consent/fetchSharedClients.ts';
import { createRequestDecisionStore } from '../consent/requestDecisions.ts';
import { guardSchema, type RuleMap } from '../guard/buildPermissions.ts';
import { createPlannedQuestions } from '../guard/plannedQuestions.ts';
import { RuleOutcomes } from '../guard/ruleOutcomes.ts';
import type { ServiceContext } from './serviceContext.ts';

/** A request without an assertion good for this service, or one used before (here or at another replica). */
const notThroughGateway = () => requestError('UNAUTHENTICATED', 'Requests must come through the KIM gateway.');
/**
 * The largest request body a service reads: an operation and its variables are small (the
 * gateway's own limit is 100 kB), but a later fetch may carry decision bundles (MAX_BUNDLE_LENGTH).
 */
export const SERVICE_BODY_LIMIT = '8mb';

/** Decisions on the way that the consent service did not make for this service, request and caller. */
const forgedDecisions = () => requestError('UNAUTHENTICATED', 'The request carried consent decisions that are not the consent service\'s for this request.');

export interface ServiceAppOptions<Extra> {
  /** The service's name: also the audience its assertions must carry. */
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<ServiceContext & Extra>;
  /** Rules for fields without an SDL tag (root fields, connections); everything else is denied. */
  readonly rules: RuleMap;
  /** This service's own assertion key (HMAC-SHA256); no other service holds it. */
  readonly assertionKey: AssertionKey;
  readonly consentUrl: string;
  readonly consentTimeoutMs: number;
  readonly log: Logger;
  /** Spans of each request, continuing the gateway's trace (no-op unless traces are exported). */
  readonly tracing?: Tracing;
  /** Whether the service's own dependencies (its database) answer. */
  readonly ready: () => Promise<boolean>;
  /** Adds the service's own per-request context (e.g. its Prisma client and loaders). */
  readonly extendContext: (base: ServiceContext) => Extra;
  /** Routes of the service besides GraphQL (the consent service's decision endpoint). */
  readonly routes?: (app: Express) => void;
  readonly bodyLimit?: string;
  /** Shared with the other replicas (`REDIS_URL`); without it, this process's memory alone refuses a replay. */
  readonly usedAssertions?: UsedAssertions;
  /** The consent service's public key: decision bundles for this service are taken only with it. */
  readonly consentVerifyKey?: KeyObject;
}

/**
 * The Express app every service runs: `/healthz`, `/readyz`, and `/graphql` under
 * graphql-shield, which refuses the whole request unless it carries a valid assertion from the
 * gateway addressed to this service.
 */
/** Answers, not faults, and one per field and object: not logged (the audit chain has the decisions). */
const QUIET_CODES: ReadonlySet<unknown> = new Set(['CONSENT_REQUIRED', 'NOT_FOUND']);

export async function createServiceApp<Extra extends object>(options: ServiceAppOptions<Extra>) {
  const { log } = options;
  const subgraphSchema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> });
  // graphql-shield outside, the category guard on tagged fields (see guardSchema).
  const schema = guardSchema(subgraphSchema, options.rules);
  // For plans that fetch this subgraph more than once: the first fetch asks consent for the later
  // ones too (named in the assertion), and they find their answers here, not in a second call.
  const plannedQuestions = createPlannedQuestions(subgraphSchema, options.rules);
  const requestDecisions = createRequestDecisionStore({ ttlMs: ASSERTION_LIFETIME_SECONDS * 1000, maxRequests: 1000 });
  const post = createPostJson();
  // Each assertion is good for one request: its jti is remembered for its lifetime.
  const replays = new ReplayMemory();
  const logErrors: ApolloServerPlugin<ServiceContext & Extra> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          logRequestErrors(log, contextValue?.caller?.requestId, errors, 'graphql error', QUIET_CODES);
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          // The gateway charges the caller for what the request made the hub record (an audit row each).
          const decisions = contextValue?.recorded?.decisions ?? 0;
          if (decisions > 0) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, [DECISIONS_EXTENSION]: decisions };
          // Decisions made for other subgraphs' later fetches: the gateway passes each on.
          const bundles = contextValue?.recorded?.bundles;
          if (bundles && Object.keys(bundles).length > 0) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, [DECISION_BUNDLES_EXTENSION]: bundles };
        },
      };
    },
  };
  const apollo = new ApolloServer<ServiceContext & Extra>({
    schema,
    introspection: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // runMain stops the process on SIGTERM (drain, then this server): Apollo's own handler would
    // stop it at once and re-raise the signal, killing the process before the drain is done.
    stopOnTerminationSignals: false,
    // Whoever holds an assertion for this service can call it directly: its errors say no more
    // than the gateway's would (the log keeps the detail, e.g. a Prisma error's file and line).
    formatError: (formatted) => formatHubError(formatted),
    plugins: [logErrors, ...apolloDefaultsOff()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    if (isDraining(req)) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const ready = await options.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  const tracing = options.tracing ?? NO_TRACING;
  // Every call here comes from the gateway or a subgraph: their traceparent is the hub's own.
  app.use('/internal', (req, res, next) => traceRequests(tracing, `/internal${req.path}`, true)(req, res, next));
  options.routes?.(app);
  app.use(
    '/graphql',
    traceRequests(tracing, '/graphql', true),
    express.json({ limit: options.bodyLimit ?? SERVICE_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // Bound to this request: the body hash in the assertion must be the body's.
        let used: { jti: string; exp: number } | undefined;
        const firstUse = (jti: string, exp: number) => replays.firstUse(jti, exp) && ((used = { jti, exp }), true);
        const caller = verifyAssertion(options.assertionKey, req.header(ASSERTION_HEADER), options.name, requestBodyHash(req.body as BoundRequest), { firstUse });
        if (!caller) throw notThroughGateway();
        // Replicas: a use at another replica counts too. If that cannot be told, nothing is answered.
        if (options.usedAssertions && used) {
          const first = await options.usedAssertions.firstUse(used.jti, used.exp).catch((err: unknown) => {
            log.error({ err }, 'the store of used assertions could not be asked');
            throw requestError('SERVICE_UNAVAILABLE', 'The service could not check the request; nothing was disclosed.');
          });
          if (!first) throw notThroughGateway();
        }
        // Without a ticket every consent call is refused, and this request discloses nothing.
        const ticket = req.header(CONSENT_TICKET_HEADER) ?? '';
        const requestLog = log.child({ requestId: caller.requestId || randomUUID() });
        const recorded: ServiceContext['recorded'] = { decisions: 0 };
        const bundled = received(req.body, caller);
        const consentOptions = { consentUrl: options.consentUrl, ticket, timeoutMs: options.consentTimeoutMs, log: requestLog, post: tracedPost(post, requestTrace(res)) };
        const base: ServiceContext = {
          caller,
          consent: createConsentLoader({
            ...consentOptions,
            onRecorded: (n) => void (recorded.decisions += n),
            onBundles: (bundles) => {
              recorded.bundles ??= {};
              for (const [service, token] of Object.entries(bundles)) (recorded.bundles[service] ??= []).push(token);
            },
            // Kept only when this request comes back here: its plan names other operations of ours.
            ...(caller.plannedOperations.length > 0 ? { requestDecisions: seeded(requestDecisions.forRequest(caller), bundled), planned: plannedQuestions(caller.plannedOperations) } : bundled ? { requestDecisions: seeded(new Map(), bundled) } : {}),
          }),
          ruleOutcomes: new RuleOutcomes(),
          sharedClientIds: () => fetchSharedClients(consentOptions),
          askConsent: (path, body) => askConsent(consentOptions, path, body),
          log: requestLog,
          recorded,
        };
        return { ...base, ...options.extendContext(base) };
      },
    }),
  );
  return { app, stop: () => apollo.stop() };

  /**
   * The decisions of the bundles the gateway passed on (null: none came). One that does not
   * check refuses the whole request; without the consent service's key none is taken.
   */
  function received(body: unknown, caller: VerifiedAssertion): Map<string, ConsentDecision> | null {
    const tokens = (body as { extensions?: Record<string, unknown> } | null)?.extensions?.[DECISION_BUNDLE_EXTENSION];
    if (tokens === undefined || !options.consentVerifyKey) return null;
    if (!Array.isArray(tokens) || tokens.length === 0 || tokens.length > 16) throw forgedDecisions();
    const decisions: unknown[] = [];
    for (const token of tokens) {
      const opened = openDecisionBundle(options.consentVerifyKey, token, options.name, caller);
      if (!opened) {
        log.warn({ requestId: caller.requestId }, 'a decision bundle did not check; request refused');
        throw forgedDecisions();
      }
      decisions.push(...opened);
    }
    return decisionsByKey(decisions);
  }
}

/** The request's kept decisions with those of the bundles added (never a technical denial: those are asked again). */
function seeded(kept: Map<string, ConsentDecision>, bundled: Map<string, ConsentDecision> | null): Map<string, ConsentDecision> {
  if (bundled) for (const [key, d] of bundled) if (d.reason !== 'TECHNICAL' && !kept.has(key)) kept.set(key, d);
  return kept;
}
