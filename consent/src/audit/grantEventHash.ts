import { hash } from 'node:crypto';
import type { ActiveGrant } from '../decisions/decide.ts';
import { canonicalJson } from './canonicalJson.ts';

/** The kinds of grant event; expiry is derived from the validity they hold, not an event. */
export const GRANT_EVENT_TYPES = ['RECORDED', 'REFUSED', 'WITHDRAWN', 'RENEWED'] as const;
export type GrantEventType = (typeof GRANT_EVENT_TYPES)[number];

/** The reason an audit entry of a grant event carries: `GRANT_<type>`. */
export const grantEventReason = (type: string) => `GRANT_${type}`;
export const isGrantEventReason = (reason: string) => reason.startsWith('GRANT_');

/** A grant's record as stored (the `Grant` row): every field a hash covers. */
export interface GrantContent extends Omit<ActiveGrant, 'eventHash'> {
  readonly evidenceRef: string | null;
  readonly form: string | null;
  readonly informedOfPurpose: boolean | null;
  readonly informedOfRefusalConsequences: boolean | null;
  readonly informedOfWithdrawalRight: boolean | null;
  readonly informationSheetVersion: string | null;
  readonly informationSheetLanguage: string | null;
  readonly interpreterLanguage: string | null;
  readonly releasingOrganisation: string | null;
  readonly legalRepresentativeName: string | null;
  readonly legalRepresentativeCapacity: string | null;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** A grant event as stored (the `GrantEvent` row, less its seq). */
export interface GrantEventContent {
  readonly grantId: string;
  readonly kimClientId: string;
  readonly type: string;
  readonly at: Date;
  readonly subject: string;
  readonly agency: string;
  readonly role: string;
  readonly reason: string | null;
  readonly validUntil: Date | null;
  readonly evidenceRef: string | null;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/**
 * The grant and event as plain JSON (times as ISO strings), field by field (a row may carry more,
 * e.g. its seq): what the hash covers, and what an export carries.
 */
export function grantEventDocument(e: GrantEventContent, g: GrantContent) {
  return {
    event: {
      grantId: e.grantId, kimClientId: e.kimClientId, type: e.type, at: iso(e.at), subject: e.subject, agency: e.agency, role: e.role,
      reason: e.reason, validUntil: iso(e.validUntil), evidenceRef: e.evidenceRef,
    },
    grant: {
      id: g.id, kimClientId: g.kimClientId, grantee: g.grantee, categories: [...g.categories], purposes: [...g.purposes], legalBasis: g.legalBasis,
      evidenceRef: g.evidenceRef, form: g.form, informedOfPurpose: g.informedOfPurpose, informedOfRefusalConsequences: g.informedOfRefusalConsequences,
      informedOfWithdrawalRight: g.informedOfWithdrawalRight, informationSheetVersion: g.informationSheetVersion,
      informationSheetLanguage: g.informationSheetLanguage, interpreterLanguage: g.interpreterLanguage, releasingOrganisation: g.releasingOrganisation,
      legalRepresentativeName: g.legalRepresentativeName, legalRepresentativeCapacity: g.legalRepresentativeCapacity,
      validFrom: iso(g.validFrom), validUntil: iso(g.validUntil), recordedBy: g.recordedBy, recordedAt: iso(g.recordedAt),
    },
  };
}

/**
 * The hash of one grant event: SHA-256 over the canonical JSON of the event *and its grant's
 * record*, so that a grant edited after the fact (a category added, an end moved) no longer gives
 * the hash the audit chain holds for any of its events, nor the one its decisions name.
 */
export function grantEventHash(event: GrantEventContent, grant: GrantContent): string {
  return grantEventDocumentHash(grantEventDocument(event, grant));
}

/** `grantEventHash` over the document form (an export's copy). */
export function grantEventDocumentHash(document: unknown): string {
  return hash('sha256', `kim-grant-event/1\n${canonicalJson(document)}`, 'hex');
}
