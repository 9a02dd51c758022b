import type { ConsentPrisma } from '@kim/consent';
import type { AuditSigningKey } from '@kim/consent/testing';
import type { Database } from '@kim/service-kit';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, WELFARE_ASSOCIATIONS, type Agency, type DataCategory, type LegalBasis, type Purpose } from '@kim/schema';
import fc from 'fast-check';
import type { ActiveGrant } from '../../consent/src/decisions/decide.ts';
import { linkPendingEvents, removeGrants, removeGrantsExcept, storeEvent, storeGrants } from '../../consent/src/grants/storeGrants.testSupport.ts';
import { grantsWithState } from '../support/grantStates.ts';

/**
 * A grant as its record and events give it: what a decision reads, and its validity — the end
 * the events give, when it was withdrawn, and whether it was ever in force (a refusal never is).
 */
export interface GrantRow extends ActiveGrant {
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly revokedAt: Date | null;
  readonly neverInForce: boolean;
  /** The client's case ended after the grant was recorded (or last renewed): it decides nothing any more. */
  readonly caseEnded: boolean;
}

/** How a new grant stands in time: each but `active`/`open-ended` must decide nothing. */
export type Validity = 'active' | 'open-ended' | 'expired' | 'future' | 'revoked';

/** `CALLER` is the agency (or purpose) of the run's persona, so that grants often concern it. */
export interface NewGrant {
  readonly kind: 'create';
  readonly clientId: string;
  readonly grantee: Agency | 'CALLER';
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly (Purpose | 'CALLER')[];
  readonly legalBasis: LegalBasis;
  /** The association releasing counselling and health records, if the grant names one. */
  readonly releasingOrganisation: string | null;
  readonly validity: Validity;
}

/** A change to a seeded grant, chosen by position among them. */
export interface SeededChange {
  readonly kind: 'revoke' | 'expire';
  readonly target: number;
}

export type GrantChange = NewGrant | SeededChange;

type StoredGrant = { readonly id: string };

/** Random consent states: new grants (valid, expired, future, revoked) and seeded grants revoked or expired. */
export function consentStateArb(clientIds: readonly string[], grantees: readonly Agency[]): fc.Arbitrary<GrantChange[]> {
  const newGrant: fc.Arbitrary<NewGrant> = fc.record({
    kind: fc.constant('create' as const),
    clientId: fc.constantFrom(...clientIds),
    grantee: fc.oneof({ arbitrary: fc.constant('CALLER' as const), weight: 3 }, { arbitrary: fc.constantFrom(...grantees), weight: 2 }),
    categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
    purposes: fc
      .tuple(fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }), fc.subarray([...PURPOSES]))
      .filter(([caller, others]) => caller || others.length > 0)
      .map(([caller, others]): (Purpose | 'CALLER')[] => (caller ? ['CALLER', ...others] : others)),
    // Mostly consent; other bases now and then (they must never open a special category).
    legalBasis: fc.oneof({ arbitrary: fc.constant('CONSENT' as const), weight: 5 }, { arbitrary: fc.constantFrom(...LEGAL_BASES), weight: 1 }),
    // Mostly one association, so that its records are released; sometimes none (none released).
    releasingOrganisation: fc.oneof({ arbitrary: fc.constantFrom<string>(...WELFARE_ASSOCIATIONS), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }),
    // Mostly valid, so that partner agencies get clients to see; the rest must change nothing.
    validity: fc.oneof(
      { arbitrary: fc.constantFrom<Validity>('active', 'open-ended'), weight: 3 },
      { arbitrary: fc.constantFrom<Validity>('expired', 'future', 'revoked'), weight: 2 },
    ),
  });
  const seededChange: fc.Arbitrary<SeededChange> = fc.record({ kind: fc.constantFrom('revoke' as const, 'expire' as const), target: fc.nat() });
  return fc.array(fc.oneof({ arbitrary: newGrant, weight: 3 }, { arbitrary: seededChange, weight: 1 }), { maxLength: 10 });
}

const DAY = 24 * 60 * 60 * 1000;
const PREFIX = 'P-';

/**
 * Writes consent states straight into the consent database (as its owner: grants with their
 * events, each chained with the service's audit key as the service would), each from the same start:
 * the seeded grants as they were when the hub started. Times are a day or more from now, so that
 * the database's clock and the oracle's agree on what is valid.
 */
export class ConsentStates {
  private constructor(
    private readonly prisma: ConsentPrisma,
    private readonly owner: Database,
    private readonly auditKey: AuditSigningKey,
    private readonly seeded: readonly StoredGrant[],
    private readonly seededEvents: bigint,
  ) {}

  static async open(prisma: ConsentPrisma, owner: Database, auditKey: AuditSigningKey): Promise<ConsentStates> {
    const last = await prisma.grantEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
    return new ConsentStates(prisma, owner, auditKey, await prisma.grant.findMany({ orderBy: { id: 'asc' }, select: { id: true } }), last?.seq ?? 0n);
  }

  /**
   * Back to the seeded grants: this run's grants (written here or through the API) and every
   * event after the seeded ones removed.
   * Grants are append-only for every role; the owner, a superuser here, steps around the triggers
   * for this session's transaction only (what an operator could, see the README's threat model).
   */
  async reset(): Promise<void> {
    await removeGrants(this.owner.sql, PREFIX, this.seededEvents);
    await removeGrantsExcept(this.owner.sql, this.seeded.map((g) => g.id));
  }

  /** Resets, then applies the changes for a caller; returns what was written, for the report. */
  async apply(changes: readonly GrantChange[], caller: { agency: Agency; purpose: Purpose }): Promise<string[]> {
    await this.reset();
    const now = Date.now();
    const written: string[] = [];
    for (const [i, change] of changes.entries()) {
      if (change.kind !== 'create') {
        const target = this.seeded[change.target % this.seeded.length];
        if (!target) continue;
        // A withdrawal an hour ago; or an end of validity yesterday (a renewal that ends it then).
        await storeEvent(
          this.owner.sql,
          change.kind === 'revoke'
            ? { grantId: target.id, type: 'WITHDRAWN', at: new Date(now - DAY / 24), reason: 'property test' }
            : { grantId: target.id, type: 'RENEWED', at: new Date(now - 2 * DAY), validUntil: new Date(now - DAY) },
        );
        written.push(`${change.kind} ${target.id}`);
        continue;
      }
      const grantee = change.grantee === 'CALLER' ? caller.agency : change.grantee;
      const purposes = [...new Set(change.purposes.map((p) => (p === 'CALLER' ? caller.purpose : p)))];
      const times = {
        active: { validFrom: new Date(now - DAY), validUntil: new Date(now + 30 * DAY) },
        'open-ended': { validFrom: new Date(now - DAY), validUntil: null },
        expired: { validFrom: new Date(now - 30 * DAY), validUntil: new Date(now - DAY) },
        future: { validFrom: new Date(now + DAY), validUntil: null },
        revoked: { validFrom: new Date(now - 30 * DAY), validUntil: null, withdrawnAt: new Date(now - DAY / 24) },
      }[change.validity];
      const id = `${PREFIX}${i + 1}`;
      await storeGrants(this.owner.sql, this.auditKey, [
        {
          id, kimClientId: change.clientId, grantee, categories: [...change.categories], purposes, legalBasis: change.legalBasis,
          releasingOrganisation: change.releasingOrganisation, recordedBy: 'property-test', ...times,
        },
      ]);
      written.push(
        `${id}: ${change.clientId} → ${grantee} [${change.categories.join(',')}] for [${purposes.join(',')}] on ${change.legalBasis}, released by ${change.releasingOrganisation ?? 'none'}, ${change.validity}`,
      );
    }
    await linkPendingEvents(this.owner.sql, this.auditKey);
    return written;
  }

  /** Every grant in the database now, as its events give it. */
  async grants(): Promise<GrantRow[]> {
    return (await grantsWithState(this.prisma)).map((g) => ({
      ...g,
      validUntil: g.effectiveUntil,
      revokedAt: g.withdrawnAt,
      neverInForce: g.state === 'REFUSED' || g.state === 'UNCHAINED',
      caseEnded: g.state === 'CASE_ENDED',
    }));
  }
}
