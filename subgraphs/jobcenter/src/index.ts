import { readServiceConfig, runMain } from '@kim/service-kit';
import { startJobcenter } from './server.ts';

// Its own process: migrations are the migrate command's (src/migrate.ts), never the start's.
runMain(() => startJobcenter(readServiceConfig('jobcenter'), { migrations: 'require' }));
