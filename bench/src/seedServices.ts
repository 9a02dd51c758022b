import { caseRegistry } from '@kim/case-registry';
import { consent } from '@kim/consent';
import { startHub } from '@kim/demo';
import { immigrationOffice } from '@kim/immigration-office';
import { jobcenter } from '@kim/jobcenter';
import { CASE_MANAGERS, type DemoClient } from '@kim/demo/population';
import type { ServiceName } from '@kim/schema';
import { seedCaseRegistry, seedConsent, seedImmigrationOffice, seedJobcenter, seedWelfare } from '@kim/demo/seed';
import { welfare } from '@kim/welfare';

/**
 * Migrates the five services' databases (PostgreSQL URLs, else PGlite folders under `dataDir`)
 * by starting a hub over them, and seeds `population` into those still empty through the
 * services' own seed functions. The seeds run one after another, because run side by side (as
 * startHub does) the generation of 10,000 clients starves the event loop past Prisma's 2 s wait
 * for a transaction.
 */
export async function seedServices(
  population: readonly DemoClient[],
  where: { readonly dataDir: string; readonly keysDir: string; readonly databaseUrls?: Record<ServiceName, string> },
): Promise<void> {
  // No erasure job while seeding: it would erase the long-closed cases of the data set midway.
  const hub = await startHub({ ...where, port: 0, seed: false, env: { LOG_LEVEL: 'silent', KIM_RETENTION_INTERVAL_MINUTES: 'off' } });
  // As each schema's owner: the services themselves run as roles that may not write.
  const s = hub.services;
  const owners = [
    caseRegistry.createPrisma(s['case-registry'].owner.adapter),
    immigrationOffice.createPrisma(s['immigration-office'].owner.adapter),
    jobcenter.createPrisma(s.jobcenter.owner.adapter),
    welfare.createPrisma(s.welfare.owner.adapter),
    consent.createPrisma(s.consent.owner.adapter),
  ] as const;
  try {
    await seedCaseRegistry(patient(owners[0]), population, CASE_MANAGERS);
    await seedImmigrationOffice(patient(owners[1]), population);
    await seedJobcenter(patient(owners[2]), population);
    await seedWelfare(patient(owners[3]), population);
    await seedConsent(patient(owners[4]), population);
  } finally {
    for (const owner of owners) await owner.$disconnect();
    await hub.stop();
  }
}

/**
 * The same Prisma client with more patience for transactions: the seed functions write the whole
 * population in one $transaction, sized for the demo's 240 clients; 10,000 take longer than
 * Prisma's default 5 s.
 */
function patient<T extends object>(prisma: T): T {
  return new Proxy(prisma, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (prop === '$transaction') {
        const tx = value as (arg: unknown, options?: object) => unknown;
        return (arg: unknown, options?: object) => tx.call(obj, arg, { maxWait: 60_000, timeout: 30 * 60_000, ...options });
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
}
