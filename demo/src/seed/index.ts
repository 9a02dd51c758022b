// The demo population's records in each service's database (`npm start`, the tests, the bench).
export { seedCaseRegistry } from './caseRegistry.ts';
export { seedConsent } from './consent.ts';
export { seedImmigrationOffice } from './immigrationOffice.ts';
export { seedJobcenter } from './jobcenter.ts';
export { seedWelfare } from './welfare.ts';
