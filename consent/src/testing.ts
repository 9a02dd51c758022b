// What tests outside this package (the demo's seed test) need of the consent service's insides:
// a test database, a throwaway audit key, chaining the pending grant events and reading a grant's
// state. Exported as `@kim/consent/testing`; nothing deployed imports it.
export { newAuditKey } from './audit/chainFixture.testSupport.ts';
export { auditSigningKey, type AuditSigningKey } from './audit/auditKey.ts';
export { loadGrantEvents } from './context.ts';
export { chainPendingGrantEvents } from './grants/grantEvents.ts';
export { EVIDENCE_REF, LANGUAGE, SHEET_VERSION } from './grants/grantRecord.ts';
export { deriveState } from './grants/grantState.ts';
export { openConsentTestDatabase, type ConsentTestDatabase } from './testDatabase.testSupport.ts';
