import { isAgency, type Agency } from '@kim/schema';
import { groupLoader, rowLoader, type ServiceContext } from '@kim/subgraph-runtime';
import type { AuditSigningKey } from './audit/auditKey.ts';
import type { ConsentPrisma } from './db.ts';
import type { ClientTeamEvent, Grant } from './generated/prisma/client.ts';

/** What the consent service's resolvers read from its configuration. */
export interface ConsentSettings {
  readonly defaultValidityDays: number;
}

export interface ConsentExtra {
  readonly prisma: ConsentPrisma;
  readonly settings: ConsentSettings;
  /** Signs audit exports, and checks the chain's anchors. */
  readonly auditKey: AuditSigningKey;
  readonly loaders: {
    /** All grants of each client (any grantee, revoked too). */
    readonly grantsOfClient: ReturnType<typeof groupLoader<Grant>>;
    /** Each client's latest `ClientTeamEvent` (see `holderOf`), or null. */
    readonly teamOfClient: ReturnType<typeof rowLoader<ClientTeamEvent>>;
  };
}
export type ConsentContext = ServiceContext & ConsentExtra;

export function extendContext(prisma: ConsentPrisma, auditKey: AuditSigningKey, settings: ConsentSettings): ConsentExtra {
  return {
    prisma,
    settings,
    auditKey,
    loaders: {
      grantsOfClient: groupLoader<Grant>(
        (ids) => prisma.grant.findMany({ where: { kimClientId: { in: [...ids] } }, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] }),
        (g) => g.kimClientId,
      ),
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
