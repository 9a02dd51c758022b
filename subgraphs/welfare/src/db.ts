import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.ts';

export type WelfarePrisma = PrismaClient;

export function createPrisma(adapter: SqlMigrationAwareDriverAdapterFactory): WelfarePrisma {
  return new PrismaClient({ adapter });
}
