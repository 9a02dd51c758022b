import { SERVICES, isDataCategory, type ServiceName } from '@kim/schema';
import { ASSERTION_HEADER, DECISIONS_PATH, verifyAssertion, type ConsentQuestion, type Logger } from '@kim/subgraph-runtime';
import express, { type Express } from 'express';
import type { CryptoKey } from 'jose';
import type { AuditSigningKey } from '../audit/auditKey.ts';
import type { ConsentPrisma } from '../db.ts';
import { decideAndRecord } from './decideAndRecord.ts';

/** The services whose data the consent service decides on: the agency subgraphs. */
const AGENCY_SERVICES = SERVICES.filter((s): s is Exclude<ServiceName, 'consent'> => s !== 'consent');

export const MAX_QUESTIONS = 20_000;

function parseQuestions(body: unknown): ConsentQuestion[] | null {
  const questions = (body as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUESTIONS) return null;
  const parsed: ConsentQuestion[] = [];
  for (const q of questions as { clientId?: unknown; category?: unknown; source?: unknown }[]) {
    if (typeof q?.clientId !== 'string' || q.clientId.length === 0 || q.clientId.length > 64 || !isDataCategory(q.category)) return null;
    if (q.source !== undefined && !(AGENCY_SERVICES as readonly unknown[]).includes(q.source)) return null;
    parsed.push({ clientId: q.clientId, category: q.category, ...(q.source ? { source: q.source as ServiceName } : {}) });
  }
  return parsed;
}

/**
 * `POST /internal/decisions`: an agency subgraph forwards the gateway's assertion it was called
 * with; the audience of that assertion names the subgraph, and so the owner of the data.
 */
export function decisionsRoute(app: Express, deps: { prisma: ConsentPrisma; log: Logger; assertionKey: CryptoKey; auditKey: AuditSigningKey }): void {
  app.post(DECISIONS_PATH, express.json({ limit: '2mb' }), async (req, res) => {
    const caller = await verifyAssertion(deps.assertionKey, req.header(ASSERTION_HEADER), AGENCY_SERVICES);
    if (!caller) {
      res.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    const questions = parseQuestions(req.body);
    if (!questions) {
      res.status(400).json({ error: 'BAD_REQUEST' });
      return;
    }
    try {
      const decisions = await decideAndRecord(deps.prisma, deps.auditKey, caller, caller.audience as ServiceName, questions);
      res.json({ decisions });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not decide or record; refusing');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
