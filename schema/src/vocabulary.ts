/**
 * The shared vocabulary of KIM Hub: agencies, roles, data categories, purposes and legal bases.
 * Every SDL enum of the same name is generated from here (`vocabulary.graphql`), and every
 * TypeScript module imports these lists instead of spelling the values again.
 */

/** The towns of Rhein-Kreis Neuss; each has its own KIM case-management team. */
export const TOWNS = [
  'NEUSS',
  'DORMAGEN',
  'GREVENBROICH',
  'MEERBUSCH',
  'KAARST',
  'KORSCHENBROICH',
  'JUECHEN',
  'ROMMERSKIRCHEN',
] as const;
export type Town = (typeof TOWNS)[number];

export const TOWN_NAMES: Record<Town, string> = {
  NEUSS: 'Neuss',
  DORMAGEN: 'Dormagen',
  GREVENBROICH: 'Grevenbroich',
  MEERBUSCH: 'Meerbusch',
  KAARST: 'Kaarst',
  KORSCHENBROICH: 'Korschenbroich',
  JUECHEN: 'Jüchen',
  ROMMERSKIRCHEN: 'Rommerskirchen',
};

/** Organisations that own a subgraph's data. An agency belongs to exactly one. */
export const ORGANISATIONS = ['KIM', 'IMMIGRATION_OFFICE', 'JOBCENTER', 'WELFARE', 'CONSENT_REGISTRY', 'OTHER'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

const kimTeams = TOWNS.map((town) => `KIM_${town}` as const);
export type KimTeam = (typeof kimTeams)[number];

/** Every agency that can be a caller or a grantee. */
export const AGENCIES = [
  ...kimTeams,
  'KI',
  'IMMIGRATION_OFFICE',
  'JOBCENTER',
  'EMPLOYMENT_AGENCY',
  'BAMF',
  'CARITAS',
  'DIAKONIE',
  'AWO',
  'DRK',
  'PARITAETISCHER',
  'JMD',
  'DATA_PROTECTION',
] as const;
export type Agency = (typeof AGENCIES)[number];

export interface AgencyInfo {
  readonly name: string;
  readonly organisation: Organisation;
  /** The town a KIM team serves; its case managers see only that town's clients. */
  readonly town?: Town;
}

export const AGENCY_INFO: Record<Agency, AgencyInfo> = {
  ...(Object.fromEntries(
    TOWNS.map((town) => [
      `KIM_${town}`,
      { name: `Kommunales Integrationsmanagement ${TOWN_NAMES[town]}`, organisation: 'KIM', town },
    ]),
  ) as Record<KimTeam, AgencyInfo>),
  KI: { name: 'Kommunales Integrationszentrum Rhein-Kreis Neuss', organisation: 'KIM' },
  IMMIGRATION_OFFICE: { name: 'Ausländerbehörde Rhein-Kreis Neuss', organisation: 'IMMIGRATION_OFFICE' },
  JOBCENTER: { name: 'Jobcenter Rhein-Kreis Neuss', organisation: 'JOBCENTER' },
  EMPLOYMENT_AGENCY: { name: 'Agentur für Arbeit Mönchengladbach', organisation: 'OTHER' },
  BAMF: { name: 'BAMF Außenstelle Düsseldorf', organisation: 'OTHER' },
  CARITAS: { name: 'Caritasverband Rhein-Kreis Neuss', organisation: 'WELFARE' },
  DIAKONIE: { name: 'Diakonie Rhein-Kreis Neuss', organisation: 'WELFARE' },
  AWO: { name: 'AWO Kreisverband Neuss', organisation: 'WELFARE' },
  DRK: { name: 'DRK Kreisverband Neuss', organisation: 'WELFARE' },
  PARITAETISCHER: { name: 'Der Paritätische Rhein-Kreis Neuss', organisation: 'WELFARE' },
  JMD: { name: 'Jugendmigrationsdienst Neuss', organisation: 'WELFARE' },
  DATA_PROTECTION: { name: 'Datenschutzbeauftragte des Rhein-Kreises Neuss', organisation: 'OTHER' },
};

/** Welfare associations that run counselling services and hold their own records. */
export const WELFARE_ASSOCIATIONS = ['CARITAS', 'DIAKONIE', 'AWO', 'DRK', 'PARITAETISCHER', 'JMD'] as const satisfies readonly Agency[];
export type WelfareAssociation = (typeof WELFARE_ASSOCIATIONS)[number];

/** Categories of client data. Every client-data field in every subgraph carries exactly one. */
export const DATA_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'RESIDENCE',
  'ASYLUM_PROCEDURE',
  'BENEFITS',
  // Only whether benefits are granted now (yes/no): what § 71 (2) S. 1 Nr. 1 a SGB X lets the
  // jobcenter tell the immigration office, apart from the benefit case itself.
  'BENEFIT_RECEIPT',
  'EMPLOYMENT',
  'EDUCATION_LANGUAGE',
  'HEALTH',
  'HOUSING',
  'CASE_MANAGEMENT',
  'CASE_NOTES',
  'COUNSELLING',
  'NATURALISATION',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Why KIM refers a client to a partner agency: the list a referral's reason is taken from. */
export const REFERRAL_REASONS = [
  'LANGUAGE_COURSE',
  'RECOGNITION_OF_QUALIFICATIONS',
  'JOB_SEARCH',
  'VOCATIONAL_TRAINING',
  'RESIDENCE_MATTERS',
  'NATURALISATION',
  'MIGRATION_COUNSELLING',
  'HOUSING',
  'BENEFITS',
  'DEBT_COUNSELLING',
  'PSYCHOSOCIAL_COUNSELLING',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** Why a KIM case is closed (case work and the steering figures read them alike). */
export const CLOSING_REASONS = ['GOALS_REACHED', 'MOVED_AWAY', 'WITHDREW', 'NO_LONGER_ELIGIBLE', 'NO_CONTACT'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

/** The reasons as a person reads them (the console, receipts). */
export const REFERRAL_REASON_NAMES: Record<ReferralReason, string> = {
  LANGUAGE_COURSE: 'Sprachkurs (Integrations-, Berufssprachkurs)',
  RECOGNITION_OF_QUALIFICATIONS: 'Anerkennung ausländischer Abschlüsse',
  JOB_SEARCH: 'Arbeitssuche und Vermittlung',
  VOCATIONAL_TRAINING: 'Ausbildung, Weiterbildung, Berufsberatung',
  RESIDENCE_MATTERS: 'Aufenthaltsrechtliche Fragen',
  NATURALISATION: 'Einbürgerung',
  MIGRATION_COUNSELLING: 'Migrationsberatung',
  HOUSING: 'Wohnungssuche',
  BENEFITS: 'Leistungen zum Lebensunterhalt',
  DEBT_COUNSELLING: 'Schuldnerberatung',
  PSYCHOSOCIAL_COUNSELLING: 'Psychosoziale Beratung',
};

/**
 * Reasons that speak of health (GDPR Art. 9): such a referral's reason is health data, served
 * only under HEALTH (`Referral.healthReason`), never under case management.
 */
export const HEALTH_REFERRAL_REASONS: readonly ReferralReason[] = ['PSYCHOSOCIAL_COUNSELLING'];

/**
 * Categories a welfare association's counsellors hold under professional secrecy (§ 203 StGB):
 * passing them on needs the releasing association named in the grant, and a grant discloses only
 * the records of the associations that released them.
 */
export const SECRECY_CATEGORIES: readonly DataCategory[] = ['COUNSELLING', 'HEALTH'];

/** GDPR Art. 9 special categories: disclosed to another agency only with explicit consent. */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = ['HEALTH'];

/** Purposes a caller declares for a request (`x-kim-purpose`). */
export const PURPOSES = [
  'CASE_MANAGEMENT',
  'REFERRAL',
  'RESIDENCE_PROCEDURE',
  'NATURALISATION_PROCEDURE',
  'BENEFITS_ADMINISTRATION',
  'LABOUR_MARKET_INTEGRATION',
  'MIGRATION_COUNSELLING',
  'DATA_PROTECTION_AUDIT',
  'STEERING',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Roles of callers; a role may declare only its own purposes, the first being the default. */
export const ROLES = [
  'CASE_MANAGER',
  'COORDINATOR',
  'STEERING_GROUP',
  'IMMIGRATION_CASEWORKER',
  'IMMIGRATION_TEAM_LEAD',
  'JOBCENTER_CASEWORKER',
  'JOBCENTER_TEAM_LEAD',
  'COUNSELLOR',
  'DATA_PROTECTION_OFFICER',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * How far a role sees within its own agency. TEAM: only the clients of the caller's team — for
 * KIM the team's town; for the immigration office and the jobcenter the town the caller's team
 * serves (the token's `team` claim, required: a TEAM role without one is refused). AGENCY: every
 * client the agency may know of. NONE: no person at all (figures, audit).
 */
export const ROLE_SCOPES = ['TEAM', 'AGENCY', 'NONE'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];
export const ROLE_SCOPE: Record<Role, RoleScope> = {
  CASE_MANAGER: 'TEAM',
  COORDINATOR: 'NONE',
  STEERING_GROUP: 'NONE',
  IMMIGRATION_CASEWORKER: 'TEAM',
  IMMIGRATION_TEAM_LEAD: 'AGENCY',
  JOBCENTER_CASEWORKER: 'TEAM',
  JOBCENTER_TEAM_LEAD: 'AGENCY',
  COUNSELLOR: 'AGENCY',
  DATA_PROTECTION_OFFICER: 'NONE',
};

export const ROLE_PURPOSES: Record<Role, readonly Purpose[]> = {
  CASE_MANAGER: ['CASE_MANAGEMENT', 'REFERRAL', 'NATURALISATION_PROCEDURE'],
  COORDINATOR: ['STEERING'],
  STEERING_GROUP: ['STEERING'],
  IMMIGRATION_CASEWORKER: ['RESIDENCE_PROCEDURE', 'NATURALISATION_PROCEDURE'],
  IMMIGRATION_TEAM_LEAD: ['RESIDENCE_PROCEDURE', 'NATURALISATION_PROCEDURE'],
  JOBCENTER_CASEWORKER: ['BENEFITS_ADMINISTRATION', 'LABOUR_MARKET_INTEGRATION'],
  JOBCENTER_TEAM_LEAD: ['BENEFITS_ADMINISTRATION', 'LABOUR_MARKET_INTEGRATION'],
  COUNSELLOR: ['MIGRATION_COUNSELLING', 'REFERRAL'],
  DATA_PROTECTION_OFFICER: ['DATA_PROTECTION_AUDIT'],
};

/**
 * The roles that read the steering figures and nothing of any person: the coordinating office,
 * and the steering group (Lenkungsgruppe), whose members sign in through the coordinating office
 * and may read the figures and nothing else.
 */
export const FIGURE_ROLES = ['COORDINATOR', 'STEERING_GROUP'] as const satisfies readonly Role[];

/** Which organisations each role may belong to: a token claiming another pairing is refused. */
export const ROLE_ORGANISATIONS: Record<Role, readonly Organisation[]> = {
  CASE_MANAGER: ['KIM'],
  COORDINATOR: ['KIM'],
  STEERING_GROUP: ['KIM'],
  IMMIGRATION_CASEWORKER: ['IMMIGRATION_OFFICE'],
  IMMIGRATION_TEAM_LEAD: ['IMMIGRATION_OFFICE'],
  JOBCENTER_CASEWORKER: ['JOBCENTER'],
  JOBCENTER_TEAM_LEAD: ['JOBCENTER'],
  COUNSELLOR: ['WELFARE'],
  DATA_PROTECTION_OFFICER: ['OTHER'],
};

/**
 * The roles each agency's staff may hold: a token naming any other pairing is refused, however
 * well signed (an IdP's misconfiguration or an insider must not make the coordinating office a
 * case-management team, which would see a town's clients). Narrower than ROLE_ORGANISATIONS:
 * KI is of organisation KIM but coordinates only; agencies without staff in the hub hold none.
 */
export const AGENCY_ROLES: Record<Agency, readonly Role[]> = {
  ...(Object.fromEntries(TOWNS.map((town) => [`KIM_${town}`, ['CASE_MANAGER'] as readonly Role[]])) as Record<KimTeam, readonly Role[]>),
  KI: ['COORDINATOR', 'STEERING_GROUP'],
  IMMIGRATION_OFFICE: ['IMMIGRATION_CASEWORKER', 'IMMIGRATION_TEAM_LEAD'],
  JOBCENTER: ['JOBCENTER_CASEWORKER', 'JOBCENTER_TEAM_LEAD'],
  EMPLOYMENT_AGENCY: [],
  BAMF: [],
  CARITAS: ['COUNSELLOR'],
  DIAKONIE: ['COUNSELLOR'],
  AWO: ['COUNSELLOR'],
  DRK: ['COUNSELLOR'],
  PARITAETISCHER: ['COUNSELLOR'],
  JMD: ['COUNSELLOR'],
  DATA_PROTECTION: ['DATA_PROTECTION_OFFICER'],
};

/** Whether `role` belongs to `agency` (AGENCY_ROLES, within the role's organisations). */
export function agencyHasRole(agency: Agency, role: Role): boolean {
  return AGENCY_ROLES[agency].includes(role) && ROLE_ORGANISATIONS[role].includes(AGENCY_INFO[agency].organisation);
}

/** Legal bases: consent, or a named statute. */
export const LEGAL_BASES = [
  'CONSENT',
  'KIM_PARTICIPATION',
  'KIM_PARTICIPATION_CONSENT',
  'AUFENTHG_86',
  'AUFENTHG_87_SGB_X_71',
  'SGB_II_50',
  'SGB_II_50_SGB_X_69',
  'SGB_X_67B',
  'SGB_VIII_65',
  'STAG_32',
  'WELFARE_DSGVO_BDSG',
  'WELFARE_KDG',
  'WELFARE_DSG_EKD',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Bases no entry applies any more (issue 13): kept in the enum so that audit rows made under them
 * still read, with labels that say what the norm is and why it no longer applies.
 * SGB_II_50_SGB_X_69: § 69 SGB X lets a social-benefit body (§ 35 SGB I) disclose; the immigration
 * office is none. STAG_32: § 32 StAG alone does not open social data (§ 35 (2) SGB I).
 */
export const RETIRED_LEGAL_BASES: readonly LegalBasis[] = ['SGB_II_50_SGB_X_69', 'STAG_32', 'KIM_PARTICIPATION', 'SGB_X_67B'];

export const LEGAL_BASIS_NAMES: Record<LegalBasis, string> = {
  CONSENT: 'Einwilligung (Art. 6 Abs. 1 lit. a, Art. 9 Abs. 2 lit. a DSGVO)',
  KIM_PARTICIPATION:
    'Teilnahme am KIM-Fallmanagement (§ 1 Nr. 8 TIntG NRW, Art. 6 Abs. 1 lit. e DSGVO; nicht mehr angewandt: die Teilnahme ist freiwillig, KIM verarbeitet auf Grund der Einwilligung)',
  KIM_PARTICIPATION_CONSENT:
    'Einwilligung in die Teilnahme am KIM-Fallmanagement (Art. 6 Abs. 1 lit. a, Art. 9 Abs. 2 lit. a DSGVO; mit dem Widerruf endet die Verarbeitung)',
  AUFENTHG_86: '§ 86 AufenthG (Datenerhebung durch die Ausländerbehörde)',
  AUFENTHG_87_SGB_X_71: '§ 87 AufenthG i. V. m. § 71 Abs. 2 SGB X (Übermittlung an die Ausländerbehörde)',
  SGB_II_50: '§§ 67a–67c SGB X i. V. m. § 50 SGB II (Datenverarbeitung im Jobcenter)',
  SGB_II_50_SGB_X_69:
    '§ 50 SGB II i. V. m. § 69 SGB X (Übermittlung von Sozialdaten durch eine Stelle nach § 35 SGB I für soziale Aufgaben; nicht mehr angewandt: die Ausländerbehörde ist keine solche Stelle)',
  SGB_X_67B:
    '§ 67b SGB X (Verarbeitung von Sozialdaten durch die verantwortliche Stelle; nicht mehr angewandt: die Wohlfahrtsverbände sind private Stellen)',
  WELFARE_DSGVO_BDSG: 'Einwilligung oder Beratungsvertrag (Art. 6 Abs. 1 lit. a, b, Art. 9 Abs. 2 lit. a DSGVO, § 22 BDSG)',
  WELFARE_KDG: 'Einwilligung oder Beratungsvertrag nach kirchlichem Datenschutzrecht (§ 6 Abs. 1 lit. b, c, § 11 KDG; Art. 91 DSGVO)',
  WELFARE_DSG_EKD: 'Einwilligung oder Beratungsvertrag nach kirchlichem Datenschutzrecht (§ 6 Nr. 2, 5, § 13 DSG-EKD; Art. 91 DSGVO)',
  SGB_VIII_65: '§ 65 SGB VIII (Vertrauensschutz in der persönlichen Hilfe)',
  STAG_32:
    '§ 32 StAG (Übermittlung an die Staatsangehörigkeitsbehörde auf Ersuchen; nicht mehr angewandt: Sozialdaten nur mit einer Befugnis des SGB X, § 35 Abs. 2 SGB I)',
};

/** Kinds of residence title (German law), as the immigration office records them. */
export const RESIDENCE_TITLE_TYPES = [
  'AUFENTHALTSGESTATTUNG',
  'DULDUNG',
  'AUFENTHALTSERLAUBNIS',
  'NIEDERLASSUNGSERLAUBNIS',
  'BLAUE_KARTE_EU',
  'FIKTIONSBESCHEINIGUNG',
] as const;
export type ResidenceTitleType = (typeof RESIDENCE_TITLE_TYPES)[number];

/** The periods steering figures are counted by (YYYY, YYYY-Qn, YYYY-MM). */
export const PERIODS = ['YEAR', 'QUARTER', 'MONTH'] as const;
export type Period = (typeof PERIODS)[number];

/** Language levels of the Common European Framework, as courses and certificates state them. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

/** The agency subgraphs (and the consent service) and the organisation owning each one's data. */
export const SERVICES = ['case-registry', 'immigration-office', 'jobcenter', 'welfare', 'consent'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const SERVICE_OWNER: Record<ServiceName, Organisation> = {
  'case-registry': 'KIM',
  'immigration-office': 'IMMIGRATION_OFFICE',
  jobcenter: 'JOBCENTER',
  welfare: 'WELFARE',
  consent: 'CONSENT_REGISTRY',
};

/**
 * The service that holds each category's data at source. A field derived from other categories
 * (`@category(inputs: …)`) is decided for each input as if it were read from its source: the
 * deriving service's own basis must not launder data it got through `@requires`.
 */
export const CATEGORY_SOURCE: Record<DataCategory, Exclude<ServiceName, 'consent'>> = {
  IDENTITY: 'case-registry',
  CONTACT: 'case-registry',
  CASE_MANAGEMENT: 'case-registry',
  CASE_NOTES: 'case-registry',
  RESIDENCE: 'immigration-office',
  ASYLUM_PROCEDURE: 'immigration-office',
  NATURALISATION: 'immigration-office',
  BENEFITS: 'jobcenter',
  BENEFIT_RECEIPT: 'jobcenter',
  EMPLOYMENT: 'jobcenter',
  EDUCATION_LANGUAGE: 'welfare',
  HEALTH: 'welfare',
  HOUSING: 'welfare',
  COUNSELLING: 'welfare',
};

/**
 * The basis on which an organisation processes the data it holds itself, and the purposes for
 * which that basis holds. Outside these purposes even the owner needs consent.
 */
export interface OwnerBasis {
  readonly basis: LegalBasis;
  readonly purposes: readonly Purpose[];
  /**
   * The owner's processing rests on the client's consent to the asking agency itself (an active
   * grant to it for the purpose; for a special category, one that names it): withdrawing that
   * consent ends the owner's own processing too.
   */
  readonly onConsent?: true;
}

export const OWNER_BASES: Record<Exclude<Organisation, 'OTHER' | 'CONSENT_REGISTRY' | 'WELFARE'>, OwnerBasis> = {
  // Participation in KIM case management is voluntary: KIM processes on the client's consent.
  KIM: { basis: 'KIM_PARTICIPATION_CONSENT', purposes: ['CASE_MANAGEMENT', 'REFERRAL', 'NATURALISATION_PROCEDURE'], onConsent: true },
  IMMIGRATION_OFFICE: { basis: 'AUFENTHG_86', purposes: ['RESIDENCE_PROCEDURE', 'NATURALISATION_PROCEDURE'] },
  JOBCENTER: { basis: 'SGB_II_50', purposes: ['BENEFITS_ADMINISTRATION', 'LABOUR_MARKET_INTEGRATION'] },
};

/**
 * Each welfare association is its own private body, under the data-protection law of its carrier:
 * the Catholic Caritas under KDG, the Protestant Diakonie under DSG-EKD (both Art. 91 GDPR), the
 * others under GDPR and BDSG. The JMD's carrier differs by district (often church-run): set it here.
 */
export const ASSOCIATION_BASES: Record<WelfareAssociation, LegalBasis> = {
  CARITAS: 'WELFARE_KDG',
  DIAKONIE: 'WELFARE_DSG_EKD',
  AWO: 'WELFARE_DSGVO_BDSG',
  DRK: 'WELFARE_DSGVO_BDSG',
  PARITAETISCHER: 'WELFARE_DSGVO_BDSG',
  JMD: 'WELFARE_DSGVO_BDSG',
};
const ASSOCIATION_PURPOSES: readonly Purpose[] = ['MIGRATION_COUNSELLING', 'REFERRAL'];

/**
 * The basis on which an agency processes the data its organisation holds itself, or null if it
 * holds none. A welfare association's basis covers only its own records: the welfare subgraph
 * shows a counsellor no other association's rows.
 */
export function ownerBasisOf(agency: Agency): OwnerBasis | null {
  const organisation = organisationOf(agency);
  if (organisation === 'WELFARE') {
    const basis = (ASSOCIATION_BASES as Partial<Record<Agency, LegalBasis>>)[agency];
    return basis ? { basis, purposes: ASSOCIATION_PURPOSES } : null;
  }
  if (organisation === 'OTHER' || organisation === 'CONSENT_REGISTRY') return null;
  return OWNER_BASES[organisation];
}

/**
 * Statutory bases that hold for every client of an agency pair, without per-client consent.
 * Special categories (Art. 9) are never covered: they need explicit consent.
 */
export interface StatutoryBasis {
  readonly basis: LegalBasis;
  readonly grantee: Agency;
  readonly owner: Organisation;
  readonly categories: readonly DataCategory[];
  readonly purposes: readonly Purpose[];
  /**
   * The norm allows a transfer only on a request in the individual case: a question counts under
   * it only when it carries the request (its reason and the requesting authority's file
   * reference), which the decision's audit row then records. The field that answers such a
   * request takes both as arguments.
   */
  readonly onRequest?: true;
}

export const STATUTORY_BASES: readonly StatutoryBasis[] = [
  {
    // § 87 (1) AufenthG with § 71 (2) S. 1 Nr. 1 a SGB X: the immigration office may request, in
    // the individual case, whether benefits are granted (beyond the § 68 SGB X items).
    basis: 'AUFENTHG_87_SGB_X_71',
    grantee: 'IMMIGRATION_OFFICE',
    owner: 'JOBCENTER',
    categories: ['BENEFIT_RECEIPT'],
    purposes: ['RESIDENCE_PROCEDURE'],
    onRequest: true,
  },
];

/**
 * Norms that bar a transfer outright: a grant for it can never take effect, so it is refused when
 * recorded, and a question it covers is denied as LEGALLY_BARRED (not "no consent").
 */
export const LEGAL_BARS = ['AUFENTHG_88_STGB_203'] as const;
export type LegalBar = (typeof LEGAL_BARS)[number];

/** Labels, quoted in error messages: they must not contain words a client's data could hold. */
export const LEGAL_BAR_NAMES: Record<LegalBar, string> = {
  AUFENTHG_88_STGB_203:
    '§ 203 StGB i. V. m. § 88 Abs. 1, 2 AufenthG (Schweigepflicht; Übermittlung an die Ausländerbehörde ausgeschlossen)',
};

export interface LegalBarRule {
  readonly norm: LegalBar;
  readonly owner: Organisation;
  readonly categories: readonly DataCategory[];
  readonly never: readonly Agency[];
}

/**
 * What the bars cover. The welfare associations' counsellors are bound by § 203 (1) Nr. 4, 6
 * StGB; § 88 (2) AufenthG admits their data to the immigration office only to avert a danger to
 * public health or for drug offences, which the hub never decides. A consent would lift § 203
 * StGB in theory, but a consent given towards the authority that decides on one's residence is
 * hardly free (Art. 7 (4), recital 43 GDPR): the hub bars it (README, "Legal questions").
 */
export const LEGAL_BAR_RULES: readonly LegalBarRule[] = [
  { norm: 'AUFENTHG_88_STGB_203', owner: 'WELFARE', categories: ['COUNSELLING', 'HEALTH'], never: ['IMMIGRATION_OFFICE'] },
];

/** The norm that bars the owner's data of this category from this agency, if any. */
export function legalBarOf(owner: Organisation, category: DataCategory, agency: Agency): LegalBar | undefined {
  return LEGAL_BAR_RULES.find((b) => b.owner === owner && b.categories.includes(category) && b.never.includes(agency))?.norm;
}

export function isLegalBar(value: unknown): value is LegalBar {
  return typeof value === 'string' && (LEGAL_BARS as readonly string[]).includes(value);
}

export function organisationOf(agency: Agency): Organisation {
  return AGENCY_INFO[agency].organisation;
}

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}
export function isDataCategory(value: unknown): value is DataCategory {
  return typeof value === 'string' && (DATA_CATEGORIES as readonly string[]).includes(value);
}
export function isTown(value: unknown): value is Town {
  return typeof value === 'string' && (TOWNS as readonly string[]).includes(value);
}

/**
 * The team a caller belongs to, from its agency, role and `team` claim: for a KIM team its own
 * town (a claim naming another is refused); for any other TEAM role the claimed town, which it
 * must have; none for AGENCY and NONE roles (a claim is ignored). `null`: the claims do not fit.
 */
export function callerTeam(agency: Agency, role: Role, claim: unknown): Town | undefined | null {
  if (ROLE_SCOPE[role] !== 'TEAM') return undefined;
  const own = AGENCY_INFO[agency].town;
  if (own) return claim === undefined || claim === own ? own : null;
  return isTown(claim) ? claim : null;
}
