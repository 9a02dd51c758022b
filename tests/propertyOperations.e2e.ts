import fc from 'fast-check';
import { parse } from 'graphql';
import { DEFAULT_OPERATION_LIMITS, exceededLimit, operationLimitRules, tokenLimitParseOptions } from '../gateway/src/limits/index.ts';
import { loadApiSchema } from '../gateway/src/limits/apiSchema.testSupport.ts';
import { describe, expect, it } from 'vitest';
import { operationArb, printOperation } from './property/operations.ts';
import { loadSupergraph } from './property/supergraph.ts';

/**
 * The property test's operations are to test disclosure, not the limiter: none may be refused as
 * too complex. At 10,000 cases, 7 were (fields with arguments need aliases of their own, and they
 * went past the gateway's 15); this samples more operations than a long run sends, without a hub.
 */
describe("the property test's operations", () => {
  it("stay within the gateway's limits, however many are generated", async () => {
    const schema = loadSupergraph();
    const api = await loadApiSchema();
    const clientIds = Array.from({ length: 40 }, (_, i) => `K-${String(i + 1).padStart(6, '0')}`);
    const operations = operationArb(schema, { clientIds, caseManagerIds: ['cm-1', 'cm-nowhere'], maxFirst: 12, names: ['Müller', 'Zqxwvyname'], idPrefixes: ['K-0000', 'k-000'] });
    const rules = operationLimitRules(DEFAULT_OPERATION_LIMITS);
    const refused: string[] = [];
    for (const operation of fc.sample(operations, { numRuns: 20_000, seed: 7 })) {
      const query = printOperation(schema, operation, clientIds);
      const error = exceededLimit(api, parse(query, tokenLimitParseOptions(DEFAULT_OPERATION_LIMITS.maxTokens)), rules);
      if (error) refused.push(`${error.message}\n${query}`);
    }
    expect(refused.slice(0, 1)).toEqual([]);
  });
});
