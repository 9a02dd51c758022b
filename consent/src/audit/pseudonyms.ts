import type { Prisma } from '../generated/prisma/client.ts';

type Reader = Pick<Prisma.TransactionClient, 'auditPseudonym'>;

/**
 * The pseudonym under which a client's audit rows are chained, or the id itself when there is
 * none: a client without entries yet, an erased one (whose rows can then no longer be found by
 * the id), or a client whose rows predate pseudonyms (whose mapping is the id itself).
 */
export async function auditRefOf(tx: Reader, clientId: string): Promise<string> {
  const row = await tx.auditPseudonym.findUnique({ where: { kimClientId: clientId }, select: { pseudonym: true } });
  return row?.pseudonym ?? clientId;
}

/**
 * The client ids of the pseudonyms rows carry, for people who may see them (a data-protection
 * officer's trail): a pseudonym whose client was erased maps to nothing and is shown as it is.
 */
export async function clientIdsOf(tx: Reader, pseudonyms: readonly string[]): Promise<Map<string, string>> {
  if (pseudonyms.length === 0) return new Map();
  const rows = await tx.auditPseudonym.findMany({ where: { pseudonym: { in: [...new Set(pseudonyms)] } }, select: { kimClientId: true, pseudonym: true } });
  return new Map(rows.map((r) => [r.pseudonym, r.kimClientId]));
}
