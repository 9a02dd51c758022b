import type { ServiceName } from '@kim/schema';
import { questionKey, type Caller, type ConsentDecision, type ConsentQuestion } from '@kim/subgraph-runtime';
import { appendAudit } from '../audit/appendAudit.ts';
import type { AuditSigningKey } from '../audit/auditKey.ts';
import type { ConsentPrisma } from '../db.ts';
import { decide } from './decide.ts';

/**
 * Decides a batch of questions and records every decision in the audit chain, with the batch's
 * signed anchor, in one transaction: the answer leaves only after the commit, so nothing is ever
 * disclosed unrecorded. Validity is judged by the database's clock at decision time.
 */
export async function decideAndRecord(
  prisma: ConsentPrisma,
  auditKey: AuditSigningKey,
  caller: Caller,
  service: ServiceName,
  asked: readonly ConsentQuestion[],
): Promise<ConsentDecision[]> {
  const questions = [...new Map(asked.map((q) => [questionKey(q), q])).values()];
  return prisma.$transaction(
    async (tx) => {
      const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
      const grants = await tx.grant.findMany({
        where: {
          kimClientId: { in: [...new Set(questions.map((q) => q.clientId))] },
          grantee: caller.agency,
          revokedAt: null,
          validFrom: { lte: now },
          OR: [{ validUntil: null }, { validUntil: { gt: now } }],
        },
        select: { id: true, kimClientId: true, grantee: true, categories: true, purposes: true, legalBasis: true },
      });
      // A question about a derived field's input is decided as if read from the input's source.
      const decisions = questions.map((q) => decide({ agency: caller.agency, purpose: caller.purpose, service: q.source ?? service }, q, grants));
      await appendAudit(
        tx,
        auditKey,
        now,
        decisions.map((d) => ({
          at: now,
          requestId: caller.requestId,
          subject: caller.subject,
          agency: caller.agency,
          role: caller.role,
          purpose: caller.purpose,
          service: d.source ?? service,
          kimClientId: d.clientId,
          category: d.category,
          allowed: d.allowed,
          reason: d.reason,
          basis: d.basis,
          grantId: d.grantId,
        })),
      );
      return decisions;
    },
    { maxWait: 5000, timeout: 10000 },
  );
}
