/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An agency taking part in KIM. */
export type Agency =
  | 'AWO'
  | 'BAMF'
  | 'CARITAS'
  | 'DATA_PROTECTION'
  | 'DIAKONIE'
  | 'DRK'
  | 'EMPLOYMENT_AGENCY'
  | 'IMMIGRATION_OFFICE'
  | 'JMD'
  | 'JOBCENTER'
  | 'KI'
  | 'KIM_DORMAGEN'
  | 'KIM_GREVENBROICH'
  | 'KIM_JUECHEN'
  | 'KIM_KAARST'
  | 'KIM_KORSCHENBROICH'
  | 'KIM_MEERBUSCH'
  | 'KIM_NEUSS'
  | 'KIM_ROMMERSKIRCHEN'
  | 'PARITAETISCHER';

export type AsylumProcedureState =
  | 'PENDING'
  | 'RECOGNISED'
  | 'REJECTED'
  | 'SUBSIDIARY_PROTECTION';

/** What verification found wrong (see the README, "Audit log"). */
export type AuditChainProblem =
  /** An entry's fields no longer give its hash: it was edited. */
  | 'ALTERED'
  /** The chain does not stand where an anchor recorded it: entries were removed or added. */
  | 'ANCHOR_MISMATCH'
  /** An entry does not follow the one before it: an entry was removed, inserted or moved. */
  | 'BROKEN_LINK'
  /** An anchor is not signed by this service's audit key. */
  | 'FORGED_ANCHOR'
  /**
   * A grant or one of its events no longer gives the hash its chain entry holds, a grant event is
   * not in the chain, or a decision names a grant event the grant does not have: a grant was altered.
   */
  | 'GRANT_ALTERED'
  /** The chain ends before the position an anchor (or the known head) records: its tail was cut off. */
  | 'TRUNCATED'
  /** Entries after the last anchor: appended outside the service. */
  | 'UNANCHORED';

export type BenefitStatus =
  | 'APPLIED'
  | 'ENDED'
  | 'RECEIVING';

/**
 * Each filter discloses the filtered field of every client it lets through, so it lets through only
 * clients whose field the caller may see, decided for every client of the scope before matching.
 */
export type ClientFilter = {
  caseManagerId?: string | number | null | undefined;
  /** The start of a KIM id (e.g. `K-0001`): ids are what the scope lists anyway, so no category. */
  idPrefix?: string | null | undefined;
  /**
   * Words of a name (1 to 100 characters, up to 5 words), each found case-insensitively in the
   * given or family name. Matches only clients whose IDENTITY the caller may read for its purpose.
   */
  name?: string | null | undefined;
  status?: ClientStatus | null | undefined;
  /**
   * Whether the intake's target-group check found the client in the target group (true) or not
   * (false); clients registered before intake existed (not checked) match neither. Discloses
   * `targetGroupAtIntake`, so it matches only clients whose `targetGroupAtIntake` the caller may read
   * (its category and inputs), decided for every client of the scope before matching.
   */
  targetGroupAtIntake?: boolean | null | undefined;
  town?: Town | null | undefined;
};

export type ClientStatus =
  /** Registered by an intake (registerClient): the case is open. */
  | 'ACTIVE'
  /** Closed by closeCase, with date and reason; the retention period runs. */
  | 'CLOSED'
  /**
   * Never written: an intake is ACTIVE from its first day, and whether the client takes part yet is
   * the consent to the team's case management, not a status. Kept so that filters and figures that
   * name it still answer (with nobody).
   */
  | 'WAITING';

/** Why a KIM case is closed. */
export type ClosingReason =
  | 'GOALS_REACHED'
  | 'MOVED_AWAY'
  | 'NO_CONTACT'
  | 'NO_LONGER_ELIGIBLE'
  | 'WITHDREW';

/** How the client declared consent (§ 67b (2) SGB X: written or electronic). */
export type ConsentForm =
  | 'ELECTRONIC'
  | 'WRITTEN';

/** A category of client data. */
export type DataCategory =
  | 'ASYLUM_PROCEDURE'
  | 'BENEFITS'
  | 'BENEFIT_RECEIPT'
  | 'CASE_MANAGEMENT'
  | 'CASE_NOTES'
  | 'CONTACT'
  | 'COUNSELLING'
  | 'EDUCATION_LANGUAGE'
  | 'EMPLOYMENT'
  | 'HEALTH'
  | 'HOUSING'
  | 'IDENTITY'
  | 'NATURALISATION'
  | 'RESIDENCE';

export type GoalInput = {
  /** YYYY-MM-DD */
  dueDate?: string | null | undefined;
  title: string;
  /** The agency that works on the goal; none: the KIM team itself. */
  workedOnBy?: Agency | null | undefined;
};

export type GoalStatus =
  | 'ACHIEVED'
  | 'DROPPED'
  | 'IN_PROGRESS'
  | 'OPEN';

export type GrantEventType =
  | 'RECORDED'
  | 'REFUSED'
  | 'RENEWED'
  | 'WITHDRAWN';

export type GrantFilter = {
  clientId?: string | number | null | undefined;
  /** Only grants recorded at or after this time (ISO date or timestamp). */
  from?: string | null | undefined;
  grantee?: Agency | null | undefined;
  includeRevoked?: boolean | null | undefined;
  /** Only grants recorded before this time. */
  to?: string | null | undefined;
};

export type GrantState =
  | 'ACTIVE'
  /** The client's case ended (no team holds the client) after its recording or latest renewal. */
  | 'CASE_ENDED'
  /** Its validity (the record's, or the latest renewal's) has ended. */
  | 'EXPIRED'
  /** Recorded, its validity not yet begun. */
  | 'NOT_YET_VALID'
  /** The client said no. */
  | 'REFUSED'
  /** Its first event never reached the audit chain: it never took effect. */
  | 'UNCHAINED'
  | 'WITHDRAWN';

/** A CEFR language level. */
export type LanguageLevel =
  | 'A1'
  | 'A2'
  | 'B1'
  | 'B2'
  | 'C1'
  | 'C2';

/** A norm that bars a transfer whatever the consent. */
export type LegalBar =
  | 'AUFENTHG_88_STGB_203';

export type LegalRepresentativeInput = {
  capacity: RepresentativeCapacity;
  name: string;
};

export type NaturalisationApplicationState =
  | 'GRANTED'
  | 'IN_REVIEW'
  | 'REFUSED'
  | 'SUBMITTED';

/** A requirement of the (simplified) § 10 StAG check that is not met, or not known to be met. */
export type NaturalisationRequirement =
  /** Whether SGB II benefits are received is not known. */
  | 'BENEFIT_STATUS_UNKNOWN'
  /** The language level is below B1. */
  | 'LANGUAGE_BELOW_B1'
  /** The language level is not known. */
  | 'LANGUAGE_LEVEL_UNKNOWN'
  /** No residence title on record. */
  | 'NO_RESIDENCE_TITLE'
  /** No residence title valid today. */
  | 'NO_TITLE_VALID_TODAY'
  /** The client receives SGB II benefits. */
  | 'RECEIVES_SGB2_BENEFITS'
  /** Lawful residence shorter than five years. */
  | 'RESIDENCE_UNDER_5_YEARS'
  /** Today's title (Duldung, Aufenthaltsgestattung, Fiktionsbescheinigung) is no right of residence. */
  | 'TITLE_DOES_NOT_QUALIFY';

export type NoteCategory =
  | 'CASE_NOTES'
  | 'HEALTH';

/** The purpose a caller declares for a request. */
export type Purpose =
  | 'BENEFITS_ADMINISTRATION'
  | 'CASE_MANAGEMENT'
  | 'DATA_PROTECTION_AUDIT'
  | 'LABOUR_MARKET_INTEGRATION'
  | 'MIGRATION_COUNSELLING'
  | 'NATURALISATION_PROCEDURE'
  | 'REFERRAL'
  | 'RESIDENCE_PROCEDURE'
  | 'STEERING';

/**
 * A consent record (§ 67b (2) SGB X, Art. 7 GDPR, ISO/IEC TS 27560). Every informedOf… must be true:
 * a consent given without that information is not recorded (BAD_USER_INPUT naming the argument).
 */
export type RecordConsentInput = {
  categories: Array<DataCategory>;
  clientId: string | number;
  /** Filing reference of the signed declaration: PREFIX-YYYY-NUMBER, e.g. EV-2026-000123. */
  evidenceRef: string;
  form: ConsentForm;
  grantee: Agency;
  /** The sheet's language, ISO 639 (de, ar, uk, …). */
  informationSheetLanguage: string;
  /** The version printed on the information sheet the client was given (e.g. KIM-EW-2026.1). */
  informationSheetVersion: string;
  /** The client was told what the data will be used for. */
  informedOfPurpose: boolean;
  /** The client was told what follows if they refuse (and that refusing is allowed). */
  informedOfRefusalConsequences: boolean;
  /** The client was told they may withdraw at any time, with effect for the future. */
  informedOfWithdrawalRight: boolean;
  /** The language an interpreter translated into, if one was used (ISO 639). */
  interpreterLanguage?: string | null | undefined;
  /** Who consented for a minor or a client with a guardian or legal carer. */
  legalRepresentative?: LegalRepresentativeInput | null | undefined;
  purposes: Array<Purpose>;
  /**
   * For counselling and health data (professional secrecy, § 203 StGB): the welfare association
   * whose counsellors release them. Required for those categories, refused for others.
   */
  releasingOrganisation?: Agency | null | undefined;
  /** ISO date or timestamp; now if left out. */
  validFrom?: string | null | undefined;
  /** ISO date or timestamp; validFrom plus KIM_CONSENT_DEFAULT_VALIDITY_DAYS (730) if left out. */
  validUntil?: string | null | undefined;
};

export type ReferralOutcome =
  | 'COMPLETED'
  | 'NO_CONTACT'
  | 'NO_NEED'
  | 'REFUSED'
  | 'SUPPORT_STARTED'
  | 'WAITING_LIST';

/** Why KIM refers a client; PSYCHOSOCIAL_COUNSELLING is health data (served as healthReason). */
export type ReferralReason =
  | 'BENEFITS'
  | 'DEBT_COUNSELLING'
  | 'HOUSING'
  | 'JOB_SEARCH'
  | 'LANGUAGE_COURSE'
  | 'MIGRATION_COUNSELLING'
  | 'NATURALISATION'
  | 'PSYCHOSOCIAL_COUNSELLING'
  | 'RECOGNITION_OF_QUALIFICATIONS'
  | 'RESIDENCE_MATTERS'
  | 'VOCATIONAL_TRAINING';

export type RegisterClientInput = {
  address?: string | null | undefined;
  /** YYYY-MM-DD */
  birthDate: string;
  email?: string | null | undefined;
  familyName: string;
  /** The first contact with the team (YYYY-MM-DD, not in the future): the intake date. */
  firstContactOn: string;
  givenName: string;
  nationality: string;
  phone?: string | null | undefined;
  /** Whether the client had case management before (the funding rules serve those who had none). */
  priorCaseManagement: boolean;
  /** The residence title the client showed at intake, for the target-group check. */
  residenceTitleType?: ResidenceTitleType | null | undefined;
};

/** In what capacity someone consents for the client. */
export type RepresentativeCapacity =
  /** A guardian (Vormund), for a minor. */
  | 'GUARDIAN'
  /** A legal carer (rechtliche Betreuung) whose remit covers this. */
  | 'LEGAL_CARER'
  /** A parent with custody, for a minor. */
  | 'PARENT';

/** A kind of residence title. */
export type ResidenceTitleType =
  | 'AUFENTHALTSERLAUBNIS'
  | 'AUFENTHALTSGESTATTUNG'
  | 'BLAUE_KARTE_EU'
  | 'DULDUNG'
  | 'FIKTIONSBESCHEINIGUNG'
  | 'NIEDERLASSUNGSERLAUBNIS';

/** Why a person is or is not in the KIM target group on a date. */
export type TargetGroupReason =
  /** The age is outside the stage's age band. */
  | 'AGE_OUTSIDE_RANGE'
  /** In the target group of the stage in effect. */
  | 'IN_TARGET_GROUP'
  /** No residence title is known on that date. */
  | 'NO_RESIDENCE_TITLE'
  /** The person had case management before (the stage serves those who had none). */
  | 'PRIOR_CASE_MANAGEMENT'
  /** No stage of the funding rules was in effect on that date. */
  | 'RULES_NOT_IN_EFFECT'
  /** The stage leaves the title out for this age (stages.json's exclusions). */
  | 'TITLE_EXCLUDED';

/** A town of Rhein-Kreis Neuss. */
export type Town =
  | 'DORMAGEN'
  | 'GREVENBROICH'
  | 'JUECHEN'
  | 'KAARST'
  | 'KORSCHENBROICH'
  | 'MEERBUSCH'
  | 'NEUSS'
  | 'ROMMERSKIRCHEN';

export type ConsoleArt15QueryVariables = Exact<{
  clientId: string | number;
}>;


export type ConsoleArt15Query = { art15Report: { clientId: string, generatedAt: string, retentionDays: number, caseEndedAt: string | null, recipients: Array<{ name: string, disclosures: number, firstDisclosedAt: string, lastDisclosedAt: string, categories: Array<{ category: DataCategory, purposes: Array<Purpose>, firstDisclosedAt: string, lastDisclosedAt: string, legalBases: Array<{ name: string }> }> }>, consentEvents: Array<{ grantId: string, type: GrantEventType, at: string, granteeName: string, categories: Array<DataCategory>, purposes: Array<Purpose>, recordedByAgency: string, reason: string | null, validUntil: string | null }> } };

export type ConsoleArt15AddresseeQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ConsoleArt15AddresseeQuery = { client: { id: string, givenName: string | null, familyName: string | null, contact: { address: string | null } | null } | null };

export type ConsoleAuditTrailQueryVariables = Exact<{
  clientId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ConsoleAuditTrailQuery = { auditTrail: { edges: Array<{ node: { seq: string, at: string, agency: Agency | null, purpose: Purpose | null, category: DataCategory | null, allowed: boolean, reason: string, legalBar: LegalBar | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleAuditVerificationQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ConsoleAuditVerificationQuery = { verifyAuditChain: { valid: boolean, entries: number, problem: AuditChainProblem | null, firstBrokenSeq: string | null } };

export type ConsoleAuditExportQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ConsoleAuditExportQuery = { auditExport: { entries: number, keyId: string, document: string }, auditPublicKey: { keyId: string, pem: string } };

export type ConsoleAddNoteMutationVariables = Exact<{
  clientId: string | number;
  category: NoteCategory;
  text: string;
}>;


export type ConsoleAddNoteMutation = { addCaseNote: { id: string | null } | null };

export type ConsoleSendReferralMutationVariables = Exact<{
  clientId: string | number;
  toAgency: Agency;
  reason: ReferralReason;
  note?: string | null | undefined;
}>;


export type ConsoleSendReferralMutation = { sendReferral: { id: string | null } | null };

export type ConsoleAddGoalMutationVariables = Exact<{
  clientId: string | number;
  input: GoalInput;
}>;


export type ConsoleAddGoalMutation = { addGoal: { id: string | null } | null };

export type ConsoleSetGoalStatusMutationVariables = Exact<{
  id: string | number;
  status: GoalStatus;
  dueDate?: string | null | undefined;
}>;


export type ConsoleSetGoalStatusMutation = { setGoalStatus: { id: string | null } | null };

export type ConsoleCloseCaseMutationVariables = Exact<{
  id: string | number;
  closedOn: string;
  reason: ClosingReason;
}>;


export type ConsoleCloseCaseMutation = { closeCase: { clientId: string } | null };

export type ConsoleClientsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: ClientFilter | null | undefined;
}>;


export type ConsoleClientsQuery = { clients: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, givenName: string | null, familyName: string | null, town: Town | null, status: ClientStatus | null, targetGroupAtIntake: { eligible: boolean, stage: number | null } | null } | null }> } };

export type ConsoleJoinedClientFieldsFragment = { id: string, givenName: string | null, familyName: string | null, birthDate: string | null, nationality: string | null, town: Town | null, status: ClientStatus | null, registeredAt: string | null, immigrationRecordId: string | null, currentResidenceTitleType: ResidenceTitleType | null, residentSince: string | null, workPermitted: boolean | null, languageLevel: LanguageLevel | null, jobcenterRecordId: string | null, receivesBenefits: boolean | null, contact: { phone: string | null, email: string | null, address: string | null } | null, caseManager: { name: string } | null, targetGroup: { eligible: boolean, stage: number | null, reasonCode: TargetGroupReason } | null, targetGroupAtIntake: { eligible: boolean, stage: number | null, on: string } | null, goals: Array<{ id: string, title: string, status: string, dueDate: string | null, workedOnBy: Agency | null }> | null, referrals: Array<{ id: string, toAgency: Agency, reason: ReferralReason | null, sentAt: string, firstContactAt: string | null, outcome: string | null }> | null, notes: Array<{ id: string, createdAt: string, text: string }> | null, healthNotes: Array<{ id: string, createdAt: string, text: string }> | null, asylumProcedure: { state: AsylumProcedureState | null } | null, naturalisationApplication: { state: NaturalisationApplicationState | null } | null, naturalisationReadiness: { ready: boolean, unmetRequirementCodes: Array<NaturalisationRequirement> } | null, benefitCase: { status: BenefitStatus | null, since: string | null } | null, cooperationPlan: { agreedAt: string | null, steps: Array<string> | null } | null, measures: Array<{ type: string | null, provider: string | null, startDate: string | null }> | null, counsellingContacts: Array<{ id: string | null, association: Agency | null, date: string | null, topic: string | null }> | null, housingNeeds: Array<{ id: string | null, description: string | null }> | null, healthNeeds: Array<{ id: string | null, description: string | null }> | null, languageCourses: Array<{ id: string | null, provider: string | null, targetLevel: LanguageLevel | null, completedAt: string | null }> | null };

export type ConsoleJoinedClientQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleJoinedClientQuery = { client: { id: string, givenName: string | null, familyName: string | null, birthDate: string | null, nationality: string | null, town: Town | null, status: ClientStatus | null, registeredAt: string | null, immigrationRecordId: string | null, currentResidenceTitleType: ResidenceTitleType | null, residentSince: string | null, workPermitted: boolean | null, languageLevel: LanguageLevel | null, jobcenterRecordId: string | null, receivesBenefits: boolean | null, contact: { phone: string | null, email: string | null, address: string | null } | null, caseManager: { name: string } | null, targetGroup: { eligible: boolean, stage: number | null, reasonCode: TargetGroupReason } | null, targetGroupAtIntake: { eligible: boolean, stage: number | null, on: string } | null, goals: Array<{ id: string, title: string, status: string, dueDate: string | null, workedOnBy: Agency | null }> | null, referrals: Array<{ id: string, toAgency: Agency, reason: ReferralReason | null, sentAt: string, firstContactAt: string | null, outcome: string | null }> | null, notes: Array<{ id: string, createdAt: string, text: string }> | null, healthNotes: Array<{ id: string, createdAt: string, text: string }> | null, asylumProcedure: { state: AsylumProcedureState | null } | null, naturalisationApplication: { state: NaturalisationApplicationState | null } | null, naturalisationReadiness: { ready: boolean, unmetRequirementCodes: Array<NaturalisationRequirement> } | null, benefitCase: { status: BenefitStatus | null, since: string | null } | null, cooperationPlan: { agreedAt: string | null, steps: Array<string> | null } | null, measures: Array<{ type: string | null, provider: string | null, startDate: string | null }> | null, counsellingContacts: Array<{ id: string | null, association: Agency | null, date: string | null, topic: string | null }> | null, housingNeeds: Array<{ id: string | null, description: string | null }> | null, healthNeeds: Array<{ id: string | null, description: string | null }> | null, languageCourses: Array<{ id: string | null, provider: string | null, targetLevel: LanguageLevel | null, completedAt: string | null }> | null } | null };

export type ConsoleRecordConsentMutationVariables = Exact<{
  input: RecordConsentInput;
}>;


export type ConsoleRecordConsentMutation = { recordConsent: { id: string, grantee: Agency, state: GrantState } };

export type ConsoleClientConsentsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ConsoleClientConsentsQuery = { consentGrants: Array<{ id: string, grantee: Agency, categories: Array<DataCategory>, purposes: Array<Purpose>, validFrom: string, validUntil: string | null, state: GrantState, active: boolean, evidenceRef: string | null }> };

export type ConsoleWithdrawConsentMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ConsoleWithdrawConsentMutation = { withdrawConsent: { grantId: string, state: GrantState, withdrawnAt: string } };

export type ConsoleFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleFiguresQuery = { statistics: { clientsByTown: Array<{ town: Town, active: number | null, waiting: number | null, closed: number | null, total: number | null }>, intakesAndClosings: { periods: Array<{ period: string, intakes: number | null, closings: number | null }> }, clientsByStage: Array<{ period: string, town: Town, total: number | null, cells: Array<{ stage: number | null, count: number | null }> }>, referralsByAgency: Array<{ toAgency: Agency, sent: number | null, acknowledged: number | null, overdue: number | null, medianDaysToFirstContact: number | null, p90DaysToFirstContact: number | null, medianDaysToOutcome: number | null, p90DaysToOutcome: number | null }> } | null };

export type ConsoleJoinedByImmigrationRecordQueryVariables = Exact<{
  recordId: string | number;
}>;


export type ConsoleJoinedByImmigrationRecordQuery = { clientByImmigrationRecord: { id: string, givenName: string | null, familyName: string | null, birthDate: string | null, nationality: string | null, town: Town | null, status: ClientStatus | null, registeredAt: string | null, immigrationRecordId: string | null, currentResidenceTitleType: ResidenceTitleType | null, residentSince: string | null, workPermitted: boolean | null, languageLevel: LanguageLevel | null, jobcenterRecordId: string | null, receivesBenefits: boolean | null, contact: { phone: string | null, email: string | null, address: string | null } | null, caseManager: { name: string } | null, targetGroup: { eligible: boolean, stage: number | null, reasonCode: TargetGroupReason } | null, targetGroupAtIntake: { eligible: boolean, stage: number | null, on: string } | null, goals: Array<{ id: string, title: string, status: string, dueDate: string | null, workedOnBy: Agency | null }> | null, referrals: Array<{ id: string, toAgency: Agency, reason: ReferralReason | null, sentAt: string, firstContactAt: string | null, outcome: string | null }> | null, notes: Array<{ id: string, createdAt: string, text: string }> | null, healthNotes: Array<{ id: string, createdAt: string, text: string }> | null, asylumProcedure: { state: AsylumProcedureState | null } | null, naturalisationApplication: { state: NaturalisationApplicationState | null } | null, naturalisationReadiness: { ready: boolean, unmetRequirementCodes: Array<NaturalisationRequirement> } | null, benefitCase: { status: BenefitStatus | null, since: string | null } | null, cooperationPlan: { agreedAt: string | null, steps: Array<string> | null } | null, measures: Array<{ type: string | null, provider: string | null, startDate: string | null }> | null, counsellingContacts: Array<{ id: string | null, association: Agency | null, date: string | null, topic: string | null }> | null, housingNeeds: Array<{ id: string | null, description: string | null }> | null, healthNeeds: Array<{ id: string | null, description: string | null }> | null, languageCourses: Array<{ id: string | null, provider: string | null, targetLevel: LanguageLevel | null, completedAt: string | null }> | null } | null };

export type ConsoleJoinedByBenefitCaseQueryVariables = Exact<{
  caseId: string | number;
}>;


export type ConsoleJoinedByBenefitCaseQuery = { clientByBenefitCase: { id: string, givenName: string | null, familyName: string | null, birthDate: string | null, nationality: string | null, town: Town | null, status: ClientStatus | null, registeredAt: string | null, immigrationRecordId: string | null, currentResidenceTitleType: ResidenceTitleType | null, residentSince: string | null, workPermitted: boolean | null, languageLevel: LanguageLevel | null, jobcenterRecordId: string | null, receivesBenefits: boolean | null, contact: { phone: string | null, email: string | null, address: string | null } | null, caseManager: { name: string } | null, targetGroup: { eligible: boolean, stage: number | null, reasonCode: TargetGroupReason } | null, targetGroupAtIntake: { eligible: boolean, stage: number | null, on: string } | null, goals: Array<{ id: string, title: string, status: string, dueDate: string | null, workedOnBy: Agency | null }> | null, referrals: Array<{ id: string, toAgency: Agency, reason: ReferralReason | null, sentAt: string, firstContactAt: string | null, outcome: string | null }> | null, notes: Array<{ id: string, createdAt: string, text: string }> | null, healthNotes: Array<{ id: string, createdAt: string, text: string }> | null, asylumProcedure: { state: AsylumProcedureState | null } | null, naturalisationApplication: { state: NaturalisationApplicationState | null } | null, naturalisationReadiness: { ready: boolean, unmetRequirementCodes: Array<NaturalisationRequirement> } | null, benefitCase: { status: BenefitStatus | null, since: string | null } | null, cooperationPlan: { agreedAt: string | null, steps: Array<string> | null } | null, measures: Array<{ type: string | null, provider: string | null, startDate: string | null }> | null, counsellingContacts: Array<{ id: string | null, association: Agency | null, date: string | null, topic: string | null }> | null, housingNeeds: Array<{ id: string | null, description: string | null }> | null, healthNeeds: Array<{ id: string | null, description: string | null }> | null, languageCourses: Array<{ id: string | null, provider: string | null, targetLevel: LanguageLevel | null, completedAt: string | null }> | null } | null };

export type ConsoleByImmigrationRecordQueryVariables = Exact<{
  recordId: string | number;
}>;


export type ConsoleByImmigrationRecordQuery = { clientByImmigrationRecord: { id: string } | null };

export type ConsoleByBenefitCaseQueryVariables = Exact<{
  caseId: string | number;
}>;


export type ConsoleByBenefitCaseQuery = { clientByBenefitCase: { id: string } | null };

export type ConsoleGrantsQueryVariables = Exact<{
  filter: GrantFilter;
}>;


export type ConsoleGrantsQuery = { consentGrants: Array<{ id: string, clientId: string, grantee: Agency, categories: Array<DataCategory>, state: GrantState, evidenceRef: string | null, recordedAt: string, events: Array<{ type: GrantEventType, at: string, agencyName: string, reason: string | null }> }> };

export type ConsoleIncomingReferralsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleIncomingReferralsQuery = { incomingReferrals: Array<{ id: string, clientId: string | null, reason: ReferralReason | null, healthReason: ReferralReason | null, sentAt: string, firstContactAt: string | null, outcome: string | null, note: string | null }> };

export type ConsoleAcknowledgeReferralMutationVariables = Exact<{
  id: string | number;
  on: string;
}>;


export type ConsoleAcknowledgeReferralMutation = { acknowledgeReferral: { id: string | null } | null };

export type ConsoleReferralOutcomeMutationVariables = Exact<{
  id: string | number;
  outcome: ReferralOutcome;
  on: string;
}>;


export type ConsoleReferralOutcomeMutation = { recordReferralOutcome: { id: string | null } | null };

export type ConsoleRegisterClientMutationVariables = Exact<{
  input: RegisterClientInput;
}>;


export type ConsoleRegisterClientMutation = { registerClient: { clientId: string, eligibleAtIntake: boolean | null, eligibilityStage: number | null, eligibilityReasonCode: TargetGroupReason | null } | null };

export type ConsoleOverdueReferralsQueryVariables = Exact<{
  days: number;
}>;


export type ConsoleOverdueReferralsQuery = { overdueReferrals: Array<{ id: string, clientId: string | null, toAgency: Agency, reason: ReferralReason | null, sentAt: string }> };

export type ConsoleConsentReceiptQueryVariables = Exact<{
  grantId: string | number;
}>;


export type ConsoleConsentReceiptQuery = { consentReceipt: { grantId: string, fileName: string, mediaType: string, html: string } | null };

export type ConsoleReviewQueueQueryVariables = Exact<{
  since: string;
}>;


export type ConsoleReviewQueueQuery = { consentGrants: Array<{ id: string, clientId: string, grantee: Agency, state: GrantState, evidenceRef: string | null, form: ConsentForm | null, informedOfPurpose: boolean | null, informedOfRefusalConsequences: boolean | null, informedOfWithdrawalRight: boolean | null, informationSheetVersion: string | null, informationSheetLanguage: string | null, interpreterLanguage: string | null, validUntil: string | null }>, transferRequests: Array<{ seq: string, at: string, agency: Agency, clientId: string, allowed: boolean, transferReason: string, fileReference: string }> };

export type ConsoleAuditScanQueryVariables = Exact<{
  since: string;
  after?: string | null | undefined;
}>;


export type ConsoleAuditScanQuery = { auditTrail: { edges: Array<{ node: { seq: string, at: string, subject: string, agency: Agency | null, clientId: string, category: DataCategory | null, allowed: boolean, reason: string, legalBar: LegalBar | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleBenefitReceiptQueryVariables = Exact<{
  id: string | number;
  reason: string;
  fileReference: string;
}>;


export type ConsoleBenefitReceiptQuery = { client: { id: string, benefitReceipt: boolean | null } | null };

export const ConsoleJoinedClientFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleJoinedClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"caseManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroupAtIntake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"on"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workedOnBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"currentResidenceTitleType"}},{"kind":"Field","name":{"kind":"Name","value":"residentSince"}},{"kind":"Field","name":{"kind":"Name","value":"workPermitted"}},{"kind":"Field","name":{"kind":"Name","value":"asylumProcedure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationReadiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"unmetRequirementCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageLevel"}},{"kind":"Field","name":{"kind":"Name","value":"jobcenterRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"receivesBenefits"}},{"kind":"Field","name":{"kind":"Name","value":"benefitCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cooperationPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreedAt"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counsellingContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"association"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housingNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageCourses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleJoinedClientFieldsFragment, unknown>;
export const ConsoleArt15Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleArt15"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"art15Report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retentionDays"}},{"kind":"Field","name":{"kind":"Name","value":"caseEndedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"disclosures"}},{"kind":"Field","name":{"kind":"Name","value":"firstDisclosedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastDisclosedAt"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"firstDisclosedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastDisclosedAt"}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consentEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"granteeName"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"recordedByAgency"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleArt15Query, ConsoleArt15QueryVariables>;
export const ConsoleArt15AddresseeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleArt15Addressee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleArt15AddresseeQuery, ConsoleArt15AddresseeQueryVariables>;
export const ConsoleAuditTrailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"legalBar"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditTrailQuery, ConsoleAuditTrailQueryVariables>;
export const ConsoleAuditVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditChain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"firstBrokenSeq"}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditVerificationQuery, ConsoleAuditVerificationQueryVariables>;
export const ConsoleAuditExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"document"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditPublicKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"pem"}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditExportQuery, ConsoleAuditExportQueryVariables>;
export const ConsoleAddNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NoteCategory"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCaseNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddNoteMutation, ConsoleAddNoteMutationVariables>;
export const ConsoleSendReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSendReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toAgency"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Agency"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralReason"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"toAgency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toAgency"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleSendReferralMutation, ConsoleSendReferralMutationVariables>;
export const ConsoleAddGoalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GoalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddGoalMutation, ConsoleAddGoalMutationVariables>;
export const ConsoleSetGoalStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetGoalStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GoalStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dueDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGoalStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"dueDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dueDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetGoalStatusMutation, ConsoleSetGoalStatusMutationVariables>;
export const ConsoleCloseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCloseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"closedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClosingReason"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"closedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"closedOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]} as unknown as DocumentNode<ConsoleCloseCaseMutation, ConsoleCloseCaseMutationVariables>;
export const ConsoleClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroupAtIntake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleClientsQuery, ConsoleClientsQueryVariables>;
export const ConsoleJoinedClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleJoinedClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleJoinedClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleJoinedClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"caseManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroupAtIntake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"on"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workedOnBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"currentResidenceTitleType"}},{"kind":"Field","name":{"kind":"Name","value":"residentSince"}},{"kind":"Field","name":{"kind":"Name","value":"workPermitted"}},{"kind":"Field","name":{"kind":"Name","value":"asylumProcedure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationReadiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"unmetRequirementCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageLevel"}},{"kind":"Field","name":{"kind":"Name","value":"jobcenterRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"receivesBenefits"}},{"kind":"Field","name":{"kind":"Name","value":"benefitCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cooperationPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreedAt"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counsellingContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"association"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housingNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageCourses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleJoinedClientQuery, ConsoleJoinedClientQueryVariables>;
export const ConsoleRecordConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ConsoleRecordConsentMutation, ConsoleRecordConsentMutationVariables>;
export const ConsoleClientConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleClientConsents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentGrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceRef"}}]}}]}}]} as unknown as DocumentNode<ConsoleClientConsentsQuery, ConsoleClientConsentsQueryVariables>;
export const ConsoleWithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawConsentMutation, ConsoleWithdrawConsentMutationVariables>;
export const ConsoleFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientsByTown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"intakesAndClosings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"YEAR"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"intakes"}},{"kind":"Field","name":{"kind":"Name","value":"closings"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientsByStage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"YEAR"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralsByAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toAgency"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledged"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToFirstContact"}},{"kind":"Field","name":{"kind":"Name","value":"p90DaysToFirstContact"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"p90DaysToOutcome"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleFiguresQuery, ConsoleFiguresQueryVariables>;
export const ConsoleJoinedByImmigrationRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleJoinedByImmigrationRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByImmigrationRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"recordId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleJoinedClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleJoinedClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"caseManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroupAtIntake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"on"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workedOnBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"currentResidenceTitleType"}},{"kind":"Field","name":{"kind":"Name","value":"residentSince"}},{"kind":"Field","name":{"kind":"Name","value":"workPermitted"}},{"kind":"Field","name":{"kind":"Name","value":"asylumProcedure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationReadiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"unmetRequirementCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageLevel"}},{"kind":"Field","name":{"kind":"Name","value":"jobcenterRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"receivesBenefits"}},{"kind":"Field","name":{"kind":"Name","value":"benefitCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cooperationPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreedAt"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counsellingContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"association"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housingNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageCourses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleJoinedByImmigrationRecordQuery, ConsoleJoinedByImmigrationRecordQueryVariables>;
export const ConsoleJoinedByBenefitCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleJoinedByBenefitCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByBenefitCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleJoinedClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleJoinedClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"caseManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroupAtIntake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"on"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workedOnBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"immigrationRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"currentResidenceTitleType"}},{"kind":"Field","name":{"kind":"Name","value":"residentSince"}},{"kind":"Field","name":{"kind":"Name","value":"workPermitted"}},{"kind":"Field","name":{"kind":"Name","value":"asylumProcedure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"naturalisationReadiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"unmetRequirementCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageLevel"}},{"kind":"Field","name":{"kind":"Name","value":"jobcenterRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"receivesBenefits"}},{"kind":"Field","name":{"kind":"Name","value":"benefitCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cooperationPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreedAt"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counsellingContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"association"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housingNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthNeeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languageCourses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleJoinedByBenefitCaseQuery, ConsoleJoinedByBenefitCaseQueryVariables>;
export const ConsoleByImmigrationRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleByImmigrationRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByImmigrationRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"recordId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleByImmigrationRecordQuery, ConsoleByImmigrationRecordQueryVariables>;
export const ConsoleByBenefitCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleByBenefitCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByBenefitCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleByBenefitCaseQuery, ConsoleByBenefitCaseQueryVariables>;
export const ConsoleGrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleGrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentGrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceRef"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agencyName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleGrantsQuery, ConsoleGrantsQueryVariables>;
export const ConsoleIncomingReferralsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleIncomingReferrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incomingReferrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"open"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"healthReason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<ConsoleIncomingReferralsQuery, ConsoleIncomingReferralsQueryVariables>;
export const ConsoleAcknowledgeReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAcknowledgeReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"firstContactOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleAcknowledgeReferralMutation, ConsoleAcknowledgeReferralMutationVariables>;
export const ConsoleReferralOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReferralOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralOutcome"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReferralOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleReferralOutcomeMutation, ConsoleReferralOutcomeMutationVariables>;
export const ConsoleRegisterClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRegisterClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleAtIntake"}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityStage"}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityReasonCode"}}]}}]}}]} as unknown as DocumentNode<ConsoleRegisterClientMutation, ConsoleRegisterClientMutationVariables>;
export const ConsoleOverdueReferralsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOverdueReferrals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueReferrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleOverdueReferralsQuery, ConsoleOverdueReferralsQueryVariables>;
export const ConsoleConsentReceiptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleConsentReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"html"}}]}}]}}]} as unknown as DocumentNode<ConsoleConsentReceiptQuery, ConsoleConsentReceiptQueryVariables>;
export const ConsoleReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentGrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"BooleanValue","value":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceRef"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"informedOfPurpose"}},{"kind":"Field","name":{"kind":"Name","value":"informedOfRefusalConsequences"}},{"kind":"Field","name":{"kind":"Name","value":"informedOfWithdrawalRight"}},{"kind":"Field","name":{"kind":"Name","value":"informationSheetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"informationSheetLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"transferReason"}},{"kind":"Field","name":{"kind":"Name","value":"fileReference"}}]}}]}}]} as unknown as DocumentNode<ConsoleReviewQueueQuery, ConsoleReviewQueueQueryVariables>;
export const ConsoleAuditScanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditScan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"legalBar"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditScanQuery, ConsoleAuditScanQueryVariables>;
export const ConsoleBenefitReceiptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleBenefitReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileReference"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"benefitReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileReference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileReference"}}}]}]}}]}}]} as unknown as DocumentNode<ConsoleBenefitReceiptQuery, ConsoleBenefitReceiptQueryVariables>;