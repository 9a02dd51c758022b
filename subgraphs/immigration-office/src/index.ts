import { readServiceConfig, runMain } from '@kim/service-kit';
import { startImmigrationOffice } from './server.ts';

// Its own process: migrations are the migrate command's (src/migrate.ts), never the start's.
runMain(() => startImmigrationOffice(readServiceConfig('immigration-office'), { migrations: 'require' }));
