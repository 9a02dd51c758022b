import type { LegalBasis } from '@kim/schema';
import { isAgency, type Agency } from '@kim/schema';
import { groupLoader, hubError, isoDate, rowLoader, type Caller, type ServiceContext, type SqlExecutor } from '@kim/service-kit';
import { consentRecordReads } from './audit/recordReads.ts';
import type { AuditSigningKey } from './audit/auditKey.ts';
import type { ConsentPrisma } from './db.ts';
import type { ClientTeamEvent, Grant, GrantEvent } from './generated/prisma/client.ts';

/** What the consent service's resolvers read from its configuration. */
export interface ConsentSettings {
  readonly defaultValidityDays: number;
  /** Statutory entries the controller has switched off (KIM_STATUTORY_BASES_OFF). */
  readonly statutoryBasesOff?: ReadonlySet<LegalBasis>;
  /** Days after the end of a case before the client's data is erased (KIM_RETENTION_DAYS): the Art. 15 report names it. */
  readonly retentionDays?: number;
}

export interface ConsentExtra {
  readonly prisma: ConsentPrisma;
  readonly settings: ConsentSettings;
  /** The database through the driver, as the service's role: grant events are appended with their audit entries here. */
  readonly sql: SqlExecutor;
  /** Signs audit exports, and checks the chain's anchors. */
  readonly auditKey: AuditSigningKey;
  readonly loaders: {
    /** All grants of each client (any grantee, revoked too). */
    readonly grantsOfClient: ReturnType<typeof groupLoader<Grant>>;
    /** All grant events of each client, in order, each marked whether it is in the audit chain. */
    readonly eventsOfClient: ReturnType<typeof groupLoader<StoredGrantEvent>>;
    /** When each client's case ended (no team holds the client any more), oldest first. */
    readonly caseEndsOfClient: ReturnType<typeof groupLoader<ClientTeamEvent>>;
    /** Records that the caller read a client's consent record (once per client and request; await before answering). */
    readonly consentRecordRead: ReturnType<typeof consentRecordReads>;
    /** Each client's latest `ClientTeamEvent` (see `holderOf`), or null. */
    readonly teamOfClient: ReturnType<typeof rowLoader<ClientTeamEvent>>;
  };
}
export type ConsentContext = ServiceContext & ConsentExtra;

/** A grant event as the resolvers read it: the row, its chain hash, and whether it is chained. */
export type StoredGrantEvent = GrantEvent & { readonly hash: string | null; readonly auditSeq: bigint | null };

/** The events of these grants or clients, in order, each with its chain link (or none). */
export async function loadGrantEvents(prisma: ConsentPrisma, where: { grantIds?: readonly string[]; clientIds?: readonly string[] }): Promise<StoredGrantEvent[]> {
  const events = await prisma.grantEvent.findMany({
    where: where.grantIds ? { grantId: { in: [...where.grantIds] } } : { kimClientId: { in: [...(where.clientIds ?? [])] } },
    orderBy: { seq: 'asc' },
  });
  const links = events.length === 0 ? [] : await prisma.grantEventLink.findMany({ where: { eventSeq: { in: events.map((e) => e.seq) } } });
  const linkOf = new Map(links.map((l) => [l.eventSeq, l]));
  return events.map((e) => ({ ...e, hash: linkOf.get(e.seq)?.hash ?? null, auditSeq: linkOf.get(e.seq)?.auditSeq ?? null }));
}

export function extendContext(prisma: ConsentPrisma, auditKey: AuditSigningKey, settings: ConsentSettings, sql: SqlExecutor, caller: Caller): ConsentExtra {
  return {
    prisma,
    settings,
    sql,
    auditKey,
    loaders: {
      grantsOfClient: groupLoader<Grant>(
        (ids) => prisma.grant.findMany({ where: { kimClientId: { in: [...ids] } }, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] }),
        (g) => g.kimClientId,
      ),
      consentRecordRead: consentRecordReads(sql, auditKey, caller),
      caseEndsOfClient: groupLoader<ClientTeamEvent>(
        (ids) => prisma.clientTeamEvent.findMany({ where: { kimClientId: { in: [...ids] }, team: null }, orderBy: { seq: 'asc' } }),
        (e) => e.kimClientId,
      ),
      eventsOfClient: groupLoader<StoredGrantEvent>((ids) => loadGrantEvents(prisma, { clientIds: ids }), (e) => e.kimClientId),
      teamOfClient: rowLoader<ClientTeamEvent>(
        (ids) =>
          prisma.clientTeamEvent.findMany({
            where: { kimClientId: { in: [...ids] } },
            orderBy: [{ kimClientId: 'asc' }, { seq: 'desc' }],
            distinct: ['kimClientId'],
          }),
        (e) => e.kimClientId,
      ),
    },
  };
}

/** The KIM team that holds the client now, or null (no team holds it, or nobody knows the id). */
export async function holderOf(ctx: ConsentExtra, clientId: string): Promise<Agency | null> {
  const team = (await ctx.loaders.teamOfClient.load(clientId))?.team;
  return isAgency(team) ? team : null;
}

/**
 * The day the client comes of age (YYYY-MM-DD), as the case registry last told it with the holder,
 * or null: never told (holder rows from before it was sent, an unknown id).
 */
export async function adultFromOf(ctx: ConsentExtra, clientId: string): Promise<string | null> {
  const told = await ctx.prisma.clientTeamEvent.findFirst({
    where: { kimClientId: clientId, adultFrom: { not: null } },
    orderBy: { seq: 'desc' },
    select: { adultFrom: true },
  });
  return told?.adultFrom ? isoDate(told.adultFrom) : null;
}

/**
 * Records that the caller read these clients' consent records, before anything is answered: a read
 * that cannot be recorded is refused (CONSENT_UNAVAILABLE), and nothing of the records leaves.
 */
export async function auditRecordRead(ctx: ConsentExtra, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  const recorded = await ctx.loaders.consentRecordRead.loadMany([...new Set(clientIds)]);
  if (recorded.some((r) => r instanceof Error)) throw hubError('CONSENT_UNAVAILABLE', 'The read could not be recorded; nothing was disclosed.');
}

/** When each of these clients' cases ended (see `caseEndsOfClient`), by client. */
export async function caseEndsOf(prisma: ConsentPrisma, clientIds: readonly string[]): Promise<Map<string, Date[]>> {
  const ends = await prisma.clientTeamEvent.findMany({ where: { kimClientId: { in: [...new Set(clientIds)] }, team: null }, orderBy: { seq: 'asc' } });
  const byClient = new Map<string, Date[]>();
  for (const e of ends) byClient.set(e.kimClientId, [...(byClient.get(e.kimClientId) ?? []), e.at]);
  return byClient;
}
