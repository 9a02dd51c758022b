/** A configuration error names the variable, so that a failed start says what to fix. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function optionalString(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function requiredString(env: Env, name: string): string {
  const value = optionalString(env, name);
  if (value === undefined) throw new ConfigError(name, 'is required');
  return value;
}

export function port(env: Env, name: string, fallback: number): number {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ConfigError(name, `is not a port: ${raw}`);
  return value;
}

export function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(name, `is not a positive integer: ${raw}`);
  return value;
}

export function url(env: Env, name: string, fallback?: string): string {
  const raw = optionalString(env, name) ?? fallback;
  if (raw === undefined) throw new ConfigError(name, 'is required');
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(name, `is not a URL: ${raw}`);
  }
}

export function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = optionalString(env, name) ?? fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${values.join(', ')}`);
  return raw as T;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function logLevel(env: Env): string {
  return oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
}

/**
 * Where traces go: `OTEL_EXPORTER_OTLP_ENDPOINT` (OpenTelemetry's own variable, an OTLP/HTTP base
 * URL; spans are posted to `<url>/v1/traces`). Unset, nothing is traced and the SDK is not loaded.
 */
export function tracesEndpoint(env: Env): { readonly otlpEndpoint: string } | null {
  return optionalString(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') === undefined ? null : { otlpEndpoint: url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') };
}
