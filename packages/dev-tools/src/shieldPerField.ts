import { readFileSync } from 'node:fs';
import { VOCABULARY_SDL_PATH } from '@kim/schema';
import { buildSubgraphSchema } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import { execute, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow } from 'graphql-shield';
import { buildPermissions, guardSchema, questionKey, RuleOutcomes, type ConsentDecision, type ConsentQuestion, type ServiceContext } from '@kim/service-kit';

/**
 * `npx tsx packages/dev-tools/src/shieldPerField.ts`: CPU of the hub's field guards per
 * guarded field (KIM_GUARD=shield: graphql-shield's category rules alone), in one process — a page of 50 clients × 10 category fields
 * (3 categories) executed against a subgraph schema, consent answered "allowed" in memory, so
 * only the guard and graphql-js are measured. Median of 5 samples of 500 executions. A request's
 * CPU (bench/src/cpuPerRequest.ts) varies by more than a guard change moves it.
 */
const CLIENTS = 50;
const fields = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3'];
const category = (f: string) => ({ a: 'IDENTITY', b: 'RESIDENCE', c: 'BENEFITS' })[f[0] as 'a' | 'b' | 'c'];
const schema = buildSubgraphSchema({
  typeDefs: parse(`${readFileSync(VOCABULARY_SDL_PATH, 'utf8')}
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { clients: [Client!]! }
    type Client @key(fields: "id") { id: ID! ${fields.map((f) => `${f}: String @category(name: ${category(f)})`).join(' ')} }
  `),
  resolvers: { Query: { clients: () => Array.from({ length: CLIENTS }, (_, i) => Object.fromEntries([['id', `K-${i}`], ...fields.map((f) => [f, 'x'])])) } } as never,
});
// As served (guardSchema: shield outside, the category guard on tagged fields), or with
// KIM_GUARD=shield every field through graphql-shield, as before issue 18.
const onlyShield = process.env.KIM_GUARD === 'shield';
const guarded = onlyShield ? applyMiddleware(schema, buildPermissions(schema, { Query: { clients: allow } })) : guardSchema(schema, { Query: { clients: allow } });
const document = parse(`{ clients { id ${fields.join(' ')} } }`);
// The answers as explicit literals, as JSON.parse builds a consent service's answer: a spread
// (`{ ...q, allowed, … }`) would time its own slow path on Node 20, not the guard's.
const allowed = (q: ConsentQuestion): ConsentDecision => ({
  clientId: q.clientId, category: q.category, source: q.source, request: q.request, allowed: true, reason: 'OWNER', basis: 'CONSENT', grantId: null,
});
const allowAll = () => new DataLoader<ConsentQuestion, ConsentDecision, string>(async (qs) => qs.map(allowed), { cacheKeyFn: questionKey });
const context = () => ({ caller: {}, consent: allowAll(), ruleOutcomes: new RuleOutcomes() }) as unknown as ServiceContext;

const run = async () => {
  const result = await execute({ schema: guarded, document, contextValue: context() });
  if (result.errors) throw new Error(JSON.stringify(result.errors[0]));
};
for (let i = 0; i < 300; i++) await run();
const samples: number[] = [];
for (let k = 0; k < 5; k++) {
  const before = process.cpuUsage();
  for (let i = 0; i < 500; i++) await run();
  const used = process.cpuUsage(before);
  samples.push((used.user + used.system) / 500);
}
samples.sort((a, b) => a - b);
const median = samples[2]!;
process.stdout.write(
  `${onlyShield ? 'shield only' : 'shield + category guard'}: ${CLIENTS} clients × ${fields.length} category fields: ${(median / 1000).toFixed(2)} ms CPU per execution ` +
    `(samples ${samples.map((s) => (s / 1000).toFixed(2)).join(' / ')}), ${(median / (CLIENTS * fields.length)).toFixed(2)} µs per field\n`,
);
