import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import diagnostics from 'node:diagnostics_channel';
import { createServer, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { caseRegistry } from '@kim/case-registry';
import { consentService, readConsentConfig } from '@kim/consent';
import { chainPendingGrantEvents } from '@kim/consent/testing';
import { DEMO_AUDIENCE, DEMO_ISSUER, ensureDemoKeys, PERSONAS, isPersonaName } from '@kim/demo';
import { apolloGatewayWithoutTelemetry, readGatewayConfig, startGateway } from '@kim/gateway';
import { immigrationOffice } from '@kim/immigration-office';
import { jobcenter } from '@kim/jobcenter';
import { ROLE_PURPOSES, SERVICES, SUPERGRAPH_PATH, callerTeam, isPurpose, type ServiceName } from '@kim/schema';
import { CONSENT_TICKET_HEADER, envPrefix, readServiceConfig, startService, DECISIONS_PATH, SHARED_CLIENTS_PATH, type Database, type PrismaLike, type ServiceDefinition } from '@kim/service-kit';
import { startBareService } from '@kim/dev-tools/bare';
import { welfare } from '@kim/welfare';
import { countingAdapter, countingExecutor } from './countingAdapter.ts';
import { serviceEnv } from './serviceEnv.ts';
import type { SideDatabases } from './dataSet.ts';

/**
 * One side of the benchmark in its own process, so that its peak RSS is its own: `hub` (gateway,
 * four subgraphs and consent as shipped, with limits raised), `bare` (the same resolvers and
 * databases behind a plain @apollo/gateway, see startBareService) or `hive` (the same bare
 * subgraphs behind Hive Gateway's runtime, a second peer). It counts, for the parent,
 * SQL statements per service (at the driver adapter), gateway→subgraph fetches (at `fetch`,
 * which both gateways use) and consent calls per subgraph (on node:http's diagnostics channels,
 * which the subgraphs' consent client uses).
 */

export interface ChildConfig {
  readonly mode: 'hub' | 'bare' | 'hive';
  readonly databases: SideDatabases;
  readonly keysDir: string;
  /** bare: the fixed answer of "which clients share anything with this agency". */
  readonly sharedClients: Record<string, readonly string[]>;
}

/** Headers a bare side's callers send and its gateway passes on to the bare subgraphs as they came. */
const BARE_HEADERS = ['x-bench-persona', 'x-kim-purpose'] as const;

export interface ChildStats {
  sql: Record<string, number>;
  consentCalls: Record<string, number>;
  sharedClientsCalls: Record<string, number>;
  /** Milliseconds from sending a consent call to the end of its answer, summed per subgraph. */
  consentMs: Record<string, number>;
  subgraphFetches: Record<string, number>;
  maxRssMb: number;
}

const stats: ChildStats = { sql: {}, consentCalls: {}, sharedClientsCalls: {}, consentMs: {}, subgraphFetches: {}, maxRssMb: 0 };
const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};
const subgraphByUrl = new Map<string, ServiceName>();

/** The subgraph the gateway's consent ticket names: which subgraph a consent call comes from. */
function ticketSource(token: string): string {
  try {
    // `kim-consent-ticket.v1.<payload>.<mac>`
    const payload = JSON.parse(Buffer.from(token.split('.')[2] ?? '', 'base64url').toString('utf8')) as { src?: string };
    return String(payload.src ?? '?');
  } catch {
    return '?';
  }
}

// Gateway→subgraph fetches go through `fetch` (both gateways use it): counted there.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const service = subgraphByUrl.get(url);
  if (service) bump(stats.subgraphFetches, service);
  return realFetch(input, init);
};

// The subgraphs' consent calls go over node:http (postJson): counted, and timed from sending to
// the end of the answer, on node:http's diagnostics channels.
const consentCallStarted = new WeakMap<ClientRequest, { from: string; at: number }>();
diagnostics.subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  const from = () => ticketSource(String(request.getHeader(CONSENT_TICKET_HEADER) ?? ''));
  if (request.path.endsWith(DECISIONS_PATH)) {
    const call = { from: from(), at: performance.now() };
    bump(stats.consentCalls, call.from);
    consentCallStarted.set(request, call);
  } else if (request.path.endsWith(SHARED_CLIENTS_PATH)) bump(stats.sharedClientsCalls, from());
});
diagnostics.subscribe('http.client.response.finish', (message) => {
  const { request } = message as { request: ClientRequest };
  const call = consentCallStarted.get(request);
  if (call) stats.consentMs[call.from] = (stats.consentMs[call.from] ?? 0) + performance.now() - call.at;
});

/** Counts one SQL statement of a service. */
function sqlCounter(service: ServiceName): (sql: string) => void {
  // KIM_BENCH_SQL_LOG=1 prints every statement with its service, to see what a count is made of.
  const log = process.env.KIM_BENCH_SQL_LOG === '1';
  return (sql: string) => {
    bump(stats.sql, service);
    if (log) process.stderr.write(`[sql ${service}] ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);
  };
}

function counted<P extends PrismaLike, E extends object>(definition: ServiceDefinition<P, E>): ServiceDefinition<P, E> {
  const onSql = sqlCounter(definition.name);
  return { ...definition, createPrisma: (adapter) => definition.createPrisma(countingAdapter(adapter, onSql)) };
}

/** The hub side's consent database as its owner, for the parent's `sql` messages. */
let consentOwner: Database | undefined;

async function startHubSide(config: ChildConfig): Promise<string> {
  const keys = await ensureDemoKeys(config.keysDir);
  const { base, env, gatewayKeys } = serviceEnv(config, keys.assertion);
  const consentConfig = readConsentConfig({ ...env('consent'), KIM_AUDIT_SIGNING_KEY_FILE: keys.audit.privateKeyFile });
  const consent = await startService(counted(consentService(consentConfig.auditKey)), consentConfig);
  // As startConsent does at start: the seed writes grant events unchained, and until they are in
  // the chain no grant decides anything (every question NO_BASIS). Nothing to do after the first start.
  await chainPendingGrantEvents(consent.db.sql, consentConfig.auditKey);
  // A freshly seeded data set has no planner statistics until autovacuum gets to it: the partner
  // scope's query then ran as a nested loop over every withdrawal (620 ms against 29 ms analysed).
  await consent.owner.sql.query('ANALYZE');
  // The decision recorder writes through the driver, past Prisma: its statements are counted there.
  countingExecutor(consent.db.sql, sqlCounter('consent'));
  consentOwner = consent.owner;
  const agency = (s: ServiceName) => readServiceConfig(s, { ...env(s), KIM_CONSENT_URL: consent.url, KIM_CONSENT_PUBLIC_KEY_FILE: keys.audit.publicKeyFile });
  const started = await Promise.all([
    startService(counted(caseRegistry), agency('case-registry')),
    startService(counted(immigrationOffice), agency('immigration-office')),
    startService(counted(jobcenter), agency('jobcenter')),
    startService(counted(welfare), agency('welfare')),
  ]);
  const urls = Object.fromEntries([consent, ...started].map((s) => [s.name, `${s.url}/graphql`])) as Record<ServiceName, string>;
  for (const s of SERVICES) subgraphByUrl.set(urls[s], s);
  const gateway = await startGateway(
    readGatewayConfig({
      ...base,
      PORT: '0',
      KIM_JWT_PUBLIC_KEY_FILE: keys.idp.publicKeyFile,
      KIM_JWT_ISSUER: DEMO_ISSUER,
      KIM_JWT_AUDIENCE: DEMO_AUDIENCE,
      ...gatewayKeys,
      // INTENTIONAL: the benchmark sends far more than an agency's budget; the limiter itself
      // still runs (and costs what it costs), it just never refuses.
      KIM_RATE_LIMIT_CAPACITY: '1000000000',
      KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1000000000',
      ...Object.fromEntries(SERVICES.map((s) => [`${envPrefix(s)}_URL`, urls[s]])),
    }),
  );
  return `${gateway.url}/graphql`;
}

/** The bare subgraphs (startBareService, no shield, no consent call, no audit) of the `bare` and `hive` sides. */
async function startBareSubgraphs(config: ChildConfig): Promise<Record<ServiceName, string>> {
  const keys = await ensureDemoKeys(config.keysDir);
  const { env } = serviceEnv(config, keys.assertion);
  const options = {
    // The persona is a plain header the bare gateway passes on: no token, no signature.
    callerFor: (req: { header(name: string): string | undefined }) => {
      const name = req.header('x-bench-persona') ?? '';
      if (!isPersonaName(name)) throw new Error(`unknown persona ${name}`);
      const persona = PERSONAS[name];
      const asked = req.header('x-kim-purpose');
      const purpose = asked && isPurpose(asked) ? asked : ROLE_PURPOSES[persona.role][0]!;
      // The team as the hub's gateway derives it from the token (a KIM team's is its own town).
      const team = callerTeam(persona.agency, persona.role, 'team' in persona ? persona.team : undefined);
      if (team === null) throw new Error(`persona ${name} has no valid team`);
      return { subject: persona.subject, agency: persona.agency, role: persona.role, ...(team ? { team } : {}), purpose, requestId: randomUUID() };
    },
    sharedClientIds: (caller: { agency: string }) => config.sharedClients[caller.agency] ?? [],
  };
  const consentConfig = readConsentConfig({ ...env('consent'), KIM_AUDIT_SIGNING_KEY_FILE: keys.audit.privateKeyFile });
  const cfg = (s: ServiceName) => readServiceConfig(s, env(s));
  const started = await Promise.all([
    startBareService(counted(consentService(consentConfig.auditKey)), consentConfig, options),
    startBareService(counted(caseRegistry), cfg('case-registry'), options),
    startBareService(counted(immigrationOffice), cfg('immigration-office'), options),
    startBareService(counted(jobcenter), cfg('jobcenter'), options),
    startBareService(counted(welfare), cfg('welfare'), options),
  ]);
  const urls = Object.fromEntries(started.map((s) => [s.name, `${s.url}/graphql`])) as Record<ServiceName, string>;
  for (const s of SERVICES) subgraphByUrl.set(urls[s], s);
  return urls;
}

async function startBareSide(config: ChildConfig): Promise<string> {
  const urls = await startBareSubgraphs(config);
  interface BareContext {
    persona: string;
    purpose: string;
  }
  // Telemetry off as in the hub: it runs once at start and hourly, and would have the machine
  // probe cloud metadata addresses; it costs a request nothing either way.
  const gateway = apolloGatewayWithoutTelemetry({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<BareContext>({
        url: urls[name as ServiceName],
        // The same HTTP client as the hub's gateway (global fetch), so transport is not the difference.
        fetcher: ((input: string, init: RequestInit) => fetch(input, init)) as never,
        willSendRequest({ request, context }) {
          request.http?.headers.set('x-bench-persona', context.persona);
          if (context.purpose) request.http?.headers.set('x-kim-purpose', context.purpose);
        },
      }),
  });
  const server = new ApolloServer<BareContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ persona: String(req.headers['x-bench-persona'] ?? ''), purpose: String(req.headers['x-kim-purpose'] ?? '') }),
  });
  return url.replace(/\/$/, '');
}

/**
 * Hive Gateway's runtime, imported by a specifier the type checker does not follow: its
 * graphql-yoga types augment graphql's GraphQLErrorExtensions with an `http.headers` that the
 * hub's gateway source (checked along with the bench) sets to Apollo's HeaderMap. What the bench
 * uses of it is typed here.
 */
async function loadHiveRuntime() {
  const specifier: string = '@graphql-hive/gateway-runtime';
  return (await import(specifier)) as {
    createGatewayRuntime(options: Record<string, unknown>): (req: IncomingMessage, res: ServerResponse) => void;
  };
}

/**
 * The second peer: Hive Gateway's runtime over the same bare subgraphs and the committed
 * supergraph (its subgraph URLs replaced by the started ones), served with node:http. Like the
 * bare gateway it passes the persona and purpose headers on, and it fetches with the global
 * `fetch` as the other two gateways do, so that transport is not the difference. The runtime
 * loads its HTTP transport by name at run time: @graphql-mesh/transport-http is a dependency of
 * the bench for that.
 */
async function startHiveSide(config: ChildConfig): Promise<string> {
  const urls = await startBareSubgraphs(config);
  const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8').replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_whole, name: string) => {
    const url = urls[name as ServiceName];
    if (!url) throw new Error(`hive: no bare subgraph named ${name}`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const gateway = (await loadHiveRuntime()).createGatewayRuntime({
    supergraph,
    logging: false,
    landingPage: false,
    fetchAPI: { fetch: ((input: string, init: RequestInit) => fetch(input, init)) as never },
    // Its HTTP executor by default shares one subgraph request among identical queries in flight
    // at once, which under autocannon's identical requests would skip most of the work the hub and
    // the bare gateway do for each: off, so that every request is executed.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => Object.fromEntries(BARE_HEADERS.map((h) => [h, request.headers.get(h)])),
    },
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

process.on('message', (message: { type: string; config?: ChildConfig }) => {
  void (async () => {
    if (message.type === 'start' && message.config) {
      const start = { hub: startHubSide, bare: startBareSide, hive: startHiveSide }[message.config.mode];
      const url = await start(message.config);
      process.send?.({ type: 'ready', url });
    } else if (message.type === 'reset') {
      stats.sql = {};
      stats.consentCalls = {};
      stats.sharedClientsCalls = {};
      stats.consentMs = {};
      stats.subgraphFetches = {};
      process.send?.({ type: 'reset' });
    } else if (message.type === 'sql') {
      if (!consentOwner) throw new Error('sql: only a hub side has a consent database to ask');
      const { text, params } = message as unknown as { text: string; params: unknown[] };
      process.send?.({ type: 'sql', rows: await consentOwner.sql.query(text, params) });
    } else if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ type: 'cpu', cpuUs: user + system });
    } else if (message.type === 'stats') {
      stats.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      process.send?.({ type: 'stats', stats });
    } else if (message.type === 'exit') {
      process.exit(0);
    }
  })().catch((error: unknown) => {
    process.send?.({ type: 'error', message: String((error as Error).stack ?? error) });
  });
});
