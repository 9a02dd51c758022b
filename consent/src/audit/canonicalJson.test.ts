import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.ts';

describe('canonicalJson', () => {
  it('gives one text for one value, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [true, null] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }));
  });

  it.each([
    ['a non-finite number', { n: Number.NaN }],
    ['a date object', { at: new Date(0) }],
    ['a big integer', { seq: 1n }],
  ])('refuses %s rather than guess its form', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
