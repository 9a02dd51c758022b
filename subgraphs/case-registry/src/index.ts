import { readRetentionConfig, readServiceConfig, runMain } from '@kim/service-kit';
import { startCaseRegistry } from './server.ts';

// Its own process: migrations are the migrate command's (src/migrate.ts), never the start's.
runMain(() => startCaseRegistry(readServiceConfig('case-registry'), readRetentionConfig(), { migrations: 'require' }));
