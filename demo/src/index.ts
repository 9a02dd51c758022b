export { startHub, type HubOptions, type RunningHub } from './startHub.ts';
export { issueToken, DEMO_AUDIENCE, DEMO_ISSUER } from './issueToken.ts';
export { PERSONAS, isPersonaName, purposesOf, type Persona, type PersonaName } from './personas.ts';
export { ensureDemoKeys, readPem } from './demoKeys.ts';
