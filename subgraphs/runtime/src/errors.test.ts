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
