import { clientIdsOf, type ConsentPrisma } from '@kim/consent';

export { auditRefOf } from '@kim/consent';

/**
 * Audit rows with their client's id where the row holds the client's pseudonym (the chain names
 * clients by pseudonym only, see README, Retention): for tests that compare the clients audited.
 */
export async function withClientIds<R extends { kimClientId: string }>(prisma: ConsentPrisma, rows: readonly R[]): Promise<R[]> {
  const ids = await clientIdsOf(prisma, rows.map((r) => r.kimClientId));
  return rows.map((r) => ({ ...r, kimClientId: ids.get(r.kimClientId) ?? r.kimClientId }));
}
