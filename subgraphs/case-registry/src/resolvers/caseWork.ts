import { AGENCY_INFO, type Agency, type Town } from '@kim/schema';
import { consentUnavailable, decideClientCategory, hubError } from '@kim/service-kit';
import type { CaseRegistryContext } from '../context.ts';
import type { CaseRegistryPrisma } from '../db.ts';

// What every case-work mutation shares: who may do case work, which clients are the team's, and
// the case event each change writes in its transaction.

export type Tx = Parameters<Parameters<CaseRegistryPrisma['$transaction']>[0]>[0];

/** The KIM team the caller works in; only a case manager of a KIM team does case work. */
export function callerTeam(ctx: CaseRegistryContext): { agency: Agency; town: Town } {
  const { agency, team, role } = ctx.caller;
  if (role !== 'CASE_MANAGER' || AGENCY_INFO[agency].organisation !== 'KIM' || !team) throw hubError('FORBIDDEN', 'Case work is done by the case managers of a KIM team.');
  return { agency, town: team };
}

/** A client of the caller's own team, or NOT_FOUND — the same answer as for an id nobody has. */
export async function ownClient(tx: Tx, id: string, town: Town, argument = 'id') {
  const client = await tx.client.findFirst({ where: { id, town } });
  if (!client) throw hubError('NOT_FOUND', 'No such client with your team.', { argument });
  return client;
}

/**
 * An open case of the team's that the client still takes part in: a closed case gets no new plan,
 * notes or referrals, and neither does a client whose consent to the team's case management is
 * missing or withdrawn (participation is voluntary; the decision is asked and audited like a read).
 */
export async function openClient(ctx: CaseRegistryContext, tx: Tx, id: string, town: Town, argument: string) {
  const client = await ownClient(tx, id, town, argument);
  if (client.status === 'CLOSED') throw hubError('BAD_USER_INPUT', 'The case is closed.', { argument });
  await requireParticipation(ctx, id, argument);
  return client;
}

/** The client's consent to the caller's team's case management, as a read of case data would need it. */
export async function requireParticipation(ctx: CaseRegistryContext, id: string, argument: string): Promise<void> {
  const participation = await decideClientCategory(ctx, id, 'CASE_MANAGEMENT');
  if (participation.kind === 'unavailable') throw consentUnavailable();
  if (participation.kind !== 'allowed') {
    throw hubError('CONSENT_REQUIRED', "The client has not consented to your team's case management, or withdrew: nothing was changed.", {
      argument,
      category: 'CASE_MANAGEMENT',
    });
  }
}

/** What a case-work mutation answers: the client, and the goal, note or referral it made or changed. */
export const changed = (clientId: string, id: string | null = null) => ({ clientId, id, eligibleAtIntake: null, eligibilityStage: null, eligibilityReason: null, eligibilityReasonCode: null });

export const caseEvent = (tx: Tx, ctx: CaseRegistryContext, kimClientId: string, action: string) =>
  tx.caseEvent.create({ data: { kimClientId, action, actor: ctx.caller.subject, agency: ctx.caller.agency } });
