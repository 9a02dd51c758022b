import type { Agency, Purpose, Role, Town } from '@kim/schema';

/** Who is asking, for what: established by the gateway, carried to services in its assertion. */
export interface Caller {
  readonly subject: string;
  readonly agency: Agency;
  readonly role: Role;
  /**
   * The town whose clients the caller's team serves; set exactly for roles scoped to a team
   * (`ROLE_SCOPE`), which then see only those clients of their agency.
   */
  readonly team?: Town;
  readonly purpose: Purpose;
  readonly requestId: string;
}

/** The header that carries the gateway's signed assertion to a service. */
export const ASSERTION_HEADER = 'x-kim-assertion';

/**
 * The header that carries the gateway's consent ticket (a MAC under the consent service's key)
 * to an agency subgraph, which forwards it with its calls to the consent service.
 */
export const CONSENT_TICKET_HEADER = 'x-kim-consent-ticket';
