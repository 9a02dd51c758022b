import { buildSubgraphSchema } from '@apollo/subgraph';
import { caseRegistry } from '@kim/case-registry';
import { consent } from '@kim/consent';
import { immigrationOffice } from '@kim/immigration-office';
import { jobcenter } from '@kim/jobcenter';
import { guardSchema, resolveRules, unguardedFields, type RuleMap } from '@kim/service-kit';
import { welfare } from '@kim/welfare';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18 item 2: every service's schema as it serves it (guardSchema) leaves no field to a
 * default in either layer — graphql-shield's rules outside, the category guard on the fields
 * ruled by their `@category` tag. Here (not beside each service) because only this project loads
 * @apollo/subgraph and graphql as one build; no hub is started.
 */
const SERVICES: readonly { name: string; typeDefs: DocumentNode; resolvers: unknown; rules: RuleMap }[] = [caseRegistry, immigrationOffice, jobcenter, welfare, consent];

describe('the field guards of every service', () => {
  it.each(SERVICES.map((s) => [s.name, s] as const))('%s: no field is left to a default in either layer', (_name, service) => {
    const schema = buildSubgraphSchema({ typeDefs: service.typeDefs, resolvers: service.resolvers as never });
    const guarded = guardSchema(schema, service.rules);
    expect(unguardedFields(guarded, service.rules)).toEqual([]);
    // The check is not vacuous: the agency services' tagged fields are under the category guard.
    const tagged = [...resolveRules(schema, service.rules).categoryFields.values()].reduce((n, fields) => n + fields.size, 0);
    if (service.name !== 'consent') expect(tagged).toBeGreaterThan(5);
  });
});
