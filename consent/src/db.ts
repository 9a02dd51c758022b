import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.ts';

export type ConsentPrisma = PrismaClient;

export function createPrisma(adapter: SqlMigrationAwareDriverAdapterFactory): ConsentPrisma {
  return new PrismaClient({ adapter });
}
