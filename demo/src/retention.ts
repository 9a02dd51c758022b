// `npm run retention -- [--service case-registry|consent] [--days N] [--client K-000042 ...]`:
// runs the erasure job of the case registry and of the consent service once, against each
// service's own database (as its owner: `<SERVICE>_MIGRATION_DATABASE_URL`, else
// `<SERVICE>_DATABASE_URL`, else the PGlite folder under KIM_DATA_DIR — only while that service
// is not running: PGlite has one process). Prints counts, never which clients; exits 1 when a
// client asked for by --client is refused (its period is not over), a job fails, or the
// arguments are wrong.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eraseClosedCases } from '@kim/case-registry';
import { eraseEndedClients } from '@kim/consent';
import { databaseLocation, envPrefix, openDatabase, optionalString, readRetentionConfig, type RetentionRun, type SqlExecutor } from '@kim/service-kit';

const JOBS = {
  'case-registry': eraseClosedCases,
  consent: eraseEndedClients,
} as const satisfies Record<string, (sql: SqlExecutor, options: { retentionDays: number; clientIds?: readonly string[] }) => Promise<RetentionRun>>;
type JobService = keyof typeof JOBS;

const usage = 'usage: npm run retention -- [--service case-registry|consent] [--days N] [--client K-000042 ...]';
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ options: { service: { type: 'string' }, days: { type: 'string' }, client: { type: 'string', multiple: true }, help: { type: 'boolean' } }, strict: true }).values;
}
try {
  args = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(1);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
// Own keys only: `--service toString` names no job.
const services: JobService[] = args.service === undefined ? ['case-registry', 'consent'] : Object.hasOwn(JOBS, args.service) ? [args.service as JobService] : [];
const clientIds = args.client;
// Whole days in digits (not `1e3`, `0x10` or an empty string, which Number() would take).
const days = args.days === undefined ? readRetentionConfig().days : /^\d{1,6}$/.test(args.days) ? Number(args.days) : NaN;
if (services.length === 0 || !Number.isInteger(days) || days < 1 || clientIds?.some((id) => !/^K-\d{6}$/.test(id))) {
  console.error(usage);
  process.exit(1);
}

const dataDir = optionalString(process.env, 'KIM_DATA_DIR') ?? '.data';
let failed = false;
for (const service of services) {
  const prefix = envPrefix(service);
  const url = optionalString(process.env, `${prefix}_MIGRATION_DATABASE_URL`) ?? optionalString(process.env, `${prefix}_DATABASE_URL`);
  const db = await openDatabase(databaseLocation(url, join(dataDir, service)));
  try {
    const run = await JOBS[service](db.sql, { retentionDays: days, ...(clientIds ? { clientIds } : {}) });
    console.log(`${service}: erased ${run.erased.length}, refused ${run.refused.length} (retention ${days} days)`);
    if (run.refused.length > 0) failed = true;
  } catch (error) {
    console.error(`${service}: ${(error as Error).message}`);
    failed = true;
  } finally {
    await db.close();
  }
}
process.exit(failed ? 1 : 0);
