import type { ServiceName } from '@kim/schema';
import type { Caller, ConsentDecision } from '@kim/service-kit';
import type { AuditRecord } from './chainHash.ts';

/** The audit record of one decision about a caller's request: who, why, on what basis; no data values. */
export function decisionRecord(caller: Caller, service: ServiceName, at: Date, d: ConsentDecision, grantEventHash: string | null = null): AuditRecord {
  return {
    at,
    requestId: caller.requestId,
    subject: caller.subject,
    agency: caller.agency,
    role: caller.role,
    purpose: caller.purpose,
    // A decision about a derived field's input is recorded against the input's source.
    service: d.source ?? service,
    kimClientId: d.clientId,
    category: d.category,
    allowed: d.allowed,
    reason: d.reason,
    basis: d.basis,
    grantId: d.grantId,
    grantEventHash,
    // A request in the individual case: why, and the requesting authority's file reference.
    // INTENTIONAL: always present (undefined without a request; the chain's canonical form and
    // the row leave them out then), not spread in: one literal of one shape per decision.
    transferReason: d.request?.reason,
    fileReference: d.request?.fileReference,
  };
}
