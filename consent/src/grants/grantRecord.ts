import { SECRECY_CATEGORIES, WELFARE_ASSOCIATIONS, type Agency, type DataCategory } from '@kim/schema';
import { hubError, isoDate } from '@kim/service-kit';
import { parseInstant } from '../resolvers/parseInput.ts';

// What a consent record must hold (§ 67b (2) SGB X, Art. 7 GDPR, ISO/IEC TS 27560): checked here,
// apart from who may record (grantScope.ts) and from what the law lets a grant do at all, so that
// each check can change on its own. Every failure names its argument; nothing is written before.

export const CONSENT_FORMS = ['WRITTEN', 'ELECTRONIC'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const REPRESENTATIVE_CAPACITIES = ['PARENT', 'GUARDIAN', 'LEGAL_CARER'] as const;
export type RepresentativeCapacity = (typeof REPRESENTATIVE_CAPACITIES)[number];

/**
 * Where the signed declaration is filed: a filing prefix of 2–10 capital letters, the year, and
 * a running number (e.g. `EV-2026-000123`, `KIMNE-2025-42`). A one-letter note like "x" or a typo
 * is not a reference anyone can find again.
 */
export const EVIDENCE_REF = /^[A-Z]{2,10}-\d{4}-\d{1,8}$/;
/** The information sheet the client was given: its version as printed on it (e.g. `KIM-EW-2026.1`). */
export const SHEET_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
/** A language: ISO 639-1 or 639-3 code in lower case (`de`, `ar`, `uk`, `prs`). */
export const LANGUAGE = /^[a-z]{2,3}$/;
const CLIENT_ID = /^[A-Za-z0-9-]{1,64}$/;


export interface RecordConsentInput {
  clientId: string;
  grantee: Agency;
  categories: DataCategory[];
  purposes: string[];
  form: ConsentForm;
  informedOfPurpose: boolean;
  informedOfRefusalConsequences: boolean;
  informedOfWithdrawalRight: boolean;
  informationSheetVersion: string;
  informationSheetLanguage: string;
  interpreterLanguage?: string | null;
  releasingOrganisation?: Agency | null;
  legalRepresentative?: { name: string; capacity: RepresentativeCapacity } | null;
  evidenceRef: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** The checked record, as the Grant row stores it (less id, recorder and times the database sets). */
export interface GrantRecord {
  readonly kimClientId: string;
  readonly grantee: Agency;
  readonly categories: string[];
  readonly purposes: string[];
  readonly form: ConsentForm;
  readonly informedOfPurpose: boolean;
  readonly informedOfRefusalConsequences: boolean;
  readonly informedOfWithdrawalRight: boolean;
  readonly informationSheetVersion: string;
  readonly informationSheetLanguage: string;
  readonly interpreterLanguage: string | null;
  readonly releasingOrganisation: string | null;
  readonly legalRepresentativeName: string | null;
  readonly legalRepresentativeCapacity: string | null;
  readonly evidenceRef: string;
  readonly validFrom: Date;
  readonly validUntil: Date;
}

const bad = (argument: string, message: string) => hubError('BAD_USER_INPUT', message, { argument: `input.${argument}` });

/**
 * Checks a consent record and fills in what has a default: `validFrom` now, `validUntil`
 * `defaultValidityDays` after it (a consent without an end would outlive the case and the
 * client's memory of it). A refusal is checked the same way: the client said no knowing what to.
 */
export function checkGrantRecord(input: RecordConsentInput, now: Date, defaultValidityDays: number): GrantRecord {
  if (!CLIENT_ID.test(input.clientId)) throw bad('clientId', 'clientId is malformed.');
  if (input.categories.length === 0) throw bad('categories', 'categories must not be empty.');
  if (input.purposes.length === 0) throw bad('purposes', 'purposes must not be empty.');
  // The three things the client must have been told (§ 67b (2) SGB X, Art. 7 (3) GDPR): a
  // consent given without them is not informed, so it is not recorded at all.
  if (input.informedOfPurpose !== true) throw bad('informedOfPurpose', 'The client must have been told the purpose before consenting.');
  if (input.informedOfRefusalConsequences !== true) {
    throw bad('informedOfRefusalConsequences', 'The client must have been told the consequences of refusing.');
  }
  if (input.informedOfWithdrawalRight !== true) throw bad('informedOfWithdrawalRight', 'The client must have been told of the right to withdraw.');
  const sheetVersion = input.informationSheetVersion.trim();
  if (!SHEET_VERSION.test(sheetVersion)) throw bad('informationSheetVersion', 'informationSheetVersion must be the version printed on the sheet (letters, digits, . _ -; up to 32).');
  if (!LANGUAGE.test(input.informationSheetLanguage)) throw bad('informationSheetLanguage', 'informationSheetLanguage must be an ISO 639 code such as "de" or "ar".');
  const interpreter = input.interpreterLanguage ?? null;
  if (interpreter !== null && !LANGUAGE.test(interpreter)) throw bad('interpreterLanguage', 'interpreterLanguage must be an ISO 639 code such as "ar".');
  const releasing = input.releasingOrganisation ?? null;
  const secret = input.categories.some((c) => SECRECY_CATEGORIES.includes(c));
  if (secret && releasing === null) {
    throw bad('releasingOrganisation', 'Counselling and health data are held under professional secrecy: name the welfare association that releases them.');
  }
  if (releasing !== null && !(WELFARE_ASSOCIATIONS as readonly string[]).includes(releasing)) {
    throw bad('releasingOrganisation', 'releasingOrganisation must be the welfare association whose counsellors hold the data.');
  }
  if (releasing !== null && !secret) throw bad('releasingOrganisation', 'releasingOrganisation applies only to counselling and health data.');
  const rep = input.legalRepresentative ?? null;
  const repName = rep?.name.trim() ?? null;
  if (rep && (repName!.length < 2 || repName!.length > 200)) throw bad('legalRepresentative.name', 'legalRepresentative.name must be 2–200 characters.');
  const evidenceRef = input.evidenceRef.trim();
  if (!EVIDENCE_REF.test(evidenceRef)) {
    throw bad('evidenceRef', 'evidenceRef must be the filing reference of the signed declaration, e.g. EV-2026-000123 (prefix, year, number).');
  }
  const validFrom = parseInstant(input.validFrom, 'input.validFrom') ?? now;
  const validUntil = parseInstant(input.validUntil, 'input.validUntil') ?? new Date(validFrom.getTime() + defaultValidityDays * 86_400_000);
  if (validUntil <= validFrom) throw bad('validUntil', 'validUntil must be after validFrom.');
  return {
    kimClientId: input.clientId,
    grantee: input.grantee,
    categories: [...new Set(input.categories)],
    purposes: [...new Set(input.purposes)],
    form: input.form,
    informedOfPurpose: true,
    informedOfRefusalConsequences: true,
    informedOfWithdrawalRight: true,
    informationSheetVersion: sheetVersion,
    informationSheetLanguage: input.informationSheetLanguage,
    interpreterLanguage: interpreter,
    releasingOrganisation: releasing,
    legalRepresentativeName: repName,
    legalRepresentativeCapacity: rep?.capacity ?? null,
    evidenceRef,
    validFrom,
    validUntil,
  };
}

/**
 * A minor does not consent alone: the legal representative declares it — the parents (§§ 1626,
 * 1629 BGB) or a guardian (§ 1789 BGB); a legal carer (§ 1814 BGB) represents adults only. Asked
 * with the day the client comes of age as the case registry told it (`adultFrom`); while that
 * day lies ahead on the record date (UTC, like every date of the hub), a record or refusal
 * without a representative is refused naming `input.legalRepresentative`. A client of whom no
 * such date was told (holder rows from before it was sent) carries no requirement, and neither
 * does an adult: whether an adult has a legal carer the system cannot know — that rests on the
 * recorder. Checked after the scope check, so that a client outside the caller's scope still
 * answers as an unknown id and nobody learns from the error that a client is a minor.
 */
export function requireRepresentativeOfMinor(record: GrantRecord, adultFrom: string | null, now: Date): void {
  if (adultFrom === null || adultFrom <= isoDate(now)) return;
  if (record.legalRepresentativeName === null) {
    throw bad('legalRepresentative', 'The client is a minor: record the legal representative (parent or guardian) who declared it.');
  }
  if (record.legalRepresentativeCapacity === 'LEGAL_CARER') {
    throw bad('legalRepresentative.capacity', 'The client is a minor: a legal carer represents adults only; name the parent or guardian.');
  }
}
