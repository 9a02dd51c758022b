// German wording for the graph's enum values. Agency names and legal bases come from the shared
// vocabulary (already German); the rest is worded here, for people, not for lawyers.
import { AGENCY_INFO, LEGAL_BASIS_NAMES, REFERRAL_REASON_NAMES, ROLE_PURPOSES, TOWN_NAMES, type Agency, type DataCategory, type Purpose, type Role, type Town } from '@kim/schema/vocabulary';

export { ROLE_PURPOSES };
export type { Agency, DataCategory, Purpose, Role, Town };

export const CATEGORY_DE: Record<DataCategory, string> = {
  IDENTITY: 'Personalien',
  CONTACT: 'Kontaktdaten',
  RESIDENCE: 'Aufenthaltsdaten',
  ASYLUM_PROCEDURE: 'Asylverfahren',
  BENEFITS: 'Leistungsdaten',
  BENEFIT_RECEIPT: 'Leistungsbezug (ja/nein)',
  EMPLOYMENT: 'Arbeit und Beschäftigung',
  EDUCATION_LANGUAGE: 'Bildung und Sprache',
  HEALTH: 'Gesundheitsdaten',
  HOUSING: 'Wohnen',
  CASE_MANAGEMENT: 'Fallmanagement',
  CASE_NOTES: 'Fallnotizen',
  COUNSELLING: 'Beratung',
  NATURALISATION: 'Einbürgerung',
};

export const PURPOSE_DE: Record<Purpose, string> = {
  CASE_MANAGEMENT: 'Fallmanagement',
  REFERRAL: 'Verweisberatung',
  RESIDENCE_PROCEDURE: 'Aufenthaltsverfahren',
  NATURALISATION_PROCEDURE: 'Einbürgerungsverfahren',
  BENEFITS_ADMINISTRATION: 'Leistungsgewährung',
  LABOUR_MARKET_INTEGRATION: 'Arbeitsmarktintegration',
  MIGRATION_COUNSELLING: 'Migrationsberatung',
  DATA_PROTECTION_AUDIT: 'Datenschutzkontrolle',
  STEERING: 'Steuerung',
};

export const ROLE_DE: Record<Role, string> = {
  CASE_MANAGER: 'Case Managerin / Case Manager',
  COORDINATOR: 'Koordinierungsstelle (KI)',
  STEERING_GROUP: 'Lenkungsgruppe',
  IMMIGRATION_CASEWORKER: 'Sachbearbeitung Ausländerbehörde',
  IMMIGRATION_TEAM_LEAD: 'Teamleitung Ausländerbehörde',
  JOBCENTER_CASEWORKER: 'Sachbearbeitung Jobcenter',
  JOBCENTER_TEAM_LEAD: 'Teamleitung Jobcenter',
  COUNSELLOR: 'Migrationsberatung',
  DATA_PROTECTION_OFFICER: 'Datenschutzbeauftragte/r',
};

export const STATUS_DE: Record<string, string> = { ACTIVE: 'aktiv', WAITING: 'wartend', CLOSED: 'abgeschlossen' };

/** The vocabulary's German names of the referral reasons (one list with the hub's). */
export const REFERRAL_REASON_DE: Record<string, string> = REFERRAL_REASON_NAMES;

export const REFERRAL_OUTCOME_DE: Record<string, string> = {
  SUPPORT_STARTED: 'Unterstützung begonnen',
  NO_NEED: 'kein Bedarf',
  NO_CONTACT: 'kein Kontakt zustande gekommen',
  WAITING_LIST: 'Warteliste',
  REFUSED: 'abgelehnt',
  COMPLETED: 'abgeschlossen',
};

export const GRANT_STATE_DE: Record<string, string> = {
  ACTIVE: 'gültig',
  NOT_YET_VALID: 'noch nicht gültig',
  EXPIRED: 'abgelaufen',
  CASE_ENDED: 'Fall beendet',
  WITHDRAWN: 'widerrufen',
  REFUSED: 'verweigert',
  UNCHAINED: 'nie wirksam geworden',
};

export const GRANT_EVENT_DE: Record<string, string> = { RECORDED: 'erfasst', REFUSED: 'verweigert', WITHDRAWN: 'widerrufen', RENEWED: 'verlängert' };

export const CHAIN_PROBLEM_DE: Record<string, string> = {
  ALTERED: 'Eintrag verändert',
  BROKEN_LINK: 'Kette unterbrochen',
  ANCHOR_MISMATCH: 'Anker stimmt nicht',
  FORGED_ANCHOR: 'Anker nicht signiert',
  TRUNCATED: 'Ende abgeschnitten',
  UNANCHORED: 'Einträge nach dem letzten Anker',
};

export const TITLE_DE: Record<string, string> = {
  AUFENTHALTSGESTATTUNG: 'Aufenthaltsgestattung',
  DULDUNG: 'Duldung',
  AUFENTHALTSERLAUBNIS: 'Aufenthaltserlaubnis',
  NIEDERLASSUNGSERLAUBNIS: 'Niederlassungserlaubnis',
  BLAUE_KARTE_EU: 'Blaue Karte EU',
  FIKTIONSBESCHEINIGUNG: 'Fiktionsbescheinigung',
};

/** Short citations of the norms that bar a transfer (the error's `extensions.norm`). */
export const NORM_DE: Record<string, string> = { AUFENTHG_88_STGB_203: '§ 203 StGB, § 88 AufenthG' };

export function agencyName(agency: string | null | undefined): string {
  if (!agency) return 'KIM-Team';
  return (AGENCY_INFO as Record<string, { name: string }>)[agency]?.name ?? agency;
}

export function legalBasisName(basis: string | null | undefined): string {
  if (!basis) return '–';
  return (LEGAL_BASIS_NAMES as Record<string, string>)[basis] ?? basis;
}

export function townName(town: string | null | undefined): string {
  if (!town) return '–';
  return (TOWN_NAMES as Record<string, string>)[town] ?? town;
}

export function purposesOfRole(role: string): readonly Purpose[] {
  return (ROLE_PURPOSES as Record<string, readonly Purpose[]>)[role] ?? [];
}

/** Plain-German label or the value itself (never a blank). */
export function label(map: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return map[value] ?? value;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' });
}

export const PARTNER_AGENCIES: readonly Agency[] = ['IMMIGRATION_OFFICE', 'JOBCENTER', 'EMPLOYMENT_AGENCY', 'BAMF', 'CARITAS', 'DIAKONIE', 'AWO', 'DRK', 'PARITAETISCHER', 'JMD'];
export const WELFARE: readonly Agency[] = ['CARITAS', 'DIAKONIE', 'AWO', 'DRK', 'PARITAETISCHER', 'JMD'];

/** The audit log's reasons (`DECISION_REASONS` and the consent record's events). */
export const AUDIT_REASON_DE: Record<string, string> = {
  OWNER: 'eigene Daten der Stelle',
  STATUTE: 'gesetzliche Befugnis',
  GRANT: 'Einwilligung',
  NO_BASIS: 'keine Rechtsgrundlage',
  SPECIAL_CATEGORY_NEEDS_CONSENT: 'besondere Kategorie: nur mit Einwilligung',
  LEGALLY_BARRED: 'gesetzlich ausgeschlossen',
  PROFESSIONAL_SECRECY: 'gesetzlich ausgeschlossen (Schweigepflicht)',
  OUT_OF_SCOPE: 'außerhalb des Zuständigkeitsbereichs',
  TECHNICAL: 'technischer Fehler – nichts übermittelt',
  GRANT_RECORDED: 'Einwilligung erfasst',
  GRANT_REFUSED: 'Einwilligung verweigert',
  GRANT_WITHDRAWN: 'Einwilligung widerrufen',
  GRANT_RENEWED: 'Einwilligung verlängert',
  CONSENT_RECORD_READ: 'Einwilligungsakte eingesehen',
};

/** A goal's status (the case registry's `GoalStatus`; `Goal.status` is sent as its name). */
export const GOAL_STATUS_DE: Record<string, string> = { OPEN: 'offen', IN_PROGRESS: 'in Arbeit', ACHIEVED: 'erreicht', DROPPED: 'aufgegeben' };

export const CLOSING_REASON_DE: Record<string, string> = {
  GOALS_REACHED: 'Ziele erreicht',
  MOVED_AWAY: 'verzogen',
  WITHDREW: 'Teilnahme beendet',
  NO_LONGER_ELIGIBLE: 'nicht mehr Zielgruppe',
  NO_CONTACT: 'kein Kontakt',
};

export const ASYLUM_STATE_DE: Record<string, string> = {
  PENDING: 'laufend',
  RECOGNISED: 'anerkannt',
  SUBSIDIARY_PROTECTION: 'subsidiärer Schutz',
  REJECTED: 'abgelehnt',
};

export const NATURALISATION_APPLICATION_DE: Record<string, string> = { SUBMITTED: 'gestellt', IN_REVIEW: 'in Prüfung', GRANTED: 'eingebürgert', REFUSED: 'abgelehnt' };

export const BENEFIT_STATUS_DE: Record<string, string> = { RECEIVING: 'im Bezug', APPLIED: 'beantragt', ENDED: 'beendet' };

/** Why a person is or is not in the target group (the case registry's `TargetGroupReason`). */
export const TARGET_GROUP_REASON_DE: Record<string, string> = {
  IN_TARGET_GROUP: 'gehört zur Zielgruppe',
  RULES_NOT_IN_EFFECT: 'Förderrichtlinie an diesem Tag noch nicht in Kraft',
  AGE_OUTSIDE_RANGE: 'Alter außerhalb der Altersgrenzen der Förderrichtlinie',
  NO_RESIDENCE_TITLE: 'kein Aufenthaltstitel an diesem Tag bekannt',
  TITLE_EXCLUDED: 'Aufenthaltstitel in diesem Alter von der Förderrichtlinie ausgenommen',
  PRIOR_CASE_MANAGEMENT: 'hatte bereits ein Case Management',
};

/** The unmet requirements of the naturalisation check (the immigration office's `NaturalisationRequirement`). */
export const NATURALISATION_REQUIREMENT_DE: Record<string, string> = {
  NO_RESIDENCE_TITLE: 'kein Aufenthaltstitel erfasst',
  RESIDENCE_UNDER_5_YEARS: 'Aufenthalt kürzer als 5 Jahre',
  NO_TITLE_VALID_TODAY: 'kein heute gültiger Aufenthaltstitel',
  TITLE_DOES_NOT_QUALIFY: 'heutiger Aufenthaltstitel berechtigt nicht',
  LANGUAGE_LEVEL_UNKNOWN: 'Sprachniveau unbekannt',
  LANGUAGE_BELOW_B1: 'Sprachniveau unter B1',
  BENEFIT_STATUS_UNKNOWN: 'Leistungsbezug unbekannt',
  RECEIVES_SGB2_BENEFITS: 'bezieht Leistungen nach SGB II',
};

/** The target-group outcome in words: yes or no, the stage, and why. */
export function targetGroupText(t: { eligible: boolean; stage?: number | null; reasonCode?: string | null }): string {
  const stage = t.stage ? ` (Stufe ${t.stage})` : '';
  const why = t.reasonCode && t.reasonCode !== 'IN_TARGET_GROUP' ? ` – ${label(TARGET_GROUP_REASON_DE, t.reasonCode)}` : '';
  return `${t.eligible ? 'ja' : 'nein'}${stage}${why}`;
}

/** The names of the arguments the console sends, for saying which field a refusal is about. */
export const ARGUMENT_DE: Record<string, string> = {
  'input.givenName': 'Vorname',
  'input.familyName': 'Familienname',
  'input.birthDate': 'Geburtsdatum',
  'input.nationality': 'Staatsangehörigkeit',
  'input.phone': 'Telefon',
  'input.email': 'E-Mail',
  'input.address': 'Anschrift',
  'input.firstContactOn': 'Datum des Erstkontakts',
  'input.residenceTitleType': 'Aufenthaltstitel bei Aufnahme',
  'input.priorCaseManagement': 'bisheriges Case Management',
  'input.title': 'Ziel',
  'input.dueDate': 'Fällig am',
  'input.workedOnBy': 'bearbeitende Stelle',
  'input.evidenceRef': 'Ablagezeichen',
  dueDate: 'Fällig am',
  status: 'Status',
  closedOn: 'Abgeschlossen am',
  reason: 'Grund',
  text: 'Text',
  category: 'Art',
  note: 'Hinweis',
  toAgency: 'Empfangende Stelle',
  days: 'Tage',
  first: 'Anzahl',
  on: 'Datum',
  'filter.name': 'Name',
  'filter.idPrefix': 'KIM-Nummer',
  'filter.clientId': 'KIM-Nummer',
  'input.categories': 'Datenkategorien',
  'input.purposes': 'Zwecke',
  'input.grantee': 'Empfangende Stelle',
  'input.validFrom': 'gültig ab',
  'input.validUntil': 'gültig bis',
  evidenceRef: 'Ablagezeichen',
  validUntil: 'gültig bis',
  toTown: 'neuer Wohnort',
  outcome: 'Ergebnis',
  grantId: 'Einwilligung',
  id: 'Kennung',
  clientId: 'KIM-Nummer',
  input: 'Eingabe',
};
