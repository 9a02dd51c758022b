import { ApolloGateway } from '@apollo/gateway';

/** What `new ApolloGateway` takes. */
export type ApolloGatewayOptions = NonNullable<ConstructorParameters<typeof ApolloGateway>[0]>;

/** The variable @apollo/gateway reads, in its constructor only, to leave its telemetry off. */
const TELEMETRY_SWITCH = 'APOLLO_TELEMETRY_DISABLED';

/**
 * An ApolloGateway that reports nothing to Apollo. Left to its defaults, @apollo/gateway 2.x
 * starts, in its constructor, a metrics exporter to `usage-reporting.api.apollographql.com`
 * (hourly: OS and distribution, CPU count and frequency, memory, uptime, cloud provider), and
 * first probes the cloud metadata addresses of Alibaba (100.100.100.200), AWS and Azure
 * (169.254.169.254) and Google (`metadata.google.internal`) to fill it in. A hub that carries
 * immigrants' data for public agencies connects to its own services and nothing else, so the
 * switch is set here, for this constructor, not left to each deployment's environment.
 */
export function apolloGatewayWithoutTelemetry(options: ApolloGatewayOptions): ApolloGateway {
  const before = process.env[TELEMETRY_SWITCH];
  process.env[TELEMETRY_SWITCH] = 'true';
  try {
    return new ApolloGateway(options);
  } finally {
    // INTENTIONAL: restored at once, so that the process's environment says what its operator set.
    if (before === undefined) delete process.env[TELEMETRY_SWITCH];
    else process.env[TELEMETRY_SWITCH] = before;
  }
}
