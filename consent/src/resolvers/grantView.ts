import { AGENCY_INFO, isAgency } from '@kim/schema';
import { isoTime } from '@kim/service-kit';
import type { StoredGrantEvent } from '../context.ts';
import type { Grant } from '../generated/prisma/client.ts';
import { deriveState } from '../grants/grantState.ts';

const agencyName = (agency: string) => (isAgency(agency) ? AGENCY_INFO[agency].name : agency);

/** One event of a grant's life as the graph shows it. */
function eventView(e: StoredGrantEvent) {
  return {
    type: e.type,
    at: isoTime(e.at),
    recordedBy: e.subject,
    agency: e.agency,
    agencyName: agencyName(e.agency),
    role: e.role,
    reason: e.reason,
    validUntil: isoTime(e.validUntil),
    evidenceRef: e.evidenceRef,
    hash: e.hash,
    chained: e.hash !== null,
  };
}

/** A grant as the graph shows it: its record, its events, and the state they give now. */
export function grantView(g: Grant, events: readonly StoredGrantEvent[], now: Date = new Date(), caseEnds: readonly Date[] = []) {
  const own = events.filter((e) => e.grantId === g.id);
  const derived = deriveState(g, own.map((e) => ({ type: e.type, at: e.at, validUntil: e.validUntil, chained: e.hash !== null })), now, caseEnds);
  const withdrawal = own.find((e) => e.type === 'WITHDRAWN');
  return {
    id: g.id,
    clientId: g.kimClientId,
    grantee: g.grantee,
    granteeName: agencyName(g.grantee),
    categories: g.categories,
    purposes: g.purposes,
    legalBasis: g.legalBasis,
    evidenceRef: g.evidenceRef,
    form: g.form,
    informedOfPurpose: g.informedOfPurpose,
    informedOfRefusalConsequences: g.informedOfRefusalConsequences,
    informedOfWithdrawalRight: g.informedOfWithdrawalRight,
    informationSheetVersion: g.informationSheetVersion,
    informationSheetLanguage: g.informationSheetLanguage,
    interpreterLanguage: g.interpreterLanguage,
    releasingOrganisation: g.releasingOrganisation,
    legalRepresentative: g.legalRepresentativeName ? { name: g.legalRepresentativeName, capacity: g.legalRepresentativeCapacity } : null,
    validFrom: isoTime(g.validFrom),
    validUntil: isoTime(derived.validUntil),
    revokedAt: isoTime(withdrawal?.at ?? null),
    revokedBy: withdrawal?.subject ?? null,
    revocationReason: withdrawal?.reason ?? null,
    recordedBy: g.recordedBy,
    recordedAt: isoTime(g.recordedAt),
    state: derived.state,
    active: derived.state === 'ACTIVE',
    events: own.map(eventView),
  };
}
