import { describe, expect, it } from 'vitest';
import { unavailableErrors } from './unavailableErrors.ts';

describe('unavailableErrors', () => {
  it('names every field of every entity the failed fetch was for', () => {
    const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Client { __typename languageLevel courses: languageCourses { level } } } }';
    const errors = unavailableErrors(query, { representations: [{}, {}] });
    expect(errors.map((e) => e.path)).toEqual([
      ['_entities', 0, 'languageLevel'],
      ['_entities', 0, 'courses'],
      ['_entities', 1, 'languageLevel'],
      ['_entities', 1, 'courses'],
    ]);
    expect(errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
  });

  it('names root fields by their response key', () => {
    expect(unavailableErrors('{ c: client(id: "K-1") { id } statistics { clientsByTown { town } } }', undefined).map((e) => e.path)).toEqual([['c'], ['statistics']]);
  });
});
