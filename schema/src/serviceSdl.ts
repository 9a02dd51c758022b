import { readFileSync } from 'node:fs';
import { SERVICE_SDL_PATHS, VOCABULARY_SDL_PATH } from './paths.ts';
import type { ServiceName } from './vocabulary.ts';

/** A service's whole SDL: the shared vocabulary followed by the service's own `schema.graphql`. */
export function serviceSdl(service: ServiceName): string {
  return `${readFileSync(VOCABULARY_SDL_PATH, 'utf8')}\n${readFileSync(SERVICE_SDL_PATHS[service], 'utf8')}`;
}
