import { roleRule, type RuleMap } from '@kim/service-kit';

/** Every role that may act for an agency a client deals with: the client may withdraw with any of them. */
const WITHDRAWING_ROLES = [
  'CASE_MANAGER',
  'DATA_PROTECTION_OFFICER',
  'IMMIGRATION_CASEWORKER',
  'IMMIGRATION_TEAM_LEAD',
  'JOBCENTER_CASEWORKER',
  'JOBCENTER_TEAM_LEAD',
  'COUNSELLOR',
] as const;

/** The consent service holds no client-data categories: its fields are for roles. */
export const rules: RuleMap = {
  Query: {
    consentGrants: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    consentReceipt: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    auditTrail: roleRule(['DATA_PROTECTION_OFFICER']),
    verifyAuditChain: roleRule(['DATA_PROTECTION_OFFICER']),
    auditExport: roleRule(['DATA_PROTECTION_OFFICER']),
    // A case manager: for a client the team holds (the resolver decides, as for the consent record).
    art15Report: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    auditPublicKey: roleRule(['DATA_PROTECTION_OFFICER']),
    transferRequests: roleRule(['JOBCENTER_TEAM_LEAD', 'DATA_PROTECTION_OFFICER']),
  },
  Mutation: {
    recordConsent: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    recordConsentRefusal: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    renewConsent: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    revokeConsent: roleRule(['CASE_MANAGER', 'DATA_PROTECTION_OFFICER']),
    withdrawConsent: roleRule(WITHDRAWING_ROLES),
  },
};
