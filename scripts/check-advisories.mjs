// Fails when a production dependency has a known high-severity advisory. First asks the
// registry (`npm audit --omit=dev`): where its audit endpoint answers, a high or critical
// finding fails the build. The registry reachable from our build machines answers that endpoint
// with HTTP 405, so the advisories that concern this hub are also kept here, each with the first
// version that fixes it, and checked against package-lock.json on every run, answer or not.
// Add a row when an advisory appears for a package we ship.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** [package, advisory, versions affected: [from (inclusive), to (exclusive)]] */
const ADVISORIES = [
  ['@apollo/server', 'GHSA-mp6q-xf9x-fwf7 (DoS with startStandaloneServer)', ['4.2.0', '4.13.0']],
  ['@apollo/gateway', 'GHSA-q2f9-x4p4-7xmh / GHSA-p2q6-pwh5-m6jr (query planning DoS)', ['0.0.0', '2.10.1']],
  ['@apollo/query-planner', 'GHSA-q2f9-x4p4-7xmh / GHSA-p2q6-pwh5-m6jr (query planning DoS)', ['0.0.0', '2.10.1']],
  ['@apollo/federation-internals', 'GHSA-q2f9-x4p4-7xmh / GHSA-p2q6-pwh5-m6jr (query planning DoS)', ['0.0.0', '2.10.1']],
  ['@escape.tech/graphql-armor-cost-limit', 'GHSA-733v-p3h5-qpq7 (cost limit bypass)', ['0.0.0', '2.4.2']],
];

const parse = (v) => v.split('-')[0].split('.').map(Number);
const less = (a, b) => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The registry's verdict: the count of high and critical advisories, or null when it gave none. */
function registryAudit() {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) return { unavailable: report?.statusCode ?? report?.error?.code ?? 'no report' };
  return { high: (counts.high ?? 0) + (counts.critical ?? 0), report };
}

const audit = registryAudit();
if (audit && 'high' in audit) {
  if (audit.high > 0) {
    const names = Object.values(audit.report.vulnerabilities ?? {})
      .filter((v) => v.severity === 'high' || v.severity === 'critical')
      .map((v) => `${v.name} (${v.severity}, ${v.range})`);
    console.error(`npm audit: high-severity advisories in production dependencies:\n${names.join('\n')}`);
    process.exit(1);
  }
  console.log('npm audit: no high-severity advisory in production dependencies');
} else {
  console.log(`npm audit unavailable (${audit?.unavailable ?? 'no answer'}); checking the advisories kept here`);
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const found = [];
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (entry.dev || !path.includes('node_modules/')) continue;
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  for (const [pkg, advisory, [from, to]] of ADVISORIES) {
    if (name === pkg && !less(entry.version, from) && less(entry.version, to)) found.push(`${path}@${entry.version}: ${advisory}, fixed in ${to}`);
  }
}
if (found.length > 0) {
  console.error(`known high-severity advisories in production dependencies:\n${found.join('\n')}`);
  process.exit(1);
}
console.log(`no known high-severity advisory among ${ADVISORIES.length} tracked in production dependencies`);
