import { readFileSync } from 'node:fs';
import { VOCABULARY_SDL_PATH } from './paths.ts';

/**
 * A service's whole SDL: the shared vocabulary followed by the service's own `schema.graphql`,
 * which each service owns and exports (`@kim/<service>/schema.graphql`).
 */
export function serviceSdl(sdlFile: string | URL): string {
  return `${readFileSync(VOCABULARY_SDL_PATH, 'utf8')}\n${readFileSync(sdlFile, 'utf8')}`;
}
