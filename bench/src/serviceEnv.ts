import type { ServiceName } from '@kim/schema';
import { envPrefix } from '@kim/subgraph-runtime';
import type { SideDatabases } from './dataSet.ts';

/** The environment every service of a side reads: its database (a URL, or its folder under KIM_DATA_DIR), a free port. */
export function serviceEnv(config: { readonly databases: SideDatabases }, assertionPublicKeyFile: string) {
  const { databases } = config;
  const base = { LOG_LEVEL: 'silent', KIM_DATA_DIR: 'dataDir' in databases ? databases.dataDir : 'memory://', KIM_ASSERTION_PUBLIC_KEY_FILE: assertionPublicKeyFile };
  return {
    base,
    env: (s: ServiceName) => ({ ...base, [`${envPrefix(s)}_PORT`]: '0', ...('urls' in databases ? { [`${envPrefix(s)}_DATABASE_URL`]: databases.urls[s] } : {}) }),
  };
}
