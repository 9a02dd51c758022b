/**
 * What a complete consent record holds besides client, grantee, categories and purposes: the form,
 * what the client was told, the information sheet, the evidence. Tests that are about something
 * else than the record take it from here, so that only what they test varies.
 */
export const COMPLETE_RECORD = {
  form: 'WRITTEN',
  informedOfPurpose: true,
  informedOfRefusalConsequences: true,
  informedOfWithdrawalRight: true,
  informationSheetVersion: 'KIM-EW-2026.1',
  informationSheetLanguage: 'de',
  evidenceRef: 'EV-2026-000001',
} as const;

/** A recordConsent input: the complete record with the given fields. */
export function consentInput(fields: { clientId: string; grantee: string; categories: readonly string[]; purposes: readonly string[]; [more: string]: unknown }) {
  const secret = fields.categories.some((c) => c === 'COUNSELLING' || c === 'HEALTH');
  return { ...COMPLETE_RECORD, ...(secret ? { releasingOrganisation: 'CARITAS' } : {}), ...fields };
}
