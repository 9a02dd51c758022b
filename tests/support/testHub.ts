import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consent, type ConsentPrisma } from '@kim/consent';
import { auditSigningKey, type AuditSigningKey } from '@kim/consent/testing';
import { ensureDemoKeys, issueToken, readPem, startHub, type PersonaName, type RunningHub } from '@kim/demo';
import { SERVICES, type Purpose, type ServiceName } from '@kim/schema';
import { ASSERTION_HEADER, CONSENT_TICKET_HEADER, requestBodyHash, signAssertion, signConsentTicket, type BoundRequest, type Caller } from '@kim/service-kit';
import { dropSchemas, schemaUrl, uniqueSuffix } from './pgSchemas.ts';

/**
 * Where the test hub keeps its databases: PGlite in memory by default; with
 * KIM_TEST_DATABASE_URL, one fresh schema per service in that PostgreSQL database.
 */
export function testDatabases(label: string): { urls: Partial<Record<ServiceName, string>>; drop(): Promise<void> } {
  const base = process.env.KIM_TEST_DATABASE_URL;
  if (!base) return { urls: {}, drop: async () => undefined };
  const suffix = uniqueSuffix(label);
  const schemas = Object.fromEntries(SERVICES.map((s) => [s, `t_${s.replace(/-/g, '_')}_${suffix}`])) as Record<ServiceName, string>;
  return {
    urls: Object.fromEntries(SERVICES.map((s) => [s, schemaUrl(base, schemas[s])])),
    drop: () => dropSchemas(base, Object.values(schemas)),
  };
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

export interface TestHub extends RunningHub {
  /** Runs an operation as a persona through the gateway. */
  query(persona: PersonaName | null, query: string, variables?: Record<string, unknown>, options?: { purpose?: Purpose; token?: string }): Promise<GraphQLResponse>;
  token(persona: PersonaName): Promise<string>;
  /**
   * A Prisma client of the consent database's owner, for what the service itself may not do
   * (delete grants, meet the append-only triggers as the owner); the service's own
   * `services.consent.prisma` runs as kim_consent_app.
   */
  consentOwnerPrisma(): ConsentPrisma;
  /**
   * The headers the gateway would send `service` for this request: a fresh assertion bound to
   * `request`, and for an agency subgraph a consent ticket — what an insider holding the
   * gateway's keys could make, for tests that call a service directly.
   */
  gatewayHeaders(caller: Caller, service: ServiceName, request: BoundRequest): Record<string, string>;
  /**
   * The consent service's audit signing key, for fixtures that store grants as the service would
   * (storeGrants chains their events with it; a link without its chain entry decides nothing).
   */
  readonly auditKey: AuditSigningKey;
}

const UNLIMITED = {
  KIM_RATE_LIMIT_CAPACITY: '1000000000',
  KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1000000000',
  KIM_AUTH_FAILURE_CAPACITY: '1000000',
  KIM_AUTH_FAILURE_REFILL_PER_MINUTE: '1000000',
};

/** Starts a whole hub on free ports with a seeded demo population of `count` clients. */
export async function startTestHub(
  label: string,
  count = 40,
  extra: { env?: NodeJS.ProcessEnv; interpose?: (service: ServiceName, url: string) => Promise<string>; console?: boolean } = {},
): Promise<TestHub> {
  const databases = testDatabases(label);
  const keysDir = mkdtempSync(join(tmpdir(), 'kim-keys-'));
  const hub = await startHub({
    dataDir: 'memory://',
    keysDir,
    port: 0,
    databaseUrls: databases.urls,
    seed: { count },
    // Budgets no test meets unless it sets its own (gatewayLimits, rateLimits): the others test
    // disclosure, and every decision a request records is charged to its caller (issue 14). The
    // erasure jobs run when a test calls them, not on schedule: a run a minute after the start
    // would erase the demo's long-closed cases in the middle of a test that reads them.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...UNLIMITED, KIM_RETENTION_INTERVAL_MINUTES: 'off', ...extra.env },
    ...(extra.interpose ? { interpose: extra.interpose } : {}),
    ...(extra.console ? { console: true } : {}),
  });
  const tokens = new Map<PersonaName, string>();
  const token = async (persona: PersonaName) => {
    let t = tokens.get(persona);
    if (!t) tokens.set(persona, (t = await issueToken(hub.idpPrivateKeyPem, persona)));
    return t;
  };
  let consentOwner: ConsentPrisma | undefined;
  const auditKey = auditSigningKey(readPem((await ensureDemoKeys(keysDir)).audit.privateKeyFile));
  return {
    ...hub,
    auditKey,
    token,
    gatewayHeaders: (caller, service, request) => {
      const keys = hub.gatewayConfig.assertionKeys;
      return {
        [ASSERTION_HEADER]: signAssertion(keys[service], caller, service, requestBodyHash(request)),
        ...(service === 'consent' ? {} : { [CONSENT_TICKET_HEADER]: signConsentTicket(keys.consent, caller, service) }),
      };
    },
    consentOwnerPrisma: () => (consentOwner ??= consent.createPrisma(hub.services.consent.owner.adapter)),
    stop: async () => {
      await consentOwner?.$disconnect();
      await hub.stop();
      await databases.drop();
    },
    query: async (persona, query, variables, options = {}) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const bearer = options.token ?? (persona ? await token(persona) : undefined);
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (options.purpose) headers['x-kim-purpose'] = options.purpose;
      const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
  };
}

/** The codes of a response's errors, with their paths, for compact assertions. */
export function errorCodes(response: GraphQLResponse): { code: unknown; path: string; category?: unknown }[] {
  return (response.body.errors ?? []).map((e) => ({
    code: e.extensions?.code,
    path: (e.path ?? []).join('.'),
    ...(e.extensions?.category ? { category: e.extensions.category } : {}),
  }));
}
