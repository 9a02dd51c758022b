import { randomUUID } from 'node:crypto';
import { hubError } from '@kim/service-kit';
import type { GrantContent } from '../audit/grantEventHash.ts';
import { adultFromOf, holderOf, loadGrantEvents, type ConsentContext } from '../context.ts';
import { refuseBarredGrant } from '../decisions/legalBars.ts';
import { mayRecordGrantsOf, mayWithdrawGrant, mayWithdrawGrantsOf } from '../grantScope.ts';
import { appendGrantEvents, grantsById, type PlannedEvent } from '../grants/grantEvents.ts';
import { EVIDENCE_REF, checkGrantRecord, requireRepresentativeOfMinor, type RecordConsentInput } from '../grants/grantRecord.ts';
import { deriveState } from '../grants/grantState.ts';
import { grantView } from './grantView.ts';
import { parseInstant } from './parseInput.ts';

/** The grant as the graph shows it after a write: re-read through Prisma, with its events. */
async function viewOf(ctx: ConsentContext, id: string) {
  const grant = await ctx.prisma.grant.findUniqueOrThrow({ where: { id } });
  return grantView(grant, await loadGrantEvents(ctx.prisma, { grantIds: [id] }));
}

const author = (ctx: ConsentContext) => ({ ...ctx.caller });

/**
 * A new record — consent given or refused — with its first event, in one transaction with its
 * audit entry. Only the team that holds the client (as the case registry told it) or a
 * data-protection officer records, whatever the grantee, the team itself included; a client of
 * another team gets the same answer as an id nobody knows.
 */
async function recordNew(ctx: ConsentContext, input: RecordConsentInput, type: 'RECORDED' | 'REFUSED') {
  const now = new Date();
  const record = checkGrantRecord(input, now, ctx.settings.defaultValidityDays);
  if (!mayRecordGrantsOf(ctx.caller, await holderOf(ctx, input.clientId))) {
    throw hubError('NOT_FOUND', 'No such client with your team.');
  }
  // After the scope check, so that an outside client still answers as an unknown id. A grant the
  // law bars could never take effect; "the client said no" to it is no record worth keeping either.
  refuseBarredGrant(record.grantee, record.categories);
  // A minor's consent or refusal is declared by the legal representative (also after the scope
  // check: the error would tell an outside caller that the client is a minor).
  requireRepresentativeOfMinor(record, await adultFromOf(ctx, input.clientId), now);
  const id = randomUUID();
  await appendGrantEvents(ctx.sql, ctx.auditKey, author(ctx), async (_tx, now) => {
    const grant: GrantContent = { id, ...record, legalBasis: 'CONSENT', recordedBy: ctx.caller.subject, recordedAt: now };
    return [{ grant, newGrant: true, type }];
  });
  ctx.log.info({ grantId: id, grantee: record.grantee, event: type }, 'consent record appended');
  return viewOf(ctx, id);
}

/**
 * An event of an existing grant, planned under the chain lock from the grant's state then (so
 * that two writers racing see each other). `mayWrite` decides from the stored grant; a grant the
 * caller may not touch answers as an unknown id does.
 */
async function appendToGrant(
  ctx: ConsentContext,
  id: string,
  mayWrite: (grant: GrantContent) => Promise<boolean>,
  plan: (grant: GrantContent, state: ReturnType<typeof deriveState>) => PlannedEvent | null,
) {
  const stored = await ctx.prisma.grant.findUnique({ where: { id } });
  if (!stored || !(await mayWrite(stored))) throw hubError('NOT_FOUND', 'No such grant.');
  await appendGrantEvents(ctx.sql, ctx.auditKey, author(ctx), async (tx, now) => {
    const grant = (await grantsById(tx, [id])).get(id)!;
    const events = await tx.query<{ type: string; at: Date; validUntil: Date | null; chained: boolean }>(
      `SELECT e."type", e."at", e."validUntil", (l."eventSeq" IS NOT NULL) AS "chained"
      FROM "GrantEvent" e LEFT JOIN "GrantEventLink" l ON l."eventSeq" = e."seq" WHERE e."grantId" = $1 ORDER BY e."seq"`,
      [id],
    );
    const ends = await tx.query<{ at: Date }>(`SELECT "at" FROM "ClientTeamEvent" WHERE "kimClientId" = $1 AND "team" IS NULL ORDER BY "seq"`, [grant.kimClientId]);
    const event = plan(grant, deriveState(grant, events, now, ends.map((e) => e.at)));
    return event ? [event] : [];
  });
  return viewOf(ctx, id);
}

function reasonArg(reason: string | null | undefined, argument = 'reason'): string {
  const text = reason?.trim() ?? '';
  if (text.length < 3 || text.length > 500) throw hubError('BAD_USER_INPUT', `${argument} must say why (3–500 characters).`, { argument });
  return text;
}

export const Mutation = {
  recordConsent: (_: unknown, { input }: { input: RecordConsentInput }, ctx: ConsentContext) => recordNew(ctx, input, 'RECORDED'),

  /** "The client said no" is a record too: the same record, never in effect. */
  recordConsentRefusal: (_: unknown, { input }: { input: RecordConsentInput }, ctx: ConsentContext) => recordNew(ctx, input, 'REFUSED'),

  renewConsent: async (_: unknown, args: { id: string; validUntil?: string | null; evidenceRef: string }, ctx: ConsentContext) => {
    const evidenceRef = checkGrantRecordEvidence(args.evidenceRef);
    const requested = parseInstant(args.validUntil, 'validUntil');
    return appendToGrant(
      ctx,
      args.id,
      async (g) => mayRecordGrantsOf(ctx.caller, await holderOf(ctx, g.kimClientId)),
      (grant, { state }) => {
        // Only a consent in force, run out or ended with a case (the client taken on again) can be
        // renewed; a withdrawn or refused one needs a new record.
        if (state !== 'ACTIVE' && state !== 'EXPIRED' && state !== 'NOT_YET_VALID' && state !== 'CASE_ENDED') {
          throw hubError('BAD_USER_INPUT', `A ${state.toLowerCase()} consent cannot be renewed: record a new one.`, { argument: 'id' });
        }
        const validUntil = requested ?? new Date(Date.now() + ctx.settings.defaultValidityDays * 86_400_000);
        if (validUntil <= new Date() || validUntil <= grant.validFrom) throw hubError('BAD_USER_INPUT', 'validUntil must lie in the future.', { argument: 'validUntil' });
        return { grant, newGrant: false, type: 'RENEWED', validUntil, evidenceRef };
      },
    );
  },

  /** The team that holds the client or a data-protection officer; kept beside withdrawConsent for their tools. */
  revokeConsent: async (_: unknown, { id, reason }: { id: string; reason?: string | null }, ctx: ConsentContext) =>
    withdraw(ctx, id, reason, async (g) => mayWithdrawGrantsOf(ctx.caller, await holderOf(ctx, g.kimClientId))),

  withdrawConsent: async (_: unknown, { id, reason }: { id: string; reason: string }, ctx: ConsentContext) => {
    const view = await withdraw(ctx, id, reason, async (g) => mayWithdrawGrant(ctx.caller, await holderOf(ctx, g.kimClientId), g.grantee));
    const withdrawal = view.events.find((e) => e.type === 'WITHDRAWN')!;
    return { grantId: view.id, state: view.state, withdrawnAt: withdrawal.at, withdrawnBy: withdrawal.recordedBy, withdrawnByAgency: withdrawal.agency, reason: withdrawal.reason };
  },
};

/**
 * Appends the withdrawal, effective from the next request (decisions read the events each time);
 * its audit entry names who, and the event why. A grant already withdrawn (two racing) records
 * nothing more: the first counts.
 */
async function withdraw(ctx: ConsentContext, id: string, reason: string | null | undefined, mayWrite: (g: GrantContent) => Promise<boolean>) {
  const why = reasonArg(reason);
  const view = await appendToGrant(ctx, id, mayWrite, (grant, { state }) => (state === 'WITHDRAWN' ? null : { grant, newGrant: false, type: 'WITHDRAWN', reason: why }));
  ctx.log.info({ grantId: id, by: ctx.caller.agency }, 'consent withdrawn');
  return view;
}

/** A renewal's evidence: the same filing format as a record's. */
function checkGrantRecordEvidence(evidenceRef: string): string {
  const ref = evidenceRef.trim();
  if (!EVIDENCE_REF.test(ref)) throw hubError('BAD_USER_INPUT', 'evidenceRef must be a filing reference such as EV-2026-000123.', { argument: 'evidenceRef' });
  return ref;
}
