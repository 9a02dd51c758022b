import { auditRefOf, clientIdsOf } from '../audit/pseudonyms.ts';
import { SERVICES, SERVICE_OWNER, isAgency, isLegalBar, isRole, organisationOf, type Organisation } from '@kim/schema';
import { DEFAULT_RETENTION_DAYS, hubError, isoTime } from '@kim/service-kit';
import { art15Report } from '../audit/art15Report.ts';
import type { ChainVerification } from '../audit/chainChecker.ts';
import { exportTrail } from '../audit/exportTrail.ts';
import { holdsKnownHead, verifyChain, verifyClientChain, type KnownHead } from '../audit/verifyChain.ts';
import { auditRecordRead, caseEndsOf, holderOf, loadGrantEvents, type ConsentContext } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { mayViewGrantsOf } from '../grantScope.ts';
import { deriveState } from '../grants/grantState.ts';
import { consentReceiptHtml } from '../receipt/consentReceipt.ts';
import { grantView } from './grantView.ts';
import { parseInstant } from './parseInput.ts';

export const MAX_AUDIT_PAGE = 500;

interface GrantFilter {
  clientId?: string | null;
  grantee?: string | null;
  from?: string | null;
  to?: string | null;
  includeRevoked?: boolean | null;
}
interface AuditArgs {
  filter: { clientId?: string | null; agency?: string | null; from?: string | null; to?: string | null };
  first?: number | null;
  after?: string | null;
}

const CLIENT_ID = /^[A-Za-z0-9-]{1,64}$/;
const DECIMAL = /^\d{1,19}$/;
const HASH = /^[0-9a-f]{64}$/;

function clientIdArg(clientId: string, argument = 'clientId'): string {
  if (!CLIENT_ID.test(clientId)) throw hubError('BAD_USER_INPUT', 'clientId is malformed.', { argument });
  return clientId;
}

function knownHeadArg(head: { seq: string; entries: string; hash: string }): KnownHead {
  if (!DECIMAL.test(head.seq) || !DECIMAL.test(head.entries) || !HASH.test(head.hash)) {
    throw hubError('BAD_USER_INPUT', 'knownHead needs a decimal seq and entries and a SHA-256 hex hash.', { argument: 'knownHead' });
  }
  return { seq: BigInt(head.seq), entries: BigInt(head.entries), hash: head.hash };
}

function verificationView(r: ChainVerification) {
  return { ...r, firstBrokenSeq: r.firstBrokenSeq?.toString() ?? null, headSeq: r.headSeq?.toString() ?? null };
}

function period(from: string | null | undefined, to: string | null | undefined) {
  const gte = parseInstant(from, 'from');
  const lt = parseInstant(to, 'to');
  return gte || lt ? { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } : undefined;
}

export const Query = {
  consentGrants: async (_: unknown, { filter }: { filter: GrantFilter }, ctx: ConsentContext) => {
    if (filter.clientId) clientIdArg(filter.clientId, 'filter.clientId');
    const where: Prisma.GrantWhereInput = {
      ...(filter.clientId ? { kimClientId: filter.clientId } : {}),
      ...(filter.grantee ? { grantee: filter.grantee } : {}),
    };
    const recordedAt = period(filter.from, filter.to);
    if (recordedAt) where.recordedAt = recordedAt;
    if (ctx.caller.role !== 'DATA_PROTECTION_OFFICER') {
      if (!filter.clientId) throw hubError('BAD_USER_INPUT', 'clientId is required.', { argument: 'filter.clientId' });
      if (!mayViewGrantsOf(ctx.caller, await holderOf(ctx, filter.clientId))) return [];
    }
    const grants = await ctx.prisma.grant.findMany({ where, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }], take: 1000 });
    // A record read is audited per client, also when it is empty (the reader learnt that).
    await auditRecordRead(ctx, filter.clientId ? [filter.clientId] : grants.map((g) => g.kimClientId));
    const events = await loadGrantEvents(ctx.prisma, { grantIds: grants.map((g) => g.id) });
    const ends = await caseEndsOf(ctx.prisma, grants.map((g) => g.kimClientId));
    const now = new Date();
    const views = grants.map((g) => grantView(g, events, now, ends.get(g.kimClientId)));
    return filter.includeRevoked === false ? views.filter((v) => v.state !== 'WITHDRAWN') : views;
  },

  consentReceipt: async (_: unknown, { grantId }: { grantId: string }, ctx: ConsentContext) => {
    if (!CLIENT_ID.test(grantId)) throw hubError('BAD_USER_INPUT', 'grantId is malformed.', { argument: 'grantId' });
    // Same scope as the record itself: a grant of a client outside it reads as one nobody knows.
    const grant = await ctx.prisma.grant.findUnique({ where: { id: grantId } });
    const holder = grant ? await holderOf(ctx, grant.kimClientId) : null;
    if (!grant || !mayViewGrantsOf(ctx.caller, holder)) return null;
    await auditRecordRead(ctx, [grant.kimClientId]);
    const events = await loadGrantEvents(ctx.prisma, { grantIds: [grant.id] });
    const now = new Date();
    const ends = await caseEndsOf(ctx.prisma, [grant.kimClientId]);
    const derived = deriveState(grant, events.map((e) => ({ ...e, chained: e.hash !== null })), now, ends.get(grant.kimClientId));
    const html = consentReceiptHtml({ grant, state: derived.state, validUntil: derived.validUntil, events, holder, issuedAt: now });
    return { grantId: grant.id, mediaType: 'text/html; charset=utf-8', fileName: `Einwilligung-${grant.id}.html`, html };
  },

  auditTrail: async (_: unknown, args: AuditArgs, ctx: ConsentContext) => {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw hubError('BAD_USER_INPUT', `first must be between 1 and ${MAX_AUDIT_PAGE}.`, { argument: 'first' });
    }
    let after: bigint | undefined;
    if (args.after) {
      if (!/^\d{1,19}$/.test(args.after)) throw hubError('BAD_USER_INPUT', 'Invalid cursor.', { argument: 'after' });
      after = BigInt(args.after);
    }
    const { filter } = args;
    const at = period(filter.from, filter.to);
    const rows = await ctx.prisma.auditEntry.findMany({
      where: {
        ...(filter.clientId ? { kimClientId: await auditRefOf(ctx.prisma, filter.clientId) } : {}),
        ...(filter.agency ? { agency: filter.agency } : {}),
        ...(at ? { at } : {}),
        ...(after !== undefined ? { seq: { gt: after } } : {}),
      },
      orderBy: { seq: 'asc' },
      take: first + 1,
    });
    const page = rows.slice(0, first);
    const ids = await clientIdsOf(ctx.prisma, page.map((r) => r.kimClientId));
    return {
      edges: page.map((r) => ({
        cursor: r.seq.toString(),
        node: auditEntryView(r, ids),
      })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? page[page.length - 1]!.seq.toString() : null },
    };
  },

  transferRequests: async (_: unknown, args: { from?: string | null; to?: string | null; first?: number | null; after?: string | null }, ctx: ConsentContext) => {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw hubError('BAD_USER_INPUT', `first must be between 1 and ${MAX_AUDIT_PAGE}.`, { argument: 'first' });
    }
    if (args.after && !/^\d{1,19}$/.test(args.after)) throw hubError('BAD_USER_INPUT', 'Invalid cursor.', { argument: 'after' });
    const at = period(args.from ?? undefined, args.to ?? undefined);
    // An agency sees the requests answered from its own organisation's data; an officer all.
    const own = ctx.caller.role === 'DATA_PROTECTION_OFFICER' ? undefined : servicesOwnedBy(organisationOf(ctx.caller.agency));
    const rows = await ctx.prisma.auditEntry.findMany({
      where: {
        transferReason: { not: null },
        ...(own ? { service: { in: own } } : {}),
        ...(at ? { at } : {}),
        ...(args.after ? { seq: { gt: BigInt(args.after) } } : {}),
      },
      orderBy: { seq: 'asc' },
      take: first,
    });
    const ids = await clientIdsOf(ctx.prisma, rows.map((r) => r.kimClientId));
    return rows.map((r) => auditEntryView(r, ids));
  },

  verifyAuditChain: async (
    _: unknown,
    args: { clientId?: string | null; knownHead?: { seq: string; entries: string; hash: string } | null },
    ctx: ConsentContext,
  ) => {
    const knownHead = args.knownHead ? knownHeadArg(args.knownHead) : null;
    const result = args.clientId ? await verifyClientChain(ctx.prisma, ctx.auditKey, clientIdArg(args.clientId)) : await verifyChain(ctx.prisma, ctx.auditKey);
    const lost = result.valid && knownHead ? await holdsKnownHead(ctx.prisma, ctx.auditKey, knownHead) : null;
    return verificationView(lost ?? result);
  },

  auditExport: async (_: unknown, args: { clientId: string }, ctx: ConsentContext) => {
    const signed = await exportTrail(ctx.prisma, ctx.auditKey, clientIdArg(args.clientId));
    const { payload } = signed;
    ctx.log.info({ entries: payload.entries.length, chainValid: payload.chainVerified.valid }, 'audit trail exported');
    return {
      clientId: payload.clientId,
      exportedAt: payload.exportedAt,
      entries: payload.entries.length,
      clientHead: payload.clientHead.hash,
      globalHead: payload.globalHead,
      chainValid: payload.chainVerified.valid,
      keyId: payload.keyId,
      signature: signed.signature.value,
      document: JSON.stringify(signed, null, 2),
    };
  },

  art15Report: async (_: unknown, args: { clientId: string; includeOwnProcessing?: boolean | null }, ctx: ConsentContext) => {
    const clientId = clientIdArg(args.clientId);
    // A case manager: only a client the team holds, by the same record as recordConsent; any
    // other client answers as an id nobody knows (an empty report), and leaves no read behind.
    const visible = ctx.caller.role === 'DATA_PROTECTION_OFFICER' || mayViewGrantsOf(ctx.caller, await holderOf(ctx, clientId));
    const retentionDays = ctx.settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
    if (!visible) {
      const [{ now }] = (await ctx.prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
      return { clientId, generatedAt: isoTime(now), recipients: [], consentEvents: [], retentionDays, caseEndedAt: null };
    }
    const [report, ends] = await Promise.all([art15Report(ctx.prisma, clientId, args.includeOwnProcessing ?? false), caseEndsOf(ctx.prisma, [clientId])]);
    // The report shows the client's consent record and disclosures: reading it is audited as
    // reading the record, before anything leaves. An empty report (an id without any, an erased
    // client) shows nothing, and recording it would give an erased id a pseudonym again.
    if (report.consentEvents.length > 0 || report.recipients.length > 0) await auditRecordRead(ctx, [clientId]);
    const times = <T extends { firstDisclosedAt: Date; lastDisclosedAt: Date }>(x: T) => ({
      ...x,
      firstDisclosedAt: isoTime(x.firstDisclosedAt),
      lastDisclosedAt: isoTime(x.lastDisclosedAt),
    });
    // The retention clock runs from the latest end of the case, while no team holds the client.
    const caseEndedAt = (await holderOf(ctx, clientId)) === null ? (ends.get(clientId)?.at(-1) ?? null) : null;
    return {
      clientId: report.clientId,
      generatedAt: isoTime(report.generatedAt),
      recipients: report.recipients.map((r) => ({ ...times(r), categories: r.categories.map(times) })),
      consentEvents: report.consentEvents.map((e) => ({ ...e, at: isoTime(e.at), validUntil: isoTime(e.validUntil) })),
      retentionDays,
      caseEndedAt: isoTime(caseEndedAt),
    };
  },

  auditPublicKey: (_: unknown, __: unknown, ctx: ConsentContext) => ({ keyId: ctx.auditKey.keyId, pem: ctx.auditKey.publicKeyPem }),
};

/**
 * An audit row as the API shows it. A LEGALLY_BARRED denial keeps the barring norm in the row's
 * `basis` column (it is hashed there); the view shows it as `legalBar`, never as a legal basis.
 * The row names its client by pseudonym; the view by id while the client's mapping exists (`ids`),
 * by the pseudonym once the client is erased.
 */
function auditEntryView<R extends { seq: bigint; at: Date; kimClientId: string; basis: string | null; agency: string; role: string; purpose: string; category: string }>(
  r: R,
  ids: ReadonlyMap<string, string>,
) {
  const bar = isLegalBar(r.basis) ? r.basis : null;
  return {
    ...r,
    seq: r.seq.toString(),
    at: isoTime(r.at),
    clientId: ids.get(r.kimClientId) ?? r.kimClientId,
    basis: bar ? null : r.basis,
    legalBar: bar,
    // Entries of grant events migrated from before the event log know no agency, role or purpose.
    agency: isAgency(r.agency) ? r.agency : null,
    role: isRole(r.role) ? r.role : null,
    purpose: r.purpose || null,
    category: r.category || null,
  };
}

const servicesOwnedBy = (organisation: Organisation) => SERVICES.filter((s) => SERVICE_OWNER[s] === organisation);
