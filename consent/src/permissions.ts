import { roleRule, type RuleMap } from '@kim/subgraph-runtime';

/** The consent service holds no client-data categories: its fields are for roles. */
export const rules: RuleMap = {
  Query: {
    consentGrants: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    auditTrail: roleRule(['DATA_PROTECTION_OFFICER']),
    verifyAuditChain: roleRule(['DATA_PROTECTION_OFFICER']),
    auditExport: roleRule(['DATA_PROTECTION_OFFICER']),
    art15Report: roleRule(['DATA_PROTECTION_OFFICER']),
    transferRequests: roleRule(['JOBCENTER_TEAM_LEAD', 'DATA_PROTECTION_OFFICER']),
  },
  Mutation: {
    recordConsent: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    revokeConsent: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
  },
};
