// The service's `migrate` command: applies pending migrations as the schema's owner, then ends.
import { migrateService, readMigrationConfig, runCommand } from '@kim/service-kit';
import { jobcenter } from './server.ts';

runCommand(() => migrateService(jobcenter, readMigrationConfig('jobcenter')));
