import type { SqlExecutor, SqlQueryable } from '@kim/service-kit';
import type { AuditSigningKey } from '../audit/auditKey.ts';
import { grantEventHash, type GrantEventContent } from '../audit/grantEventHash.ts';
import { chainPendingGrantEvents, grantsById } from './grantEvents.ts';

/** A grant for a test, with its life: recorded (or refused), perhaps renewed, perhaps withdrawn. */
export interface FixtureGrant {
  readonly id: string;
  readonly kimClientId: string;
  readonly grantee: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
  readonly legalBasis?: string;
  /** The association releasing counselling or health records (none: none released). */
  readonly releasingOrganisation?: string | null;
  readonly validFrom: Date;
  readonly validUntil?: Date | null;
  readonly refused?: boolean;
  readonly renewedUntil?: Date;
  readonly withdrawnAt?: Date;
  readonly recordedBy?: string;
}

/**
 * Stores grants with their events as the consent service would have them, each event chained
 * (through chainPendingGrantEvents, the service's own path), so that they decide as recorded ones.
 * `sql` must be allowed to insert grants (the service's role is).
 */
export async function storeGrants(sql: SqlExecutor, key: AuditSigningKey | null, grants: readonly FixtureGrant[]): Promise<void> {
  for (const g of grants) {
    const by = g.recordedBy ?? 'test';
    await sql.query(
      `INSERT INTO "Grant" ("id", "kimClientId", "grantee", "categories", "purposes", "legalBasis", "releasingOrganisation", "evidenceRef", "validFrom", "validUntil", "recordedBy", "recordedAt")
      VALUES ($1, $2, $3, $4::text[], $5::text[], $6, $7, 'EV-2026-1', $8, $9, $10, $8)`,
      [g.id, g.kimClientId, g.grantee, g.categories, g.purposes, g.legalBasis ?? 'CONSENT', g.releasingOrganisation ?? null, g.validFrom.toISOString(), g.validUntil?.toISOString() ?? null, by],
    );
    const event = (type: string, at: Date, extra: { reason?: string; validUntil?: Date } = {}) =>
      sql.query(
        `INSERT INTO "GrantEvent" ("grantId", "kimClientId", "type", "at", "subject", "agency", "role", "reason", "validUntil") VALUES ($1, $2, $3, $4, $5, 'KIM_NEUSS', 'CASE_MANAGER', $6, $7)`,
        [g.id, g.kimClientId, type, at.toISOString(), by, extra.reason ?? null, extra.validUntil?.toISOString() ?? null],
      );
    await event(g.refused ? 'REFUSED' : 'RECORDED', g.validFrom);
    if (g.renewedUntil) await event('RENEWED', g.validFrom, { validUntil: g.renewedUntil });
    if (g.withdrawnAt) await event('WITHDRAWN', g.withdrawnAt, { reason: 'withdrawn in a test' });
  }
  await linkPendingEvents(sql, key);
}

/** Appends an event to a stored grant (not yet linked: see linkPendingEvents). */
export async function storeEvent(sql: SqlQueryable, e: { grantId: string; type: string; at: Date; validUntil?: Date | null; reason?: string | null }): Promise<void> {
  await sql.query(
    `INSERT INTO "GrantEvent" ("grantId", "kimClientId", "type", "at", "subject", "agency", "role", "reason", "validUntil")
    SELECT "id", "kimClientId", $2, $3, 'test', 'KIM_NEUSS', 'CASE_MANAGER', $4, $5 FROM "Grant" WHERE "id" = $1`,
    [e.grantId, e.type, e.at.toISOString(), e.reason ?? null, e.validUntil?.toISOString() ?? null],
  );
}

/**
 * Links every event without a link: with the audit key, into the audit chain (the service's own
 * path); without one (`null`), by a link row alone that no chain entry backs (auditSeq 0) — what
 * an insider with the service's role would forge, for tests that show the database refuses it.
 */
export async function linkPendingEvents(sql: SqlExecutor, key: AuditSigningKey | null): Promise<void> {
  if (key) {
    await chainPendingGrantEvents(sql, key);
    return;
  }
  const pending = await sql.query<GrantEventContent & { seq: string } & Record<string, unknown>>(
    `SELECT e.* FROM "GrantEvent" e LEFT JOIN "GrantEventLink" l ON l."eventSeq" = e."seq" WHERE l."eventSeq" IS NULL ORDER BY e."seq"`,
  );
  if (pending.length === 0) return;
  const grants = await grantsById(sql, [...new Set(pending.map((e) => e.grantId))]);
  await sql.query(`INSERT INTO "GrantEventLink" ("eventSeq", "auditSeq", "hash") SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`, [
    pending.map((e) => String(e.seq)),
    pending.map(() => '0'),
    pending.map((e) => grantEventHash(e, grants.get(e.grantId)!)),
  ]);
}

/**
 * Removes grants (by id prefix) with their events and links, and events after `afterEventSeq`:
 * what only an operator can, stepping around the append-only triggers for one transaction
 * (`sql` must be a superuser's). For tests that put back a state they changed.
 */
export async function removeGrants(sql: SqlExecutor, idPrefix: string, afterEventSeq?: bigint): Promise<void> {
  await sql.transaction(
    async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      const doomed = `SELECT "seq" FROM "GrantEvent" WHERE "grantId" LIKE $1 || '%'${afterEventSeq === undefined ? '' : ' OR "seq" > $2'}`;
      const params = afterEventSeq === undefined ? [idPrefix] : [idPrefix, afterEventSeq.toString()];
      await tx.query(`DELETE FROM "GrantEventLink" WHERE "eventSeq" IN (${doomed})`, params);
      await tx.query(`DELETE FROM "GrantEvent" WHERE "seq" IN (${doomed})`, params);
      await tx.query(`DELETE FROM "Grant" WHERE "id" LIKE $1 || '%'`, [idPrefix]);
    },
    { timeoutMs: 30_000 },
  );
}

/** Removes every grant but `keep` (made through the API during a test), with its events, as the owner stepping around the triggers. */
export async function removeGrantsExcept(sql: SqlExecutor, keep: readonly string[]): Promise<void> {
  await sql.transaction(
    async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      const doomed = 'SELECT "seq" FROM "GrantEvent" WHERE NOT ("grantId" = ANY($1::text[]))';
      await tx.query(`DELETE FROM "GrantEventLink" WHERE "eventSeq" IN (${doomed})`, [keep]);
      await tx.query(`DELETE FROM "GrantEvent" WHERE "seq" IN (${doomed})`, [keep]);
      await tx.query('DELETE FROM "Grant" WHERE NOT ("id" = ANY($1::text[]))', [keep]);
    },
    { timeoutMs: 30_000 },
  );
}
