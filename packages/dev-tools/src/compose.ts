// Composes the supergraph from every service's SDL and writes (--write) or checks (--check) the
// committed files of @kim/schema: vocabulary.graphql, supergraph.graphql and plannedQuestions.json
// (what each agency subgraph's fields ask consent, from its SDL and rules). Also fails when a
// client-data field has no category. Each service's SDL is read through its package's exports
// (`@kim/<service>/schema.graphql`): the vocabulary package knows no service's folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { PLANNED_QUESTIONS_PATH, SERVICES, SUPERGRAPH_PATH, VOCABULARY_SDL_PATH, serviceSdl, untaggedClientFieldsInSdl, vocabularySdl } from '@kim/schema';
import { fieldQuestionMap, type RuleMap } from '@kim/service-kit';
import { serviceSdlFile } from './serviceSdlFile.ts';

/** Placeholder routing URLs: the gateway replaces each with the URL from its configuration. */
export function placeholderUrl(service: string): string {
  return `http://${service}.kim.invalid/graphql`;
}

const mode = process.argv.includes('--check') ? 'check' : 'write';
const problems: string[] = [];

function writeOrCheck(path: string, content: string) {
  if (mode === 'write') writeFileSync(path, content);
  else if (readFileSync(path, 'utf8') !== content) problems.push(`${path} is stale: run \`npm run compose\``);
}

writeOrCheck(VOCABULARY_SDL_PATH, vocabularySdl());
// In --write mode the vocabulary was just written, so the services' SDL reads the new one.
for (const service of SERVICES) {
  for (const field of untaggedClientFieldsInSdl(serviceSdl(serviceSdlFile(service)))) problems.push(`${service}: ${field} has no @category`);
}
const result = composeServices(SERVICES.map((name) => ({ name, url: placeholderUrl(name), typeDefs: parse(serviceSdl(serviceSdlFile(name))) })));
if (result.errors) {
  for (const error of result.errors) problems.push(`composition: ${error.message}`);
} else {
  writeOrCheck(SUPERGRAPH_PATH, `${result.supergraphSdl}\n`);
}
// The gateway reads this to have a request's first consent call ask for its later fetches too.
const plannedQuestions: Record<string, unknown> = {};
for (const service of SERVICES.filter((s) => s !== 'consent')) {
  const { rules } = (await import(`@kim/${service}/permissions`)) as { rules: RuleMap };
  plannedQuestions[service] = fieldQuestionMap(buildSubgraphSchema({ typeDefs: parse(serviceSdl(serviceSdlFile(service))) }), rules);
}
writeOrCheck(PLANNED_QUESTIONS_PATH, `${JSON.stringify(plannedQuestions, null, 1)}\n`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(mode === 'write' ? 'wrote vocabulary.graphql, supergraph.graphql and plannedQuestions.json' : 'vocabulary, supergraph and planned questions are up to date');
