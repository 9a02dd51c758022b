import { readServiceConfig, runMain } from '@kim/subgraph-runtime';
import { startConsent } from './server.ts';

runMain(() => startConsent(readServiceConfig('consent')));
