// Plain German for the people whose data it is: the consent receipt (consent service) and the
// Art. 15 letter (web console) say the same thing in the same words.
import type { DataCategory, Purpose } from './vocabulary.ts';

/** Data categories as a client would understand them. */
export const CATEGORY_TEXT: Record<DataCategory, string> = {
  IDENTITY: 'Angaben zur Person (Name, Geburtsdatum, Staatsangehörigkeit)',
  CONTACT: 'Kontaktdaten (Anschrift, Telefon, E-Mail)',
  RESIDENCE: 'Aufenthaltsstatus (Aufenthaltstitel, Duldung, Gestattung, Wohnsitzauflage)',
  ASYLUM_PROCEDURE: 'Asylverfahren (Stand und Entscheidungen)',
  BENEFITS: 'Bezug von Sozialleistungen (Bürgergeld und andere Leistungen)',
  BENEFIT_RECEIPT: 'Ob Sozialleistungen bezogen werden (nur ja oder nein)',
  EMPLOYMENT: 'Arbeit und Ausbildung (Beschäftigung, Maßnahmen, Vermittlung)',
  EDUCATION_LANGUAGE: 'Schule, Sprache und Sprachkurse (Sprachniveau, Integrationskurs)',
  HEALTH: 'Gesundheit (gesundheitliche Bedarfe; besonders geschützte Daten nach Art. 9 DSGVO)',
  HOUSING: 'Wohnen (Wohnsituation und Bedarfe)',
  CASE_MANAGEMENT: 'Fallmanagement (Ihre Ziele, Pläne und Vermittlungen)',
  CASE_NOTES: 'Vermerke Ihrer Fallmanagerin / Ihres Fallmanagers',
  COUNSELLING: 'Beratung bei einem Wohlfahrtsverband (Inhalte der Migrationsberatung)',
  NATURALISATION: 'Einbürgerung (Stand des Verfahrens und Voraussetzungen)',
};

export const PURPOSE_TEXT: Record<Purpose, string> = {
  CASE_MANAGEMENT: 'Ihre Begleitung im Kommunalen Integrationsmanagement (Fallmanagement)',
  REFERRAL: 'Vermittlung an eine andere Stelle, die Ihnen helfen kann',
  RESIDENCE_PROCEDURE: 'Verfahren zu Ihrem Aufenthalt bei der Ausländerbehörde',
  NATURALISATION_PROCEDURE: 'Ihr Einbürgerungsverfahren',
  BENEFITS_ADMINISTRATION: 'Entscheidung über Ihre Leistungen beim Jobcenter',
  LABOUR_MARKET_INTEGRATION: 'Ihre Unterstützung bei Arbeit und Ausbildung',
  MIGRATION_COUNSELLING: 'Ihre Migrationsberatung',
  DATA_PROTECTION_AUDIT: 'Datenschutzkontrolle',
  STEERING: 'Steuerung des Integrationsmanagements (nur ohne Ihren Namen)',
};

/** The events of a consent record, as the client's receipt and letter name them. */
export const GRANT_EVENT_TEXT: Record<string, string> = {
  RECORDED: 'Einwilligung erfasst',
  REFUSED: 'Ablehnung erfasst',
  RENEWED: 'Einwilligung verlängert',
  WITHDRAWN: 'Einwilligung widerrufen',
};

/**
 * The data-protection supervisory authority of North Rhine-Westphalia (Art. 77 GDPR), where a
 * client may complain about any of the hub's agencies.
 */
export const SUPERVISORY_AUTHORITY = {
  name: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)',
  /** "bei der …" */
  dative: 'Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen',
  address: ['Kavalleriestraße 2–4', '40213 Düsseldorf'],
  email: 'poststelle@ldi.nrw.de',
  web: 'www.ldi.nrw.de',
} as const;
