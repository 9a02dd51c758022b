import type { PersonaName } from '@kim/demo';

/** The benchmark's operations: what each workload sends, as whom. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly persona: PersonaName;
  readonly purpose?: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export const CLIENT_VIEW = /* GraphQL */ `query JoinedView($id: ID!) { client(id: $id) {
  id givenName familyName birthDate nationality town status
  currentResidenceTitle { titleType validFrom validUntil workPermitted } residentSince
  receivesBenefits benefitCase { status since householdSize }
  counsellingContacts { date topic service } languageLevel
  consents { grantee categories purposes active } } }`;
export const PAGE = /* GraphQL */ `query Caseload($first: Int!) { clients(first: $first) { totalCount edges { node {
  id givenName familyName town status
  currentResidenceTitleType workPermitted
  receivesBenefits benefitCase { status since }
  languageLevel counsellingContacts { date topic } } } } }`;
export const TRAIL = /* GraphQL */ `query Trail($id: ID!) {
  auditTrail(filter: { clientId: $id }, first: 50) { edges { node { seq at agency category allowed reason } } pageInfo { hasNextPage } }
  verifyAuditChain(clientId: $id) { valid entries problem } }`;

export const PARTNER = { persona: 'jobcenter', purpose: 'LABOUR_MARKET_INTEGRATION', agency: 'JOBCENTER' } as const;

/** Workloads 1–3: the reads timed against the bare peer. */
export const READ_WORKLOADS: readonly Workload[] = [
  { id: 'w1', title: "one client's joined view (cm-neuss)", persona: 'cm-neuss', query: CLIENT_VIEW, variables: { id: 'K-000001' } },
  { id: 'w2', title: 'caseload page of 50 clients, four agencies (cm-neuss)', persona: 'cm-neuss', query: PAGE, variables: { first: 50 } },
  { id: 'w3', title: `same page as ${PARTNER.persona} (${PARTNER.purpose}), mixed allow/deny`, persona: PARTNER.persona, purpose: PARTNER.purpose, query: PAGE, variables: { first: 50 } },
];
