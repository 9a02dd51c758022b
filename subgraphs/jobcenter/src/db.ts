import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.ts';

export type JobcenterPrisma = PrismaClient;

export function createPrisma(adapter: SqlMigrationAwareDriverAdapterFactory): JobcenterPrisma {
  return new PrismaClient({ adapter });
}
