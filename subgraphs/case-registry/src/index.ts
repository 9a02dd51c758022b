import { readRetentionConfig, readServiceConfig, runMain } from '@kim/subgraph-runtime';
import { startCaseRegistry } from './server.ts';

runMain(() => startCaseRegistry(readServiceConfig('case-registry'), readRetentionConfig()));
