import type { Town } from '@kim/schema';
import { CLIENT_TEAM_PATH, ConsentUnavailableError, adultFromOf, consentUnavailable, hubError, isoDate, type ClientTeamRequestBody } from '@kim/service-kit';
import type { CaseRegistryContext } from '../context.ts';
import { targetGroupOn } from '../eligibility/targetGroup.ts';
import { callerTeam, caseEvent, changed, ownClient, requireParticipation } from './caseWork.ts';
import { parseClosingReason, parseIntake, parseTown, pastDate } from './parseCaseInput.ts';

/** Intakes take this lock for the duplicate check: two intakes of one person cannot both pass. */
const INTAKE_LOCK = 'SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(74201)) AS l';

/**
 * The next client number. INTENTIONAL: a sequence, not the highest id + 1 — `nextval` is not
 * undone by a rollback, so an intake that fails after the consent service recorded its holder
 * (or a client erased after the retention period) never passes its id to another person.
 */
const NEXT_CLIENT_NUMBER = `SELECT nextval('"Client_number_seq"')::text AS "number"`;

/** A KIM client id from its number (K-000001 …). */
export function clientIdOf(n: number | bigint | string): string {
  return `K-${String(n).padStart(6, '0')}`;
}

/**
 * Tells the consent service which team holds the client now (none once the case is closed: that
 * ends the client's grants and starts consent's retention clock), and with a team the day the
 * client comes of age — a minor's consent needs the legal representative; the consent service
 * learns that day, never the birth date. A refusal or no answer undoes the change.
 */
async function recordHolder(ctx: CaseRegistryContext, clientId: string, holder: { town: Town; birthDate: string } | null): Promise<void> {
  const body: ClientTeamRequestBody =
    holder === null ? { clientId, team: null } : { clientId, team: `KIM_${holder.town}`, adultFrom: adultFromOf(holder.birthDate) };
  try {
    await ctx.askConsent(CLIENT_TEAM_PATH, body);
  } catch (error) {
    throw error instanceof ConsentUnavailableError ? consentUnavailable() : error;
  }
}

export const caseMutations = {
  registerClient: async (_: unknown, { input }: { input: Record<string, unknown> }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const intake = parseIntake(input, isoDate(new Date()));
    const eligibility = targetGroupOn({ birthDate: intake.birthDate, titleType: intake.residenceTitleType, priorCaseManagement: intake.priorCaseManagement }, intake.firstContactOn);
    const clientId = await ctx.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(INTAKE_LOCK);
      const duplicate = await tx.client.findFirst({
        where: {
          birthDate: new Date(`${intake.birthDate}T00:00:00Z`),
          familyName: { equals: intake.familyName, mode: 'insensitive' },
          givenName: { equals: intake.givenName, mode: 'insensitive' },
        },
        select: { id: true },
      });
      if (duplicate) throw hubError('CLIENT_ALREADY_REGISTERED', 'A KIM team already holds a person with this name and birth date.', { argument: 'input' });
      const [{ number }] = (await tx.$queryRawUnsafe<{ number: string }[]>(NEXT_CLIENT_NUMBER)) as [{ number: string }];
      const id = clientIdOf(number);
      await tx.client.create({
        data: {
          id,
          givenName: intake.givenName,
          familyName: intake.familyName,
          birthDate: new Date(`${intake.birthDate}T00:00:00Z`),
          nationality: intake.nationality,
          town: team.town,
          status: 'ACTIVE',
          phone: intake.phone,
          email: intake.email,
          address: intake.address,
          registeredAt: new Date(`${intake.firstContactOn}T00:00:00Z`),
          eligibleAtIntake: eligibility.eligible,
          eligibilityStage: eligibility.stage,
          eligibilityReason: eligibility.reason,
          priorCaseManagement: intake.priorCaseManagement,
        },
      });
      await caseEvent(tx, ctx, id, 'INTAKE');
      await recordHolder(ctx, id, { town: team.town, birthDate: intake.birthDate });
      return id;
    });
    ctx.log.info({ action: 'INTAKE' }, 'case changed');
    return { clientId, id: null, eligibleAtIntake: eligibility.eligible, eligibilityStage: eligibility.stage, eligibilityReason: eligibility.reason, eligibilityReasonCode: eligibility.reasonCode };
  },

  handOverClient: async (_: unknown, args: { id: string; toTown: string }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const toTown = parseTown(args.toTown, 'toTown');
    await ctx.prisma.$transaction(async (tx) => {
      const client = await ownClient(tx, args.id, team.town);
      if (toTown === team.town) throw hubError('BAD_USER_INPUT', 'toTown is the team\'s own town.', { argument: 'toTown' });
      await requireParticipation(ctx, args.id, 'id');
      // The new team assigns its own case manager.
      await tx.client.update({ where: { id: args.id }, data: { town: toTown, caseManagerId: null } });
      await caseEvent(tx, ctx, args.id, 'HANDOVER');
      await recordHolder(ctx, args.id, { town: toTown, birthDate: isoDate(client.birthDate) });
    });
    ctx.log.info({ action: 'HANDOVER' }, 'case changed');
    return changed(args.id);
  },

  closeCase: async (_: unknown, args: { id: string; closedOn: string; reason: string }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const closedOn = pastDate(args.closedOn, 'closedOn', isoDate(new Date()));
    const reason = parseClosingReason(args.reason);
    await ctx.prisma.$transaction(async (tx) => {
      const client = await ownClient(tx, args.id, team.town);
      if (client.status === 'CLOSED') throw hubError('BAD_USER_INPUT', 'The case is closed already.', { argument: 'id' });
      if (closedOn < isoDate(client.registeredAt)) throw hubError('BAD_USER_INPUT', 'closedOn must not be before the intake.', { argument: 'closedOn' });
      await tx.client.update({ where: { id: args.id }, data: { status: 'CLOSED', closedOn: new Date(`${closedOn}T00:00:00Z`), closingReason: reason } });
      await caseEvent(tx, ctx, args.id, 'CLOSE');
      await recordHolder(ctx, args.id, null);
    });
    ctx.log.info({ action: 'CLOSE' }, 'case changed');
    return changed(args.id);
  },
};
