import {
  OWNER_BASES,
  SECRECY_BARRIERS,
  SERVICE_OWNER,
  SPECIAL_CATEGORIES,
  STATUTORY_BASES,
  organisationOf,
  type Agency,
  type DataCategory,
  type LegalBasis,
  type Purpose,
  type ServiceName,
} from '@kim/schema';
import type { ConsentDecision, ConsentQuestion } from '@kim/subgraph-runtime';

/** A grant as far as a decision needs it; the caller passes only grants valid now for its agency. */
export interface ActiveGrant {
  readonly id: string;
  readonly kimClientId: string;
  readonly grantee: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly legalBasis: string;
  /** The hash of the grant's latest event in the audit chain: what a decision resting on it names. */
  readonly eventHash?: string;
}

export interface DecisionInput {
  readonly agency: Agency;
  readonly purpose: Purpose;
  /** The service whose data is asked for: its owner organisation holds the data. */
  readonly service: ServiceName;
}

function allow(q: ConsentQuestion, reason: ConsentDecision['reason'], basis: LegalBasis, grantId: string | null = null): ConsentDecision {
  return { ...q, allowed: true, reason, basis, grantId };
}
function deny(q: ConsentQuestion, reason: ConsentDecision['reason']): ConsentDecision {
  return { ...q, allowed: false, reason, basis: null, grantId: null };
}

/**
 * Decides one question, in this order: professional secrecy bars; the owner reads its own data
 * under its own basis for its own purposes; special categories need explicit consent; statutory
 * bases configured for the agency pair; a valid grant of this client to this agency for this
 * category and purpose. Anything else is denied.
 */
export function decide(input: DecisionInput, question: ConsentQuestion, grants: readonly ActiveGrant[]): ConsentDecision {
  const owner = SERVICE_OWNER[input.service];
  const category: DataCategory = question.category;
  if (SECRECY_BARRIERS.some((b) => b.owner === owner && b.categories.includes(category) && b.never.includes(input.agency))) {
    return deny(question, 'PROFESSIONAL_SECRECY');
  }
  if (organisationOf(input.agency) === owner && owner !== 'OTHER' && owner !== 'CONSENT_REGISTRY') {
    const own = OWNER_BASES[owner];
    if (own.purposes.includes(input.purpose)) return allow(question, 'OWNER', own.basis);
  }
  const special = SPECIAL_CATEGORIES.includes(category);
  if (!special) {
    const statute = STATUTORY_BASES.find(
      (s) => s.grantee === input.agency && s.owner === owner && s.categories.includes(category) && s.purposes.includes(input.purpose),
    );
    if (statute) return allow(question, 'STATUTE', statute.basis);
  }
  const grant = grants.find(
    (g) =>
      g.kimClientId === question.clientId &&
      g.grantee === input.agency &&
      g.categories.includes(category) &&
      g.purposes.includes(input.purpose) &&
      (!special || g.legalBasis === 'CONSENT'),
  );
  if (grant) return allow(question, 'GRANT', grant.legalBasis as LegalBasis, grant.id);
  return deny(question, special ? 'SPECIAL_CATEGORY_NEEDS_CONSENT' : 'NO_BASIS');
}
