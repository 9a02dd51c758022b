import { describe, expect, it } from 'vitest';
import { formatError } from './formatError.ts';

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
});
