import { CLIENT_TEAM_PATH, isoDate, type AssertionKey, type Database, type Logger } from '@kim/service-kit';
import type { Agency } from '@kim/schema';
import express, { type Express } from 'express';
import { readTicket } from '../decisions/readQuestionRequest.ts';
import { parseAdultFrom } from './adultFrom.ts';
import { mayChangeHolder, repeatsLastChange } from './holderChange.ts';

const CLIENT_ID = /^K-\d{6}$/;

/**
 * `POST /internal/client-team`: the case registry records which KIM team holds a client, at intake,
 * handover and closing (no team any more), on behalf of the case manager whose request it is (the gateway's consent ticket
 * for the case registry, forwarded), with the day the client comes of age at intake and handover
 * (a consent of a minor needs the legal representative, grantRecord.ts). The consent service checks the change itself — the case registry's word alone does
 * not move a client — and keeps the history append-only; the latest row decides who may record
 * the client's consent (grantScope.ts).
 */
export function clientTeamRoute(app: Express, deps: { db: Database; log: Logger; assertionKey: AssertionKey }): void {
  app.post(CLIENT_TEAM_PATH, express.json({ limit: '10kb' }), async (req, res) => {
    // Only the case registry's ticket: it holds the record of which team holds a client.
    const ticket = readTicket(req, res, deps.assertionKey, 'case-registry');
    if (!ticket) return;
    const { caller } = ticket;
    const { clientId, team, adultFrom: sentAdultFrom } = (req.body ?? {}) as { clientId?: unknown; team?: unknown; adultFrom?: unknown };
    // A team, or null: the holding team closed the case and no team holds the client any more.
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId) || (typeof team !== 'string' && team !== null)) {
      res.status(400).json({ error: 'BAD_REQUEST' });
      return;
    }
    const adultFrom = parseAdultFrom(sentAdultFrom, team, isoDate(new Date()));
    if (adultFrom === undefined) {
      res.status(400).json({ error: 'BAD_REQUEST' });
      return;
    }
    try {
      const recorded = await deps.db.sql.transaction(
        async (tx) => {
          const [latest, previous] = await tx.query<{ team: Agency | null }>('SELECT "team" FROM "ClientTeamEvent" WHERE "kimClientId" = $1 ORDER BY "seq" DESC LIMIT 2', [clientId]);
          const current = latest?.team ?? null;
          if (previous && repeatsLastChange(caller, current, previous.team, team)) return 'repeated';
          if (!mayChangeHolder(caller, current, team)) return false;
          await tx.query('INSERT INTO "ClientTeamEvent" ("kimClientId", "team", "recordedBy", "adultFrom") VALUES ($1, $2, $3, $4::date)', [
            clientId,
            team,
            caller.subject,
            adultFrom,
          ]);
          return 'recorded';
        },
        // One holder change per client at a time: two handovers racing cannot both read the old
        // holder. The id is safe to interpolate: it matched CLIENT_ID above.
        { timeoutMs: 5_000, opening: `SELECT pg_advisory_xact_lock(hashtext('client-team:${clientId}'))` },
      );
      if (!recorded) {
        res.status(403).json({ error: 'FORBIDDEN' });
        return;
      }
      deps.log.info({ requestId: caller.requestId, repeated: recorded === 'repeated' }, 'client team recorded');
      res.json({ recorded: true });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not record client team');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}
