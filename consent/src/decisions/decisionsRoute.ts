import { DECISIONS_PATH, type AssertionKey, type Logger } from '@kim/service-kit';
import express, { type Express } from 'express';
import type { DecisionRecorder } from './decideAndRecord.ts';
import { readQuestionRequest } from './readQuestionRequest.ts';

/**
 * `POST /internal/decisions`: an agency subgraph forwards the gateway's consent ticket it was
 * called with; the ticket names the subgraph (and so the owner of the data) and the caller.
 */
export function decisionsRoute(app: Express, deps: { recorder: DecisionRecorder; log: Logger; assertionKey: AssertionKey }): void {
  app.post(DECISIONS_PATH, express.json({ limit: '2mb' }), async (req, res) => {
    const request = readQuestionRequest(req, res, deps.assertionKey);
    if (!request) return;
    const { caller, service, questions } = request;
    try {
      const decisions = await deps.recorder.decide(caller, service, questions);
      res.json({ decisions });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not decide or record; refusing');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
