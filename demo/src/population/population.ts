/**
 * The fictional demo population of KIM Hub.
 *
 * Every service seeds its database from the same call of `generatePopulation()` and keeps only
 * its own part (the case registry: identity, contact, goals, referrals, notes; the immigration
 * office: residence, asylum, naturalisation; the jobcenter: `jobcenter`; the welfare
 * associations: `welfare`; the consent service: `consents`). Because the generator is
 * deterministic, the parts fit together without the services talking to each other.
 *
 * Nobody in here is real: names are common names of each country combined at random, addresses
 * use common street names, phone numbers come from a block that is never assigned, e-mail
 * addresses use the reserved domain example.org.
 *
 * Dates are 'YYYY-MM-DD' strings (calendar dates of administrative acts: birth, arrival, validity
 * of titles and consents, course and measure dates, `registeredAt`, goal `createdAt`). Points in
 * time recorded by a person at a desk are ISO timestamps in UTC ('…Z'): referral `sentAt`,
 * `firstContactAt`, `outcomeAt`, note `createdAt`, support-need `recordedAt`, consent `revokedAt`.
 * Every past event lies before `today`; only validity ends may lie after it.
 */
import type { Agency, ClosingReason, DataCategory, LanguageLevel, LegalBasis, Purpose, ReferralReason, ResidenceTitleType, Town, WelfareAssociation } from '@kim/schema';
import { TOWNS, TOWN_NAMES } from '@kim/schema';
import {
  CASE_MANAGER_NAMES,
  COURSE_PROVIDERS,
  EMPLOYERS,
  MEASURE_PROVIDERS,
  NAMES,
  POSTCODES,
  STREETS,
  type Nationality,
} from './populationNames.ts';

// ---------------------------------------------------------------------------------------------
// Types (other modules code against these: change them only together with their users)
// ---------------------------------------------------------------------------------------------

/**
 * Where a client stands in KIM case management: what the intake (ACTIVE) and closeCase (CLOSED)
 * write. The registry's schema also knows WAITING, which no mutation writes (README, Case work).
 */
export type ClientStatus = 'ACTIVE' | 'CLOSED';

/** The kinds of residence document the immigration office issues (defined in the vocabulary). */
export type { ResidenceTitleType };

/** Levels a demo course aims at or certifies: nobody in the demo reaches C2. */
type CourseLevel = Exclude<LanguageLevel, 'C2'>;

/** One residence document, valid from `validFrom` to `validUntil` inclusive (null: unlimited). */
export interface DemoResidenceTitle {
  titleType: ResidenceTitleType;
  /** The statute it is issued under, e.g. '§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG', '§ 60a Abs. 2 Satz 1 AufenthG', '§ 55 AsylG'. */
  legalBasis: string;
  validFrom: string;
  validUntil: string | null;
  /** The town the holder must live in (Wohnsitzauflage / Wohnsitzregelung), or null. */
  residenceObligation: string | null;
  workPermitted: boolean;
}

/** The asylum procedure at the BAMF; `decidedAt` is the BAMF's decision, not a court's. */
export interface DemoAsylum {
  state: 'PENDING' | 'RECOGNISED' | 'SUBSIDIARY_PROTECTION' | 'REJECTED';
  bamfFileNumber: string;
  filedAt: string;
  decidedAt: string | null;
}

/** An application for naturalisation (Einbürgerung). */
export interface DemoNaturalisation {
  state: 'SUBMITTED' | 'IN_REVIEW' | 'GRANTED' | 'REFUSED';
  submittedAt: string;
  decidedAt: string | null;
}

/** A jobcenter measure; `endDate` null while it runs. */
export interface DemoMeasure {
  type: string;
  provider: string;
  startDate: string;
  endDate: string | null;
}

/** A job, apprenticeship or internship; `endDate` null while it lasts. */
export interface DemoPlacement {
  kind: 'JOB' | 'APPRENTICESHIP' | 'INTERNSHIP';
  employer: string;
  startDate: string;
  endDate: string | null;
}

/**
 * The jobcenter's record (SGB II). `householdId` is the benefit household (Bedarfsgemeinschaft);
 * `monthlyBenefitEuro` is 0 unless `status` is RECEIVING.
 */
export interface DemoJobcenter {
  benefitCaseId: string;
  status: 'RECEIVING' | 'APPLIED' | 'ENDED';
  since: string;
  householdId: string;
  householdSize: number;
  monthlyBenefitEuro: number;
  cooperationPlan: { agreedAt: string; steps: string[] } | null;
  measures: DemoMeasure[];
  placements: DemoPlacement[];
}

/** One counselling contact at a welfare association. */
export interface DemoCounsellingContact {
  association: WelfareAssociation;
  service: 'MIGRATION_COUNSELLING' | 'YOUTH_MIGRATION_SERVICE' | 'REFUGEE_COUNSELLING' | 'SOCIAL_COUNSELLING';
  date: string;
  topic: string;
}

/** A need a welfare association recorded (`recordedAt` is a timestamp). HEALTH is an Art. 9 category. */
export interface DemoSupportNeed {
  kind: 'HOUSING' | 'HEALTH';
  description: string;
  recordedAt: string;
  association: WelfareAssociation;
}

/** A language course; `completedAt` null while it runs or when it was broken off. */
export interface DemoLanguageCourse {
  provider: string;
  courseType: 'INTEGRATION_COURSE' | 'JOB_LANGUAGE_COURSE' | 'YOUTH_INTEGRATION_COURSE';
  targetLevel: CourseLevel;
  startedAt: string;
  completedAt: string | null;
  certificateLevel: CourseLevel | null;
}

/** What the welfare associations hold about a client. */
export interface DemoWelfare {
  contacts: DemoCounsellingContact[];
  needs: DemoSupportNeed[];
  courses: DemoLanguageCourse[];
}

/** A goal agreed in KIM case management (`createdAt`, `dueDate` and `changedOn` are dates). */
export interface DemoGoal {
  title: string;
  status: 'OPEN' | 'IN_PROGRESS' | 'ACHIEVED' | 'DROPPED';
  dueDate: string | null;
  createdAt: string;
  /** The agency that works on the goal (`Goal.workedOnBy`); null: the KIM team itself. */
  workedOnBy: Agency | null;
  /** The day the team set the goal's status (setGoalStatus); null while it is OPEN as added. */
  changedOn: string | null;
}

/**
 * A referral from KIM to another agency (timestamps). `firstContactAt` null with `outcome` null
 * means the referral stalls: nobody has reacted yet.
 */
export interface DemoReferral {
  toAgency: Agency;
  reason: ReferralReason;
  sentAt: string;
  firstContactAt: string | null;
  outcome: 'SUPPORT_STARTED' | 'NO_NEED' | 'NO_CONTACT' | 'WAITING_LIST' | null;
  outcomeAt: string | null;
}

/** A case note (`createdAt` is a timestamp). */
export interface DemoNote {
  /** A case manager id. */
  author: string;
  createdAt: string;
  text: string;
}

/**
 * A consent the client gave `grantee` for these categories and purposes. `validFrom`/`validUntil`
 * are dates (inclusive; null: until revoked), `revokedAt` a timestamp.
 */
export interface DemoConsent {
  grantee: Agency;
  categories: DataCategory[];
  purposes: Purpose[];
  /** Always 'CONSENT' here: statutory bases need no per-client record. */
  legalBasis: LegalBasis;
  /** Where the signed declaration is kept, e.g. 'EV-2024-000123 (signed form, scanned)'. */
  evidenceRef: string;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
  /** The case manager id who recorded the revocation. */
  revokedBy: string | null;
  /** The case manager id who recorded the consent. */
  recordedBy: string;
}

/** One client with every agency's part of the record. */
export interface DemoClient {
  /** KIM client id 'K-000001' …, zero-padded, in generation order. */
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  /** German country name, e.g. 'Syrien'. */
  nationality: string;
  town: Town;
  status: ClientStatus;
  phone: string | null;
  email: string | null;
  address: string;
  registeredAt: string;
  /** The day a closed case was closed, and why; null while the case is open. */
  closedOn: string | null;
  closingReason: ClosingReason | null;
  caseManagerId: string;
  /** Whether the client had case management before KIM, as told at intake (the funding rules serve those who had none). */
  priorCaseManagement: boolean;
  arrivalDate: string;
  /** The immigration office's own record id, e.g. 'ABH-2019-004711'. */
  abhRecordId: string;
  /** History, oldest first, contiguous and non-overlapping; the last one is current. Never empty. */
  residence: DemoResidenceTitle[];
  /** Null for those who never applied for asylum (§ 24 Ukraine, Blue Card, family reunification). */
  asylum: DemoAsylum | null;
  naturalisation: DemoNaturalisation | null;
  /** Null: the jobcenter has no record of the client. */
  jobcenter: DemoJobcenter | null;
  welfare: DemoWelfare;
  goals: DemoGoal[];
  referrals: DemoReferral[];
  notes: DemoNote[];
  consents: DemoConsent[];
}

/** A KIM case-manager position and the towns it serves. */
export interface DemoCaseManager {
  id: string;
  name: string;
  towns: Town[];
}

/**
 * The six state-funded case-manager positions, split by town roughly in proportion to the number
 * of refugees: Neuss has its own, the smaller towns share. Every town is served by exactly one.
 */
export const CASE_MANAGERS: readonly DemoCaseManager[] = [
  { id: 'cm-neuss-1', name: CASE_MANAGER_NAMES[0]!, towns: ['NEUSS'] },
  { id: 'cm-dormagen-1', name: CASE_MANAGER_NAMES[1]!, towns: ['DORMAGEN', 'ROMMERSKIRCHEN'] },
  { id: 'cm-grevenbroich-1', name: CASE_MANAGER_NAMES[2]!, towns: ['GREVENBROICH'] },
  { id: 'cm-meerbusch-1', name: CASE_MANAGER_NAMES[3]!, towns: ['MEERBUSCH'] },
  { id: 'cm-kaarst-1', name: CASE_MANAGER_NAMES[4]!, towns: ['KAARST'] },
  { id: 'cm-korschenbroich-1', name: CASE_MANAGER_NAMES[5]!, towns: ['KORSCHENBROICH', 'JUECHEN'] },
];

const CASE_MANAGER_OF = new Map<Town, string>(CASE_MANAGERS.flatMap((cm) => cm.towns.map((town) => [town, cm.id] as const)));

/** Age in whole years on `date`; the birthday itself counts (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Dates: days since 1970-01-01 (UTC) internally, so that arithmetic stays integer and fast
// ---------------------------------------------------------------------------------------------

/**
 * Year, month, day of a day number (H. Hinnant's civil-from-days). Formatting dates is the hot
 * path of the generator; plain integer arithmetic is several times faster than `Date` objects.
 */
function civil(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** The day number of a civil date; a day past the month's end rolls over like `Date.UTC`. */
function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468 + day - 1;
}

/** Formatted days, shared by all calls: a population uses a few thousand distinct days many times over. */
const DAY_STRINGS = new Map<number, string>();

function fmtDay(day: number): string {
  let text = DAY_STRINGS.get(day);
  if (text === undefined) {
    const [y, m, d] = civil(day);
    text = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    DAY_STRINGS.set(day, text);
  }
  return text;
}

function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
  if (!Number.isInteger(day) || fmtDay(day) !== date) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

function addMonths(day: number, months: number): number {
  const [y, m, d] = civil(day);
  const total = m - 1 + months;
  return dayOf(y + Math.floor(total / 12), (((total % 12) + 12) % 12) + 1, d);
}

function addYears(day: number, years: number): number {
  return addMonths(day, 12 * years);
}

function yearOf(day: number): number {
  return civil(day)[0];
}

/** Whole years of age on `day` of someone born on `birth` (as `ageOn`). */
function ageAt(birth: number, day: number): number {
  const [by, bm, bd] = civil(birth);
  const [y, m, d] = civil(day);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A timestamp on `day` at `minute` minutes after midnight UTC. */
function stampAt(day: number, minute: number): string {
  const h = Math.floor(minute / 60);
  const min = minute % 60;
  return `${fmtDay(day)}T${h < 10 ? '0' : ''}${h}:${min < 10 ? '0' : ''}${min}:00.000Z`;
}

/** Dates at which the law changed; the generator follows them so that legal bases fit their dates. */
const D = {
  /** KIM case management started taking clients (funding guideline of 25.11.2020, concept of 27.01.2021). */
  kimStart: parseDay('2021-04-01'),
  /** Ukrainians fled from the war from here on (temporary protection, § 24 AufenthG). */
  ukraineStart: parseDay('2022-03-01'),
  /** Ukrainians moved from asylum seekers' benefits to the jobcenter (SGB II). */
  ukraineSgb2: parseDay('2022-06-01'),
  /** Family reunification for holders of subsidiary protection (§ 36a AufenthG). */
  familySubsidiary: parseDay('2018-08-01'),
  /** The Blue Card moved from § 19a to § 18b Abs. 2 AufenthG (Fachkräfteeinwanderungsgesetz). */
  blueCard18b: parseDay('2020-03-01'),
  /** … and to § 18g AufenthG. */
  blueCard18g: parseDay('2023-11-18'),
  /** Chancen-Aufenthaltsrecht (§ 104c AufenthG) could be granted from … */
  chancenStart: parseDay('2022-12-31'),
  /** … until … */
  chancenEnd: parseDay('2025-12-31'),
  /** … to those in Germany for five years on 31.10.2022. */
  chancenArrivedBy: parseDay('2017-10-31'),
  /** The BAMF put decisions on Syrian asylum applications on hold after the fall of the Assad government. */
  syriaDecisionStop: parseDay('2024-12-09'),
  /** The Bürgergeld cooperation plan replaced the Eingliederungsvereinbarung. */
  cooperationPlan: parseDay('2023-07-01'),
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data and fully reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes two 32-bit numbers into a well-spread seed (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The generator's only source of chance, with the few draws it needs. */
class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [lo, hi]; lo when the range is empty. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  /** A timestamp during office hours (07:00–16:00 UTC) on `day`. */
  stamp(day: number): string {
    return stampAt(day, this.int(7 * 60, 16 * 60 - 1));
  }
}

/** Running numbers for record ids, so that ids are unique and increase like real registers. */
class Registers {
  private readonly last = new Map<string, number>();
  next(key: string, start: number, rng: Random): number {
    const value = (this.last.get(key) ?? start) + rng.int(1, 9);
    this.last.set(key, value);
    return value;
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

interface Ctx {
  readonly today: number;
  readonly registers: Registers;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** Residents in thousands (approx.), which weights how many clients live in each town. */
const TOWN_WEIGHTS: Record<Town, number> = {
  NEUSS: 155,
  DORMAGEN: 65,
  GREVENBROICH: 65,
  MEERBUSCH: 57,
  KAARST: 44,
  KORSCHENBROICH: 34,
  JUECHEN: 23,
  ROMMERSKIRCHEN: 13,
};

type Path = 'ASYLUM' | 'UKRAINE' | 'BLUE_CARD' | 'FAMILY';
type Outcome = 'RECOGNISED' | 'SUBSIDIARY' | 'DEPORTATION_BAN' | 'REJECTED';

interface NationalityProfile {
  readonly weight: number;
  readonly maleShare: number;
  /** Destatis country key: the suffix of BAMF file numbers. */
  readonly countryKey: string;
  readonly paths: readonly (readonly [Path, number])[];
  /** Shares of BAMF decisions, roughly the protection rates of recent years. */
  readonly outcomes: readonly (readonly [Outcome, number])[];
}

const PROFILES: Record<Nationality, NationalityProfile> = {
  Syrien: { weight: 24, maleShare: 0.6, countryKey: '475', paths: [['ASYLUM', 88], ['FAMILY', 12]], outcomes: [['RECOGNISED', 38], ['SUBSIDIARY', 57], ['DEPORTATION_BAN', 2], ['REJECTED', 3]] },
  Ukraine: { weight: 17, maleShare: 0.3, countryKey: '166', paths: [['UKRAINE', 1]], outcomes: [['REJECTED', 1]] },
  Afghanistan: { weight: 14, maleShare: 0.68, countryKey: '423', paths: [['ASYLUM', 90], ['FAMILY', 10]], outcomes: [['RECOGNISED', 40], ['SUBSIDIARY', 6], ['DEPORTATION_BAN', 36], ['REJECTED', 18]] },
  Irak: { weight: 9, maleShare: 0.6, countryKey: '438', paths: [['ASYLUM', 95], ['FAMILY', 5]], outcomes: [['RECOGNISED', 22], ['SUBSIDIARY', 8], ['DEPORTATION_BAN', 10], ['REJECTED', 60]] },
  Türkei: { weight: 8, maleShare: 0.65, countryKey: '163', paths: [['ASYLUM', 85], ['BLUE_CARD', 15]], outcomes: [['RECOGNISED', 18], ['SUBSIDIARY', 2], ['DEPORTATION_BAN', 2], ['REJECTED', 78]] },
  Iran: { weight: 6, maleShare: 0.55, countryKey: '439', paths: [['ASYLUM', 85], ['BLUE_CARD', 15]], outcomes: [['RECOGNISED', 38], ['SUBSIDIARY', 4], ['DEPORTATION_BAN', 4], ['REJECTED', 54]] },
  Eritrea: { weight: 4, maleShare: 0.6, countryKey: '224', paths: [['ASYLUM', 85], ['FAMILY', 15]], outcomes: [['RECOGNISED', 72], ['SUBSIDIARY', 20], ['DEPORTATION_BAN', 3], ['REJECTED', 5]] },
  Guinea: { weight: 5, maleShare: 0.75, countryKey: '261', paths: [['ASYLUM', 1]], outcomes: [['RECOGNISED', 10], ['SUBSIDIARY', 4], ['DEPORTATION_BAN', 6], ['REJECTED', 80]] },
  Nigeria: { weight: 5, maleShare: 0.5, countryKey: '232', paths: [['ASYLUM', 95], ['BLUE_CARD', 5]], outcomes: [['RECOGNISED', 10], ['SUBSIDIARY', 2], ['DEPORTATION_BAN', 6], ['REJECTED', 82]] },
  Somalia: { weight: 4, maleShare: 0.6, countryKey: '273', paths: [['ASYLUM', 1]], outcomes: [['RECOGNISED', 32], ['SUBSIDIARY', 28], ['DEPORTATION_BAN', 15], ['REJECTED', 25]] },
  Indien: { weight: 2, maleShare: 0.65, countryKey: '436', paths: [['BLUE_CARD', 1]], outcomes: [['REJECTED', 1]] },
};
const NATIONALITY_WEIGHTS = (Object.keys(PROFILES) as Nationality[]).map((n) => [n, PROFILES[n].weight] as const);

/** First asylum applications by year of arrival, roughly Germany's curve (2015/16 peak, rise from 2022). */
const ASYLUM_YEARS: Readonly<Record<number, number>> = { 2014: 4, 2015: 12, 2016: 14, 2017: 5, 2018: 4, 2019: 4, 2020: 3, 2021: 4, 2022: 6, 2023: 9, 2024: 7, 2025: 4 };
const asylumYearWeight = (year: number): number => ASYLUM_YEARS[year] ?? 3;
/** Most Ukrainians came in the first year of the war. */
const UKRAINE_YEARS: Readonly<Record<number, number>> = { 2022: 60, 2023: 20, 2024: 12, 2025: 8 };
const ukraineYearWeight = (year: number): number => UKRAINE_YEARS[year] ?? 3;
const flatYearWeight = (): number => 1;

const TEXT = {
  goals: [
    // `by`: the agency that works on the goal (null: the KIM team itself).
    { title: 'Deutschkenntnisse auf B1 verbessern', fits: (c: Facts) => !c.hasB1, by: (): Agency | null => 'BAMF' },
    { title: 'Ausbildungsplatz finden', fits: (c: Facts) => c.age < 30, by: (c: Facts): Agency | null => (c.jobcenter ? 'JOBCENTER' : 'EMPLOYMENT_AGENCY') },
    { title: 'Sozialversicherungspflichtige Beschäftigung aufnehmen', fits: (c: Facts) => c.workPermitted, by: (c: Facts): Agency | null => (c.jobcenter ? 'JOBCENTER' : 'EMPLOYMENT_AGENCY') },
    { title: 'Eigene Wohnung finden', fits: () => true, by: (): Agency | null => null },
    { title: 'Anerkennung des ausländischen Berufsabschlusses', fits: (c: Facts) => c.age >= 22, by: (): Agency | null => 'EMPLOYMENT_AGENCY' },
    { title: 'Führerschein Klasse B erwerben', fits: () => true, by: (): Agency | null => null },
    { title: 'Kita-Platz für das Kind finden', fits: (c: Facts) => c.age >= 21, by: (): Agency | null => null },
    { title: 'Aufenthaltstitel verlängern', fits: (c: Facts) => c.currentType === 'AUFENTHALTSERLAUBNIS', by: (): Agency | null => 'IMMIGRATION_OFFICE' },
    { title: 'Einbürgerung vorbereiten', fits: (c: Facts) => c.longResidence, by: (): Agency | null => 'IMMIGRATION_OFFICE' },
    { title: 'Schulden regulieren', fits: () => true, by: (c: Facts): Agency | null => c.association ?? 'CARITAS' },
    { title: 'Pass beschaffen', fits: (c: Facts) => c.currentType === 'DULDUNG', by: (): Agency | null => 'IMMIGRATION_OFFICE' },
    { title: 'Schulabschluss nachholen', fits: (c: Facts) => c.age < 27, by: (): Agency | null => 'JMD' },
  ],
  // Reasons per receiving agency, from the list a referral's reason is taken from (the same
  // validation as `sendReferral`); PSYCHOSOCIAL_COUNSELLING is health data.
  referralReasons: {
    IMMIGRATION_OFFICE: ['RESIDENCE_MATTERS', 'RESIDENCE_MATTERS', 'NATURALISATION', 'RESIDENCE_MATTERS', 'RESIDENCE_MATTERS'],
    JOBCENTER: ['BENEFITS', 'JOB_SEARCH', 'VOCATIONAL_TRAINING', 'RECOGNITION_OF_QUALIFICATIONS'],
    EMPLOYMENT_AGENCY: ['VOCATIONAL_TRAINING', 'RECOGNITION_OF_QUALIFICATIONS', 'VOCATIONAL_TRAINING'],
    BAMF: ['LANGUAGE_COURSE', 'LANGUAGE_COURSE'],
    JMD: ['VOCATIONAL_TRAINING', 'LANGUAGE_COURSE', 'MIGRATION_COUNSELLING'],
    WELFARE: ['MIGRATION_COUNSELLING', 'DEBT_COUNSELLING', 'HOUSING', 'PSYCHOSOCIAL_COUNSELLING'],
  } satisfies Record<string, readonly ReferralReason[]>,
  notes: [
    'Erstgespräch geführt, Anliegen und Unterlagen gesichtet.',
    'Termin telefonisch auf nächste Woche verschoben.',
    'Antrag gemeinsam vorbereitet, Kopien erstellt.',
    'Sprachmittlung für den nächsten Termin organisiert.',
    'Rückmeldung der Stelle steht aus, Nachfrage in zwei Wochen.',
    'Termin nicht wahrgenommen, neue Einladung verschickt.',
    'Lebenslauf überarbeitet, Bewerbungsunterlagen vollständig.',
    'Fortschritte im Sprachkurs besprochen.',
    'Zwischenstand besprochen, Ziele angepasst.',
    'Unterlagen zur Anerkennung an die zuständige Stelle weitergeleitet.',
  ],
  topics: {
    MIGRATION_COUNSELLING: [
      'Fragen zum Aufenthaltsrecht',
      'Anerkennung ausländischer Abschlüsse',
      'Familiennachzug',
      'Einbürgerungsvoraussetzungen',
      'Anmeldung zum Integrationskurs',
      'Kita- und Schulanmeldung',
    ],
    YOUTH_MIGRATION_SERVICE: [
      'Übergang Schule–Beruf',
      'Bewerbung um einen Ausbildungsplatz',
      'Jugendintegrationskurs',
      'Schulabschluss nachholen',
      'Gruppenangebote',
    ],
    REFUGEE_COUNSELLING: [
      'Vorbereitung auf die Anhörung',
      'Fragen zum Asylverfahren',
      'Beschäftigungserlaubnis',
      'Duldung und Bleibeperspektive',
      'Leistungen nach dem AsylbLG',
    ],
    SOCIAL_COUNSELLING: [
      'Schulden und Haushaltsplanung',
      'Wohnungssuche',
      'Anträge bei Behörden',
      'Krankenversicherung',
      'Energiekosten',
    ],
  },
  needs: {
    HOUSING: [
      'Lebt in einer Gemeinschaftsunterkunft, sucht eine eigene Wohnung',
      'Wohnung für die Familiengröße zu klein',
      'Mietrückstände, Wohnungsverlust droht',
      'Wohnberechtigungsschein beantragt, Wohnungssuche läuft',
      'Befristeter Mietvertrag läuft aus',
    ],
    HEALTH: [
      'Psychosoziale Belastung, Anbindung an Fachberatung gewünscht',
      'Chronische Erkrankung, Facharzttermin erforderlich',
      'Schwangerschaft, Begleitung zu Vorsorgeterminen',
      'Körperliche Einschränkung, Antrag auf Schwerbehindertenausweis',
      'Zahnbehandlung, Kostenübernahme ungeklärt',
    ],
  },
  measures: [
    'Maßnahme zur Aktivierung und beruflichen Eingliederung (§ 45 SGB III)',
    'Berufsbezogene Deutschsprachförderung (§ 45a AufenthG)',
    'Bewerbungscoaching',
    'Arbeitsgelegenheit (§ 16d SGB II)',
    'Berufliche Weiterbildung mit Bildungsgutschein (§ 81 SGB III)',
    'Einstiegsqualifizierung (§ 54a SGB III)',
  ],
  steps: [
    'Teilnahme am Integrationskurs bis zum Zertifikat B1',
    'Fünf Bewerbungen pro Monat, Nachweis beim nächsten Termin',
    'Anerkennung des ausländischen Berufsabschlusses beantragen',
    'Teilnahme an einer Maßnahme zur Aktivierung',
    'Berufssprachkurs B2 beginnen',
    'Termin bei der Berufsberatung wahrnehmen',
    'Kinderbetreuung klären, um Teilzeitarbeit aufzunehmen',
    'Führerschein Klasse B erwerben',
  ],
  evidence: ['signed form, scanned', 'signed form, scanned', 'signed form, original in paper file', 'signed form with interpreter, scanned'],
} as const;

/** The categories of the standard KIM consent form: everything other agencies hold, except health. */
const KIM_CONSENT_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'RESIDENCE',
  'ASYLUM_PROCEDURE',
  'BENEFITS',
  'EMPLOYMENT',
  'EDUCATION_LANGUAGE',
  'HOUSING',
  'COUNSELLING',
  'NATURALISATION',
] as const satisfies readonly DataCategory[];
const KIM_CONSENT_PURPOSES = ['CASE_MANAGEMENT', 'REFERRAL', 'NATURALISATION_PROCEDURE'] as const satisfies readonly Purpose[];
const COUNSELLING_ASSOCIATIONS = ['CARITAS', 'DIAKONIE', 'AWO', 'DRK', 'PARITAETISCHER'] as const satisfies readonly WelfareAssociation[];

// ---------------------------------------------------------------------------------------------
// Residence histories
// ---------------------------------------------------------------------------------------------

interface TitleSpan {
  readonly type: ResidenceTitleType;
  readonly from: number;
  until: number | null;
}

/**
 * Builds a contiguous history; callers start each title the day after the previous one ends, and
 * stop once a title runs beyond `today`.
 */
class ResidenceHistory {
  readonly titles: DemoResidenceTitle[] = [];
  readonly spans: TitleSpan[] = [];
  constructor(
    private readonly townName: string,
    private readonly today: number,
  ) {}

  add(type: ResidenceTitleType, legalBasis: string, from: number, until: number | null, obligation: boolean, workPermitted: boolean): void {
    const prev = this.spans[this.spans.length - 1];
    if (prev !== undefined && prev.until === this.today && from === this.today + 1) {
      // The old title runs out exactly today: its successor is handed over today, so that the
      // current title is valid today (and not only from tomorrow).
      prev.until = this.today - 1;
      this.titles[this.titles.length - 1]!.validUntil = fmtDay(prev.until);
      from = this.today;
    }
    this.spans.push({ type, from, until });
    this.titles.push({
      titleType: type,
      legalBasis,
      validFrom: fmtDay(from),
      validUntil: until === null ? null : fmtDay(until),
      residenceObligation: obligation ? this.townName : null,
      workPermitted,
    });
  }

  get current(): DemoResidenceTitle {
    return this.titles[this.titles.length - 1]!;
  }
}

interface PermitPlan {
  readonly basis: string;
  readonly firstYears: number;
  readonly renewYears: number;
  /** § 12a AufenthG: the residence rule binds for three years from recognition; before this day. */
  readonly obligationUntil: number;
  /** The permanent permit the holder may get, from when, and how likely at each renewal. */
  readonly settlement: { readonly basis: string; readonly from: number; readonly chance: number } | null;
}

/** Residence permits, renewed until one covers today; sometimes bridged by a Fiktionsbescheinigung, maybe ending in settlement. */
function permitChain(h: ResidenceHistory, rng: Random, ctx: Ctx, start: number, plan: PermitPlan): void {
  let from = start;
  let years = plan.firstYears;
  for (;;) {
    const until = addYears(from, years) - 1;
    h.add('AUFENTHALTSERLAUBNIS', plan.basis, from, until, from < plan.obligationUntil, true);
    if (until > ctx.today) return;
    let next = until + 1;
    // The office decides a renewal late: the Fiktionsbescheinigung keeps the old title in force (§ 81 Abs. 4).
    if (rng.chance(0.12)) {
      const bridgeEnd = next + rng.int(45, 150);
      h.add('FIKTIONSBESCHEINIGUNG', '§ 81 Abs. 4 AufenthG', next, bridgeEnd, next < plan.obligationUntil, true);
      if (bridgeEnd > ctx.today) return;
      next = bridgeEnd + 1;
    }
    if (plan.settlement && next >= plan.settlement.from && rng.chance(plan.settlement.chance)) {
      h.add('NIEDERLASSUNGSERLAUBNIS', plan.settlement.basis, next, null, false, true);
      return;
    }
    from = next;
    years = plan.renewYears;
  }
}

interface Person {
  readonly nationality: Nationality;
  readonly birth: number;
  readonly arrival: number;
}

/** Asylum: Gestattung during the procedure, then a permit, a toleration or (appeal pending) still the Gestattung. */
function asylumPath(h: ResidenceHistory, rng: Random, ctx: Ctx, p: Person): DemoAsylum {
  const filed = Math.min(p.arrival + rng.int(2, 40), ctx.today - 14);
  const bamfFileNumber = `${ctx.registers.next('bamf', 6_100_000, rng)}-${PROFILES[p.nationality].countryKey}`;
  // The BAMF took longest at the 2016 peak and again since 2023.
  const filedYear = yearOf(filed);
  const delay = filedYear <= 2016 ? rng.int(180, 600) : filedYear >= 2023 ? rng.int(180, 540) : rng.int(100, 360);
  const decided = filed + delay;
  const stopped = p.nationality === 'Syrien' && decided >= D.syriaDecisionStop;
  const base = { bamfFileNumber, filedAt: fmtDay(filed) };
  if (stopped || decided > ctx.today - 21) {
    h.add('AUFENTHALTSGESTATTUNG', '§ 55 AsylG', filed, ctx.today + rng.int(20, 180), true, ctx.today - filed > 270 && rng.chance(0.6));
    return { state: 'PENDING', ...base, decidedAt: null };
  }
  const outcome = rng.weighted(PROFILES[p.nationality].outcomes);
  const decidedAt = fmtDay(decided);
  if (outcome === 'REJECTED') {
    // An appeal at the administrative court keeps the Gestattung alive until the court decides.
    const final = decided + rng.int(30, 700);
    if (final >= ctx.today - 1) {
      h.add('AUFENTHALTSGESTATTUNG', '§ 55 AsylG', filed, ctx.today + rng.int(20, 180), true, ctx.today - filed > 270 && rng.chance(0.5));
    } else {
      h.add('AUFENTHALTSGESTATTUNG', '§ 55 AsylG', filed, final, true, final - filed > 270 && rng.chance(0.4));
      toleratedPath(h, rng, ctx, p, final + 1);
    }
    return { state: 'REJECTED', ...base, decidedAt };
  }
  const permitStart = Math.min(decided + rng.int(14, 75), ctx.today - 1);
  h.add('AUFENTHALTSGESTATTUNG', '§ 55 AsylG', filed, permitStart - 1, true, permitStart - filed > 270 && rng.chance(0.4));
  const obligationUntil = addYears(permitStart, 3);
  const settleFrom = addYears(filed, 5); // § 26 Abs. 3/4: five years, the procedure counted in
  if (outcome === 'RECOGNISED') {
    const basis = rng.chance(0.1) ? '§ 25 Abs. 1 AufenthG' : '§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG';
    permitChain(h, rng, ctx, permitStart, {
      basis,
      firstYears: 3,
      renewYears: 3,
      obligationUntil,
      settlement: { basis: '§ 26 Abs. 3 AufenthG', from: settleFrom, chance: 0.5 },
    });
    return { state: 'RECOGNISED', ...base, decidedAt };
  }
  if (outcome === 'SUBSIDIARY') {
    permitChain(h, rng, ctx, permitStart, {
      basis: '§ 25 Abs. 2 Satz 1 Alt. 2 AufenthG',
      firstYears: 1,
      renewYears: 2,
      obligationUntil,
      settlement: { basis: '§ 26 Abs. 4 AufenthG', from: settleFrom, chance: 0.35 },
    });
    return { state: 'SUBSIDIARY_PROTECTION', ...base, decidedAt };
  }
  // A national deportation ban (§ 60 Abs. 5/7): the asylum application is rejected, yet a permit follows.
  permitChain(h, rng, ctx, permitStart, {
    basis: '§ 25 Abs. 3 AufenthG',
    firstYears: 1,
    renewYears: 2,
    obligationUntil,
    settlement: { basis: '§ 26 Abs. 4 AufenthG', from: settleFrom, chance: 0.3 },
  });
  return { state: 'REJECTED', ...base, decidedAt };
}

/** Toleration (Duldung) in short renewals, with the ways out the law offers: § 104c, § 60c/§ 60d, § 25b. */
function toleratedPath(h: ResidenceHistory, rng: Random, ctx: Ctx, p: Person, from: number): void {
  const since = from;
  const mayWorkFrom = rng.chance(0.35) ? since + rng.int(180, 900) : Infinity;
  let triedChancen = false;
  let triedSpecial = false;
  // Well-integrated young people get § 25a, everyone else § 25b.
  const youngOrLong = (day: number): string => (ageAt(p.birth, day) < 27 ? '§ 25a AufenthG' : '§ 25b AufenthG');
  let start = from;
  for (;;) {
    if (!triedChancen && p.arrival <= D.chancenArrivedBy && start >= D.chancenStart && start <= D.chancenEnd) {
      triedChancen = true;
      if (rng.chance(0.6)) {
        const end = addMonths(start, 18) - 1;
        h.add('AUFENTHALTSERLAUBNIS', '§ 104c AufenthG', start, end, false, true);
        if (end > ctx.today) return;
        if (rng.chance(0.7)) {
          permitChain(h, rng, ctx, end + 1, {
            basis: youngOrLong(end + 1),
            firstYears: 2,
            renewYears: 2,
            obligationUntil: end + 1,
            settlement: { basis: '§ 26 Abs. 4 AufenthG', from: addYears(end + 1, 3), chance: 0.3 },
          });
          return;
        }
        start = end + 1; // requirements not met: back to the Duldung (§ 104c Abs. 3)
        continue;
      }
    }
    if (!triedSpecial && start - since >= 365) {
      triedSpecial = true;
      if (rng.chance(0.12)) {
        const training = ageAt(p.birth, start) < 30 && rng.chance(0.6);
        const end = addMonths(start, training ? 36 : 30) - 1;
        h.add('DULDUNG', training ? '§ 60c AufenthG' : '§ 60d AufenthG', start, end, true, true);
        if (end > ctx.today) return;
        const basis = training ? '§ 19d Abs. 1a AufenthG' : '§ 25b Abs. 6 AufenthG';
        permitChain(h, rng, ctx, end + 1, { basis, firstYears: 2, renewYears: 2, obligationUntil: end + 1, settlement: null });
        return;
      }
    }
    if (start - since >= 6 * 365 && rng.chance(0.08)) {
      permitChain(h, rng, ctx, start, { basis: youngOrLong(start), firstYears: 2, renewYears: 2, obligationUntil: start, settlement: null });
      return;
    }
    const end = addMonths(start, rng.chance(0.5) ? 3 : 6) - 1;
    h.add('DULDUNG', '§ 60a Abs. 2 Satz 1 AufenthG', start, end, true, start >= mayWorkFrom);
    if (end > ctx.today) return;
    start = end + 1;
  }
}

/** Temporary protection for Ukrainians: a Fiktionsbescheinigung, then § 24 permits extended to each 4 March. */
function ukrainePath(h: ResidenceHistory, rng: Random, ctx: Ctx, p: Person): void {
  const bridgeStart = p.arrival + rng.int(3, 30);
  const permitStart = bridgeStart + rng.int(30, 150);
  if (permitStart >= ctx.today) {
    h.add('FIKTIONSBESCHEINIGUNG', '§ 81 Abs. 3 AufenthG', bridgeStart, ctx.today + rng.int(30, 120), false, true);
    return;
  }
  h.add('FIKTIONSBESCHEINIGUNG', '§ 81 Abs. 3 AufenthG', bridgeStart, permitStart - 1, false, true);
  // § 12a applies to § 24 too, but only binds those who depend on benefits.
  const obligationUntil = rng.chance(0.7) ? addYears(permitStart, 3) : permitStart;
  let year = Math.max(2024, yearOf(permitStart));
  let until = parseDay(`${year}-03-04`);
  while (until < permitStart + 180) until = parseDay(`${++year}-03-04`);
  let from = permitStart;
  for (;;) {
    h.add('AUFENTHALTSERLAUBNIS', '§ 24 Abs. 1 AufenthG', from, until, from < obligationUntil, true);
    if (until > ctx.today) return;
    from = until + 1;
    until = addYears(until, 1);
  }
}

function blueCardBasis(day: number): string {
  return day < D.blueCard18b ? '§ 19a AufenthG' : day < D.blueCard18g ? '§ 18b Abs. 2 AufenthG' : '§ 18g Abs. 1 AufenthG';
}

/** EU Blue Card for four years; settlement after 21–27 months (§ 18c Abs. 2). */
function blueCardPath(h: ResidenceHistory, rng: Random, ctx: Ctx, p: Person): void {
  let from = p.arrival;
  for (;;) {
    const settleAt = addMonths(from, rng.int(21, 27));
    if (settleAt <= ctx.today && rng.chance(0.6)) {
      h.add('BLAUE_KARTE_EU', blueCardBasis(from), from, settleAt - 1, false, true);
      h.add('NIEDERLASSUNGSERLAUBNIS', settleAt < D.blueCard18b ? '§ 19a Abs. 6 AufenthG' : '§ 18c Abs. 2 AufenthG', settleAt, null, false, true);
      return;
    }
    const until = addYears(from, 4) - 1;
    h.add('BLAUE_KARTE_EU', blueCardBasis(from), from, until, false, true);
    if (until > ctx.today) return;
    from = until + 1;
  }
}

/** Family reunification with a person already protected here: a permit from the day of arrival. */
function familyPath(h: ResidenceHistory, rng: Random, ctx: Ctx, p: Person): void {
  const basis =
    ageAt(p.birth, p.arrival) < 18 ? '§ 32 AufenthG' : p.arrival >= D.familySubsidiary && rng.chance(0.5) ? '§ 36a AufenthG' : '§ 30 AufenthG';
  permitChain(h, rng, ctx, p.arrival, {
    basis,
    firstYears: rng.int(1, 3),
    renewYears: 2,
    obligationUntil: p.arrival,
    settlement: { basis: '§ 9 AufenthG', from: addYears(p.arrival, 5), chance: 0.35 },
  });
}

// ---------------------------------------------------------------------------------------------
// One client
// ---------------------------------------------------------------------------------------------

/** What the later parts of a client's record depend on. */
interface Facts {
  readonly age: number;
  readonly hasB1: boolean;
  readonly workPermitted: boolean;
  readonly currentType: ResidenceTitleType;
  readonly longResidence: boolean;
  /** Whether the jobcenter knows the client (else the employment agency finds work with them). */
  readonly jobcenter: boolean;
  readonly association: WelfareAssociation | null;
}

/** Picks a day in [lo, hi], years weighted by `weightOf` and by how much of the year lies in the range. */
function pickDay(rng: Random, lo: number, hi: number, weightOf: (year: number) => number): number {
  if (hi <= lo) return lo;
  const spans: (readonly [readonly [number, number], number])[] = [];
  for (let y = yearOf(lo); y <= yearOf(hi); y++) {
    const a = Math.max(lo, dayOf(y, 1, 1));
    const b = Math.min(hi, dayOf(y, 12, 31));
    if (a <= b) spans.push([[a, b], weightOf(y) * (b - a + 1)]);
  }
  const [a, b] = rng.weighted(spans);
  return rng.int(a, b);
}

function arrivalWindow(path: Path, birth: number, today: number): readonly [number, number, (year: number) => number] {
  const hi = today - 60; // nobody reaches KIM within two months of arrival
  const earliestAge = addYears(birth, path === 'BLUE_CARD' ? 23 : 12);
  switch (path) {
    case 'UKRAINE':
      return [Math.max(D.ukraineStart, earliestAge), hi, ukraineYearWeight];
    case 'BLUE_CARD':
      return [Math.max(parseDay('2014-01-01'), earliestAge), hi, flatYearWeight];
    case 'FAMILY':
      return [Math.max(parseDay('2016-01-01'), earliestAge), hi, flatYearWeight];
    case 'ASYLUM':
      return [Math.max(parseDay('2014-01-01'), earliestAge), hi, asylumYearWeight];
  }
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
}

function address(rng: Random, town: Town): string {
  return `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${rng.pick(POSTCODES[town])} ${TOWN_NAMES[town]}`;
}

/** The Köln block of numbers the Bundesnetzagentur keeps free for films and books: nobody can be dialled. */
function phone(rng: Random): string {
  return `+49 221 4710${pad(rng.int(0, 999), 3)}`;
}

interface ClientSpec {
  readonly index: number;
  readonly town: Town;
  /** K-000002: a KIM consent that was revoked. */
  readonly revokedKimConsent: boolean;
}

function generateClient(spec: ClientSpec, rng: Random, ctx: Ctx): DemoClient {
  const { today } = ctx;
  const { town } = spec;
  const caseManagerId = CASE_MANAGER_OF.get(town)!;
  const nationality = rng.weighted(NATIONALITY_WEIGHTS);
  const profile = PROFILES[nationality];
  let path = rng.weighted(profile.paths);
  const male = rng.chance(profile.maleShare);
  const names = NAMES[nationality];
  const givenName = rng.pick(male ? names.male : names.female);
  const familyName = rng.pick(names.family);

  // Age at `today`: 16–45, most 18–35; Blue Card holders are graduates with experience.
  const [ageLo, ageHi] =
    path === 'BLUE_CARD' ? [27, 45] : rng.weighted<readonly [number, number]>([[[16, 17], 6], [[18, 27], 40], [[28, 35], 36], [[36, 45], 18]]);
  const age = rng.int(ageLo, ageHi);
  const birth = addYears(today, -age) - rng.int(0, 364);

  let [lo, hi, weightOf] = arrivalWindow(path, birth, today);
  if (lo > hi) {
    // The path does not fit this `today` (e.g. before the war in Ukraine): fall back to asylum.
    path = 'ASYLUM';
    [lo, hi, weightOf] = arrivalWindow(path, birth, today);
  }
  const arrival = pickDay(rng, lo, hi, weightOf);
  const person: Person = { nationality, birth, arrival };

  const h = new ResidenceHistory(TOWN_NAMES[town], today);
  let asylum: DemoAsylum | null = null;
  if (path === 'ASYLUM') asylum = asylumPath(h, rng, ctx, person);
  else if (path === 'UKRAINE') ukrainePath(h, rng, ctx, person);
  else if (path === 'BLUE_CARD') blueCardPath(h, rng, ctx, person);
  else familyPath(h, rng, ctx, person);
  const current = h.current;
  const settled = current.titleType === 'NIEDERLASSUNGSERLAUBNIS';

  // KIM registration and status. Some clients came only recently: registered (the intake writes
  // ACTIVE), with neither plan nor referral yet, and not all of them have signed the consent form.
  const regLo = Math.min(Math.max(arrival + 14, D.kimStart), today - 1);
  let phase = rng.weighted<'UNDER_WAY' | 'JUST_REGISTERED' | 'CLOSED'>([['UNDER_WAY', 68], ['JUST_REGISTERED', 10], ['CLOSED', 22]]);
  if (spec.revokedKimConsent && phase === 'JUST_REGISTERED') phase = 'UNDER_WAY';
  if (phase === 'CLOSED' && regLo > today - 240) phase = 'UNDER_WAY';
  const status: ClientStatus = phase === 'CLOSED' ? 'CLOSED' : 'ACTIVE';
  const justRegistered = phase === 'JUST_REGISTERED';
  const registered = justRegistered
    ? rng.int(Math.max(regLo, today - 56), today - 1)
    : status === 'CLOSED'
      ? rng.int(regLo, today - 240)
      : rng.int(regLo, spec.revokedKimConsent ? Math.max(regLo, today - 30) : today - 1);
  // Case-management events happen while the case is open; a closed case's last day is its closing.
  const openUntil = status === 'CLOSED' ? Math.min(registered + rng.int(120, 720), today - 1) : today - 1;

  const abhRecordId = `ABH-${yearOf(arrival)}-${pad(ctx.registers.next(`abh-${yearOf(arrival)}`, 0, rng), 6)}`;

  // Welfare: contacts with one main association, support needs, language courses.
  const welfare: DemoWelfare = { contacts: [], needs: [], courses: [] };
  let mainAssociation: WelfareAssociation | null = null;
  if (rng.chance(0.85)) {
    let day = rng.int(arrival + 7, today - 1);
    mainAssociation = ageAt(birth, day) < 27 && rng.chance(0.5) ? 'JMD' : rng.pick(COUNSELLING_ASSOCIATIONS);
    const n = rng.int(1, 6);
    for (let i = 0; i < n && day <= today - 1; i++) {
      // The first contact is always with the main association; later ones sometimes elsewhere.
      const association = i === 0 || rng.chance(0.85) ? mainAssociation : rng.pick(COUNSELLING_ASSOCIATIONS);
      const titleThen = typeOn(h.spans, day);
      const service: DemoCounsellingContact['service'] =
        association === 'JMD'
          ? 'YOUTH_MIGRATION_SERVICE'
          : (titleThen === 'AUFENTHALTSGESTATTUNG' || titleThen === 'DULDUNG') && rng.chance(0.7)
            ? 'REFUGEE_COUNSELLING'
            : rng.chance(0.75)
              ? 'MIGRATION_COUNSELLING'
              : 'SOCIAL_COUNSELLING';
      welfare.contacts.push({ association, service, date: fmtDay(day), topic: rng.pick(TEXT.topics[service]) });
      day += rng.int(7, 150);
    }
    // A need is recorded at a counselling contact, so only clients with contacts have needs.
    for (const [kind, p] of [['HOUSING', 0.29], ['HEALTH', 0.18]] as const) {
      if (!rng.chance(p)) continue;
      const contact = rng.pick(welfare.contacts);
      welfare.needs.push({ kind, description: rng.pick(TEXT.needs[kind]), recordedAt: rng.stamp(parseDay(contact.date)), association: contact.association });
    }
  }
  if (rng.chance(0.6)) welfare.courses.push(...languageCourses(rng, ctx, birth, arrival));
  const hasB1 = welfare.courses.some((c) => c.certificateLevel !== null && c.certificateLevel >= 'B1');

  // Jobcenter: only for those with a permit (asylum seekers and tolerated persons get AsylbLG benefits instead).
  const firstPermit = h.spans.find(
    (s) => s.type === 'AUFENTHALTSERLAUBNIS' || s.type === 'NIEDERLASSUNGSERLAUBNIS' || (path === 'UKRAINE' && s.type === 'FIKTIONSBESCHEINIGUNG'),
  );
  const benefitFrom = firstPermit ? Math.max(firstPermit.from, path === 'UKRAINE' ? D.ukraineSgb2 : firstPermit.from) : null;
  const jobcenter =
    path !== 'BLUE_CARD' && benefitFrom !== null && benefitFrom <= today - 1 && rng.chance(0.97)
      ? jobcenterRecord(rng, ctx, benefitFrom, birth, settled)
      : null;

  // Naturalisation: for settled residents and those here five years (§ 10 StAG since 27.06.2024).
  const longResidence = settled || (current.titleType === 'AUFENTHALTSERLAUBNIS' && today - arrival >= 5 * 365);
  const naturalisation = longResidence && age >= 18 && rng.chance(settled ? 0.3 : 0.15) ? naturalisationRecord(rng, ctx, arrival) : null;

  const facts: Facts = { age, hasB1, workPermitted: current.workPermitted, currentType: current.titleType, longResidence, jobcenter: jobcenter !== null, association: mainAssociation };
  const goals = justRegistered ? [] : goalsFor(rng, ctx, facts, registered, openUntil, status === 'CLOSED');
  const referrals = justRegistered ? [] : referralsFor(rng, ctx, registered, openUntil, birth, jobcenter !== null, mainAssociation);
  const noteCount = justRegistered ? rng.int(0, 1) : rng.int(0, 3);
  const notes: DemoNote[] = Array.from({ length: noteCount }, () => rng.int(registered, openUntil))
    .sort((a, b) => a - b)
    .map((day) => ({ author: caseManagerId, createdAt: rng.stamp(day), text: rng.pick(TEXT.notes) }));

  // Consents, all recorded by the case manager on the signed form.
  const consents: DemoConsent[] = [];
  const consent = new ConsentRecorder(rng, ctx, caseManagerId);
  let kimFrom: number | null = null;
  // Case work rests on the client's consent to the team (participation is voluntary): every case
  // under way has one; a client registered just now may not have given it yet. Drawn first in any
  // case, so that the clients who had one before keep the rest of their data.
  const consentedEarly = rng.chance(0.85);
  if (spec.revokedKimConsent || consentedEarly || !justRegistered) {
    kimFrom = Math.min(registered + rng.int(0, 10), openUntil);
    const health = rng.chance(welfare.needs.some((n) => n.kind === 'HEALTH') ? 0.6 : 0.24);
    const categories: DataCategory[] = [...KIM_CONSENT_CATEGORIES, ...(health ? (['HEALTH'] as const) : [])];
    consents.push(consent.record(`KIM_${town}`, categories, [...KIM_CONSENT_PURPOSES], kimFrom, spec.revokedKimConsent ? 'always' : 'maybe'));
  }
  if (kimFrom !== null && jobcenter !== null && rng.chance(0.67)) {
    const from = Math.min(Math.max(kimFrom, parseDay(jobcenter.since)) + rng.int(0, 120), openUntil);
    consents.push(consent.record('JOBCENTER', ['EDUCATION_LANGUAGE', 'COUNSELLING'], ['LABOUR_MARKET_INTEGRATION'], from, 'maybe'));
  }
  if (mainAssociation !== null && rng.chance(0.36)) {
    const from = Math.min(Math.max(registered, parseDay(welfare.contacts[0]!.date)) + rng.int(0, 60), openUntil);
    consents.push(consent.record(mainAssociation, ['IDENTITY', 'CONTACT', 'RESIDENCE'], ['MIGRATION_COUNSELLING'], from, 'maybe'));
  }
  if ((naturalisation !== null && rng.chance(0.8)) || (welfare.courses.length > 0 && rng.chance(0.36))) {
    const from = Math.min(registered + rng.int(0, 365), openUntil);
    consents.push(consent.record('IMMIGRATION_OFFICE', ['EDUCATION_LANGUAGE'], ['NATURALISATION_PROCEDURE'], from, 'maybe'));
  }

  const email = rng.chance(0.5) ? `${slug(givenName)}.${slug(familyName)}${rng.chance(0.5) ? rng.int(1, 99) : ''}@example.org` : null;
  const client: DemoClient = {
    id: clientId(spec.index),
    givenName,
    familyName,
    birthDate: fmtDay(birth),
    nationality,
    town,
    status,
    phone: rng.chance(0.9) ? phone(rng) : null,
    email,
    address: address(rng, town),
    registeredAt: fmtDay(registered),
    closedOn: status === 'CLOSED' ? fmtDay(openUntil) : null,
    closingReason: null,
    caseManagerId,
    priorCaseManagement: false,
    arrivalDate: fmtDay(arrival),
    abhRecordId,
    residence: h.titles,
    asylum,
    naturalisation,
    jobcenter,
    welfare,
    goals,
    referrals,
    notes,
    consents,
  };
  // Drawn last, so that it changes nothing else the client's generator draws.
  if (status === 'CLOSED') client.closingReason = rng.weighted<ClosingReason>(CLOSING_REASON_WEIGHTS);
  // A few had case management before (a migration service's, a youth welfare office's): the
  // intake records it, and the funding rules leave them out.
  client.priorCaseManagement = rng.chance(0.05);
  return client;
}

/** How often each reason closes a demo case. */
const CLOSING_REASON_WEIGHTS: [ClosingReason, number][] = [['GOALS_REACHED', 40], ['MOVED_AWAY', 20], ['WITHDREW', 15], ['NO_CONTACT', 15], ['NO_LONGER_ELIGIBLE', 10]];

function clientId(index: number): string {
  return `K-${pad(index + 1, 6)}`;
}

function typeOn(spans: readonly TitleSpan[], day: number): ResidenceTitleType | null {
  for (const s of spans) if (s.from <= day && (s.until === null || day <= s.until)) return s.type;
  return null;
}

function languageCourses(rng: Random, ctx: Ctx, birth: number, arrival: number): DemoLanguageCourse[] {
  const courses: DemoLanguageCourse[] = [];
  const start = Math.min(arrival + rng.int(60, 400), ctx.today - 1);
  const youth = ageAt(birth, start) < 27 && rng.chance(0.35);
  // An integration course takes 700 lessons (youth course 1,000): seven months full-time, longer part-time.
  const end = start + (youth ? rng.int(300, 420) : rng.int(210, 360));
  const first = finishCourse(rng, ctx, end, [['B1', 60], ['A2', 35], [null, 5]]);
  courses.push({ provider: rng.pick(COURSE_PROVIDERS), courseType: youth ? 'YOUTH_INTEGRATION_COURSE' : 'INTEGRATION_COURSE', targetLevel: 'B1', startedAt: fmtDay(start), ...first });
  if (first.certificateLevel === 'B1' && rng.chance(0.45)) {
    const next = parseDay(first.completedAt!) + rng.int(30, 240);
    if (next <= ctx.today - 1) {
      const target = rng.chance(0.85) ? 'B2' : 'C1';
      const outcome = finishCourse(rng, ctx, next + rng.int(150, 270), [[target, 65], ['B1', 25], [null, 10]]);
      courses.push({ provider: rng.pick(COURSE_PROVIDERS), courseType: 'JOB_LANGUAGE_COURSE', targetLevel: target, startedAt: fmtDay(next), ...outcome });
    }
  }
  return courses;
}

function finishCourse(
  rng: Random,
  ctx: Ctx,
  end: number,
  results: readonly (readonly [CourseLevel | null, number])[],
): Pick<DemoLanguageCourse, 'completedAt' | 'certificateLevel'> {
  // Still running, or broken off: no completion and no certificate.
  if (end > ctx.today - 1 || rng.chance(0.08)) return { completedAt: null, certificateLevel: null };
  return { completedAt: fmtDay(end), certificateLevel: rng.weighted(results) };
}

function jobcenterRecord(rng: Random, ctx: Ctx, benefitFrom: number, birth: number, settled: boolean): DemoJobcenter {
  const { today } = ctx;
  const since = Math.min(benefitFrom + rng.int(0, 45), today - 1);
  const years = (today - since) / 365;
  const status: DemoJobcenter['status'] =
    today - since < 60 && rng.chance(0.5) ? 'APPLIED' : rng.chance(Math.min(0.5, 0.1 + 0.05 * years + (settled ? 0.15 : 0))) ? 'ENDED' : 'RECEIVING';
  const householdSize = rng.weighted([[1, 35], [2, 20], [3, 15], [4, 15], [5, 10], [6, 5]]);

  const placements: DemoPlacement[] = [];
  const measures: DemoMeasure[] = [];
  if (status !== 'APPLIED') {
    let day = since + rng.int(60, 300);
    for (let i = rng.weighted([[0, 40], [1, 35], [2, 25]]); i > 0 && day <= today - 1; i--) {
      const end = day + rng.int(56, 300);
      measures.push({ type: rng.pick(TEXT.measures), provider: rng.pick(MEASURE_PROVIDERS), startDate: fmtDay(day), endDate: end <= today - 1 ? fmtDay(end) : null });
      day = end + rng.int(14, 200);
    }
    // Placements follow one another; a job that ended the benefit claim usually still runs.
    day = since + rng.int(90, 700);
    const wanted = status === 'ENDED' ? rng.int(1, 2) : rng.weighted([[0, 60], [1, 30], [2, 10]]);
    for (let i = 0; i < wanted && day <= today - 1; i++) {
      const kind = rng.weighted<DemoPlacement['kind']>([['JOB', 55], ['APPRENTICESHIP', ageAt(birth, day) < 35 ? 20 : 0], ['INTERNSHIP', 25]]);
      const last = i === wanted - 1;
      const length =
        kind === 'INTERNSHIP' ? rng.int(14, 56) : kind === 'APPRENTICESHIP' ? rng.int(900, 1100) : last && rng.chance(0.7) ? Infinity : rng.int(90, 720);
      const end = day + length;
      placements.push({ kind, employer: rng.pick(EMPLOYERS), startDate: fmtDay(day), endDate: end <= today - 1 ? fmtDay(end) : null });
      if (end > today - 1) break;
      day = end + rng.int(14, 240);
    }
  }
  const working = placements.some((pl) => pl.endDate === null && pl.kind !== 'INTERNSHIP');

  let monthlyBenefitEuro = 0;
  if (status === 'RECEIVING') {
    // Regelbedarf (563 € single, 506 € partner, ~420 € per child) plus rent, less earnings.
    const need = 563 + (householdSize >= 2 ? 506 : 0) + Math.max(0, householdSize - 2) * 420 + 420 + 110 * householdSize;
    monthlyBenefitEuro = Math.max(80, need - (working ? rng.int(200, 900) : 0) + rng.int(-60, 60));
  }

  let cooperationPlan: DemoJobcenter['cooperationPlan'] = null;
  if (status !== 'APPLIED' && rng.chance(0.75)) {
    const agreed = Math.max(since + rng.int(14, 90), D.cooperationPlan + rng.int(0, 180));
    if (agreed <= today - 1) cooperationPlan = { agreedAt: fmtDay(agreed), steps: rng.sample(TEXT.steps, rng.int(2, 4)) };
  }

  return {
    benefitCaseId: `JC-${yearOf(since)}-${pad(ctx.registers.next(`jc-${yearOf(since)}`, 0, rng), 6)}`,
    status,
    since: fmtDay(since),
    // The Bedarfsgemeinschaft number: office number, 'BG', running number.
    householdId: `34201BG${pad(ctx.registers.next('bg', 1_000_000, rng), 7)}`,
    householdSize,
    monthlyBenefitEuro,
    cooperationPlan,
    measures,
    placements,
  };
}

function naturalisationRecord(rng: Random, ctx: Ctx, arrival: number): DemoNaturalisation | null {
  const submitted = rng.int(Math.max(addYears(arrival, 5), D.kimStart), ctx.today - 7);
  if (submitted > ctx.today - 7) return null;
  const decided = submitted + rng.int(240, 720);
  if (decided <= ctx.today - 1) {
    // Granted is kept in the demo: the immigration office record still shows the last title.
    return { state: rng.chance(0.9) ? 'GRANTED' : 'REFUSED', submittedAt: fmtDay(submitted), decidedAt: fmtDay(decided) };
  }
  return { state: ctx.today - submitted < 60 ? 'SUBMITTED' : 'IN_REVIEW', submittedAt: fmtDay(submitted), decidedAt: null };
}

function goalsFor(rng: Random, ctx: Ctx, facts: Facts, registered: number, openUntil: number, closed: boolean): DemoGoal[] {
  const chosen = rng.sample(
    TEXT.goals.filter((g) => g.fits(facts)),
    rng.weighted([[0, 15], [1, 30], [2, 30], [3, 15], [4, 10]]),
  );
  return chosen
    .map(({ title, by }) => {
      const created = rng.int(registered, openUntil);
      const due = rng.chance(0.8) ? addMonths(created, rng.int(3, 12)) : null;
      const status: DemoGoal['status'] = closed
        ? rng.weighted([['ACHIEVED', 60], ['DROPPED', 40]])
        : due !== null && due < ctx.today
          ? rng.weighted([['ACHIEVED', 55], ['DROPPED', 15], ['IN_PROGRESS', 30]])
          : rng.weighted([['OPEN', 40], ['IN_PROGRESS', 50], ['ACHIEVED', 10]]);
      const goal: DemoGoal = { title, status, dueDate: due === null ? null : fmtDay(due), createdAt: fmtDay(created), workedOnBy: by(facts), changedOn: goalChangedOn(status, created, due, openUntil) };
      return { created, goal };
    })
    .sort((a, b) => a.created - b.created)
    .map((g) => g.goal);
}

/**
 * The day the team set a goal's status: a month after adding it for one under way, the due date
 * (or the case's last day, if that comes first) for one reached or dropped; null while OPEN.
 */
function goalChangedOn(status: DemoGoal['status'], created: number, due: number | null, openUntil: number): string | null {
  if (status === 'OPEN') return null;
  return fmtDay(Math.max(created, Math.min(openUntil, status === 'IN_PROGRESS' ? created + 30 : (due ?? openUntil))));
}

/** Median days to a first contact, and the share of referrals nobody reacts to: where cooperation stalls. */
const REFERRAL_TIMING: Partial<Record<Agency, { median: number; stall: number }>> = {
  IMMIGRATION_OFFICE: { median: 21, stall: 0.22 },
  JOBCENTER: { median: 9, stall: 0.1 },
  EMPLOYMENT_AGENCY: { median: 14, stall: 0.12 },
  BAMF: { median: 30, stall: 0.2 },
  JMD: { median: 6, stall: 0.06 },
};
const WELFARE_TIMING = { median: 5, stall: 0.06 };

function referralsFor(
  rng: Random,
  ctx: Ctx,
  registered: number,
  openUntil: number,
  birth: number,
  hasJobcenter: boolean,
  mainAssociation: WelfareAssociation | null,
): DemoReferral[] {
  const n = rng.weighted([[0, 20], [1, 30], [2, 25], [3, 15], [4, 10]]);
  const days = Array.from({ length: n }, () => rng.int(registered, openUntil)).sort((a, b) => a - b);
  const used = new Set<Agency>();
  const referrals: DemoReferral[] = [];
  for (const sent of days) {
    const candidates: (readonly [Agency, number])[] = [
      ['IMMIGRATION_OFFICE', 25],
      ['JOBCENTER', hasJobcenter ? 25 : 8],
      ['EMPLOYMENT_AGENCY', 15],
      // The JMD serves only under-27s: it is a candidate of its own below.
      [mainAssociation !== null && mainAssociation !== 'JMD' ? mainAssociation : rng.pick(COUNSELLING_ASSOCIATIONS), 20],
      ['BAMF', 4],
    ];
    if (ageAt(birth, sent) < 27) candidates.push(['JMD', 15]);
    const open = candidates.filter(([a]) => !used.has(a));
    if (open.length === 0) break;
    const toAgency = rng.weighted(open);
    used.add(toAgency);
    const reasons =
      toAgency in TEXT.referralReasons ? TEXT.referralReasons[toAgency as keyof typeof TEXT.referralReasons] : TEXT.referralReasons.WELFARE;
    const timing = REFERRAL_TIMING[toAgency] ?? WELFARE_TIMING;
    const delay = Math.max(1, Math.round(timing.median * Math.exp(0.6 * rng.normal())));
    const contactDay = sent + delay;
    const sentAt = rng.stamp(sent);
    let firstContactAt: string | null = null;
    let outcome: DemoReferral['outcome'] = null;
    let outcomeAt: string | null = null;
    if (rng.chance(timing.stall) || contactDay > ctx.today - 1) {
      // No reaction: after two to three months some are closed as NO_CONTACT, the rest stall.
      const giveUp = sent + rng.int(42, 90);
      if (giveUp <= ctx.today - 1 && rng.chance(0.3)) {
        outcome = 'NO_CONTACT';
        outcomeAt = rng.stamp(giveUp);
      }
    } else {
      firstContactAt = rng.stamp(contactDay);
      const result = rng.weighted<DemoReferral['outcome']>([['SUPPORT_STARTED', 60], ['NO_NEED', 10], ['WAITING_LIST', 15], [null, 15]]);
      const resultDay = contactDay + rng.int(1, 30);
      if (result !== null && resultDay <= ctx.today - 1) {
        outcome = result;
        outcomeAt = rng.stamp(resultDay);
      }
    }
    const referral: DemoReferral = { toAgency, reason: rng.pick(reasons), sentAt, firstContactAt, outcome, outcomeAt };
    // Nothing is recorded of a closed case's referral after its closing (the closing ended the
    // client's grants, so the receiving agency may not act on it any more). Cut after the draws,
    // so that every later draw of the client stays as it was.
    if (firstContactAt !== null && parseDay(firstContactAt.slice(0, 10)) > openUntil) Object.assign(referral, { firstContactAt: null, outcome: null, outcomeAt: null });
    if (referral.outcomeAt !== null && parseDay(referral.outcomeAt.slice(0, 10)) > openUntil) Object.assign(referral, { outcome: null, outcomeAt: null });
    referrals.push(referral);
  }
  return referrals;
}

/** Records consents with evidence numbers; a few expire, about 8 % are revoked. */
class ConsentRecorder {
  constructor(
    private readonly rng: Random,
    private readonly ctx: Ctx,
    private readonly caseManagerId: string,
  ) {}

  /** `limited`: the form names an end date (one or two years); `revoke` whether it was withdrawn since. */
  record(
    grantee: Agency,
    categories: DataCategory[],
    purposes: Purpose[],
    from: number,
    revoke: 'never' | 'maybe' | 'always',
    limited = this.rng.chance(0.12),
  ): DemoConsent {
    const { rng, ctx } = this;
    const until = limited ? addYears(from, rng.chance(0.5) ? 1 : 2) - 1 : null;
    let revokedAt: string | null = null;
    if (from <= ctx.today - 2 && (revoke === 'always' || (revoke === 'maybe' && rng.chance(0.085)))) {
      revokedAt = rng.stamp(rng.int(from + 1, Math.min(ctx.today - 1, until ?? Infinity)));
    }
    const year = yearOf(from);
    return {
      grantee,
      categories,
      purposes,
      legalBasis: 'CONSENT',
      evidenceRef: `EV-${year}-${pad(ctx.registers.next(`ev-${year}`, 0, rng), 6)} (${rng.pick(TEXT.evidence)})`,
      validFrom: fmtDay(from),
      validUntil: until === null ? null : fmtDay(until),
      revokedAt,
      revokedBy: revokedAt === null ? null : this.caseManagerId,
      recordedBy: this.caseManagerId,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The showcase client K-000001
// ---------------------------------------------------------------------------------------------

/**
 * K-000001 is the same person for every seed, and the demos and consent tests rely on it:
 *
 * - Lina Haddad from Syria, 29 at `today`, lives in Neuss, ACTIVE, case manager cm-neuss-1.
 * - Arrived about four years before `today`; recognised refugee after nine months; now in her
 *   second Aufenthaltserlaubnis (§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG), valid for years to come.
 * - Jobcenter: RECEIVING, household of three, a cooperation plan, a running job-language measure.
 * - Welfare: counselling at CARITAS, a HEALTH need recorded there, an integration course passed
 *   with B1 and a job-language course (B2) running.
 * - Consents: KIM_NEUSS for every category of the standard form INCLUDING HEALTH, not revoked,
 *   unlimited; JOBCENTER for EDUCATION_LANGUAGE and COUNSELLING (LABOUR_MARKET_INTEGRATION).
 *   Deliberately NO consent for CARITAS and none for IMMIGRATION_OFFICE, so tests can show
 *   what is refused.
 *
 * All dates are offsets from `today`, so the story stays current whatever `today` is; for the
 * default '2026-11-25' she arrived on 2022-09-25 and holds a permit until 2029-07-13.
 */
function showcaseClient(rng: Random, ctx: Ctx): DemoClient {
  const { today } = ctx;
  const town: Town = 'NEUSS';
  const cm = CASE_MANAGER_OF.get(town)!;
  const birth = addYears(today, -29) - 100;
  const arrival = addMonths(today, -50);
  const filed = arrival + 9;
  const decided = filed + 255;
  const permit1 = decided + 28;
  const permit2 = addYears(permit1, 3);
  const h = new ResidenceHistory(TOWN_NAMES[town], today);
  h.add('AUFENTHALTSGESTATTUNG', '§ 55 AsylG', filed, permit1 - 1, true, false);
  h.add('AUFENTHALTSERLAUBNIS', '§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG', permit1, permit2 - 1, true, true);
  h.add('AUFENTHALTSERLAUBNIS', '§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG', permit2, addYears(permit2, 3) - 1, false, true);

  const registered = permit1 + 40;
  const since = permit1 + 10;
  const course1 = permit1 + 30;
  const course1End = course1 + 240;
  const course2 = course1End + 90;
  const consent = new ConsentRecorder(rng, ctx, cm);
  return {
    id: clientId(0),
    givenName: 'Lina',
    familyName: 'Haddad',
    birthDate: fmtDay(birth),
    nationality: 'Syrien',
    town,
    status: 'ACTIVE',
    phone: '+49 221 4710123',
    email: 'lina.haddad@example.org',
    address: `Lindenstraße 12, 41462 ${TOWN_NAMES[town]}`,
    registeredAt: fmtDay(registered),
    closedOn: null,
    closingReason: null,
    caseManagerId: cm,
    priorCaseManagement: false,
    arrivalDate: fmtDay(arrival),
    abhRecordId: `ABH-${yearOf(arrival)}-${pad(ctx.registers.next(`abh-${yearOf(arrival)}`, 0, rng), 6)}`,
    residence: h.titles,
    asylum: { state: 'RECOGNISED', bamfFileNumber: `${ctx.registers.next('bamf', 6_100_000, rng)}-475`, filedAt: fmtDay(filed), decidedAt: fmtDay(decided) },
    naturalisation: null,
    jobcenter: {
      benefitCaseId: `JC-${yearOf(since)}-${pad(ctx.registers.next(`jc-${yearOf(since)}`, 0, rng), 6)}`,
      status: 'RECEIVING',
      since: fmtDay(since),
      householdId: `34201BG${pad(ctx.registers.next('bg', 1_000_000, rng), 7)}`,
      householdSize: 3,
      monthlyBenefitEuro: 1642,
      cooperationPlan: {
        agreedAt: fmtDay(since + 60),
        steps: ['Teilnahme am Integrationskurs bis zum Zertifikat B1', 'Berufssprachkurs B2 beginnen', 'Anerkennung des ausländischen Berufsabschlusses beantragen'],
      },
      measures: [{ type: 'Berufsbezogene Deutschsprachförderung (§ 45a AufenthG)', provider: 'Bildungswerk Erftaue', startDate: fmtDay(course2), endDate: null }],
      placements: [{ kind: 'INTERNSHIP', employer: 'Praxis für Zahnheilkunde am Markt', startDate: fmtDay(course1End + 20), endDate: fmtDay(course1End + 48) }],
    },
    welfare: {
      contacts: [
        { association: 'CARITAS', service: 'MIGRATION_COUNSELLING', date: fmtDay(permit1 + 5), topic: 'Anmeldung zum Integrationskurs' },
        { association: 'CARITAS', service: 'MIGRATION_COUNSELLING', date: fmtDay(permit1 + 70), topic: 'Anerkennung ausländischer Abschlüsse' },
        { association: 'CARITAS', service: 'SOCIAL_COUNSELLING', date: fmtDay(course2 + 30), topic: 'Krankenversicherung' },
      ],
      needs: [{ kind: 'HEALTH', description: 'Chronische Erkrankung, Facharzttermin erforderlich', recordedAt: stampAt(course2 + 30, 10 * 60), association: 'CARITAS' }],
      courses: [
        { provider: 'Sprachschule Rheinblick', courseType: 'INTEGRATION_COURSE', targetLevel: 'B1', startedAt: fmtDay(course1), completedAt: fmtDay(course1End), certificateLevel: 'B1' },
        { provider: 'Bildungswerk Erftaue', courseType: 'JOB_LANGUAGE_COURSE', targetLevel: 'B2', startedAt: fmtDay(course2), completedAt: null, certificateLevel: null },
      ],
    },
    goals: [
      { title: 'Deutschkenntnisse auf B1 verbessern', status: 'ACHIEVED', dueDate: fmtDay(course1End + 30), createdAt: fmtDay(registered), workedOnBy: 'BAMF', changedOn: goalChangedOn('ACHIEVED', registered, course1End + 30, today - 1) },
      {
        title: 'Anerkennung des ausländischen Berufsabschlusses',
        status: 'IN_PROGRESS',
        dueDate: fmtDay(addMonths(today, 4)),
        createdAt: fmtDay(registered + 90),
        workedOnBy: 'EMPLOYMENT_AGENCY',
        changedOn: goalChangedOn('IN_PROGRESS', registered + 90, addMonths(today, 4), today - 1),
      },
    ],
    referrals: [
      { toAgency: 'JOBCENTER', reason: 'VOCATIONAL_TRAINING', sentAt: stampAt(registered + 14, 9 * 60 + 30), firstContactAt: stampAt(registered + 23, 11 * 60), outcome: 'SUPPORT_STARTED', outcomeAt: stampAt(registered + 40, 8 * 60 + 15) },
      { toAgency: 'EMPLOYMENT_AGENCY', reason: 'RECOGNITION_OF_QUALIFICATIONS', sentAt: stampAt(today - 30, 13 * 60), firstContactAt: null, outcome: null, outcomeAt: null },
    ],
    notes: [
      { author: cm, createdAt: stampAt(registered, 9 * 60), text: 'Erstgespräch geführt, Anliegen und Unterlagen gesichtet.' },
      { author: cm, createdAt: stampAt(course1End + 5, 14 * 60), text: 'Fortschritte im Sprachkurs besprochen.' },
    ],
    consents: [
      consent.record('KIM_NEUSS', [...KIM_CONSENT_CATEGORIES, 'HEALTH'], [...KIM_CONSENT_PURPOSES], registered, 'never', false),
      consent.record('JOBCENTER', ['EDUCATION_LANGUAGE', 'COUNSELLING'], ['LABOUR_MARKET_INTEGRATION'], registered + 21, 'never', false),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The population
// ---------------------------------------------------------------------------------------------

/** K-000001 draws its record ids from a fixed generator, so that even those do not change with the seed. */
const SHOWCASE_SEED = 1;

/** Showcase towns of K-000001…K-000003, fixed so that demos can name them. */
const FIXED_TOWNS: readonly Town[] = ['NEUSS', 'NEUSS', 'DORMAGEN'];

/**
 * Towns for `count` clients: exact shares by TOWN_WEIGHTS (largest remainder), shuffled, so that
 * even small towns get their share whatever the seed.
 */
function assignTowns(count: number, rng: Random): Town[] {
  const fixed = FIXED_TOWNS.slice(0, count);
  const rest = count - fixed.length;
  const total = TOWNS.reduce((sum, t) => sum + TOWN_WEIGHTS[t], 0);
  const exact = TOWNS.map((t) => (rest * TOWN_WEIGHTS[t]) / total);
  const quota = exact.map(Math.floor);
  const order = TOWNS.map((_, i) => i).sort((a, b) => exact[b]! - quota[b]! - (exact[a]! - quota[a]!));
  for (let i = 0, left = rest - quota.reduce((s, q) => s + q, 0); left > 0; i++, left--) quota[order[i]!]!++;
  const towns = TOWNS.flatMap((t, i) => Array<Town>(quota[i]!).fill(t));
  for (let i = towns.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [towns[i], towns[j]] = [towns[j]!, towns[i]!];
  }
  return [...fixed, ...towns];
}

/**
 * Generates the demo population: `count` clients (default 240) K-000001…, the same for the same
 * `seed` (default 20210127, the date of the county's KIM concept) and `today` (default
 * '2026-11-25'). K-000001 is the fixed showcase (see `showcaseClient`), K-000002 lives in Neuss
 * with a revoked KIM consent, K-000003 lives in Dormagen; everything else is drawn at random.
 */
export function generatePopulation(options: { count?: number; seed?: number; today?: string } = {}): DemoClient[] {
  const { count = 240, seed = 20210127, today = '2026-11-25' } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const ctx: Ctx = { today: parseDay(today), registers: new Registers() };
  const towns = assignTowns(count, new Random(mix(seed, 0x7f4a7c15)));
  const clients: DemoClient[] = [];
  for (let index = 0; index < count; index++) {
    if (index === 0) {
      clients.push(showcaseClient(new Random(SHOWCASE_SEED), ctx));
      continue;
    }
    // One generator per client: a change to how one client is drawn does not shift all later ones.
    clients.push(generateClient({ index, town: towns[index]!, revokedKimConsent: index === 1 }, new Random(mix(seed, index)), ctx));
  }
  return clients;
}
