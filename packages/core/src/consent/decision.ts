import type { DataCategory, LegalBar, LegalBasis, ServiceName } from '@kim/schema';

/** One question a service asks the consent service: may the caller see this of this client? */
export interface ConsentQuestion {
  readonly clientId: string;
  readonly category: DataCategory;
  /**
   * The service holding the data at source, when it is not the asking service: set for the
   * inputs of a derived field, which the asking service got from elsewhere.
   */
  readonly source?: ServiceName;
  /**
   * A request in the individual case (a statutory basis with `onRequest`): why, and the
   * requesting authority's file reference. Decided and audited with the question.
   */
  readonly request?: TransferRequest;
}

/** What a request in the individual case must say; both are recorded in the decision's audit row. */
export interface TransferRequest {
  readonly reason: string;
  readonly fileReference: string;
}

/** Length limits of a request's reason and file reference (trimmed). */
export const TRANSFER_REQUEST_LIMITS = { reason: [10, 500], fileReference: [3, 100] } as const;

/**
 * The request from a field's or a wire's arguments, or the name of the first argument that is
 * missing or out of bounds. Whitespace around either is dropped.
 */
export function parseTransferRequest(args: { reason?: unknown; fileReference?: unknown } | null | undefined): TransferRequest | keyof TransferRequest {
  const value: Partial<Record<keyof TransferRequest, string>> = {};
  for (const key of ['reason', 'fileReference'] as const) {
    const raw = args?.[key];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const [min, max] = TRANSFER_REQUEST_LIMITS[key];
    if (text.length < min || text.length > max || /[\u0000-\u001f]/.test(text)) return key;
    value[key] = text;
  }
  return value as TransferRequest;
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
  // A norm bars the transfer whatever the consent (`basis` names it). Audit rows before issue 13
  // say PROFESSIONAL_SECRECY for the same bar.
  'LEGALLY_BARRED',
  'OUT_OF_SCOPE',
  'TECHNICAL',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface ConsentDecision extends ConsentQuestion {
  readonly allowed: boolean;
  readonly reason: DecisionReason;
  /** The basis an allowed decision rests on; for a LEGALLY_BARRED denial the norm that bars. */
  readonly basis: LegalBasis | LegalBar | null;
  readonly grantId: string | null;
  /**
   * For a category held under professional secrecy (SECRECY_CATEGORIES) allowed by grants: the
   * welfare associations whose records those grants release. Another association's records of
   * the client stay hidden (each association is its own body, § 203 StGB).
   */
  readonly releasedBy?: readonly string[];
}

/** The wire format of `POST /internal/decisions` on the consent service. */
export interface DecisionRequestBody {
  readonly questions: readonly ConsentQuestion[];
}
export interface DecisionResponseBody {
  readonly decisions: readonly ConsentDecision[];
  /**
   * Decisions for the later fetches of other agency subgraphs (the ticket's planned questions),
   * one signed bundle per subgraph (decisionBundle.ts in the service kit).
   */
  readonly bundles?: Readonly<Record<string, string>>;
}

export const DECISIONS_PATH = '/internal/decisions';

/**
 * The response extension in which a service tells the gateway how many consent decisions (each
 * an audit row) a request made it record: the gateway charges them to the caller's budget.
 */
export const DECISIONS_EXTENSION = 'kimRecordedDecisions';

/**
 * The response extension in which a subgraph hands the gateway the consent service's signed
 * decision bundles for other subgraphs (by name), and the request extension in which the gateway
 * passes each on to its subgraph's later fetch. The gateway only carries them: it cannot sign one.
 */
export const DECISION_BUNDLES_EXTENSION = 'kimDecisionBundles';
export const DECISION_BUNDLE_EXTENSION = 'kimDecisionBundle';

/**
 * `POST /internal/technical-denials` on the consent service (same body as a decision request):
 * the questions a subgraph denied because the consent answer was unusable, to be audited as such.
 */
export const TECHNICAL_DENIALS_PATH = '/internal/technical-denials';

/**
 * A question about one client, always of one shape (`source` and `request` present, undefined
 * when absent: JSON leaves them out). INTENTIONAL: an explicit literal, not `{ ...template,
 * clientId }` — on Node 20 object spread with added properties takes a slow path (≈ 20 µs
 * against ≈ 0.1 µs an object, `bench/src/decisionObjects.ts`), and the hub builds one per
 * question and per decision.
 */
export function consentQuestion(clientId: string, category: DataCategory, source: ServiceName | undefined, request: TransferRequest | undefined): ConsentQuestion {
  return { clientId, category, source, request };
}

/** The decision on `q`, as an explicit literal of one shape (see consentQuestion). */
export function consentDecision(
  q: ConsentQuestion,
  allowed: boolean,
  reason: DecisionReason,
  basis: ConsentDecision['basis'],
  grantId: string | null,
  releasedBy?: readonly string[],
): ConsentDecision {
  return { clientId: q.clientId, category: q.category, source: q.source, request: q.request, allowed, reason, basis, grantId, releasedBy };
}

/** A question refused because no usable answer was given for it: a failure to decide, audited as such. */
export function technicalDenial(q: ConsentQuestion): ConsentDecision {
  return consentDecision(q, false, 'TECHNICAL', null, null);
}

export function questionKey(q: ConsentQuestion): string {
  return questionKeyOf(q.clientId, q.category, q.source, q.request);
}

/** questionKey of a question given by its parts (an answer's, read without building the question). */
export function questionKeyOf(clientId: string, category: string, source: string | undefined, request: TransferRequest | undefined): string {
  const base = `${clientId}\u0000${category}\u0000${source ?? ''}`;
  return request ? `${base}\u0000${request.reason}\u0000${request.fileReference}` : base;
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
  /** The KIM team (agency) that holds the client from now on; null when the case is closed. */
  readonly team: string | null;
  /**
   * The day the client comes of age (`adultFromOf`), required with a team, none at closing: until
   * then a consent needs the legal representative. The date alone, not the birth date (Art. 5 (1)(c) GDPR).
   */
  readonly adultFrom?: string | null;
}

/** Age of majority in Germany (§ 2 BGB). */
export const AGE_OF_MAJORITY = 18;

/**
 * The day a person born on `birthDate` (YYYY-MM-DD) comes of age: the 18th birthday, from its
 * start (§ 187 (2) BGB counts the day of birth); born on 29 February, 1 March in a year without
 * one (§ 188 (3) BGB ends the 18 years with 28 February).
 */
export function adultFromOf(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + AGE_OF_MAJORITY, m - 1, d)).toISOString().slice(0, 10);
}
