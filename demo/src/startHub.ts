import { readCaseRegistryConfig, startCaseRegistry, type CaseRegistryPrisma } from '@kim/case-registry';
import { readConsentConfig, startConsent } from '@kim/consent';
import { readGatewayConfig, startGateway, type GatewayConfig } from '@kim/gateway';
import { immigrationOffice as immigrationOfficeService, type ImmigrationOfficePrisma } from '@kim/immigration-office';
import { jobcenter as jobcenterService, type JobcenterPrisma } from '@kim/jobcenter';
import { CASE_MANAGERS, generatePopulation, type DemoClient } from './population/population.ts';
import { SERVICES, type ServiceName } from '@kim/schema';
import { assertionKeyVariable, envPrefix, optionalString, readServiceConfig, startService, type Logger, type RunningService, type StartOptions } from '@kim/service-kit';
import { welfare as welfareService, type WelfarePrisma } from '@kim/welfare';
import { seedCaseRegistry, seedConsent, seedImmigrationOffice, seedJobcenter, seedWelfare } from './seed/index.ts';
import { demoConsole } from './demoConsole.ts';
import { ensureDemoKeys, readPem } from './demoKeys.ts';
import { DEMO_AUDIENCE, DEMO_ISSUER } from './issueToken.ts';

export interface HubOptions {
  /** Folder for PGlite databases and demo keys; `memory://` keeps databases in memory. */
  readonly dataDir: string;
  /** Folder for demo keys when dataDir is `memory://`. */
  readonly keysDir?: string;
  /**
   * Gateway port. When it is 0 (tests) every service takes a free port and the hub wires the
   * actual URLs; otherwise each service's `<SERVICE>_PORT` and the URLs (`KIM_CONSENT_URL`,
   * `<SERVICE>_URL`) are read from `env` as a separately started service would, with the same
   * defaults.
   */
  readonly port: number;
  /** PostgreSQL URL per service (else PGlite). */
  readonly databaseUrls?: Partial<Record<ServiceName, string>>;
  /** Seed the demo population into empty databases. */
  readonly seed?: { count: number } | false;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Lets a test put something between callers and a service (a fault-injecting proxy): returns
   * the URL to use in place of the service's own, for the subgraphs' consent calls and for the
   * gateway's subgraph calls.
   */
  readonly interpose?: (service: ServiceName, url: string) => Promise<string>;
  /** Serve the web console at `/` with the demo sign-in (building it first when outdated). */
  readonly console?: boolean;
}

export interface RunningHub {
  readonly gatewayUrl: string;
  readonly serviceUrls: Record<ServiceName, string>;
  readonly services: {
    readonly 'case-registry': RunningService<CaseRegistryPrisma>;
    readonly 'immigration-office': RunningService<ImmigrationOfficePrisma>;
    readonly jobcenter: RunningService<JobcenterPrisma>;
    readonly welfare: RunningService<WelfarePrisma>;
    readonly consent: Awaited<ReturnType<typeof startConsent>>;
  };
  readonly gateway: Awaited<ReturnType<typeof startGateway>>;
  /** The gateway's configuration, e.g. to start a second gateway over the same services. */
  readonly gatewayConfig: GatewayConfig;
  readonly idpPrivateKeyPem: string;
  readonly log: Logger;
  stop(): Promise<void>;
}

/**
 * Each service's seeding, run as its database's owner before the service takes its role (which
 * may not write demo data); nothing when not seeding.
 */
export function seeding(population: readonly DemoClient[] | undefined) {
  const prepare = <P>(seed: (prisma: P, population: readonly DemoClient[]) => Promise<unknown>): StartOptions<P> =>
    population ? { prepare: async (prisma) => void (await seed(prisma, population)) } : {};
  return {
    'case-registry': prepare<CaseRegistryPrisma>((prisma, p) => seedCaseRegistry(prisma, p, CASE_MANAGERS)),
    'immigration-office': prepare(seedImmigrationOffice),
    jobcenter: prepare(seedJobcenter),
    welfare: prepare(seedWelfare),
    consent: prepare(seedConsent),
  };
}

/**
 * Starts the consent service, the four agency subgraphs and the gateway in this process, each on
 * its own port with its own database, and seeds the demo population into empty databases.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const keys = await ensureDemoKeys(options.keysDir ?? options.dataDir);
  const ephemeralPorts = options.port === 0;
  const baseEnv: NodeJS.ProcessEnv = {
    ...(options.env ?? {}),
    KIM_DATA_DIR: options.dataDir,
  };
  // Each service gets its own assertion key only; the gateway all of them.
  const assertionKeyFiles = (services: readonly ServiceName[]) => Object.fromEntries(services.map((s) => [`${assertionKeyVariable(s)}_FILE`, keys.assertion[s]]));
  const serviceEnv = (service: ServiceName, consentUrl?: string): NodeJS.ProcessEnv => ({
    ...baseEnv,
    ...assertionKeyFiles([service]),
    ...(ephemeralPorts ? { [`${envPrefix(service)}_PORT`]: '0' } : {}),
    ...(options.databaseUrls?.[service] ? { [`${envPrefix(service)}_DATABASE_URL`]: options.databaseUrls[service] } : {}),
    ...(consentUrl ? { KIM_CONSENT_URL: consentUrl } : {}),
    // Agencies check the decision bundles the consent service signs with its audit key.
    ...(service === 'consent' ? {} : { KIM_CONSENT_PUBLIC_KEY_FILE: keys.audit.publicKeyFile }),
  });
  // A URL the operator set wins over the one this process knows (e.g. a proxy in between); on
  // free ports (tests) only the actual one can be right.
  const configuredUrl = (name: string, actual: string) => (ephemeralPorts ? undefined : optionalString(baseEnv, name)) ?? actual;

  const interpose = options.interpose ?? (async (_service: ServiceName, url: string) => url);
  const seed = seeding(options.seed ? generatePopulation({ count: options.seed.count }) : undefined);
  const consent = await startConsent(readConsentConfig({ KIM_AUDIT_SIGNING_KEY_FILE: keys.audit.privateKeyFile, ...serviceEnv('consent') }), seed.consent);
  const started: { stop(): Promise<void> }[] = [consent];
  try {
    const consentUrl = await interpose('consent', configuredUrl('KIM_CONSENT_URL', consent.url));
    const config = (s: ServiceName) => readServiceConfig(s, serviceEnv(s, consentUrl));
    const [caseRegistry, immigrationOffice, jobcenter, welfare] = await Promise.all([
      startCaseRegistry(config('case-registry'), readCaseRegistryConfig(serviceEnv('case-registry', consentUrl)), seed['case-registry']),
      startService(immigrationOfficeService, config('immigration-office'), seed['immigration-office']),
      startService(jobcenterService, config('jobcenter'), seed.jobcenter),
      startService(welfareService, config('welfare'), seed.welfare),
    ]);
    started.push(caseRegistry, immigrationOffice, jobcenter, welfare);
    const services = { 'case-registry': caseRegistry, 'immigration-office': immigrationOffice, jobcenter, welfare, consent };

    const serviceUrls = Object.fromEntries(SERVICES.map((s) => [s, `${services[s].url}/graphql`])) as Record<ServiceName, string>;
    const gatewayRoutes = Object.fromEntries(
      await Promise.all(SERVICES.map(async (s) => [s, await interpose(s, configuredUrl(`${envPrefix(s)}_URL`, serviceUrls[s]))] as const)),
    );
    const gatewayConfig = readGatewayConfig({
      ...baseEnv,
      PORT: String(options.port),
      KIM_JWT_PUBLIC_KEY_FILE: keys.idp.publicKeyFile,
      KIM_JWT_ISSUER: DEMO_ISSUER,
      KIM_JWT_AUDIENCE: DEMO_AUDIENCE,
      ...assertionKeyFiles(SERVICES),
      ...Object.fromEntries(SERVICES.map((s) => [`${envPrefix(s)}_URL`, gatewayRoutes[s]])),
    });
    const gateway = await startGateway(gatewayConfig, undefined, options.console ? await demoConsole(readPem(keys.idp.privateKeyFile)) : undefined);
    started.push(gateway);
    return {
      gatewayUrl: `${gateway.url}/graphql`,
      serviceUrls,
      services,
      gateway,
      gatewayConfig,
      idpPrivateKeyPem: readPem(keys.idp.privateKeyFile),
      log: gateway.log,
      // Gateway first, so that no new request reaches a service that is stopping.
      stop: async () => {
        for (const s of [...started].reverse()) await s.stop();
      },
    };
  } catch (error) {
    for (const s of [...started].reverse()) await s.stop().catch(() => undefined);
    throw error;
  }
}
