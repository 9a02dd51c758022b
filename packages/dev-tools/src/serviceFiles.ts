import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The Prisma files of a service folder. */
export function serviceFiles(serviceDir: string) {
  const dir = resolve(serviceDir);
  const schemaPath = join(dir, 'prisma', 'schema.prisma');
  return { dir, schemaPath, migrationsDir: join(dir, 'prisma', 'migrations'), datamodel: readFileSync(schemaPath, 'utf8') };
}
