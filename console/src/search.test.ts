import { describe, expect, it } from 'vitest';
import { searchFilter } from './search.ts';

describe('searchFilter', () => {
  it.each([
    ['', {}],
    ['   ', {}],
    ['k-0001', { idPrefix: 'K-0001' }],
    [' K-000001 ', { idPrefix: 'K-000001' }],
    ['K', { idPrefix: 'K' }],
    ['Haddad', { name: 'Haddad' }],
    ['Lina Haddad', { name: 'Lina Haddad' }],
    ['Kaya', { name: 'Kaya' }],
    ['x'.repeat(150), { name: 'x'.repeat(100) }],
  ])('turns %j into %j', (term, filter) => {
    expect(searchFilter(term)).toEqual(filter);
  });
});
