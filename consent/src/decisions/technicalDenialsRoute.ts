import { TECHNICAL_DENIALS_PATH, type AssertionKey, type Logger } from '@kim/service-kit';
import express, { type Express } from 'express';
import type { DecisionRecorder } from './decideAndRecord.ts';
import { readQuestionRequest } from './readQuestionRequest.ts';

/**
 * `POST /internal/technical-denials`: an agency subgraph reports the questions it denied because
 * the consent answer was unusable, with the gateway's consent ticket of that request (which
 * names the subgraph). Answers 204 once the denials are in the audit chain.
 */
export function technicalDenialsRoute(app: Express, deps: { recorder: DecisionRecorder; log: Logger; assertionKey: AssertionKey }): void {
  app.post(TECHNICAL_DENIALS_PATH, express.json({ limit: '2mb' }), async (req, res) => {
    const request = readQuestionRequest(req, res, deps.assertionKey);
    if (!request) return;
    const { caller, service, questions } = request;
    try {
      const recorded = await deps.recorder.recordTechnicalDenials(caller, service, questions);
      deps.log.warn({ requestId: caller.requestId, service, recorded }, 'technical denials recorded');
      res.status(204).end();
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not record technical denials');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
