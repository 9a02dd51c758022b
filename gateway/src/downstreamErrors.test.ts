import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withoutStackCapture } from './downstreamErrors.ts';

const subgraphErrors = (): GraphQLFormattedError[] => [
  { message: 'No consent.', path: ['_entities', 0, 'givenName'], extensions: { code: 'CONSENT_REQUIRED', category: 'IDENTITY' } },
  { message: 'Boom.' },
];
/** What Apollo's gateway does with a subgraph's errors (downstreamServiceError). */
const wrap = (e: GraphQLFormattedError) => new GraphQLError(e.message, { originalError: e as Error, extensions: { ...e.extensions, serviceName: 'welfare' } });

describe('withoutStackCapture', () => {
  it('wraps the same errors, in order, without a stack frame', () => {
    const plain = subgraphErrors().map(wrap);
    expect(plain[0]!.stack).toMatch(/\n\s+at /);
    const quiet = withoutStackCapture(subgraphErrors()).map(wrap);
    expect(quiet.map((e) => [e.message, e.extensions])).toEqual(plain.map((e) => [e.message, e.extensions]));
    expect(quiet.map((e) => e.stack)).toEqual(['GraphQLError: No consent.', 'GraphQLError: Boom.']);
  });

  it('restores the stack limit afterwards, also when a callback throws', () => {
    const limit = Error.stackTraceLimit;
    const errors = withoutStackCapture(subgraphErrors());
    errors.map(wrap);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(() =>
      errors.map(() => {
        throw new Error('callback failed');
      }),
    ).toThrow('callback failed');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });

  it('leaves the array as it was for everything but map', () => {
    const errors = withoutStackCapture(subgraphErrors());
    expect(JSON.parse(JSON.stringify(errors))).toEqual(subgraphErrors());
    expect(Object.keys(errors)).toEqual(['0', '1']);
    expect(errors.filter((e) => e.path).length).toBe(1);
  });
});
