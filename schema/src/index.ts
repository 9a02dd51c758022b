export * from './vocabulary.ts';
export { SERVICE_SDL_PATHS, SUPERGRAPH_PATH, VOCABULARY_SDL_PATH } from './paths.ts';
export { serviceSdl } from './serviceSdl.ts';
export { untaggedClientFields, untaggedClientFieldsInSdl } from './checkCategories.ts';
