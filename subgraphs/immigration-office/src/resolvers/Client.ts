import { RESIDENCE_TITLE_TYPES, type ResidenceTitleType } from '@kim/schema';
import { hubError, isoDate, rowsOrNull } from '@kim/service-kit';
import type { ImmigrationOfficeContext } from '../context.ts';
import type { PersonRecord, ResidenceTitle as ResidenceTitleRow } from '../generated/prisma/client.ts';
import { naturalisationReadiness } from '../naturalisation/readiness.ts';
import { currentTitle } from '../residence/currentTitle.ts';

/**
 * The entity as this subgraph sees it: the KIM client id, the office's record on that client
 * (null: the office has none, and then every field is null), and the values the gateway sent
 * for `@requires` — used as values for the readiness computation, never for access decisions.
 */
interface ClientParent {
  readonly id: string;
  readonly person: PersonRecord | null;
  readonly languageLevel?: unknown;
  readonly receivesBenefits?: unknown;
}

interface ClientReference {
  readonly id: string;
  readonly languageLevel?: unknown;
  readonly receivesBenefits?: unknown;
}

/** A residence title as the schema serves it; `kimClientId` lets the field guard find the client. */
interface ResidenceTitleView {
  readonly kimClientId: string;
  readonly titleType: ResidenceTitleType;
  readonly legalBasis: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly residenceObligation: string | null;
  readonly workPermitted: boolean;
}

function residenceTitleType(value: string): ResidenceTitleType {
  if (!(RESIDENCE_TITLE_TYPES as readonly string[]).includes(value)) {
    throw hubError('INTERNAL_SERVER_ERROR', 'A stored residence title type is not in the vocabulary.');
  }
  return value as ResidenceTitleType;
}

function titleView(row: ResidenceTitleRow): ResidenceTitleView {
  return {
    kimClientId: row.kimClientId,
    titleType: residenceTitleType(row.titleType),
    legalBasis: row.legalBasis,
    validFrom: isoDate(row.validFrom),
    validUntil: isoDate(row.validUntil),
    residenceObligation: row.residenceObligation,
    workPermitted: row.workPermitted,
  };
}

/** The client's titles, oldest first; null when the office has no record on the client. */
async function titlesOf(c: ClientParent, ctx: ImmigrationOfficeContext): Promise<ResidenceTitleView[] | null> {
  return c.person ? (await ctx.loaders.residenceTitles.load(c.id)).map(titleView) : null;
}

/** One clock, UTC. */
const today = () => isoDate(new Date());

async function currentOf(c: ClientParent, ctx: ImmigrationOfficeContext): Promise<ResidenceTitleView | null> {
  const titles = await titlesOf(c, ctx);
  return titles ? currentTitle(titles, today()) : null;
}

export const Client = {
  // INTENTIONAL: a client the office has no record on still resolves (the entity belongs to the
  // case registry), with `person: null` so that every field of ours is null. Only `ref.id` selects
  // the record; the other fields of `ref` are carried along as values for readiness.
  __resolveReference: async (ref: ClientReference, ctx: ImmigrationOfficeContext): Promise<ClientParent> => ({
    id: ref.id,
    person: await ctx.loaders.person.load(ref.id),
    languageLevel: ref.languageLevel,
    receivesBenefits: ref.receivesBenefits,
  }),
  immigrationRecordId: (c: ClientParent) => c.person?.id ?? null,
  // Null, never [], without titles: `[]` would tell that the office keeps a file on the client.
  residenceTitles: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => rowsOrNull(await titlesOf(c, ctx)),
  currentResidenceTitle: (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => currentOf(c, ctx),
  currentResidenceTitleType: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => (await currentOf(c, ctx))?.titleType ?? null,
  residentSince: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => (await titlesOf(c, ctx))?.[0]?.validFrom ?? null,
  workPermitted: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => (await currentOf(c, ctx))?.workPermitted ?? null,
  asylumProcedure: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => {
    const row = c.person ? await ctx.loaders.asylumProcedure.load(c.id) : null;
    return row && { kimClientId: row.kimClientId, state: row.state, bamfFileNumber: row.bamfFileNumber, filedAt: isoDate(row.filedAt), decidedAt: isoDate(row.decidedAt) };
  },
  naturalisationApplication: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => {
    const row = c.person ? await ctx.loaders.naturalisationApplication.load(c.id) : null;
    return row && { kimClientId: row.kimClientId, state: row.state, submittedAt: isoDate(row.submittedAt), decidedAt: isoDate(row.decidedAt) };
  },
  naturalisationReadiness: async (c: ClientParent, _: unknown, ctx: ImmigrationOfficeContext) => {
    const titles = await titlesOf(c, ctx);
    if (!titles) return null;
    return { ...naturalisationReadiness({ titles, languageLevel: c.languageLevel, receivesBenefits: c.receivesBenefits }, today()), kimClientId: c.id };
  },
};
