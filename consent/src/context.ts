import { groupLoader, type ServiceContext } from '@kim/subgraph-runtime';
import type { AuditSigningKey } from './audit/auditKey.ts';
import type { ConsentPrisma } from './db.ts';
import type { Grant } from './generated/prisma/client.ts';

export interface ConsentExtra {
  readonly prisma: ConsentPrisma;
  /** Signs audit exports, and checks the chain's anchors. */
  readonly auditKey: AuditSigningKey;
  readonly loaders: {
    /** All grants of each client (any grantee, revoked too). */
    readonly grantsOfClient: ReturnType<typeof groupLoader<Grant>>;
  };
}
export type ConsentContext = ServiceContext & ConsentExtra;

export function extendContext(prisma: ConsentPrisma, auditKey: AuditSigningKey): ConsentExtra {
  return {
    prisma,
    auditKey,
    loaders: {
      grantsOfClient: groupLoader<Grant>(
        (ids) => prisma.grant.findMany({ where: { kimClientId: { in: [...ids] } }, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] }),
        (g) => g.kimClientId,
      ),
    },
  };
}
