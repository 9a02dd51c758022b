import { PERSONAS, type PersonaName } from '@kim/demo';
import { CATEGORY_SOURCE, DATA_CATEGORIES, FIGURE_ROLES, PURPOSES, SERVICE_OWNER, legalBarOf, type Agency, type DataCategory, type LegalBar, type Purpose } from '@kim/schema';
import fc from 'fast-check';
import { consentInput } from '../support/consentRecord.ts';
import type { GraphQLResponse, TestHub } from '../support/testHub.ts';
import type { RegistryEntry } from './oracle.ts';

/**
 * Consent changes made through the gateway by random personas — the way the issue-13 attack made
 * them — beside the ones written straight into the database. The judge below decides from the
 * case registry's record alone who may record or withdraw what; the service must agree, and the
 * leak property then runs on whatever grants the API let through.
 */
export interface ApiRecord {
  readonly kind: 'record';
  readonly persona: PersonaName;
  readonly clientId: string;
  readonly grantee: Agency;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly Purpose[];
  /** Whether the record names a legal representative (a minor's record needs one). */
  readonly represented: boolean;
}

/** A withdrawal of one of the grants in the database at that moment, chosen by position. */
export interface ApiWithdraw {
  readonly kind: 'withdraw';
  readonly persona: PersonaName;
  readonly target: number;
  /** `revokeConsent` (holding team, DPO) or `withdrawConsent` (also the recipient agency's staff). */
  readonly via: 'revoke' | 'withdraw';
}

export type ApiChange = ApiRecord | ApiWithdraw;

export function apiChangeArb(personas: readonly PersonaName[], clientIds: readonly string[], grantees: readonly Agency[]): fc.Arbitrary<ApiChange[]> {
  const record: fc.Arbitrary<ApiRecord> = fc.record({
    kind: fc.constant('record' as const),
    persona: fc.constantFrom(...personas),
    clientId: fc.constantFrom(...clientIds),
    grantee: fc.constantFrom(...grantees),
    categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
    purposes: fc.subarray([...PURPOSES], { minLength: 1 }),
    represented: fc.boolean(),
  });
  const withdraw: fc.Arbitrary<ApiWithdraw> = fc.record({
    kind: fc.constant('withdraw' as const),
    persona: fc.constantFrom(...personas),
    target: fc.nat(),
    via: fc.constantFrom('revoke' as const, 'withdraw' as const),
  });
  return fc.array(fc.oneof({ arbitrary: record, weight: 3 }, { arbitrary: withdraw, weight: 1 }), { maxLength: 4 });
}

/**
 * The KIM team that holds a client, from the case registry's record; null for an id nobody has
 * and for a closed case (closing let the client go).
 */
export function holderOf(registry: ReadonlyMap<string, RegistryEntry>, clientId: string): Agency | null {
  const client = registry.get(clientId);
  return client && client.status !== 'CLOSED' ? (`KIM_${client.town}` as Agency) : null;
}

/**
 * Who may record or withdraw a client's grants (README, "Who may record consent"): the case
 * managers of the team that holds the client and data-protection officers; recording needs a
 * client some team holds, while a data-protection officer may still withdraw the grants of a
 * client no team holds any more.
 */
export function mayChangeGrantsOf(persona: PersonaName, holder: Agency | null, change: 'record' | 'withdraw' = 'record'): boolean {
  const { agency, role } = PERSONAS[persona];
  if (role === 'DATA_PROTECTION_OFFICER') return holder !== null || change === 'withdraw';
  return role === 'CASE_MANAGER' && holder !== null && agency === holder;
}

/**
 * Whether the client is a minor today by the case registry's birth date (UTC): until the 18th
 * birthday a consent or refusal needs the legal representative. An unknown id is no minor.
 */
export function isMinor(registry: ReadonlyMap<string, RegistryEntry>, clientId: string, now = new Date()): boolean {
  const birth = registry.get(clientId)?.birthDate;
  if (!birth) return false;
  const eighteenth = Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate());
  return eighteenth > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** The norm that bars a grant of these categories to this grantee (the vocabulary's LEGAL_BAR_RULES, by each category's owner). */
function barOf(grantee: Agency, categories: readonly DataCategory[]): LegalBar | undefined {
  for (const category of categories) {
    const bar = legalBarOf(SERVICE_OWNER[CATEGORY_SOURCE[category]], category, grantee);
    if (bar) return bar;
  }
  return undefined;
}

const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id, reason: "property test") { id } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawConsent(id: $id, reason: "property test") { __typename } }';

/** The recipient agency's staff may also record a withdrawal of a grant to their own agency (not the coordinating office nor the steering group). */
export function mayWithdrawAsRecipient(persona: PersonaName, grantee: string): boolean {
  const { agency, role } = PERSONAS[persona];
  return agency === grantee && !(FIGURE_ROLES as readonly string[]).includes(role);
}

export interface GrantRef {
  readonly id: string;
  readonly kimClientId: string;
  readonly grantee: string;
}

/** The outcome the judge expects and what came back, for the report. */
export interface ApiOutcome {
  readonly line: string;
  readonly violation?: string;
  /** A grant the API created or withdrew: the caller resets it before the next run. */
  readonly createdId?: string;
  readonly withdrawnId?: string;
}

function codesOf(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).map((e) => String((e.extensions as { code?: unknown } | undefined)?.code));
}

/** The codes a refused change may carry: the role may not change consent at all, or the client is outside its scope (answered as an unknown id). */
function refusalCodes(persona: PersonaName, via: 'revoke' | 'withdraw' = 'revoke'): string[] {
  const { role } = PERSONAS[persona];
  if (via === 'withdraw') return (FIGURE_ROLES as readonly string[]).includes(role) ? ['FORBIDDEN'] : ['NOT_FOUND'];
  return role === 'CASE_MANAGER' || role === 'DATA_PROTECTION_OFFICER' ? ['NOT_FOUND'] : ['FORBIDDEN'];
}

/** Makes one change through the gateway and judges the answer against the registry alone. */
export async function applyThroughApi(
  hub: TestHub,
  registry: ReadonlyMap<string, RegistryEntry>,
  change: ApiChange,
  grantsNow: () => Promise<readonly GrantRef[]>,
): Promise<ApiOutcome> {
  if (change.kind === 'record') {
    const may = mayChangeGrantsOf(change.persona, holderOf(registry, change.clientId));
    const representative = change.represented ? { legalRepresentative: { name: 'Samira Haddad', capacity: 'PARENT' } } : {};
    const input = consentInput({ clientId: change.clientId, grantee: change.grantee, categories: change.categories, purposes: change.purposes, ...representative });
    const response = await hub.query(change.persona, RECORD, { input });
    const id = (response.body.data?.recordConsent as { id?: string } | null | undefined)?.id;
    const by = change.represented ? ' (by a representative)' : '';
    const line = `${change.persona} records ${change.clientId} → ${change.grantee} [${change.categories.join(',')}] for [${change.purposes.join(',')}]${by}: ${id ?? codesOf(response).join(',')}`;
    // A grant the law bars can never take effect: refused as LEGALLY_BARRED naming the norm (issue 13).
    const bar = barOf(change.grantee, change.categories);
    if (may && bar) {
      const error = response.body.errors?.[0]?.extensions as { code?: unknown; norm?: unknown } | undefined;
      if (id || error?.code !== 'LEGALLY_BARRED' || error.norm !== bar) {
        return { line, ...(id ? { createdId: id } : {}), violation: `${change.persona} recorded or was refused otherwise than LEGALLY_BARRED (${bar}): ${JSON.stringify(response.body)}` };
      }
      return { line };
    }
    // A minor's record without the legal representative: refused naming it, after the scope check.
    if (may && !change.represented && isMinor(registry, change.clientId)) {
      const error = response.body.errors?.[0]?.extensions as { code?: unknown; argument?: unknown } | undefined;
      if (id || error?.code !== 'BAD_USER_INPUT' || error.argument !== 'input.legalRepresentative') {
        return { line, ...(id ? { createdId: id } : {}), violation: `${change.persona} recorded consent of the minor ${change.clientId} without a legal representative, or was refused otherwise: ${JSON.stringify(response.body)}` };
      }
      return { line };
    }
    if (may && !id) return { line, violation: `${change.persona} may record consent of ${change.clientId} but was refused: ${JSON.stringify(response.body)}` };
    if (!may && id) return { line, createdId: id, violation: `${change.persona} recorded consent of ${change.clientId}, which only its holding team or a DPO may record` };
    if (!may && !refusalCodes(change.persona).includes(codesOf(response)[0] ?? '')) {
      return { line, violation: `${change.persona} was refused for ${change.clientId} with ${codesOf(response).join(',')}, expected ${refusalCodes(change.persona).join(' or ')}` };
    }
    return { line, ...(id ? { createdId: id } : {}) };
  }
  const grants = await grantsNow();
  const target = grants[change.target % Math.max(grants.length, 1)];
  if (!target) return { line: `${change.persona} withdraws nothing (no grants)` };
  const may = mayChangeGrantsOf(change.persona, holderOf(registry, target.kimClientId), 'withdraw') || (change.via === 'withdraw' && mayWithdrawAsRecipient(change.persona, target.grantee));
  const response = await hub.query(change.persona, change.via === 'revoke' ? REVOKE : WITHDRAW, { id: target.id });
  const done = (change.via === 'revoke' ? response.body.data?.revokeConsent : response.body.data?.withdrawConsent) != null;
  const line = `${change.persona} ${change.via}s ${target.id} (${target.kimClientId} → ${target.grantee}): ${done ? 'withdrawn' : codesOf(response).join(',')}`;
  if (may && !done) return { line, violation: `${change.persona} may ${change.via} ${target.id} of ${target.kimClientId} but was refused: ${JSON.stringify(response.body)}` };
  if (!may && done) return { line, withdrawnId: target.id, violation: `${change.persona} ${change.via === 'revoke' ? 'revoked' : 'withdrew'} ${target.id} of ${target.kimClientId}, which it may not` };
  if (!may && !refusalCodes(change.persona, change.via).includes(codesOf(response)[0] ?? '')) {
    return { line, violation: `${change.persona} was refused (${change.via}) ${target.id} with ${codesOf(response).join(',')}, expected ${refusalCodes(change.persona, change.via).join(' or ')}` };
  }
  return { line, ...(done ? { withdrawnId: target.id } : {}) };
}
