import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];
type Node = NonNullable<QueryPlan['node']>;

/**
 * Every subgraph operation of a query plan, by subgraph, in plan order (duplicates once). A
 * subgraph fetched more than once in a plan (`@requires` sends the gateway back to it) is told
 * its other operations, so that it asks consent once per request, not once per fetch.
 */
export function operationsByService(plan: QueryPlan): ReadonlyMap<string, readonly string[]> {
  const byService = new Map<string, string[]>();
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch': {
        const ops = byService.get(node.serviceName) ?? [];
        if (!ops.includes(node.operation)) ops.push(node.operation);
        byService.set(node.serviceName, ops);
        return;
      }
      case 'Sequence':
      case 'Parallel':
        return node.nodes.forEach(visit);
      case 'Flatten':
        return visit(node.node);
      case 'Condition':
        visit(node.ifClause);
        return visit(node.elseClause);
      case 'Defer':
        visit(node.primary.node);
        return node.deferred.forEach((d) => visit(d.node));
      case 'Subscription':
        visit(node.primary);
        return visit(node.rest);
    }
  };
  visit(plan.node);
  return byService;
}

/** Beyond this many characters a subgraph is not told its other operations (a header has limits): it then asks per fetch. */
export const MAX_PLANNED_CHARS = 8_000;

/** The operations of `service` in the plan other than the one being sent, or none when they are too long to carry. */
export function otherOperations(planned: ReadonlyMap<string, readonly string[]> | undefined, service: string, sending: string): string[] {
  const others = (planned?.get(service) ?? []).filter((op) => op !== sending);
  return others.reduce((n, op) => n + op.length, 0) > MAX_PLANNED_CHARS ? [] : others;
}
