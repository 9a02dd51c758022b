import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceName } from './vocabulary.ts';

const schemaPackage = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(schemaPackage, '..');

export const VOCABULARY_SDL_PATH = join(schemaPackage, 'vocabulary.graphql');
export const SUPERGRAPH_PATH = join(schemaPackage, 'supergraph.graphql');

/** Where each service keeps its SDL; the composition step reads them from here. */
export const SERVICE_SDL_PATHS: Record<ServiceName, string> = {
  'case-registry': join(repoRoot, 'subgraphs', 'case-registry', 'src', 'schema.graphql'),
  'immigration-office': join(repoRoot, 'subgraphs', 'immigration-office', 'src', 'schema.graphql'),
  jobcenter: join(repoRoot, 'subgraphs', 'jobcenter', 'src', 'schema.graphql'),
  welfare: join(repoRoot, 'subgraphs', 'welfare', 'src', 'schema.graphql'),
  consent: join(repoRoot, 'consent', 'src', 'schema.graphql'),
};
