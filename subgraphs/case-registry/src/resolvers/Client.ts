import { RESIDENCE_TITLE_TYPES, type ResidenceTitleType } from '@kim/schema';
import { hubError, isoDate, isoTime, rowsOrNull } from '@kim/subgraph-runtime';
import type { CaseRegistryContext } from '../context.ts';
import { targetGroupOn } from '../eligibility/targetGroup.ts';
import type { Client as ClientRow } from '../generated/prisma/client.ts';

/** A client row, plus what the gateway supplied for `@requires` (used for values, never for decisions). */
type ClientParent = ClientRow & { currentResidenceTitleType?: unknown };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const Client = {
  __resolveReference: async (ref: { id: string; currentResidenceTitleType?: unknown }, ctx: CaseRegistryContext) => {
    const row = await ctx.loaders.entity.load(ref.id);
    return row ? { ...row, currentResidenceTitleType: ref.currentResidenceTitleType } : null;
  },
  birthDate: (c: ClientParent) => isoDate(c.birthDate),
  registeredAt: (c: ClientParent) => isoDate(c.registeredAt),
  contact: (c: ClientParent) => ({ kimClientId: c.id, phone: c.phone, email: c.email, address: c.address }),
  caseManager: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) => {
    const manager = c.caseManagerId ? await ctx.loaders.caseManager.load(c.caseManagerId) : null;
    return manager ? { ...manager, kimClientId: c.id } : null;
  },
  // Lists are null, never [], without rows: the rule every service follows (rowsOrNull).
  goals: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) =>
    rowsOrNull((await ctx.loaders.goals.load(c.id)).map((g) => ({ ...g, dueDate: isoDate(g.dueDate), createdAt: isoDate(g.createdAt) }))),
  referrals: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) =>
    rowsOrNull(
      (await ctx.loaders.referrals.load(c.id)).map((r) => ({
      ...r,
      sentAt: isoTime(r.sentAt),
      firstContactAt: isoTime(r.firstContactAt),
      outcomeAt: isoTime(r.outcomeAt),
      })),
    ),
  notes: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) =>
    rowsOrNull((await ctx.loaders.notes.load(c.id)).map((n) => ({ ...n, createdAt: isoTime(n.createdAt) }))),
  targetGroup: (c: ClientParent, { on }: { on?: string | null }) => {
    const date = on ?? new Date().toISOString().slice(0, 10);
    if (!DATE.test(date) || Number.isNaN(Date.parse(date))) throw hubError('BAD_USER_INPUT', 'on must be a date YYYY-MM-DD.', { argument: 'on' });
    const title = (RESIDENCE_TITLE_TYPES as readonly unknown[]).includes(c.currentResidenceTitleType)
      ? (c.currentResidenceTitleType as ResidenceTitleType)
      : null;
    return { ...targetGroupOn(isoDate(c.birthDate), title, date), kimClientId: c.id };
  },
};
