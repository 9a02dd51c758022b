import { AGENCY_INFO, isAgency } from '@kim/schema';
import { isoTime } from '@kim/subgraph-runtime';
import type { Grant } from '../generated/prisma/client.ts';

/** A grant as the graph shows it. */
export function grantView(g: Grant, now: Date = new Date()) {
  return {
    id: g.id,
    clientId: g.kimClientId,
    grantee: g.grantee,
    granteeName: isAgency(g.grantee) ? AGENCY_INFO[g.grantee].name : g.grantee,
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
    validUntil: isoTime(g.validUntil),
    revokedAt: isoTime(g.revokedAt),
    revokedBy: g.revokedBy,
    revocationReason: g.revocationReason,
    recordedBy: g.recordedBy,
    recordedAt: isoTime(g.recordedAt),
    active: g.revokedAt === null && g.validFrom <= now && (g.validUntil === null || g.validUntil > now),
  };
}
