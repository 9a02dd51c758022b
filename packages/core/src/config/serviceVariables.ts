import { readFileSync } from 'node:fs';
import type { ServiceName } from '@kim/schema';
import { ASSERTION_KEY_BYTES, assertionKey, type AssertionKey } from '../auth/assertion.ts';
import { ConfigError, optionalString } from './readEnv.ts';

/** `case-registry` → `CASE_REGISTRY`: the prefix of a service's own variables. */
export function envPrefix(service: ServiceName): string {
  return service.toUpperCase().replace(/-/g, '_');
}

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  'case-registry': 4101,
  'immigration-office': 4102,
  jobcenter: 4103,
  welfare: 4104,
  consent: 4105,
};

/** Reads a PEM given inline (`NAME`) or as a file (`NAME_FILE`). */
export function pemFromEnv(env: NodeJS.ProcessEnv, name: string): string {
  const inline = optionalString(env, name);
  if (inline) return inline.replace(/\\n/g, '\n');
  const file = optionalString(env, `${name}_FILE`);
  if (!file) throw new ConfigError(name, `is required (or ${name}_FILE)`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${name}_FILE`, `cannot read ${file}`);
  }
}

/** `case-registry` → `KIM_ASSERTION_KEY_CASE_REGISTRY`: the variable of that service's assertion key. */
export function assertionKeyVariable(service: ServiceName): string {
  return `KIM_ASSERTION_KEY_${envPrefix(service)}`;
}

/** Reads a service's assertion key, given inline or as a file (`_FILE`), and checks it. */
export function assertionKeyFromEnv(env: NodeJS.ProcessEnv, service: ServiceName): AssertionKey {
  const name = assertionKeyVariable(service);
  const secret = optionalString(env, name) ?? (optionalString(env, `${name}_FILE`) ? pemFromEnv(env, name) : undefined);
  if (secret === undefined) throw new ConfigError(name, `is required (or ${name}_FILE): base64 of at least ${ASSERTION_KEY_BYTES} random bytes`);
  try {
    return assertionKey(secret);
  } catch {
    throw new ConfigError(name, `is not base64 of at least ${ASSERTION_KEY_BYTES} bytes`);
  }
}
