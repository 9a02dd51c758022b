import { serviceSdl, type ServiceName } from '@kim/schema';
import { parse, type DocumentNode } from 'graphql';

/** A service's SDL as a document: the shared vocabulary and the service's own `schema.graphql`. */
export function loadServiceTypeDefs(service: ServiceName): DocumentNode {
  return parse(serviceSdl(service));
}
