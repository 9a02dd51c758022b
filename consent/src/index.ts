import { runMain } from '@kim/service-kit';
import { readConsentConfig } from './env.ts';
import { startConsent } from './server.ts';

// Its own process: migrations are the migrate command's (src/migrate.ts), never the start's.
runMain(() => startConsent(readConsentConfig(), { migrations: 'require' }));
