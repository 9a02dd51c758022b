import type { ServiceName } from '@kim/schema';
import { assertionKeyVariable, envPrefix } from '@kim/service-kit';
import type { SideDatabases } from './dataSet.ts';

/**
 * The environment every service of a side reads: its database (a URL, or its folder under
 * KIM_DATA_DIR), a free port, and its own assertion key; `gatewayKeys` are all of them, for the gateway.
 */
export function serviceEnv(config: { readonly databases: SideDatabases }, assertionKeyFiles: Readonly<Record<ServiceName, string>>) {
  const { databases } = config;
  const base = { LOG_LEVEL: 'silent', KIM_DATA_DIR: 'dataDir' in databases ? databases.dataDir : 'memory://' };
  const keyOf = (s: ServiceName) => ({ [`${assertionKeyVariable(s)}_FILE`]: assertionKeyFiles[s] });
  return {
    base,
    gatewayKeys: Object.assign({}, ...(Object.keys(assertionKeyFiles) as ServiceName[]).map(keyOf)) as Record<string, string>,
    env: (s: ServiceName) => ({ ...base, ...keyOf(s), [`${envPrefix(s)}_PORT`]: '0', ...('urls' in databases ? { [`${envPrefix(s)}_DATABASE_URL`]: databases.urls[s] } : {}) }),
  };
}
