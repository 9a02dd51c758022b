import { readFileSync } from 'node:fs';
import { SERVICES, type ServiceName } from '@kim/schema';
import { ConfigError, DEFAULT_PORTS, sharedStoreConfig, assertionKeyFromEnv, envPrefix, logLevel, oneOf, optionalString, port, positiveInt, tracesEndpoint, url, type AssertionKey, type TracingConfig } from '@kim/core';
import { DEFAULT_AUTH_FAILURE_LIMIT, type AuthFailureLimitConfig } from './auth/callerAuthenticator.ts';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/verifyCallerToken.ts';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits/operationLimits.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './limits/agencyRateLimiter.ts';
import type { SharedBudgetsConfig } from './limits/budgets.ts';

/** How the gateway checks callers' tokens: a JWKS URL (an IdP), or one public key (PEM). */
export type TokenKeySource = { kind: 'jwks'; url: string } | { kind: 'pem'; pem: string };

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly tokenKeys: TokenKeySource;
  readonly tokenIssuer: string;
  readonly tokenAudience: string;
  /** Longest lifetime (`exp` − `iat`, seconds) a caller's token may claim. */
  readonly tokenMaxLifetimeSeconds: number;
  /**
   * One assertion key per service (HMAC-SHA256, `KIM_ASSERTION_KEY_<SERVICE>`): each service's
   * assertions are MACed with its own, and the consent service's also makes the consent tickets.
   */
  readonly assertionKeys: Readonly<Record<ServiceName, AssertionKey>>;
  readonly subgraphUrls: Readonly<Record<ServiceName, string>>;
  readonly subgraphTimeoutMs: number;
  /** Depth, aliases, directives, tokens and cost an operation may have. */
  readonly limits: OperationLimits;
  /** Each agency's and each user's budget of requests, objects and decisions, per gateway process. */
  readonly rateLimit: RateLimitConfig;
  /** Failed authentications allowed per source address, per gateway process. */
  readonly authFailureLimit: AuthFailureLimitConfig;
  /** Where replicas share those budgets (`REDIS_URL`); null keeps them in this process. */
  readonly sharedBudgets: SharedBudgetsConfig | null;
  /** Port of the internal `/metrics` (`GATEWAY_METRICS_PORT`, 0 a free one); null serves none. */
  readonly metricsPort: number | null;
  /** Where traces are exported (`OTEL_EXPORTER_OTLP_ENDPOINT`); null traces nothing. */
  readonly tracing: TracingConfig | null;
  readonly logLevel: string;
  /** The built web console to serve at `/` (`KIM_CONSOLE_DIR`); none: the gateway serves the API only. */
  readonly consoleDir?: string;
  /** The console's OpenID Connect sign-in (`KIM_OIDC_AUTHORITY`, `KIM_OIDC_CLIENT_ID`, `KIM_OIDC_SCOPE`). */
  readonly consoleOidc?: ConsoleOidc;
  /** The controller the console's letters name (`KIM_CONTROLLER_NAME`, `KIM_CONTROLLER_ADDRESS`, `KIM_CONTROLLER_DPO`). */
  readonly consoleController?: ConsoleController;
}

/**
 * The controller (Art. 4 (7) GDPR) as the console's letters name it: public facts that any
 * letterhead carries, so they reach the console before sign-in in /console-config.json.
 */
export interface ConsoleController {
  readonly name: string;
  /** The postal address, one line each. */
  readonly address: readonly string[];
  /** How to reach the data-protection officer (Art. 13 (1)(b) GDPR), one line each. */
  readonly dpo: readonly string[];
}

/** Lines of an address given as one variable, separated by `;`. */
const lines = (value: string | undefined) => (value ?? '').split(';').map((l) => l.trim()).filter(Boolean);

function consoleController(env: NodeJS.ProcessEnv): ConsoleController | undefined {
  const name = optionalString(env, 'KIM_CONTROLLER_NAME');
  const address = lines(optionalString(env, 'KIM_CONTROLLER_ADDRESS'));
  if (!name && address.length === 0) return undefined;
  if (!name) throw new ConfigError('KIM_CONTROLLER_NAME', 'required with KIM_CONTROLLER_ADDRESS');
  if (address.length === 0) throw new ConfigError('KIM_CONTROLLER_ADDRESS', 'required with KIM_CONTROLLER_NAME (lines separated by ;)');
  return Object.freeze({ name, address, dpo: lines(optionalString(env, 'KIM_CONTROLLER_DPO')) });
}

export interface ConsoleOidc {
  /** The identity provider's issuer URL (its discovery document is below it). */
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
}

function consoleOidc(env: NodeJS.ProcessEnv): ConsoleOidc | undefined {
  const authority = optionalString(env, 'KIM_OIDC_AUTHORITY');
  const clientId = optionalString(env, 'KIM_OIDC_CLIENT_ID');
  if (!authority && !clientId) return undefined;
  if (!clientId) throw new ConfigError('KIM_OIDC_CLIENT_ID', 'required with KIM_OIDC_AUTHORITY');
  if (!authority) throw new ConfigError('KIM_OIDC_AUTHORITY', 'required with KIM_OIDC_CLIENT_ID');
  return Object.freeze({ authority: url(env, 'KIM_OIDC_AUTHORITY'), clientId, scope: optionalString(env, 'KIM_OIDC_SCOPE') ?? 'openid' });
}

function tokenKeys(env: NodeJS.ProcessEnv): TokenKeySource {
  const jwks = optionalString(env, 'KIM_JWKS_URL');
  if (jwks) return { kind: 'jwks', url: url(env, 'KIM_JWKS_URL') };
  const file = optionalString(env, 'KIM_JWT_PUBLIC_KEY_FILE');
  if (file) {
    try {
      return { kind: 'pem', pem: readFileSync(file, 'utf8') };
    } catch {
      throw new ConfigError('KIM_JWT_PUBLIC_KEY_FILE', `cannot read ${file}`);
    }
  }
  const inline = optionalString(env, 'KIM_JWT_PUBLIC_KEY');
  if (inline) return { kind: 'pem', pem: inline.replace(/\\n/g, '\n') };
  throw new ConfigError('KIM_JWKS_URL', 'one of KIM_JWKS_URL, KIM_JWT_PUBLIC_KEY_FILE or KIM_JWT_PUBLIC_KEY is required');
}

function operationLimits(env: NodeJS.ProcessEnv): OperationLimits {
  const d = DEFAULT_OPERATION_LIMITS;
  return Object.freeze({
    maxDepth: positiveInt(env, 'KIM_MAX_DEPTH', d.maxDepth),
    maxAliases: positiveInt(env, 'KIM_MAX_ALIASES', d.maxAliases),
    maxDirectives: positiveInt(env, 'KIM_MAX_DIRECTIVES', d.maxDirectives),
    maxTokens: positiveInt(env, 'KIM_MAX_TOKENS', d.maxTokens),
    maxCost: positiveInt(env, 'KIM_MAX_COST', d.maxCost),
  });
}

function rateLimit(env: NodeJS.ProcessEnv): RateLimitConfig {
  const capacity = positiveInt(env, 'KIM_RATE_LIMIT_CAPACITY', DEFAULT_RATE_LIMIT.capacity);
  const refillPerMinute = positiveInt(env, 'KIM_RATE_LIMIT_REFILL_PER_MINUTE', DEFAULT_RATE_LIMIT.refillPerMinute);
  // A user's budget defaults to a quarter of the agency's: no one member can spend it all.
  const quarter = (n: number) => Math.max(1, Math.floor(n / 4));
  return Object.freeze({
    capacity,
    refillPerMinute,
    userCapacity: positiveInt(env, 'KIM_RATE_LIMIT_USER_CAPACITY', quarter(capacity)),
    userRefillPerMinute: positiveInt(env, 'KIM_RATE_LIMIT_USER_REFILL_PER_MINUTE', quarter(refillPerMinute)),
  });
}

function authFailureLimit(env: NodeJS.ProcessEnv): AuthFailureLimitConfig {
  return Object.freeze({
    capacity: positiveInt(env, 'KIM_AUTH_FAILURE_CAPACITY', DEFAULT_AUTH_FAILURE_LIMIT.capacity),
    refillPerMinute: positiveInt(env, 'KIM_AUTH_FAILURE_REFILL_PER_MINUTE', DEFAULT_AUTH_FAILURE_LIMIT.refillPerMinute),
  });
}


/** Parses and validates the gateway's configuration once, at start. */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls = Object.fromEntries(
    SERVICES.map((s) => [s, url(env, `${envPrefix(s)}_URL`, `http://127.0.0.1:${DEFAULT_PORTS[s]}/graphql`)]),
  ) as Record<ServiceName, string>;
  return Object.freeze({
    host: optionalString(env, 'HOST') ?? '127.0.0.1',
    port: port(env, 'PORT', 4000),
    production: oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production',
    tokenKeys: tokenKeys(env),
    tokenIssuer: optionalString(env, 'KIM_JWT_ISSUER') ?? 'kim-demo-idp',
    tokenAudience: optionalString(env, 'KIM_JWT_AUDIENCE') ?? 'kim-hub',
    tokenMaxLifetimeSeconds: positiveInt(env, 'KIM_JWT_MAX_LIFETIME_SECONDS', DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    assertionKeys: Object.freeze(Object.fromEntries(SERVICES.map((s) => [s, assertionKeyFromEnv(env, s)])) as Record<ServiceName, AssertionKey>),
    subgraphUrls: Object.freeze(subgraphUrls),
    subgraphTimeoutMs: positiveInt(env, 'KIM_SUBGRAPH_TIMEOUT_MS', 10_000),
    limits: operationLimits(env),
    rateLimit: rateLimit(env),
    authFailureLimit: authFailureLimit(env),
    sharedBudgets: sharedStoreConfig(env),
    tracing: tracesEndpoint(env),
    metricsPort: optionalString(env, 'GATEWAY_METRICS_PORT') === undefined ? null : port(env, 'GATEWAY_METRICS_PORT', 0),
    logLevel: logLevel(env),
    ...(optionalString(env, 'KIM_CONSOLE_DIR') ? { consoleDir: optionalString(env, 'KIM_CONSOLE_DIR') } : {}),
    ...(consoleOidc(env) ? { consoleOidc: consoleOidc(env) } : {}),
    ...(consoleController(env) ? { consoleController: consoleController(env) } : {}),
  });
}
