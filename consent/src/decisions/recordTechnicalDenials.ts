import type { ServiceName } from '@kim/schema';
import { questionKey, type Caller, type ConsentQuestion } from '@kim/subgraph-runtime';
import { appendAudit } from '../audit/appendAudit.ts';
import type { AuditSigningKey } from '../audit/auditKey.ts';
import { decisionRecord } from '../audit/decisionRecord.ts';
import type { ConsentPrisma } from '../db.ts';

/**
 * Records denials that a subgraph made on its own because the consent answer it got was
 * unusable (short, malformed, duplicated, or never came): the data was not disclosed, and the
 * log says so with reason TECHNICAL, apart from "no consent". Nothing is decided here; a
 * technical denial can only ever add a refusal to the chain.
 */
export async function recordTechnicalDenials(
  prisma: ConsentPrisma,
  auditKey: AuditSigningKey,
  caller: Caller,
  service: ServiceName,
  reported: readonly ConsentQuestion[],
): Promise<number> {
  const questions = [...new Map(reported.map((q) => [questionKey(q), q])).values()];
  return prisma.$transaction(
    async (tx) => {
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
      const denials = questions.map((q) => ({ ...q, allowed: false, reason: 'TECHNICAL', basis: null, grantId: null }) as const);
      await appendAudit(tx, auditKey, now, denials.map((d) => decisionRecord(caller, service, now, d)));
      return questions.length;
    },
    { maxWait: 5000, timeout: 10000 },
  );
}
