import { hubError, isoDate } from '@kim/service-kit';
import type { CaseRegistryContext } from '../context.ts';
import { callerTeam, caseEvent, changed, openClient } from './caseWork.ts';
import { optionalDate, parseGoalAgency, parseGoalStatus, requiredText } from './parseCaseInput.ts';

const NOTE_CATEGORIES = ['CASE_NOTES', 'HEALTH'] as const;

/** The case plan and the notes: written by the team that holds the client, on an open case. */
export const planMutations = {
  addGoal: async (_: unknown, args: { clientId: string; input: { title?: unknown; dueDate?: unknown; workedOnBy?: unknown } }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const title = requiredText(args.input.title, 'input.title', 200);
    const dueDate = optionalDate(args.input.dueDate, 'input.dueDate');
    const agency = parseGoalAgency(args.input.workedOnBy);
    const id = await ctx.prisma.$transaction(async (tx) => {
      await openClient(ctx, tx, args.clientId, team.town, 'clientId');
      const goal = await tx.goal.create({
        data: { id: `G-${crypto.randomUUID()}`, kimClientId: args.clientId, title, status: 'OPEN', agency, dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null, createdAt: new Date(`${isoDate(new Date())}T00:00:00Z`) },
      });
      await caseEvent(tx, ctx, args.clientId, 'GOAL_ADDED');
      return goal.id;
    });
    return changed(args.clientId, id);
  },

  setGoalStatus: async (_: unknown, args: { id: string; status: string; dueDate?: unknown }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    const status = parseGoalStatus(args.status);
    const dueDate = optionalDate(args.dueDate, 'dueDate');
    const clientId = await ctx.prisma.$transaction(async (tx) => {
      // A goal of another team's client answers as a goal nobody has.
      const goal = await tx.goal.findFirst({ where: { id: args.id, client: { town: team.town } } });
      if (!goal) throw hubError('NOT_FOUND', 'No such goal with your team.', { argument: 'id' });
      await openClient(ctx, tx, goal.kimClientId, team.town, 'id');
      await tx.goal.update({ where: { id: goal.id }, data: { status, ...(dueDate ? { dueDate: new Date(`${dueDate}T00:00:00Z`) } : {}) } });
      await caseEvent(tx, ctx, goal.kimClientId, 'GOAL_CHANGED');
      return goal.kimClientId;
    });
    return changed(clientId, args.id);
  },

  addCaseNote: async (_: unknown, args: { clientId: string; category: string; text: unknown }, ctx: CaseRegistryContext) => {
    const team = callerTeam(ctx);
    if (!(NOTE_CATEGORIES as readonly string[]).includes(args.category)) throw hubError('BAD_USER_INPUT', 'category is unknown.', { argument: 'category' });
    const text = requiredText(args.text, 'text', 4000);
    const id = await ctx.prisma.$transaction(async (tx) => {
      await openClient(ctx, tx, args.clientId, team.town, 'clientId');
      const note = await tx.caseNote.create({
        data: { id: `N-${crypto.randomUUID()}`, kimClientId: args.clientId, author: ctx.caller.subject, createdAt: new Date(), category: args.category, text },
      });
      await caseEvent(tx, ctx, args.clientId, 'NOTE_ADDED');
      return note.id;
    });
    return changed(args.clientId, id);
  },
};
