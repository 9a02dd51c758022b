import { RESIDENCE_TITLE_TYPES, type ResidenceTitleType } from '@kim/schema';
import { hubError, isoDate, isoTime, rowsOrNull } from '@kim/service-kit';
import type { CaseRegistryContext } from '../context.ts';
import { targetGroupOn, titleOn, type TitleSpell } from '../eligibility/targetGroup.ts';
import type { CaseNote, Client as ClientRow } from '../generated/prisma/client.ts';
import { referralView } from './referralWork.ts';

/** A client row, plus what the gateway supplied for `@requires` (used for values, never for decisions). */
type ClientParent = ClientRow & { residenceTitles?: unknown };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateOrNull = (v: unknown) => (typeof v === 'string' && DATE.test(v.slice(0, 10)) ? v.slice(0, 10) : null);

/** The title history the gateway supplied; anything malformed counts as no title. */
function titleSpells(value: unknown): TitleSpell[] {
  if (!Array.isArray(value)) return [];
  return value.map((t: { titleType?: unknown; validFrom?: unknown; validUntil?: unknown } | null) => ({
    titleType: (RESIDENCE_TITLE_TYPES as readonly unknown[]).includes(t?.titleType) ? (t!.titleType as ResidenceTitleType) : null,
    validFrom: dateOrNull(t?.validFrom),
    validUntil: dateOrNull(t?.validUntil),
  }));
}

const notesOf = (notes: readonly CaseNote[], category: string) => notes.filter((n) => n.category === category).map((n) => ({ ...n, createdAt: isoTime(n.createdAt) }));

export const Client = {
  __resolveReference: async (ref: { id: string; residenceTitles?: unknown }, ctx: CaseRegistryContext) => {
    // Another service's answer named the client: the entity scope (a team caseworker's own files).
    const row = await ctx.loaders.entity.load(ref.id);
    return row ? { ...row, residenceTitles: ref.residenceTitles } : null;
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
    rowsOrNull((await ctx.loaders.goals.load(c.id)).map((g) => ({ ...g, workedOnBy: g.agency, dueDate: isoDate(g.dueDate), createdAt: isoDate(g.createdAt) }))),
  referrals: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) => rowsOrNull((await ctx.loaders.referrals.load(c.id)).map(referralView)),
  // A note's category decides the field it is under: health content never among `notes`.
  notes: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) => rowsOrNull(notesOf(await ctx.loaders.notes.load(c.id), 'CASE_NOTES')),
  healthNotes: async (c: ClientParent, _: unknown, ctx: CaseRegistryContext) => rowsOrNull(notesOf(await ctx.loaders.notes.load(c.id), 'HEALTH')),
  // The intake's check as stored then (null: registered before intake existed).
  targetGroupAtIntake: (c: ClientParent) =>
    c.eligibleAtIntake === null ? null : { eligible: c.eligibleAtIntake, stage: c.eligibilityStage, on: isoDate(c.registeredAt), kimClientId: c.id },
  targetGroup: (c: ClientParent, { on }: { on?: string | null }) => {
    const date = on ?? new Date().toISOString().slice(0, 10);
    if (!DATE.test(date) || Number.isNaN(Date.parse(date))) throw hubError('BAD_USER_INPUT', 'on must be a date YYYY-MM-DD.', { argument: 'on' });
    const title = titleOn(titleSpells(c.residenceTitles), date);
    return { ...targetGroupOn({ birthDate: isoDate(c.birthDate), titleType: title, priorCaseManagement: c.priorCaseManagement }, date), kimClientId: c.id };
  },
};
