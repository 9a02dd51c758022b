import type { DataCategory, LegalBasis, ServiceName } from '@kim/schema';

/** One question a service asks the consent service: may the caller see this of this client? */
export interface ConsentQuestion {
  readonly clientId: string;
  readonly category: DataCategory;
  /**
   * The service holding the data at source, when it is not the asking service: set for the
   * inputs of a derived field, which the asking service got from elsewhere.
   */
  readonly source?: ServiceName;
}

/** A question without its client: what a field's rule asks for each client it is read for. */
export type QuestionTemplate = Omit<ConsentQuestion, 'clientId'>;

/** Why a decision came out as it did; recorded in the audit log with it. */
export const DECISION_REASONS = [
  'OWNER',
  'STATUTE',
  'GRANT',
  'NO_BASIS',
  'SPECIAL_CATEGORY_NEEDS_CONSENT',
  'PROFESSIONAL_SECRECY',
  'OUT_OF_SCOPE',
  'TECHNICAL',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface ConsentDecision extends ConsentQuestion {
  readonly allowed: boolean;
  readonly reason: DecisionReason;
  readonly basis: LegalBasis | null;
  readonly grantId: string | null;
}

/** The wire format of `POST /internal/decisions` on the consent service. */
export interface DecisionRequestBody {
  readonly questions: readonly ConsentQuestion[];
}
export interface DecisionResponseBody {
  readonly decisions: readonly ConsentDecision[];
}

export const DECISIONS_PATH = '/internal/decisions';

/**
 * The response extension in which a service tells the gateway how many consent decisions (each
 * an audit row) a request made it record: the gateway charges them to the caller's budget.
 */
export const DECISIONS_EXTENSION = 'kimRecordedDecisions';

/**
 * `POST /internal/technical-denials` on the consent service (same body as a decision request):
 * the questions a subgraph denied because the consent answer was unusable, to be audited as such.
 */
export const TECHNICAL_DENIALS_PATH = '/internal/technical-denials';

/** A question refused because no usable answer was given for it: a failure to decide, audited as such. */
export function technicalDenial(q: ConsentQuestion): ConsentDecision {
  return { ...q, allowed: false, reason: 'TECHNICAL', basis: null, grantId: null };
}

export function questionKey(q: ConsentQuestion): string {
  return `${q.clientId}\u0000${q.category}\u0000${q.source ?? ''}`;
}

/**
 * `POST /internal/shared-clients` on the consent service: the ids of the clients who hold an
 * active grant to the caller's agency. A partner agency's list of KIM
 * clients is exactly these: the clients who chose to share something with it.
 */
export const SHARED_CLIENTS_PATH = '/internal/shared-clients';
export interface SharedClientsResponseBody {
  readonly clientIds: readonly string[];
}

/**
 * `POST /internal/client-team` on the consent service: the case registry records which KIM team
 * holds a client (intake, handover), the fact that decides who may record the client's consent.
 */
export const CLIENT_TEAM_PATH = '/internal/client-team';
export interface ClientTeamRequestBody {
  readonly clientId: string;
  /** The KIM team (agency) that holds the client from now on. */
  readonly team: string;
}
