import { readServiceConfig, runMain } from '@kim/subgraph-runtime';
import { startWelfare } from './server.ts';

runMain(() => startWelfare(readServiceConfig('welfare')));
