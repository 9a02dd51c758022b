import { SERVICES, isDataCategory, type ServiceName } from '@kim/schema';
import { ASSERTION_HEADER, parseTransferRequest, verifyAssertion, type Caller, type ConsentQuestion } from '@kim/subgraph-runtime';
import type { Request, Response } from 'express';
import type { CryptoKey } from 'jose';

/** The services whose data the consent service decides on: the agency subgraphs. */
export const AGENCY_SERVICES = SERVICES.filter((s): s is Exclude<ServiceName, 'consent'> => s !== 'consent');

export const MAX_QUESTIONS = 20_000;

/** The questions of a request body, or null when any of them is malformed: all or nothing. */
export function parseQuestions(body: unknown): ConsentQuestion[] | null {
  const questions = (body as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUESTIONS) return null;
  const parsed: ConsentQuestion[] = [];
  for (const q of questions as { clientId?: unknown; category?: unknown; source?: unknown; request?: unknown }[]) {
    if (typeof q?.clientId !== 'string' || q.clientId.length === 0 || q.clientId.length > 64 || !isDataCategory(q.category)) return null;
    if (q.source !== undefined && !(AGENCY_SERVICES as readonly unknown[]).includes(q.source)) return null;
    // A request in the individual case must be whole: reason and file reference, within bounds.
    const request = q.request === undefined ? undefined : parseTransferRequest(q.request as { reason?: unknown; fileReference?: unknown });
    if (typeof request === 'string') return null;
    parsed.push({ clientId: q.clientId, category: q.category, ...(q.source ? { source: q.source as ServiceName } : {}), ...(request ? { request } : {}) });
  }
  return parsed;
}

/**
 * The verified caller and the questions of an internal request from an agency subgraph, or null
 * after answering 401 (no valid gateway assertion addressed to an agency subgraph) or 400.
 */
export async function readQuestionRequest(
  req: Request,
  res: Response,
  assertionKey: CryptoKey,
): Promise<{ caller: Caller & { audience: ServiceName }; questions: ConsentQuestion[] } | null> {
  const caller = await verifyAssertion(assertionKey, req.header(ASSERTION_HEADER), AGENCY_SERVICES);
  if (!caller) {
    res.status(401).json({ error: 'UNAUTHENTICATED' });
    return null;
  }
  const questions = parseQuestions(req.body);
  if (!questions) {
    res.status(400).json({ error: 'BAD_REQUEST' });
    return null;
  }
  return { caller: caller as Caller & { audience: ServiceName }, questions };
}
