import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.ts';

export type CaseRegistryPrisma = PrismaClient;

export function createPrisma(adapter: SqlMigrationAwareDriverAdapterFactory): CaseRegistryPrisma {
  return new PrismaClient({ adapter });
}
