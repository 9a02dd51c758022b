import { AGENCY_INFO, ROLE_SCOPE, SPECIAL_CATEGORIES, WELFARE_ASSOCIATIONS, organisationOf, type Agency, type DataCategory, type Purpose, type Role, type Town } from '@kim/schema';
// INTENTIONAL: the consent service's pure decision function, reused as the brief asks; what is
// independent here is everything around it (scope, derived inputs, lists, rows, the walk).
import { decide, type ActiveGrant } from '../../consent/src/decisions/decide.ts';
import { parseTransferRequest, type TransferRequest } from '@kim/service-kit';
import type { GrantRow } from './consentStates.ts';
import type { CategoryQuestion, FieldRule, FieldRules } from './fieldRules.ts';

export interface OracleCaller {
  readonly agency: Agency;
  readonly role: Role;
  readonly purpose: Purpose;
  /** The persona's team, for a partner role scoped to a team. */
  readonly team?: Town;
}

/** What the case registry holds about a client that decides scope and list filters. */
export interface RegistryEntry {
  readonly id: string;
  readonly town: string;
  readonly status: string;
  readonly caseManagerId: string | null;
  readonly givenName: string;
  readonly familyName: string;
  /** The intake's target-group check (null: registered before intake existed). */
  readonly eligibleAtIntake: boolean | null;
  /** Whether the client is a minor today follows from it (a consent then needs the legal representative). */
  readonly birthDate: Date;
}

export interface ClientsFilterValue {
  readonly town?: string | null;
  readonly status?: string | null;
  readonly caseManagerId?: string | null;
  /** Words each found, ignoring case, in the given or the family name (README, Consent decisions). */
  readonly name?: string | null;
  /** The start of the KIM id: discloses no category (ids are what the scope lists). */
  readonly idPrefix?: string | null;
  /** The intake's check as stored: clients not checked (null) match neither value. */
  readonly targetGroupAtIntake?: boolean | null;
}

/**
 * The fields a `clients` filter matches on: filtering by one discloses that field of every client
 * it lets through (design.md: "a filter on a category the caller may not see is itself a disclosure").
 */
const FILTER_FIELDS: Readonly<Record<keyof ClientsFilterValue, readonly string[]>> = {
  town: ['Client.town'],
  status: ['Client.status'],
  caseManagerId: ['Client.caseManager'],
  name: ['Client.givenName', 'Client.familyName'],
  idPrefix: [],
  // A derived field: its rule asks its category and every input's (fieldRules), as the filter must.
  targetGroupAtIntake: ['Client.targetGroupAtIntake'],
};

/** Whether a client matches one filter value, as the README describes each filter. */
function matches(c: RegistryEntry, key: keyof ClientsFilterValue, filterValue: string | boolean): boolean {
  if (key === 'targetGroupAtIntake') return c.eligibleAtIntake === filterValue;
  const value = String(filterValue);
  if (key === 'name') {
    const words = value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return words.every((w) => c.givenName.toLowerCase().includes(w) || c.familyName.toLowerCase().includes(w));
  }
  if (key === 'idPrefix') return c.id.startsWith(value.trim().toUpperCase());
  return c[key] === value;
}

/**
 * Client lists whose rows a welfare association holds under professional secrecy: a counsellor
 * is shown only their own association's rows (README, welfare subgraph).
 */
export const ASSOCIATION_HELD_LISTS = ['Client.counsellingContacts', 'Client.housingNeeds', 'Client.healthNeeds'] as const;

/** The association-held lists under professional secrecy, and their category (SECRECY_CATEGORIES). */
const SECRECY_LISTS: Readonly<Record<string, DataCategory>> = { 'Client.counsellingContacts': 'COUNSELLING', 'Client.healthNeeds': 'HEALTH' };

/**
 * What one caller, under one purpose and one consent state, may see — computed from the rules as
 * the README states them, not from the services' code paths:
 * - which clients it knows of at all: a KIM team its own town's, the coordinating office and
 *   data-protection officers none, a partner agency those holding an active grant to it (a
 *   caseworker scoped to a team: none by `client`/`clients`, only from its own files);
 * - per field, every category the field discloses (a derived field's inputs as held at their
 *   source) decided by `decide` with the grants valid now for the caller's agency;
 * - `@restricted` fields by role, and a client's grant record only for a data-protection officer
 *   or a case manager of the team that holds the client;
 * - a `clients` list: the known clients matching the filter, and only those whose filtered
 *   fields the caller may see.
 */
export class Oracle {
  private readonly active: readonly ActiveGrant[];

  constructor(
    readonly caller: OracleCaller,
    private readonly registry: ReadonlyMap<string, RegistryEntry>,
    private readonly rules: FieldRules,
    grants: readonly GrantRow[],
    now: Date,
  ) {
    this.active = grants.filter(
      (g) => g.grantee === caller.agency && !g.neverInForce && !g.caseEnded && g.revokedAt === null && g.validFrom <= now && (g.validUntil === null || g.validUntil > now),
    );
  }

  /** Whether the caller may know that this client exists. */
  knows(clientId: string): boolean {
    const client = this.registry.get(clientId);
    if (!client) return false;
    if (organisationOf(this.caller.agency) === 'KIM') {
      const town = AGENCY_INFO[this.caller.agency].town;
      return town !== undefined && client.town === town;
    }
    // A caseworker scoped to a team reaches clients only from its team's own files (which the
    // operations here never start from): the registry's lookups know no one for it, since
    // scoping them by the registry's data (the town) would disclose that data.
    if (ROLE_SCOPE[this.caller.role] !== 'AGENCY') return false;
    return this.active.some((g) => g.kimClientId === clientId);
  }

  decision(clientId: string, question: CategoryQuestion, request?: TransferRequest) {
    return decide(
      { agency: this.caller.agency, purpose: this.caller.purpose, service: question.service },
      { clientId, category: question.category, ...(request ? { request } : {}) },
      this.active,
    );
  }

  /**
   * Whether a non-null value of this field of this client may reach the caller. A field that
   * answers a request in the individual case needs its arguments (reason, file reference) whole:
   * without them nothing is decided, and with them a statute on request may hold.
   */
  allows(clientId: string, fieldKey: string, rule: FieldRule, args: Readonly<Record<string, unknown>> = {}): boolean {
    if (!this.knows(clientId)) return false;
    if (rule.kind === 'category' && rule.onRequest) {
      const request = parseTransferRequest(args);
      return typeof request !== 'string' && rule.questions.every((q) => this.decision(clientId, q, request).allowed);
    }
    if (rule.kind === 'category') return rule.questions.every((q) => this.decision(clientId, q).allowed);
    if (!rule.roles.includes(this.caller.role)) return false;
    return fieldKey !== 'Client.consents' || this.mayViewGrantsOf(clientId);
  }

  /** Whether the value is there only because of a grant (for the coverage figures). */
  allowedByGrant(clientId: string, rule: FieldRule): boolean {
    return rule.kind === 'category' && rule.questions.some((q) => this.decision(clientId, q).reason === 'GRANT');
  }

  /** The team that holds the client (the case registry's record), never the grants that exist. */
  private mayViewGrantsOf(clientId: string): boolean {
    if (this.caller.role === 'DATA_PROTECTION_OFFICER') return true;
    const client = this.registry.get(clientId);
    return this.caller.role === 'CASE_MANAGER' && client !== undefined && this.caller.agency === `KIM_${client.town}`;
  }

  /** The ids a `clients(filter:)` list may hold, in the documented order (id ascending). */
  listable(filter: ClientsFilterValue): string[] {
    const used = (Object.keys(FILTER_FIELDS) as (keyof ClientsFilterValue)[]).filter((k) => filter[k] !== undefined && filter[k] !== null);
    return [...this.registry.values()]
      .filter((c) => this.knows(c.id))
      .filter((c) => used.every((k) => matches(c, k, filter[k] as string | boolean)))
      .filter((c) =>
        used.every((k) =>
          FILTER_FIELDS[k].every((field) => {
            const rule = this.rules.get(field);
            if (!rule) throw new Error(`no rule for ${field}`);
            return this.allows(c.id, field, rule);
          }),
        ),
      )
      .map((c) => c.id)
      .sort();
  }

  /** Whose association-held rows the caller may be shown: a counsellor only their own association's. */
  /**
   * Whether a row of an association-held list may reach the caller: a counsellor sees only their
   * own association's rows; anyone else, of the lists held under professional secrecy, only rows
   * of an association that a grant valid for this client, category and purpose releases.
   */
  seesRecord(clientId: string, list: string, association: string): boolean {
    if (organisationOf(this.caller.agency) === 'WELFARE') {
      return (WELFARE_ASSOCIATIONS as readonly string[]).includes(this.caller.agency) && association === this.caller.agency;
    }
    const category = SECRECY_LISTS[list];
    if (category === undefined) return true;
    return this.active.some(
      (g) =>
        g.kimClientId === clientId &&
        g.categories.includes(category) &&
        g.purposes.includes(this.caller.purpose) &&
        (!SPECIAL_CATEGORIES.includes(category) || g.legalBasis === 'CONSENT') &&
        g.releasingOrganisation === association,
    );
  }
}
