import { runMain } from '@kim/subgraph-runtime';
import { readConsentConfig } from './env.ts';
import { startConsent } from './server.ts';

runMain(() => startConsent(readConsentConfig()));
