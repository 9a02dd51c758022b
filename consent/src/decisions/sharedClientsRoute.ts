import { SHARED_CLIENTS_PATH, type AssertionKey, type Database, type Logger } from '@kim/service-kit';
import type { Express } from 'express';
import { readTicket } from './readQuestionRequest.ts';
import { sharedClientIds } from './sharedClientIds.ts';

/**
 * `POST /internal/shared-clients`: which clients hold an active grant to the caller's agency, by
 * the database's clock. Any purpose: a client who consented to share anything with an agency has
 * made themselves known to it; what it then sees is decided per purpose, field by field.
 * Only the case registry asks, to scope a partner agency: knowing an id discloses a KIM client.
 */
export function sharedClientsRoute(app: Express, deps: { db: Database; log: Logger; assertionKey: AssertionKey }): void {
  app.post(SHARED_CLIENTS_PATH, async (req, res) => {
    // Only the case registry's ticket: knowing the shared ids is its business alone.
    const ticket = readTicket(req, res, deps.assertionKey, 'case-registry');
    if (!ticket) return;
    const { caller } = ticket;
    try {
      res.json({ clientIds: await sharedClientIds(deps.db.sql, caller.agency) });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not list shared clients');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
