import { readServiceConfig, runMain } from '@kim/subgraph-runtime';
import { startImmigrationOffice } from './server.ts';

runMain(() => startImmigrationOffice(readServiceConfig('immigration-office')));
