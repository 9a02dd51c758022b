import { allow, roleRule, type RuleMap } from '@kim/subgraph-runtime';

/**
 * Rules for the fields without an SDL tag. Finding a client is allowed to every caller that came
 * through the gateway: the scope in the query decides which clients exist for it, and every
 * field of a client is guarded by its category.
 */
export const rules: RuleMap = {
  Query: { client: allow, clients: allow, statistics: roleRule(['COORDINATOR']) },
  // Case work: case managers only; the resolvers then check the team (callerTeam, ownClient).
  Mutation: { registerClient: roleRule(['CASE_MANAGER']), handOverClient: roleRule(['CASE_MANAGER']), closeCase: roleRule(['CASE_MANAGER']) },
  CaseChange: { clientId: allow, eligibleAtIntake: allow, eligibilityReason: allow },
  ClientConnection: { edges: allow, pageInfo: allow, totalCount: allow },
  ClientEdge: { cursor: allow, node: allow },
  PageInfo: { hasNextPage: allow, endCursor: allow },
};
