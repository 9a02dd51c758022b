import { FIGURE_ROLES } from '@kim/schema';
import { allow, roleRule, type RuleMap } from '@kim/service-kit';
import { RECEIVING_ROLES } from './resolvers/referralWork.ts';

/**
 * Rules for the fields without an SDL tag. Finding a client is allowed to every caller that came
 * through the gateway: the scope in the query decides which clients exist for it, and every
 * field of a client is guarded by its category.
 */
export const rules: RuleMap = {
  Query: {
    client: allow,
    clients: allow,
    statistics: roleRule(FIGURE_ROLES),
    incomingReferrals: roleRule(RECEIVING_ROLES),
    overdueReferrals: roleRule(['CASE_MANAGER']),
  },
  // Case work: case managers only; the resolvers then check the team (callerTeam, ownClient).
  Mutation: {
    registerClient: roleRule(['CASE_MANAGER']),
    handOverClient: roleRule(['CASE_MANAGER']),
    closeCase: roleRule(['CASE_MANAGER']),
    addGoal: roleRule(['CASE_MANAGER']),
    setGoalStatus: roleRule(['CASE_MANAGER']),
    addCaseNote: roleRule(['CASE_MANAGER']),
    sendReferral: roleRule(['CASE_MANAGER']),
    // The receiving side: the resolvers check the referral is addressed to the caller's agency.
    // A case manager records the answer of an agency outside the hub (referralWork.ts).
    acknowledgeReferral: roleRule([...RECEIVING_ROLES, 'CASE_MANAGER']),
    recordReferralOutcome: roleRule([...RECEIVING_ROLES, 'CASE_MANAGER']),
  },
  CaseChange: { clientId: allow, id: allow, eligibleAtIntake: allow, eligibilityStage: allow, eligibilityReason: allow, eligibilityReasonCode: allow },
  ClientConnection: { edges: allow, pageInfo: allow, totalCount: allow },
  ClientEdge: { cursor: allow, node: allow },
  PageInfo: { hasNextPage: allow, endCursor: allow },
};
