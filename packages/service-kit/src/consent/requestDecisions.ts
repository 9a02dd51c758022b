import type { Caller, ConsentDecision } from '@kim/core';

/** The decisions one gateway request has received so far, by question key. */
export type RequestDecisions = Map<string, ConsentDecision>;

export interface RequestDecisionStore {
  /** The decisions of the caller's gateway request: the same map for each of its fetches. */
  forRequest(caller: Caller): RequestDecisions;
}

/**
 * Keeps each gateway request's consent decisions for the later fetches of the same request —
 * a query plan that comes back to this subgraph (`@requires`) then asks no second time. Keyed by
 * the gateway's request id AND everything the decisions depend on (who, which agency, role,
 * team, purpose), so no other request and no other caller ever sees them: a revocation counts
 * on the very next request, as without this store. Only requests whose plan fetches this
 * subgraph more than once use it; entries go after `ttlMs` (a request's assertions live no
 * longer) or, oldest first, beyond `maxRequests`.
 */
export function createRequestDecisionStore(options: { readonly ttlMs: number; readonly maxRequests: number; readonly now?: () => number }): RequestDecisionStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { readonly expires: number; readonly decisions: RequestDecisions }>();
  return {
    forRequest(caller) {
      const at = now();
      // Insertion order is age order: expired entries are all at the front.
      for (const [key, entry] of entries) {
        if (entry.expires > at && entries.size < options.maxRequests) break;
        entries.delete(key);
      }
      const key = [caller.requestId, caller.subject, caller.agency, caller.role, caller.team ?? '', caller.purpose].join('\u0000');
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = { expires: at + options.ttlMs, decisions: new Map() }));
      return entry.decisions;
    },
  };
}
