import { AGENCY_INFO, type Agency, type Town } from '@kim/schema';
import { hubError } from '@kim/subgraph-runtime';
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

/** An open case of the team's: a closed case gets no new plan, notes or referrals. */
export async function openClient(tx: Tx, id: string, town: Town, argument: string) {
  const client = await ownClient(tx, id, town, argument);
  if (client.status === 'CLOSED') throw hubError('BAD_USER_INPUT', 'The case is closed.', { argument });
  return client;
}

/** What a case-work mutation answers: the client, and the goal, note or referral it made or changed. */
export const changed = (clientId: string, id: string | null = null) => ({ clientId, id, eligibleAtIntake: null, eligibilityReason: null });

export const caseEvent = (tx: Tx, ctx: CaseRegistryContext, kimClientId: string, action: string) =>
  tx.caseEvent.create({ data: { kimClientId, action, actor: ctx.caller.subject, agency: ctx.caller.agency } });
