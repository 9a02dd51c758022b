import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorsAtSelectedPaths, isSelectedPath } from './selectedPaths.ts';

const document = parse(`
  query Q { c: client(id: "1") { givenName ...Parts ... on Client { languageLevel } } clients(first: 2) { edges { node { id } } } }
  fragment Parts on Client { targetGroup { eligible } }
  query Other { statistics { clientsByTown { town } } }
`);

describe('isSelectedPath', () => {
  it.each([
    [['c'], true],
    [['c', 'givenName'], true],
    [['c', 'languageLevel'], true],
    [['c', 'targetGroup', 'eligible'], true],
    [['clients', 'edges', 0, 'node', 'id'], true],
    [['c', 'currentResidenceTitleType'], false],
    [['client', 'givenName'], false],
    [['clients', 'edges', 3, 'node', 'givenName'], false],
    [['c', 'givenName', 'deeper'], false],
  ] as const)('%j in the operation Q: %s', (path, expected) => {
    expect(isSelectedPath(document, 'Q', path)).toBe(expected);
  });

  it('reads the named operation of several', () => {
    expect(isSelectedPath(document, 'Other', ['statistics', 'clientsByTown', 0, 'town'])).toBe(true);
    expect(isSelectedPath(document, 'Other', ['c'])).toBe(false);
  });

  it('keeps errors without a path and drops those at paths nobody selected', () => {
    const errors = [
      { message: 'whole request' },
      { message: 'selected', path: ['c', 'targetGroup'] },
      { message: 'a @requires input', path: ['c', 'currentResidenceTitleType'] },
    ];
    expect(errorsAtSelectedPaths(errors, document, 'Q').map((e) => e.message)).toEqual(['whole request', 'selected']);
    expect(errorsAtSelectedPaths(errors, undefined, 'Q')).toHaveLength(3);
  });

  it('answers each error of a page for its own path, whatever the list index', () => {
    const errors = [0, 1, 2].flatMap((i) => [
      { message: `id ${i}`, path: ['clients', 'edges', i, 'node', 'id'] },
      { message: `unselected ${i}`, path: ['clients', 'edges', i, 'node', 'givenName'] },
    ]);
    expect(errorsAtSelectedPaths(errors, document, 'Q').map((e) => e.message)).toEqual(['id 0', 'id 1', 'id 2']);
  });
});
