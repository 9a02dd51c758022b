import { AGENCY_ROLES, HEALTH_REFERRAL_REASONS, isAgency, type Role } from '@kim/schema';
import { consentUnavailable, decideClientCategory, hubError, isoDate, isoTime } from '@kim/service-kit';
import { DAY_MS } from '../caseTerms.ts';
import type { CaseRegistryContext } from '../context.ts';
import type { Referral } from '../generated/prisma/client.ts';
import { callerTeam, caseEvent, changed, openClient, type Tx } from './caseWork.ts';
import { optionalText, parseReferralOutcome, parseReferralReason, parseReferralTarget, pastDate } from './parseCaseInput.ts';

/** An agency nobody in the hub works for: its side of a referral is recorded by the sending team. */
export const outsideHub = (agency: string) => isAgency(agency) && AGENCY_ROLES[agency].length === 0;
/** The roles that receive referrals: the partner agencies' staff. */
export const RECEIVING_ROLES: readonly Role[] = ['IMMIGRATION_CASEWORKER', 'IMMIGRATION_TEAM_LEAD', 'JOBCENTER_CASEWORKER', 'JOBCENTER_TEAM_LEAD', 'COUNSELLOR'];

const isHealthReason = (reason: string) => (HEALTH_REFERRAL_REASONS as readonly string[]).includes(reason);

/** A referral row as the schema shows it. */
export const referralView = (r: Referral) => ({
  ...r,
  clientId: r.kimClientId,
  // A health-related reason is health data: served only as healthReason, under HEALTH (issue 13).
  reason: isHealthReason(r.reason) ? null : r.reason,
  healthReason: isHealthReason(r.reason) ? r.reason : null,
  // Free text about a health-related referral speaks of health too: only under HEALTH.
  note: isHealthReason(r.reason) ? null : r.note,
  healthNote: isHealthReason(r.reason) ? r.note : null,
  sentAt: isoTime(r.sentAt),
  firstContactAt: isoTime(r.firstContactAt),
  outcomeAt: isoTime(r.outcomeAt),
});

/**
 * A referral addressed to the caller's agency that it may act on: its client is in the agency's
 * scope and shares case management with it now (the same decision its fields need). Anything else
 * — another agency's referral, a client it may not see — answers as a referral nobody has.
 */
async function receivedReferral(ctx: CaseRegistryContext, id: string): Promise<Referral> {
  if (ctx.caller.role === 'CASE_MANAGER') return referralOutsideHub(ctx, id);
  const referral = await ctx.prisma.referral.findFirst({ where: { id, toAgency: ctx.caller.agency, client: await ctx.scopeWhere() } });
  const outcome = referral ? await decideClientCategory(ctx, referral.kimClientId, 'CASE_MANAGEMENT') : null;
  if (outcome?.kind === 'unavailable') throw consentUnavailable();
  if (!referral || outcome?.kind !== 'allowed') throw hubError('NOT_FOUND', 'No such referral for your agency.', { argument: 'id' });
  return referral;
}

/**
 * A referral of the team's own client to an agency outside the hub: the sending team records the
 * agency's answer as the agency gave it (on the client's consent to the team, as any case work).
 * Any other referral answers as one nobody has.
 */
async function referralOutsideHub(ctx: CaseRegistryContext, id: string): Promise<Referral> {
  const team = callerTeam(ctx);
  const referral = await ctx.prisma.referral.findFirst({ where: { id, client: { town: team.town } } });
  if (!referral || !outsideHub(referral.toAgency)) throw hubError('NOT_FOUND', 'No such referral for your agency.', { argument: 'id' });
  await ctx.prisma.$transaction((tx) => openClient(ctx, tx, referral.kimClientId, team.town, 'id'));
  return referral;
}

/** A date of the receiving side: not in the future, not before the referral was sent. */
function dateAfterSending(value: unknown, argument: string, referral: Referral): Date {
  const date = pastDate(value, argument, isoDate(new Date()));
  if (date < isoDate(referral.sentAt)) throw hubError('BAD_USER_INPUT', `${argument} must not be before the referral was sent.`, { argument });
  return new Date(`${date}T12:00:00Z`);
}

const receivingEvent = (tx: Tx, ctx: CaseRegistryContext, referral: Referral, action: string) => caseEvent(tx, ctx, referral.kimClientId, action);

/** The referrals whose client shares case management with the caller now (each decision asked and audited). */
async function sharingCaseManagement(ctx: CaseRegistryContext, rows: readonly Referral[]): Promise<Referral[]> {
  const clientIds = [...new Set(rows.map((r) => r.kimClientId))];
  const outcomes = await Promise.all(clientIds.map((id) => decideClientCategory(ctx, id, 'CASE_MANAGEMENT')));
  if (outcomes.some((o) => o.kind === 'unavailable')) throw consentUnavailable();
  const taking = new Set(clientIds.filter((_, i) => outcomes[i]!.kind === 'allowed'));
  return rows.filter((r) => taking.has(r.kimClientId));
}

export const referralQueries = {
  incomingReferrals: async (_: unknown, { open }: { open?: boolean | null }, ctx: CaseRegistryContext) => {
    const rows = await ctx.prisma.referral.findMany({
      where: { toAgency: ctx.caller.agency, client: await ctx.scopeWhere(), ...(open === false ? {} : { outcome: null }) },
      orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
    // Only those the agency may act on (acknowledge, record the outcome): every field of a
    // referral needs its client's case management, and one referral without it would otherwise
    // null the whole list (its id is non-null).
    return (await sharingCaseManagement(ctx, rows)).map(referralView);
  },

  overdueReferrals: async (_: unknown, { days }: { days?: number | null }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const after = days ?? ctx.overdueReferralDays;
    if (!Number.isInteger(after) || after < 1 || after > 365) throw hubError('BAD_USER_INPUT', 'days must be 1 to 365.', { argument: 'days' });
    const rows = await ctx.prisma.referral.findMany({
      where: { client: { town: team.town }, firstContactAt: null, outcome: null, sentAt: { lt: new Date(Date.now() - after * DAY_MS) } },
      orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
    // Work to do only for clients who still take part: a withdrawn consent ends the team's processing.
    return (await sharingCaseManagement(ctx, rows)).map(referralView);
  },
};

export const referralMutations = {
  sendReferral: async (_: unknown, args: { clientId: string; toAgency: string; reason: string; note?: unknown }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const toAgency = parseReferralTarget(args.toAgency);
    const reason = parseReferralReason(args.reason);
    const note = optionalText(args.note, 'note', 1000);
    const id = await ctx.prisma.$transaction(async (tx) => {
      await openClient(ctx, tx, args.clientId, team.town, 'clientId');
      const referral = await tx.referral.create({
        data: { id: `R-${crypto.randomUUID()}`, kimClientId: args.clientId, toAgency, reason, note, sentAt: new Date(), sentBy: ctx.caller.subject },
      });
      await caseEvent(tx, ctx, args.clientId, 'REFERRAL_SENT');
      return referral.id;
    });
    return changed(args.clientId, id);
  },

  acknowledgeReferral: async (_: unknown, args: { id: string; firstContactOn: unknown }, ctx: CaseRegistryContext) => {
    const referral = await receivedReferral(ctx, args.id);
    const firstContactAt = dateAfterSending(args.firstContactOn, 'firstContactOn', referral);
    await ctx.prisma.$transaction(async (tx) => {
      // Only the first acknowledgement counts; a second one is a mistake worth saying so.
      const { count } = await tx.referral.updateMany({ where: { id: referral.id, firstContactAt: null }, data: { firstContactAt } });
      if (count === 0) throw hubError('BAD_USER_INPUT', 'The first contact is recorded already.', { argument: 'id' });
      await receivingEvent(tx, ctx, referral, 'REFERRAL_ACKNOWLEDGED');
    });
    return changed(referral.kimClientId, referral.id);
  },

  recordReferralOutcome: async (_: unknown, args: { id: string; outcome: string; on: unknown }, ctx: CaseRegistryContext) => {
    const outcome = parseReferralOutcome(args.outcome);
    const referral = await receivedReferral(ctx, args.id);
    const outcomeAt = dateAfterSending(args.on, 'on', referral);
    await ctx.prisma.$transaction(async (tx) => {
      const { count } = await tx.referral.updateMany({ where: { id: referral.id, outcome: null }, data: { outcome, outcomeAt } });
      if (count === 0) throw hubError('BAD_USER_INPUT', 'The outcome is recorded already.', { argument: 'id' });
      await receivingEvent(tx, ctx, referral, 'REFERRAL_OUTCOME');
    });
    return changed(referral.kimClientId, referral.id);
  },
};
