// The service's `migrate` command: applies pending migrations as the schema's owner, then ends.
import { migrateService, readMigrationConfig, runCommand } from '@kim/service-kit';
import { consent } from './server.ts';

runCommand(() => migrateService(consent, readMigrationConfig('consent')));
