import { DECISIONS_PATH, type Logger } from '@kim/subgraph-runtime';
import express, { type Express } from 'express';
import type { CryptoKey } from 'jose';
import type { DecisionRecorder } from './decideAndRecord.ts';
import { readQuestionRequest } from './readQuestionRequest.ts';

/**
 * `POST /internal/decisions`: an agency subgraph forwards the gateway's assertion it was called
 * with; the audience of that assertion names the subgraph, and so the owner of the data.
 */
export function decisionsRoute(app: Express, deps: { recorder: DecisionRecorder; log: Logger; assertionKey: CryptoKey }): void {
  app.post(DECISIONS_PATH, express.json({ limit: '2mb' }), async (req, res) => {
    const request = await readQuestionRequest(req, res, deps.assertionKey);
    if (!request) return;
    const { caller, questions } = request;
    try {
      const decisions = await deps.recorder.decide(caller, caller.audience, questions);
      res.json({ decisions });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not decide or record; refusing');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
