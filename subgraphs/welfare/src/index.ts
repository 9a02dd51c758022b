import { readServiceConfig, runMain } from '@kim/service-kit';
import { startWelfare } from './server.ts';

// Its own process: migrations are the migrate command's (src/migrate.ts), never the start's.
runMain(() => startWelfare(readServiceConfig('welfare'), { migrations: 'require' }));
