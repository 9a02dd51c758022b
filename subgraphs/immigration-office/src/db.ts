import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.ts';

export type ImmigrationOfficePrisma = PrismaClient;

export function createPrisma(adapter: SqlMigrationAwareDriverAdapterFactory): ImmigrationOfficePrisma {
  return new PrismaClient({ adapter });
}
