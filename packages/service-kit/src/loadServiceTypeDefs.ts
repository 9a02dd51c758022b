import { serviceSdl } from '@kim/schema';
import { parse, type DocumentNode } from 'graphql';

/** A service's SDL as a document: the shared vocabulary and the service's own `schema.graphql`. */
export function loadServiceTypeDefs(sdlFile: string | URL): DocumentNode {
  return parse(serviceSdl(sdlFile));
}
