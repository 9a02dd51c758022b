import { buildSchema, execute, parse, type GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { consentRequired, hubError, requestError } from './errors.ts';

describe('answer errors', () => {
  it('carry their code and extensions but no stack frames, and leave the stack limit as it was', () => {
    const limit = Error.stackTraceLimit;
    const denial = consentRequired('HEALTH');
    expect(denial.extensions).toEqual({ code: 'CONSENT_REQUIRED', category: 'HEALTH' });
    expect(denial.stack).not.toMatch(/\n\s+at /);
    expect(requestError('FORBIDDEN', 'no').extensions).toEqual({ code: 'FORBIDDEN', http: { status: 403 } });
    expect(hubError('NOT_FOUND', 'none').stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('a fault').stack).toMatch(/\n\s+at /);
  });
});

describe('refusals built at their field', () => {
  it('are taken by graphql-js as they are: same object, path and location of the field', async () => {
    const built: GraphQLError[] = [];
    const schema = buildSchema('type Query { client: Client } type Client { health: String, name: String }');
    const document = parse('{ client { name health } }');
    const rootValue = {
      client: () => ({
        name: 'x',
        health: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
          const refusal = consentRequired('HEALTH', info);
          built.push(refusal);
          return refusal;
        },
      }),
    };
    const result = await execute({ schema, document, rootValue });
    expect(result.data).toEqual({ client: { name: 'x', health: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toBe(built[0]);
    expect(result.errors?.[0]?.path).toEqual(['client', 'health']);
    expect(result.errors?.[0]?.locations).toEqual([{ line: 1, column: 17 }]);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'CONSENT_REQUIRED', category: 'HEALTH' });
  });
});
