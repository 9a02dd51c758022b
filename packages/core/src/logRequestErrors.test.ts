import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Logger } from './logger.ts';
import { logRequestErrors } from './logRequestErrors.ts';

function recorder() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const log = { warn: (fields: Record<string, unknown>, message: string) => void lines.push({ fields, message }) } as unknown as Logger;
  return { log, lines };
}

const refusal = (code: string, path: (string | number)[], extensions: Record<string, unknown> = {}) => new GraphQLError('refused', { path, extensions: { code, ...extensions } });

describe('logRequestErrors', () => {
  it('logs a refusal repeated over a page once, with its count and the path without indices', () => {
    const { log, lines } = recorder();
    const errors = Array.from({ length: 40 }, (_, i) => refusal('FORBIDDEN', ['clients', 'edges', i, 'node', 'consents']));
    logRequestErrors(log, 'r-1', errors, 'graphql error', new Set());
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields).toMatchObject({ requestId: 'r-1', code: 'FORBIDDEN', path: 'clients.edges.node.consents', count: 40 });
  });

  it('keeps apart codes, fields and what was refused, and leaves out the quiet codes', () => {
    const { log, lines } = recorder();
    logRequestErrors(
      log,
      'r-2',
      [
        refusal('FORBIDDEN', ['a', 0, 'x']),
        refusal('FORBIDDEN', ['a', 1, 'y']),
        refusal('LEGALLY_BARRED', ['a', 0, 'x'], { category: 'HEALTH', norm: 'N' }),
        refusal('LEGALLY_BARRED', ['a', 1, 'x'], { category: 'COUNSELLING', norm: 'N' }),
        refusal('CONSENT_REQUIRED', ['a', 0, 'z']),
      ],
      'graphql error',
      new Set(['CONSENT_REQUIRED']),
    );
    expect(lines.map((l) => [l.fields.code, l.fields.path, l.fields.category, l.fields.count])).toEqual([
      ['FORBIDDEN', 'a.x', undefined, 1],
      ['FORBIDDEN', 'a.y', undefined, 1],
      ['LEGALLY_BARRED', 'a.x', 'HEALTH', 1],
      ['LEGALLY_BARRED', 'a.x', 'COUNSELLING', 1],
    ]);
  });
});
