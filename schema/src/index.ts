export * from './vocabulary.ts';
export { PLANNED_QUESTIONS_PATH, SUPERGRAPH_PATH, VOCABULARY_SDL_PATH } from './paths.ts';
export { serviceSdl } from './serviceSdl.ts';
export { vocabularySdl } from './vocabularySdl.ts';
export { untaggedClientFields, untaggedClientFieldsInSdl } from './checkCategories.ts';
