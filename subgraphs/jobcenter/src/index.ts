import { readServiceConfig, runMain } from '@kim/subgraph-runtime';
import { startJobcenter } from './server.ts';

runMain(() => startJobcenter(readServiceConfig('jobcenter')));
