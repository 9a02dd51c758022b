import { readServiceConfig, runMain } from '@kim/service-kit';
import { readCaseRegistryConfig } from './env.ts';
import { startCaseRegistry } from './server.ts';

// Its own process: migrations are the migrate command's (src/migrate.ts), never the start's.
runMain(() => startCaseRegistry(readServiceConfig('case-registry'), readCaseRegistryConfig(), { migrations: 'require' }));
