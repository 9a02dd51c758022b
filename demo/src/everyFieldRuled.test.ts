import { buildSubgraphSchema } from '@apollo/subgraph';
import { caseRegistry } from '@kim/case-registry';
import { consent } from '@kim/consent';
import { immigrationOffice } from '@kim/immigration-office';
import { jobcenter } from '@kim/jobcenter';
import { resolveRules } from '@kim/service-kit';
import { welfare } from '@kim/welfare';
import { describe, expect, it } from 'vitest';

// INTENTIONAL: here and not in the runtime, because only this package sees every service.
const services = [caseRegistry, immigrationOffice, jobcenter, welfare, consent];

describe('every field of every service', () => {
  it.each(services.map((s) => [s.name, s] as const))('%s: has an explicit rule (nothing falls to the default by accident)', (_name, service) => {
    const schema = buildSubgraphSchema({ typeDefs: service.typeDefs });
    expect(resolveRules(schema, service.rules).unguarded).toEqual([]);
  });
});
