// `npm start`: the whole hub with demo data on PGlite (or PostgreSQL where a service's
// *_DATABASE_URL is set), the gateway at http://localhost:4000/graphql.
import { SERVICES, type ServiceName } from '@kim/schema';
import { envPrefix, optionalString, port, runMain } from '@kim/core';
import { PERSONAS, purposesOf, type PersonaName } from './personas.ts';
import { startHub } from './startHub.ts';

const dataDir = optionalString(process.env, 'KIM_DATA_DIR') ?? '.data';
const databaseUrls = Object.fromEntries(
  SERVICES.flatMap((s) => {
    const value = optionalString(process.env, `${envPrefix(s)}_DATABASE_URL`);
    return value ? [[s, value]] : [];
  }),
) as Partial<Record<ServiceName, string>>;

runMain(async () => {
  const hub = await startHub({ dataDir, port: port(process.env, 'PORT', 4000), databaseUrls, seed: { count: 240 }, env: process.env, console: true });
  const url = hub.gatewayUrl.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `KIM Hub is running: ${url}`,
    `Web console (German, demo sign-in): ${url.replace(/\/graphql$/, '/')}`,
    '',
    'Get a token for a demo persona (purposes it may declare in x-kim-purpose, default first):',
    ...Object.keys(PERSONAS).map((p) => `  npm run token -- ${p.padEnd(16)} ${purposesOf(p as PersonaName).join(', ')}`),
    '',
    'Then, for example:',
    `  TOKEN=$(npm run token -- cm-neuss)`,
    `  curl -s ${url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ client(id: \\"K-000001\\") { givenName currentResidenceTitleType receivesBenefits languageLevel naturalisationReadiness { ready unmetRequirements } consents { grantee active } } }"}'`,
    '',
    'Stop with Ctrl-C.',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return hub;
});
