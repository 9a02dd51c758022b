import { isoDate, isoTime, rowsOrNull } from '@kim/service-kit';
import { releasedRows } from '../associationScope.ts';
import type { WelfareContext } from '../context.ts';
import type { CounsellingContact, LanguageCourse, SupportNeed } from '../generated/prisma/client.ts';
import { highestCertifiedLevel } from '../languageLevel.ts';

/**
 * The entity: its id and the rows the associations hold of the client, as far as the caller's
 * scope reaches, each kind on its own. INTENTIONAL: no "record" of the client as a whole — a
 * field that answered `[]` because rows of another kind exist would tell that they do (issue 14:
 * language courses `[]` against `null` disclosed counselling to the immigration office).
 */
export interface ClientParent {
  readonly id: string;
  readonly counsellingContacts: readonly CounsellingContact[];
  readonly supportNeeds: readonly SupportNeed[];
  readonly languageCourses: readonly LanguageCourse[];
}

// Every nested object keeps its row's `kimClientId`: the field guard finds the client by it.
const needs = (rows: readonly SupportNeed[], kind: 'HOUSING' | 'HEALTH') =>
  rowsOrNull(rows.filter((n) => n.kind === kind).map((n) => ({ ...n, recordedAt: isoTime(n.recordedAt) })));

export const Client = {
  /**
   * Only `ref.id` is read: whatever else a representation carries decides nothing. Each field
   * answers from the rows of its own category alone: null when there are none the caller may
   * see — never an empty list that would claim "a record, but no contacts", and never a hint
   * that another association holds records.
   */
  __resolveReference: async (ref: { id: string }, ctx: WelfareContext): Promise<ClientParent> => {
    const [counsellingContacts, supportNeeds, languageCourses] = await Promise.all([
      ctx.loaders.counsellingContacts.load(ref.id),
      ctx.loaders.supportNeeds.load(ref.id),
      ctx.loaders.languageCourses.load(ref.id),
    ]);
    return { id: ref.id, counsellingContacts, supportNeeds, languageCourses };
  },
  counsellingContacts: async (c: ClientParent, _: unknown, ctx: WelfareContext) =>
    rowsOrNull((await releasedRows(ctx.scope, ctx.consent, c.id, 'COUNSELLING', c.counsellingContacts)).map((x) => ({ ...x, date: isoDate(x.date) }))),
  housingNeeds: (c: ClientParent) => needs(c.supportNeeds, 'HOUSING'),
  healthNeeds: async (c: ClientParent, _: unknown, ctx: WelfareContext) =>
    needs(await releasedRows(ctx.scope, ctx.consent, c.id, 'HEALTH', c.supportNeeds.filter((n) => n.kind === 'HEALTH')), 'HEALTH'),
  languageCourses: (c: ClientParent) =>
    rowsOrNull(c.languageCourses.map((x) => ({ ...x, startedAt: isoDate(x.startedAt), completedAt: isoDate(x.completedAt) }))),
  languageLevel: (c: ClientParent) => highestCertifiedLevel(c.languageCourses),
};
