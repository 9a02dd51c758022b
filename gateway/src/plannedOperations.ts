import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { PlannedForOthers, QuestionTemplate } from '@kim/core';

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];
type Node = NonNullable<QueryPlan['node']>;

/**
 * Every subgraph operation of a query plan, by subgraph, in plan order (duplicates once). A
 * subgraph fetched more than once in a plan (`@requires` sends the gateway back to it) is told
 * its other operations, so that it asks consent once per request, not once per fetch.
 */
export function operationsByService(plan: QueryPlan): ReadonlyMap<string, readonly string[]> {
  return operationsOf(plan.node);
}

function operationsOf(root: Node | undefined): Map<string, string[]> {
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
  visit(root);
  return byService;
}

/** Which fetch asks consent for the plan's later fetches of other subgraphs, and what they will ask. */
export interface ConsentPlan {
  /** The subgraph of the plan's first fetch: its consent ticket carries `planned`. */
  readonly asker: string;
  readonly planned: PlannedForOthers;
}

/**
 * For a plan that starts with one stage of fetches and goes on to other agency subgraphs (the
 * joined client view: the case registry, then the other three by entity fetches): the first
 * fetch's consent call also decides what those later fetches will ask, for the clients it asks
 * about, and they get those decisions passed on instead of calling consent each. A subgraph
 * already in the first stage is left to itself (its own later operations ride in its assertion);
 * null when there is nothing to plan. `questionsOf` answers from each subgraph's field map.
 */
export function consentPlan(plan: QueryPlan, questionsOf: (service: string, operations: readonly string[]) => readonly QuestionTemplate[]): ConsentPlan | null {
  const node = plan.node;
  if (node?.kind !== 'Sequence' || node.nodes.length < 2) return null;
  const first = operationsOf(node.nodes[0]);
  const asker = first.keys().next().value;
  if (asker === undefined || asker === 'consent') return null;
  const later = new Map<string, string[]>();
  for (const stage of node.nodes.slice(1)) {
    for (const [service, ops] of operationsOf(stage)) later.set(service, [...(later.get(service) ?? []), ...ops]);
  }
  const planned: Record<string, readonly QuestionTemplate[]> = {};
  for (const [service, ops] of later) {
    if (service === 'consent' || first.has(service)) continue;
    const templates = questionsOf(service, ops);
    if (templates.length > 0) planned[service] = templates;
  }
  return Object.keys(planned).length > 0 ? { asker, planned: planned as PlannedForOthers } : null;
}

/** Beyond this many characters a subgraph is not told its other operations (a header has limits): it then asks per fetch. */
export const MAX_PLANNED_CHARS = 8_000;

/** The operations of `service` in the plan other than the one being sent, or none when they are too long to carry. */
export function otherOperations(planned: ReadonlyMap<string, readonly string[]> | undefined, service: string, sending: string): string[] {
  const others = (planned?.get(service) ?? []).filter((op) => op !== sending);
  return others.reduce((n, op) => n + op.length, 0) > MAX_PLANNED_CHARS ? [] : others;
}
