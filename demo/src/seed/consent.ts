import { AGENCY_INFO, SECRECY_CATEGORIES, TOWN_NAMES, WELFARE_ASSOCIATIONS, isAgency, organisationOf, type Agency, type DataCategory, type WelfareAssociation } from '@kim/schema';
import { adultFromOf, isoDate } from '@kim/service-kit';
import type { DemoClient, DemoConsent } from '../population/population.ts';
import { NAMES, type Nationality } from '../population/populationNames.ts';
import { DEFAULT_VALIDITY_DAYS, type ConsentPrisma } from '@kim/consent';

const DAY = 86_400_000;
const instant = (value: string | null) => (value === null ? null : new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

/** The day the client comes of age, as the case registry sends it with the holder (a date only). */
const adultFrom = (c: DemoClient) => new Date(`${adultFromOf(c.birthDate)}T00:00:00Z`);

/**
 * Which KIM team holds each demo client: what the case registry records with the consent service
 * at intake (with the day the client comes of age), and at closing that no team holds the client
 * any more (which ends the client's grants); seeded on its own, so that a demo database from
 * before the table gets it too — and one from before the day was sent gets the day, appended as
 * the registry would repeat the holder.
 */
async function seedClientTeams(prisma: ConsentPrisma, population: readonly DemoClient[]): Promise<void> {
  if ((await prisma.clientTeamEvent.count()) === 0) {
    await prisma.clientTeamEvent.createMany({
      data: population.flatMap((c) => [
        { kimClientId: c.id, team: `KIM_${c.town}`, at: new Date(`${c.registeredAt}T00:00:00Z`), recordedBy: 'case-registry', adultFrom: adultFrom(c) },
        ...(c.closedOn === null ? [] : [{ kimClientId: c.id, team: null, at: caseEnd(c.closedOn), recordedBy: 'case-registry' }]),
      ]),
    });
    return;
  }
  if ((await prisma.clientTeamEvent.count({ where: { adultFrom: { not: null } } })) > 0) return;
  const latest = await prisma.clientTeamEvent.findMany({ orderBy: [{ kimClientId: 'asc' }, { seq: 'desc' }], distinct: ['kimClientId'] });
  const held = new Map(latest.flatMap((r) => (r.team === null ? [] : [[r.kimClientId, r.team] as const])));
  await prisma.clientTeamEvent.createMany({
    data: population.flatMap((c) => (held.has(c.id) ? [{ kimClientId: c.id, team: held.get(c.id)!, recordedBy: 'case-registry', adultFrom: adultFrom(c) }] : [])),
  });
}

/** Whether the client was a minor on that day (the record date): the legal representative declares then. */
const minorOn = (c: DemoClient, at: Date) => adultFromOf(c.birthDate) > isoDate(at);

/**
 * Who declares for a minor demo client, the same on all of the client's records: the Jugendamt as
 * official guardian (§ 1786 BGB) for every third — an unaccompanied minor — and a parent for the
 * others, named as the population names the client's country.
 */
function representativeOf(c: DemoClient): { legalRepresentativeName: string; legalRepresentativeCapacity: string } {
  const n = Number(c.id.slice(2));
  if (n % 3 === 0) return { legalRepresentativeName: `Jugendamt ${TOWN_NAMES[c.town]} (Amtsvormundschaft)`, legalRepresentativeCapacity: 'GUARDIAN' };
  const given = (NAMES[c.nationality as Nationality] ?? NAMES.Syrien).female.filter((name) => name !== c.givenName);
  return { legalRepresentativeName: `${given[n % given.length]} ${c.familyName}`, legalRepresentativeCapacity: 'PARENT' };
}

const noRepresentative = { legalRepresentativeName: null, legalRepresentativeCapacity: null };

/**
 * The welfare association where the client has counselling: its counsellors hold the client's
 * counselling and health data under professional secrecy and release them. None for a client who
 * never saw a counsellor — then there is nothing to release, and the grant leaves those categories out.
 */
const counsellingAssociationOf = (c: DemoClient): WelfareAssociation | null =>
  c.welfare.contacts.find((k) => (WELFARE_ASSOCIATIONS as readonly string[]).includes(k.association))?.association ?? null;

/** A demo case closes in the afternoon of its closing day: after whatever was recorded that day. */
const caseEnd = (closedOn: string) => new Date(`${closedOn}T16:00:00Z`);

/** The language of the information sheet a client of this nationality was most likely given (ISO 639). */
const SHEET_LANGUAGE: Record<string, string> = {
  Syrien: 'ar', Irak: 'ar', Ukraine: 'uk', Afghanistan: 'prs', Türkei: 'tr', Iran: 'fa', Eritrea: 'ti', Somalia: 'so', Guinea: 'fr',
};

/** Who at a recipient agency records a withdrawal the client told them of (demo staff). */
function partnerStaff(agency: Agency): { subject: string; role: string } {
  switch (organisationOf(agency)) {
    case 'JOBCENTER':
      return { subject: 'jc-caseworker-1', role: 'JOBCENTER_CASEWORKER' };
    case 'IMMIGRATION_OFFICE':
      return { subject: 'abh-caseworker-1', role: 'IMMIGRATION_CASEWORKER' };
    case 'WELFARE':
      return { subject: `${agency.toLowerCase()}-counsellor-1`, role: 'COUNSELLOR' };
    default:
      return { subject: `${agency.toLowerCase()}-staff-1`, role: 'CASE_MANAGER' };
  }
}

type SeedEvent = { type: string; at: Date; subject: string; agency: string; role: string; reason: string | null; validUntil: Date | null; evidenceRef: string | null };

/**
 * One demo consent as a complete record with its life: the form, what the client was told, the
 * sheet in the client's language (with an interpreter for every other client who needed one),
 * the releasing association for counselling data (where the client has counselling; otherwise
 * without those categories), a parent or guardian for a minor; an end two years on
 * unless the form named one, renewed on time while the client stayed (so the showcase clients'
 * consents still hold); withdrawn where the population says so, every other time with the
 * recipient agency the client told.
 */
function demoRecord(c: DemoClient, g: DemoConsent, id: string, n: number, now: Date) {
  const from = instant(g.validFrom)!;
  const kim = `KIM_${c.town}`;
  const evidenceRef = g.evidenceRef.split(' ')[0]!;
  const language = SHEET_LANGUAGE[c.nationality] ?? 'de';
  const counsellor = counsellingAssociationOf(c);
  const categories: DataCategory[] = counsellor === null ? g.categories.filter((cat) => !SECRECY_CATEGORIES.includes(cat)) : [...g.categories];
  const secret = categories.some((cat) => SECRECY_CATEGORIES.includes(cat));
  const withdrawnAt = instant(g.revokedAt);
  const end = instant(g.validUntil) ?? new Date(from.getTime() + DEFAULT_VALIDITY_DAYS * DAY);
  const events: SeedEvent[] = [{ type: 'RECORDED', at: from, subject: g.recordedBy, agency: kim, role: 'CASE_MANAGER', reason: null, validUntil: null, evidenceRef: null }];
  // An open-ended form of before became a two-year consent, renewed a month before each end
  // while the case was open.
  let until = end;
  let renewal = 0;
  const renewedUntil = Math.min(now.getTime(), withdrawnAt?.getTime() ?? Infinity, c.closedOn === null ? Infinity : caseEnd(c.closedOn).getTime());
  while (g.validUntil === null && until.getTime() - 30 * DAY <= renewedUntil) {
    const at = new Date(until.getTime() - 30 * DAY);
    until = new Date(until.getTime() + DEFAULT_VALIDITY_DAYS * DAY);
    renewal += 1;
    events.push({ type: 'RENEWED', at, subject: g.recordedBy, agency: kim, role: 'CASE_MANAGER', reason: null, validUntil: until, evidenceRef: `${evidenceRef.split('-').slice(0, 2).join('-')}-${9000 + renewal}` });
  }
  if (withdrawnAt) {
    const byPartner = n % 2 === 1 && isAgency(g.grantee) && organisationOf(g.grantee) !== 'KIM';
    const staff = byPartner ? partnerStaff(g.grantee) : { subject: g.revokedBy ?? g.recordedBy, role: 'CASE_MANAGER' };
    const agencyName = isAgency(g.grantee) ? AGENCY_INFO[g.grantee].name : g.grantee;
    events.push({
      type: 'WITHDRAWN',
      at: withdrawnAt,
      subject: staff.subject,
      agency: byPartner ? g.grantee : kim,
      role: staff.role,
      reason: byPartner ? `Widerruf im Termin bei ${agencyName} erklärt` : 'Widerruf im Beratungsgespräch erklärt',
      validUntil: null,
      evidenceRef: null,
    });
  }
  return {
    grant: {
      id,
      kimClientId: c.id,
      grantee: g.grantee,
      categories,
      purposes: [...g.purposes],
      legalBasis: g.legalBasis,
      evidenceRef,
      form: n % 4 === 3 ? 'ELECTRONIC' : 'WRITTEN',
      informedOfPurpose: true,
      informedOfRefusalConsequences: true,
      informedOfWithdrawalRight: true,
      informationSheetVersion: `KIM-EW-${from.getUTCFullYear()}.1`,
      informationSheetLanguage: language,
      interpreterLanguage: language !== 'de' && (g.evidenceRef.includes('interpreter') || n % 3 === 0) ? language : null,
      releasingOrganisation: secret ? counsellor : null,
      ...(minorOn(c, from) ? representativeOf(c) : noRepresentative),
      validFrom: from,
      validUntil: end,
      recordedBy: g.recordedBy,
      recordedAt: from,
    },
    events,
  };
}

/** Every fifth client refused to let the immigration office see their language and course data (a minor through the representative). */
function demoRefusal(c: DemoClient, now: Date) {
  const at = new Date(Math.min(new Date(`${c.registeredAt}T00:00:00Z`).getTime() + 14 * DAY, now.getTime() - DAY));
  const kim = `KIM_${c.town}`;
  const language = SHEET_LANGUAGE[c.nationality] ?? 'de';
  return {
    grant: {
      id: `G-${c.id}-R1`,
      kimClientId: c.id,
      grantee: 'IMMIGRATION_OFFICE',
      categories: ['EDUCATION_LANGUAGE'],
      purposes: ['RESIDENCE_PROCEDURE'],
      legalBasis: 'CONSENT',
      evidenceRef: `EV-${at.getUTCFullYear()}-${8000 + Number(c.id.slice(2))}`,
      form: 'WRITTEN',
      informedOfPurpose: true,
      informedOfRefusalConsequences: true,
      informedOfWithdrawalRight: true,
      informationSheetVersion: `KIM-EW-${at.getUTCFullYear()}.1`,
      informationSheetLanguage: language,
      interpreterLanguage: language === 'de' ? null : language,
      releasingOrganisation: null,
      ...(minorOn(c, at) ? representativeOf(c) : noRepresentative),
      validFrom: at,
      validUntil: new Date(at.getTime() + DEFAULT_VALIDITY_DAYS * DAY),
      recordedBy: c.caseManagerId,
      recordedAt: at,
    },
    events: [{ type: 'REFUSED', at, subject: c.caseManagerId, agency: kim, role: 'CASE_MANAGER', reason: null, validUntil: null, evidenceRef: null }],
  };
}

/**
 * Seeds the demo population's client teams and consent records, unless there are some already.
 * The grants' events are stored without their audit entries (seeding runs as the schema's owner,
 * without the audit key): the service chains them when it starts, before they decide anything.
 */
export async function seedConsent(prisma: ConsentPrisma, population: readonly DemoClient[]): Promise<boolean> {
  await seedClientTeams(prisma, population);
  if ((await prisma.grant.count()) > 0) return false;
  const now = new Date();
  let n = 0;
  const records = population.flatMap((c, k) => [
    ...c.consents.map((g, i) => demoRecord(c, g, `G-${c.id}-${i + 1}`, n++, now)),
    // Not the showcase clients (the README and tests know their records exactly).
    ...(k > 2 && k % 5 === 0 ? [demoRefusal(c, now)] : []),
  ]);
  await prisma.grant.createMany({ data: records.map((r) => r.grant) });
  const events = records.flatMap((r) => r.events.map((e) => ({ ...e, grantId: r.grant.id, kimClientId: r.grant.kimClientId })));
  // In the order they happened, as they would have been appended.
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.grantId.localeCompare(b.grantId));
  await prisma.grantEvent.createMany({ data: events });
  return true;
}
