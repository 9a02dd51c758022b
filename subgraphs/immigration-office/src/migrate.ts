// The service's `migrate` command: applies pending migrations as the schema's owner, then ends.
import { migrateService, readMigrationConfig, runCommand } from '@kim/service-kit';
import { immigrationOffice } from './server.ts';

runCommand(() => migrateService(immigrationOffice, readMigrationConfig('immigration-office')));
