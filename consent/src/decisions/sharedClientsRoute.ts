import { ASSERTION_HEADER, SHARED_CLIENTS_PATH, verifyAssertion, type Database, type Logger } from '@kim/subgraph-runtime';
import type { Express } from 'express';
import type { CryptoKey } from 'jose';
import { sharedClientIds } from './sharedClientIds.ts';

/**
 * `POST /internal/shared-clients`: which clients hold an active grant to the caller's agency, by
 * the database's clock. Any purpose: a client who consented to share anything with an agency has
 * made themselves known to it; what it then sees is decided per purpose, field by field.
 * Only the case registry asks, to scope a partner agency: knowing an id discloses a KIM client.
 */
export function sharedClientsRoute(app: Express, deps: { db: Database; log: Logger; assertionKey: CryptoKey }): void {
  app.post(SHARED_CLIENTS_PATH, async (req, res) => {
    const caller = await verifyAssertion(deps.assertionKey, req.header(ASSERTION_HEADER), 'case-registry');
    if (!caller) {
      res.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    try {
      res.json({ clientIds: await sharedClientIds(deps.db.sql, caller.agency) });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not list shared clients');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
