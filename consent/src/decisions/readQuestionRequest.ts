import { CATEGORY_SOURCE, SERVICES, isDataCategory, type DataCategory, type ServiceName } from '@kim/schema';
import { CONSENT_TICKET_HEADER, consentQuestion, parseTransferRequest, verifyConsentTicket, type AssertionKey, type Caller, type ConsentQuestion, type PlannedForOthers } from '@kim/service-kit';
import type { Request, Response } from 'express';

/** The services whose data the consent service decides on: the agency subgraphs. */
export const AGENCY_SERVICES = SERVICES.filter((s): s is Exclude<ServiceName, 'consent'> => s !== 'consent');

export const MAX_QUESTIONS = 20_000;

/** A question's source, if it names one, is its category's own (see parseQuestions). */
export function validSource(q: { readonly category: DataCategory; readonly source?: ServiceName | undefined }): boolean {
  return q.source === undefined || q.source === CATEGORY_SOURCE[q.category];
}

/** The questions of a request body, or null when any of them is malformed: all or nothing. */
export function parseQuestions(body: unknown): ConsentQuestion[] | null {
  const questions = (body as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUESTIONS) return null;
  const parsed: ConsentQuestion[] = [];
  for (const q of questions as { clientId?: unknown; category?: unknown; source?: unknown; request?: unknown }[]) {
    if (typeof q?.clientId !== 'string' || q.clientId.length === 0 || q.clientId.length > 64 || !isDataCategory(q.category)) return null;
    if (q.source !== undefined && !(AGENCY_SERVICES as readonly unknown[]).includes(q.source)) return null;
    // A source names where a derived field's input is held: only ever the input category's own
    // source, never one the asker picks (a service named as its own source would be OWNER).
    if (!validSource({ category: q.category, source: q.source as ServiceName | undefined })) return null;
    // A request in the individual case must be whole: reason and file reference, within bounds.
    const request = q.request === undefined ? undefined : parseTransferRequest(q.request as { reason?: unknown; fileReference?: unknown });
    if (typeof request === 'string') return null;
    parsed.push(consentQuestion(q.clientId, q.category, q.source === undefined ? undefined : (q.source as ServiceName), request));
  }
  return parsed;
}

/**
 * The caller named by the gateway's consent ticket of an internal request (a MAC under this
 * service's key) and the agency subgraph it was issued to — the asking service, taken from the
 * ticket and never from the body — or null after answering 401 (no valid ticket).
 */
export function readTicket(
  req: Request,
  res: Response,
  assertionKey: AssertionKey,
  /** The one subgraph whose ticket this route takes (e.g. the case registry's alone), if any. */
  only?: ServiceName,
): { caller: Caller; service: Exclude<ServiceName, 'consent'>; planned: PlannedForOthers } | null {
  const ticket = verifyConsentTicket(assertionKey, req.header(CONSENT_TICKET_HEADER));
  if (!ticket || (only !== undefined && ticket.source !== only)) {
    res.status(401).json({ error: 'UNAUTHENTICATED' });
    return null;
  }
  const { source, planned, ...caller } = ticket;
  return { caller, service: source, planned };
}

/**
 * The verified caller, the asking agency subgraph and the questions of an internal request, or
 * null after answering 401 (no valid consent ticket) or 400 (malformed questions).
 */
export function readQuestionRequest(
  req: Request,
  res: Response,
  assertionKey: AssertionKey,
): { caller: Caller; service: Exclude<ServiceName, 'consent'>; planned: PlannedForOthers; questions: ConsentQuestion[] } | null {
  const ticket = readTicket(req, res, assertionKey);
  if (!ticket) return null;
  const questions = parseQuestions(req.body);
  if (!questions) {
    res.status(400).json({ error: 'BAD_REQUEST' });
    return null;
  }
  return { ...ticket, questions };
}
