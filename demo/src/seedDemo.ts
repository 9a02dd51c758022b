// Seeds the demo population into each service's migrated database, as its schema's owner (the
// services' roles may not write it), and ends; `npm run start:services` runs it before the
// services start. Databases that hold data already are left as they are.
import { caseRegistry } from '@kim/case-registry';
import { consent } from '@kim/consent';
import { immigrationOffice } from '@kim/immigration-office';
import { jobcenter } from '@kim/jobcenter';
import { generatePopulation } from './population/population.ts';
import { SERVICES, type ServiceName } from '@kim/schema';
import { openDatabase, ownerLocation, readMigrationConfig, runCommand, type PrismaLike, type StartOptions } from '@kim/service-kit';
import { welfare } from '@kim/welfare';
import { seeding } from './startHub.ts';

const DEMO_CLIENTS = 240;
const PRISMA: Record<ServiceName, (adapter: Parameters<typeof consent.createPrisma>[0]) => PrismaLike> = {
  'case-registry': caseRegistry.createPrisma,
  'immigration-office': immigrationOffice.createPrisma,
  jobcenter: jobcenter.createPrisma,
  welfare: welfare.createPrisma,
  consent: consent.createPrisma,
};

async function seed(service: ServiceName, prepare: StartOptions<PrismaLike>['prepare']): Promise<void> {
  if (!prepare) return;
  const owner = await openDatabase(ownerLocation(readMigrationConfig(service, process.env)));
  const prisma = PRISMA[service](owner.adapter);
  try {
    await prepare(prisma);
  } finally {
    await prisma.$disconnect();
    await owner.close();
  }
}

runCommand(async () => {
  const prepare = seeding(generatePopulation({ count: DEMO_CLIENTS }));
  await Promise.all(SERVICES.map((s) => seed(s, prepare[s].prepare as StartOptions<PrismaLike>['prepare'])));
});
