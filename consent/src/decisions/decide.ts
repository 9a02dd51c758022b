import {
  SECRECY_CATEGORIES,
  SERVICE_OWNER,
  SPECIAL_CATEGORIES,
  STATUTORY_BASES,
  legalBarOf,
  organisationOf,
  ownerBasisOf,
  type Agency,
  type DataCategory,
  type LegalBar,
  type LegalBasis,
  type Purpose,
  type ServiceName,
} from '@kim/schema';
import { consentDecision, type ConsentDecision, type ConsentQuestion } from '@kim/service-kit';

/** A grant as far as a decision needs it; the caller passes only grants valid now for its agency. */
export interface ActiveGrant {
  readonly id: string;
  readonly kimClientId: string;
  readonly grantee: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly legalBasis: string;
  /** For counselling and health data: the association whose counsellors released them. */
  readonly releasingOrganisation?: string | null;
  /** The hash of the grant's latest event in the audit chain: what a decision resting on it names. */
  readonly eventHash?: string;
}

export interface DecisionInput {
  readonly agency: Agency;
  readonly purpose: Purpose;
  /** The service whose data is asked for: its owner organisation holds the data. */
  readonly service: ServiceName;
  /** Statutory entries switched off by configuration (KIM_STATUTORY_BASES_OFF): never applied. */
  readonly statutesOff?: ReadonlySet<LegalBasis>;
}

// INTENTIONAL: explicit literals of one shape (consentDecision), never `{ ...q, allowed, … }`:
// object spread with added properties is a slow path on Node 20, and this runs per decision.
function allow(q: ConsentQuestion, reason: ConsentDecision['reason'], basis: LegalBasis, grantId: string | null = null): ConsentDecision {
  return consentDecision(q, true, reason, basis, grantId);
}
function deny(q: ConsentQuestion, reason: ConsentDecision['reason'], norm: LegalBar | null = null): ConsentDecision {
  return consentDecision(q, false, reason, norm, null);
}

/**
 * Decides one question, in this order: legal bars (LEGAL_BAR_RULES: denied as LEGALLY_BARRED, the
 * decision's basis naming the norm); the owner reads its own data
 * under its own basis for its own purposes (KIM only while the client's consent to the asking team
 * lasts: participation is voluntary); special categories need explicit consent; statutory
 * bases configured for the agency pair; a valid grant of this client to this agency for this
 * category and purpose. Anything else is denied.
 */
export function decide(input: DecisionInput, question: ConsentQuestion, grants: readonly ActiveGrant[]): ConsentDecision {
  const owner = SERVICE_OWNER[input.service];
  const category: DataCategory = question.category;
  const bar = legalBarOf(owner, category, input.agency);
  if (bar) return deny(question, 'LEGALLY_BARRED', bar);
  const special = SPECIAL_CATEGORIES.includes(category);
  const own = organisationOf(input.agency) === owner ? ownerBasisOf(input.agency) : null;
  if (own?.purposes.includes(input.purpose)) {
    if (!own.onConsent) return allow(question, 'OWNER', own.basis);
    const participation = grants.find(
      (g) =>
        g.kimClientId === question.clientId &&
        g.grantee === input.agency &&
        g.legalBasis === 'CONSENT' &&
        g.purposes.includes(input.purpose) &&
        (!special || g.categories.includes(category)),
    );
    if (participation) return allow(question, 'OWNER', own.basis, participation.id);
    return deny(question, special ? 'SPECIAL_CATEGORY_NEEDS_CONSENT' : 'NO_BASIS');
  }
  if (!special) {
    // A basis that holds only on a request in the individual case counts only for a question
    // that carries one (its reason and file reference are audited with the decision).
    const statute = STATUTORY_BASES.find(
      (s) =>
        s.grantee === input.agency &&
        s.owner === owner &&
        s.categories.includes(category) &&
        s.purposes.includes(input.purpose) &&
        (!s.onRequest || question.request !== undefined) &&
        !input.statutesOff?.has(s.basis),
    );
    if (statute) return allow(question, 'STATUTE', statute.basis);
  }
  const matching = grants.filter(
    (g) =>
      g.kimClientId === question.clientId &&
      g.grantee === input.agency &&
      g.categories.includes(category) &&
      g.purposes.includes(input.purpose) &&
      (!special || g.legalBasis === 'CONSENT'),
  );
  const grant = matching[0];
  if (!grant) return deny(question, special ? 'SPECIAL_CATEGORY_NEEDS_CONSENT' : 'NO_BASIS');
  if (!SECRECY_CATEGORIES.includes(category)) return allow(question, 'GRANT', grant.legalBasis as LegalBasis, grant.id);
  // Each association releases its own records: the grants name which (none named: none released).
  const releasedBy = [...new Set(matching.flatMap((g) => (g.releasingOrganisation ? [g.releasingOrganisation] : [])))].sort();
  return consentDecision(question, true, 'GRANT', grant.legalBasis as LegalBasis, grant.id, releasedBy);
}
