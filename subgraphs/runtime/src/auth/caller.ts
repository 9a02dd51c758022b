import type { Agency, Purpose, Role } from '@kim/schema';

/** Who is asking, for what: established by the gateway, carried to services in its assertion. */
export interface Caller {
  readonly subject: string;
  readonly agency: Agency;
  readonly role: Role;
  readonly purpose: Purpose;
  readonly requestId: string;
}

/** The header that carries the gateway's signed assertion to a service. */
export const ASSERTION_HEADER = 'x-kim-assertion';
