import { isoDate, isoTime } from '@kim/subgraph-runtime';
import type { WelfareContext } from '../context.ts';
import type { CounsellingContact, LanguageCourse, SupportNeed } from '../generated/prisma/client.ts';
import { highestCertifiedLevel } from '../languageLevel.ts';

/** Everything the welfare associations hold of one client, as far as the caller's scope reaches. */
interface WelfareRecord {
  readonly counsellingContacts: readonly CounsellingContact[];
  readonly supportNeeds: readonly SupportNeed[];
  readonly languageCourses: readonly LanguageCourse[];
}

/** The entity: its id, and its record, or null when no record of the client is visible to the caller. */
export interface ClientParent {
  readonly id: string;
  readonly record: WelfareRecord | null;
}

// Every nested object keeps its row's `kimClientId`: the field guard finds the client by it.
const needs = (c: ClientParent, kind: 'HOUSING' | 'HEALTH') =>
  c.record?.supportNeeds.filter((n) => n.kind === kind).map((n) => ({ ...n, recordedAt: isoTime(n.recordedAt) })) ?? null;

export const Client = {
  /**
   * Only `ref.id` is read: whatever else a representation carries decides nothing. A client
   * with no record visible to the caller resolves with every field null — never an empty list
   * that would claim "no contacts", and never a hint that another association holds records.
   */
  __resolveReference: async (ref: { id: string }, ctx: WelfareContext): Promise<ClientParent> => {
    const [counsellingContacts, supportNeeds, languageCourses] = await Promise.all([
      ctx.loaders.counsellingContacts.load(ref.id),
      ctx.loaders.supportNeeds.load(ref.id),
      ctx.loaders.languageCourses.load(ref.id),
    ]);
    const known = counsellingContacts.length + supportNeeds.length + languageCourses.length > 0;
    return { id: ref.id, record: known ? { counsellingContacts, supportNeeds, languageCourses } : null };
  },
  counsellingContacts: (c: ClientParent) => c.record?.counsellingContacts.map((x) => ({ ...x, date: isoDate(x.date) })) ?? null,
  housingNeeds: (c: ClientParent) => needs(c, 'HOUSING'),
  healthNeeds: (c: ClientParent) => needs(c, 'HEALTH'),
  languageCourses: (c: ClientParent) =>
    c.record?.languageCourses.map((x) => ({ ...x, startedAt: isoDate(x.startedAt), completedAt: isoDate(x.completedAt) })) ?? null,
  languageLevel: (c: ClientParent) => (c.record ? highestCertifiedLevel(c.record.languageCourses) : null),
};
