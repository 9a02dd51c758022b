import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const schemaPackage = join(dirname(fileURLToPath(import.meta.url)), '..');

export const VOCABULARY_SDL_PATH = join(schemaPackage, 'vocabulary.graphql');
export const SUPERGRAPH_PATH = join(schemaPackage, 'supergraph.graphql');
/** What each agency subgraph's fields ask consent (`npm run compose`): the gateway plans consent calls with it. */
export const PLANNED_QUESTIONS_PATH = join(schemaPackage, 'plannedQuestions.json');
