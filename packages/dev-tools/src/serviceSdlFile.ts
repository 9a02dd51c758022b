import { createRequire } from 'node:module';
import type { ServiceName } from '@kim/schema';

const require = createRequire(import.meta.url);

/** Where a service keeps its SDL, found through its package's exports (`@kim/<service>/schema.graphql`). */
export function serviceSdlFile(service: ServiceName): string {
  return require.resolve(`@kim/${service}/schema.graphql`);
}
