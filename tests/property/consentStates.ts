import type { ConsentPrisma } from '@kim/consent';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, type Agency, type DataCategory, type LegalBasis, type Purpose } from '@kim/schema';
import fc from 'fast-check';
import type { ActiveGrant } from '../../consent/src/decisions/decide.ts';

/** A grant row as the consent database holds it: what a decision reads, and its validity. */
export interface GrantRow extends ActiveGrant {
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly revokedAt: Date | null;
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
  readonly validity: Validity;
}

/** A change to a seeded grant, chosen by position among them. */
export interface SeededChange {
  readonly kind: 'revoke' | 'expire';
  readonly target: number;
}

export type GrantChange = NewGrant | SeededChange;

type StoredGrant = Awaited<ReturnType<ConsentPrisma['grant']['findMany']>>[number];

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
 * Writes consent states straight into the consent database, each from the same start: the
 * seeded grants as they were when the hub started. Times are a day or more from now, so that
 * the database's clock and the oracle's agree on what is valid.
 */
export class ConsentStates {
  private touched = new Set<string>();

  private constructor(
    private readonly prisma: ConsentPrisma,
    private readonly seeded: readonly StoredGrant[],
  ) {}

  static async open(prisma: ConsentPrisma): Promise<ConsentStates> {
    return new ConsentStates(prisma, await prisma.grant.findMany({ orderBy: { id: 'asc' } }));
  }

  /** A seeded grant changed elsewhere (withdrawn through the API): restored by the next reset. */
  touch(id: string): void {
    if (this.seeded.some((g) => g.id === id)) this.touched.add(id);
  }

  /** Back to the seeded grants: this run's grants (written here or through the API) deleted, changed seeded grants restored. */
  async reset(): Promise<void> {
    await this.prisma.grant.deleteMany({ where: { id: { notIn: this.seeded.map((g) => g.id) } } });
    for (const grant of this.seeded.filter((g) => this.touched.has(g.id))) {
      await this.prisma.grant.update({ where: { id: grant.id }, data: { validUntil: grant.validUntil, revokedAt: grant.revokedAt, revokedBy: grant.revokedBy } });
    }
    this.touched = new Set();
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
        this.touched.add(target.id);
        const data = change.kind === 'revoke' ? { revokedAt: new Date(now - DAY / 24), revokedBy: 'property-test' } : { validUntil: new Date(now - DAY) };
        await this.prisma.grant.update({ where: { id: target.id }, data });
        written.push(`${change.kind} ${target.id}`);
        continue;
      }
      const grantee = change.grantee === 'CALLER' ? caller.agency : change.grantee;
      const purposes = [...new Set(change.purposes.map((p) => (p === 'CALLER' ? caller.purpose : p)))];
      const times = {
        active: { validFrom: new Date(now - DAY), validUntil: new Date(now + 30 * DAY), revokedAt: null },
        'open-ended': { validFrom: new Date(now - DAY), validUntil: null, revokedAt: null },
        expired: { validFrom: new Date(now - 30 * DAY), validUntil: new Date(now - DAY), revokedAt: null },
        future: { validFrom: new Date(now + DAY), validUntil: null, revokedAt: null },
        revoked: { validFrom: new Date(now - 30 * DAY), validUntil: null, revokedAt: new Date(now - DAY / 24) },
      }[change.validity];
      const id = `${PREFIX}${i + 1}`;
      await this.prisma.grant.create({
        data: {
          id,
          kimClientId: change.clientId,
          grantee,
          categories: [...change.categories],
          purposes,
          legalBasis: change.legalBasis,
          evidenceRef: 'EV-PROPERTY',
          ...times,
          revokedBy: times.revokedAt ? 'property-test' : null,
          recordedBy: 'property-test',
        },
      });
      written.push(`${id}: ${change.clientId} → ${grantee} [${change.categories.join(',')}] for [${purposes.join(',')}] on ${change.legalBasis}, ${change.validity}`);
    }
    return written;
  }

  /** Every grant in the database now. */
  grants(): Promise<GrantRow[]> {
    return this.prisma.grant.findMany({ orderBy: { id: 'asc' } });
  }
}
