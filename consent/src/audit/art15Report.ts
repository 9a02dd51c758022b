import { auditRefOf } from './pseudonyms.ts';
import { AGENCY_INFO, DATA_CATEGORIES, LEGAL_BASIS_NAMES, isAgency, type LegalBasis } from '@kim/schema';
import type { ConsentPrisma } from '../db.ts';

/** One category an agency received: for which purposes, on which bases, first and last. */
export interface Art15Category {
  readonly category: string;
  readonly purposes: readonly string[];
  readonly legalBases: readonly { basis: string | null; name: string }[];
  readonly firstDisclosedAt: Date;
  readonly lastDisclosedAt: Date;
  readonly disclosures: number;
}

/** One recipient agency, named, with everything it received. */
export interface Art15Recipient extends Omit<Art15Category, 'category'> {
  readonly agency: string;
  readonly name: string;
  readonly categories: readonly Art15Category[];
}

/** One event of the client's consent record: what they agreed to, refused, renewed or withdrew, when and before whom. */
export interface Art15ConsentEvent {
  readonly grantId: string;
  readonly type: string;
  readonly at: Date;
  readonly grantee: string;
  readonly granteeName: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly recordedByAgency: string;
  readonly reason: string | null;
  readonly validUntil: Date | null;
}

export interface Art15Report {
  readonly clientId: string;
  readonly generatedAt: Date;
  readonly recipients: readonly Art15Recipient[];
  readonly consentEvents: readonly Art15ConsentEvent[];
}

const byCategoryOrder = (a: string, b: string) => DATA_CATEGORIES.indexOf(a as never) - DATA_CATEGORIES.indexOf(b as never);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
// An allowed decision always records its basis; if one ever did not, the report says so.
const basisName = (basis: string | null) => (basis === null ? 'not recorded' : (LEGAL_BASIS_NAMES[basis as LegalBasis] ?? basis));
const earliest = (dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/**
 * GDPR Art. 15 (1)(c): the recipients of a client's data, from the audit log's allowed
 * decisions. An organisation reading data it holds itself (reason OWNER) is not a recipient and
 * is left out unless asked for.
 */
export async function art15Report(prisma: ConsentPrisma, clientId: string, includeOwnProcessing: boolean): Promise<Art15Report> {
  const [{ now }] = (await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
  const ref = await auditRefOf(prisma, clientId);
  const groups = await prisma.auditEntry.groupBy({
    by: ['agency', 'category', 'purpose', 'basis'],
    // Decisions only: grant events and reads of the consent record are entries too, but no disclosure.
    where: { kimClientId: ref, allowed: true, category: { in: [...DATA_CATEGORIES] }, ...(includeOwnProcessing ? {} : { reason: { not: 'OWNER' } }) },
    _min: { at: true },
    _max: { at: true },
    _count: { _all: true },
  });
  const lines = groups.map((g) => ({
    agency: g.agency,
    category: g.category,
    purpose: g.purpose,
    basis: g.basis,
    first: g._min.at!,
    last: g._max.at!,
    count: g._count._all,
  }));
  const summarise = (of: typeof lines) => ({
    purposes: sorted(of.map((l) => l.purpose)),
    legalBases: [...new Set(of.map((l) => l.basis))].sort().map((basis) => ({ basis, name: basisName(basis) })),
    firstDisclosedAt: earliest(of.map((l) => l.first)),
    lastDisclosedAt: latest(of.map((l) => l.last)),
    disclosures: of.reduce((n, l) => n + l.count, 0),
  });
  const recipients = sorted(lines.map((l) => l.agency)).map((agency) => {
    const own = lines.filter((l) => l.agency === agency);
    return {
      agency,
      name: isAgency(agency) ? AGENCY_INFO[agency].name : agency,
      ...summarise(own),
      categories: [...new Set(own.map((l) => l.category))].sort(byCategoryOrder).map((category) => ({ category, ...summarise(own.filter((l) => l.category === category)) })),
    };
  });
  recipients.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const [events, grants] = await Promise.all([
    prisma.grantEvent.findMany({ where: { kimClientId: clientId }, orderBy: { seq: 'asc' } }),
    prisma.grant.findMany({ where: { kimClientId: clientId } }),
  ]);
  const grantOf = new Map(grants.map((g) => [g.id, g]));
  const consentEvents = events.flatMap((e): Art15ConsentEvent[] => {
    const g = grantOf.get(e.grantId);
    if (!g) return [];
    const name = (a: string) => (isAgency(a) ? AGENCY_INFO[a].name : a);
    return [{
      grantId: g.id, type: e.type, at: e.at, grantee: g.grantee, granteeName: name(g.grantee), categories: g.categories, purposes: g.purposes,
      recordedByAgency: name(e.agency), reason: e.reason, validUntil: e.type === 'RENEWED' ? e.validUntil : e.type === 'RECORDED' ? g.validUntil : null,
    }];
  });
  return { clientId, generatedAt: now, recipients, consentEvents };
}
