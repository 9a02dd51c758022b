import { describe, expect, it } from 'vitest';
import { formatError, withoutSuggestions } from './formatError.ts';

describe('formatError', () => {
  it('keeps the code, the category and the path of a consent denial, and nothing internal', () => {
    expect(
      formatError({
        message: 'No consent or legal basis for data category HEALTH.',
        path: ['client', 'healthNeeds'],
        extensions: { code: 'CONSENT_REQUIRED', category: 'HEALTH', serviceName: 'welfare', stacktrace: ['at x'], http: { status: 200 } },
      }),
    ).toEqual({ message: 'No consent or legal basis for data category HEALTH.', path: ['client', 'healthNeeds'], extensions: { code: 'CONSENT_REQUIRED', category: 'HEALTH' } });
  });

  it.each([
    ['an error without a code', { message: 'connect ECONNREFUSED 10.0.0.7:5432' }],
    ['a code outside the catalogue', { message: 'relation "Client" does not exist', extensions: { code: 'P2021' } }],
    ['an internal error with detail', { message: 'TypeError: x is undefined', extensions: { code: 'INTERNAL_SERVER_ERROR', exception: { stack: 's' } } }],
  ])('replaces %s by a generic internal error', (_name, error) => {
    const formatted = formatError(error);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain(error.message);
  });

  it.each(['QUERY_TOO_COMPLEX', 'RATE_LIMITED'])('lets the limit code %s through, without its HTTP detail', (code) => {
    expect(formatError({ message: 'Query depth limit of 8 exceeded, found 9.', extensions: { code, http: { status: 429 } } })).toEqual({
      message: 'Query depth limit of 8 exceeded, found 9.',
      extensions: { code },
    });
  });

  it('keeps no suggestion in any message', () => {
    const formatted = formatError({
      message: 'Variable "$t" got invalid value "NEUS"; Value "NEUS" does not exist in "Town" enum. Did you mean the enum value "NEUSS"?',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formatted.message).toBe('Variable "$t" got invalid value "NEUS"; Value "NEUS" does not exist in "Town" enum.');
  });
});

describe('withoutSuggestions', () => {
  it.each([
    ['Cannot query field "givenNam" on type "Client". Did you mean "givenName"?', 'Cannot query field "givenNam" on type "Client".'],
    ['Unknown argument "fist" on field "Query.clients". Did you mean "first"?', 'Unknown argument "fist" on field "Query.clients".'],
    ['Unknown type "Clent". Did you mean "Client", "ClientFilter", or "ClientEdge"?', 'Unknown type "Clent".'],
    ['No suggestion here.', 'No suggestion here.'],
  ])('cuts %j', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });
});
