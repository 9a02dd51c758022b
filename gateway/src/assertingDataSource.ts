import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { ServiceName } from '@kim/schema';
import { ASSERTION_HEADER, CONSENT_TICKET_HEADER, DECISIONS_EXTENSION, DECISION_BUNDLE_EXTENSION, DECISION_BUNDLES_EXTENSION, requestBodyHash, signAssertion, signConsentTicket, type AssertionKey, type Caller } from '@kim/core';
import type { Logger, RequestTrace } from '@kim/core';
import { withoutStackCapture } from './downstreamErrors.ts';
import { otherOperations, type ConsentPlan } from './plannedOperations.ts';
import { unavailableErrors } from './unavailableErrors.ts';

export interface GatewayContext {
  readonly caller: Caller;
  /** Consent decisions the services made (and audited) for this request, as they report them. */
  readonly recorded?: { decisions: number };
  /** Each subgraph's operations in this request's query plan, set once the plan is known. */
  plannedOperations?: ReadonlyMap<string, readonly string[]>;
  /** Which fetch asks consent for the later ones of other subgraphs (consentPlan). */
  consentPlan?: ConsentPlan | null;
  /** Set once the asking fetch is sent: a second fetch of that subgraph asks for itself only. */
  consentPlanAsked?: boolean;
  /** Signed decision bundles an earlier fetch brought for a later fetch's subgraph, by subgraph. */
  bundles?: Map<string, string[]>;
  /** The request's span (a no-op one unless traces are exported). */
  readonly trace?: RequestTrace;
}

/**
 * Sends each subgraph request with one fresh assertion addressed to that subgraph and bound to
 * that request (MACed with the subgraph's own key), and nothing of the caller's own headers:
 * services trust the gateway's MAC, never what a caller says. An agency subgraph also gets a
 * consent ticket, MACed with the consent service's key, to forward with its consent calls.
 */
export class AssertingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Each fetch's span, from process() to willSendRequest() (Apollo passes both the same options). */
  private readonly spans = new WeakMap<object, RequestTrace>();

  constructor(
    private readonly service: ServiceName,
    url: string,
    private readonly keys: Readonly<Record<ServiceName, AssertionKey>>,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {
    super({
      url,
      fetcher: (input, init) => fetch(input as string, { ...(init as RequestInit), signal: AbortSignal.timeout(this.timeoutMs) }) as never,
    });
  }

  /**
   * A subgraph that refuses, drops or outlasts its timeout costs only its own fields: they come
   * back null with SERVICE_UNAVAILABLE errors at their paths. Nothing is retried.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const span = 'context' in options ? options.context.trace?.child(`subgraph ${this.service}`) : undefined;
    if (span) this.spans.set(options, span);
    try {
      const response = await super.process(options);
      span?.end(Boolean(response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')));
      if (response.errors) withoutStackCapture(response.errors);
      const decisions = response.extensions?.[DECISIONS_EXTENSION];
      const bundles = response.extensions?.[DECISION_BUNDLES_EXTENSION];
      if (response.extensions) {
        delete response.extensions[DECISIONS_EXTENSION];
        delete response.extensions[DECISION_BUNDLES_EXTENSION];
      }
      if ('context' in options && options.context.recorded && typeof decisions === 'number' && decisions > 0) options.context.recorded.decisions += decisions;
      if ('context' in options && options.context.caller && bundles) this.keepBundles(options.context as GatewayContext, bundles);
      return response;
    } catch (error) {
      span?.end(true);
      // The enum of request kinds is not exported; 'incoming operation' is a caller's request.
      if (options.kind !== ('incoming operation' as typeof options.kind) || !('context' in options)) throw error;
      this.log.warn({ requestId: options.context.caller?.requestId, service: this.service, err: error }, 'subgraph fetch failed');
      return { errors: unavailableErrors(options.request.query, options.request.variables) };
    }
  }

  /**
   * Keeps the bundles a fetch brought for subgraphs the plan fetches later (only those: a bundle
   * for anything else has no fetch to go to). The gateway cannot check them (it does not hold the
   * consent service's key) and need not: the subgraph they are for does.
   */
  private keepBundles(context: GatewayContext, bundles: unknown): void {
    if (!bundles || typeof bundles !== 'object' || Array.isArray(bundles)) return;
    const planned = context.consentPlan?.planned ?? {};
    for (const [service, tokens] of Object.entries(bundles as Record<string, unknown>)) {
      if (!(service in planned) || !Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) continue;
      context.bundles ??= new Map();
      context.bundles.set(service, [...(context.bundles.get(service) ?? []), ...(tokens as string[])]);
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers || !('caller' in context) || !context.caller) return;
    const others = otherOperations(context.plannedOperations, this.service, request.query ?? '');
    const bundles = context.bundles?.get(this.service);
    // Not part of the assertion's body hash: each bundle is signed by the consent service and
    // bound to this subgraph, request and caller, which is what the subgraph checks.
    if (bundles) request.extensions = { ...request.extensions, [DECISION_BUNDLE_EXTENSION]: bundles };
    // Bound to exactly what RemoteGraphQLDataSource sends next: this operation, its variables and name.
    headers.set(ASSERTION_HEADER, signAssertion(this.keys[this.service], context.caller, this.service, requestBodyHash(request), others));
    if (this.service !== 'consent') {
      // The plan's first fetch asks for the later ones of other subgraphs; only that one fetch.
      const plan = context.consentPlan;
      const asks = plan?.asker === this.service && !context.consentPlanAsked;
      if (asks) context.consentPlanAsked = true;
      headers.set(CONSENT_TICKET_HEADER, signConsentTicket(this.keys.consent, context.caller, this.service, asks ? plan.planned : undefined));
    }
    // The subgraph's spans join the request's trace (W3C traceparent; no caller data in it).
    for (const [name, value] of Object.entries(this.spans.get(options)?.headers() ?? {})) headers.set(name, value);
  }
}
