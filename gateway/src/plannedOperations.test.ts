import { describe, expect, it } from 'vitest';
import { MAX_PLANNED_CHARS, consentPlan, operationsByService, otherOperations } from './plannedOperations.ts';

const fetch = (serviceName: string, operation: string) => ({ kind: 'Fetch' as const, serviceName, operation, operationName: undefined, operationKind: 'query' as never });

describe('operationsByService', () => {
  it('lists each subgraph operation of a plan once, by subgraph, through every kind of node', () => {
    const plan = {
      kind: 'QueryPlan' as const,
      node: {
        kind: 'Sequence' as const,
        nodes: [
          fetch('case-registry', 'A'),
          {
            kind: 'Parallel' as const,
            nodes: [
              { kind: 'Flatten' as const, path: ['client'], node: fetch('immigration-office', 'B') },
              { kind: 'Condition' as const, condition: 'x', ifClause: fetch('welfare', 'C'), elseClause: fetch('welfare', 'D') },
            ],
          },
          { kind: 'Flatten' as const, path: ['client'], node: fetch('case-registry', 'E') },
          { kind: 'Defer' as const, primary: { node: fetch('case-registry', 'A') }, deferred: [{ depends: [], queryPath: [], node: fetch('jobcenter', 'F') }] },
        ],
      },
    };
    expect(Object.fromEntries(operationsByService(plan))).toEqual({
      'case-registry': ['A', 'E'],
      'immigration-office': ['B'],
      welfare: ['C', 'D'],
      jobcenter: ['F'],
    });
  });
});

describe('otherOperations', () => {
  const planned = new Map([['case-registry', ['A', 'E']], ['welfare', ['C']]]);
  it("names a subgraph's operations other than the one being sent", () => {
    expect(otherOperations(planned, 'case-registry', 'A')).toEqual(['E']);
    expect(otherOperations(planned, 'welfare', 'C')).toEqual([]);
    expect(otherOperations(undefined, 'welfare', 'C')).toEqual([]);
  });
  it('names none when they are too long to carry in a header', () => {
    const long = new Map([['case-registry', ['A', 'x'.repeat(MAX_PLANNED_CHARS + 1)]]]);
    expect(otherOperations(long, 'case-registry', 'A')).toEqual([]);
  });
});

describe('consentPlan', () => {
  // Each operation "asks" the category named by its text, so the union per subgraph is visible.
  const questionsOf = (_service: string, ops: readonly string[]) => ops.map((op) => ({ category: op as never }));
  const plan = (node: unknown) => ({ kind: 'QueryPlan' as const, node: node as never });

  it("has the first fetch ask for every later fetch of the other subgraphs, each subgraph's operations together", () => {
    const p = plan({
      kind: 'Sequence',
      nodes: [
        fetch('case-registry', 'IDENTITY'),
        { kind: 'Parallel', nodes: [{ kind: 'Flatten', path: [], node: fetch('immigration-office', 'RESIDENCE') }, { kind: 'Flatten', path: [], node: fetch('welfare', 'HEALTH') }] },
        { kind: 'Parallel', nodes: [{ kind: 'Flatten', path: [], node: fetch('case-registry', 'CASE_MANAGEMENT') }, { kind: 'Flatten', path: [], node: fetch('immigration-office', 'NATURALISATION') }] },
      ],
    });
    expect(consentPlan(p, questionsOf)).toEqual({
      asker: 'case-registry',
      planned: { 'immigration-office': [{ category: 'RESIDENCE' }, { category: 'NATURALISATION' }], welfare: [{ category: 'HEALTH' }] },
    });
  });

  it('plans nothing for one fetch, for a first stage that already holds the subgraph, or when nothing is asked', () => {
    expect(consentPlan(plan(fetch('case-registry', 'IDENTITY')), questionsOf)).toBeNull();
    const parallelFirst = plan({
      kind: 'Sequence',
      nodes: [{ kind: 'Parallel', nodes: [fetch('case-registry', 'IDENTITY'), fetch('welfare', 'HEALTH')] }, { kind: 'Flatten', path: [], node: fetch('welfare', 'HEALTH') }],
    });
    expect(consentPlan(parallelFirst, questionsOf)).toBeNull();
    const silent = plan({ kind: 'Sequence', nodes: [fetch('case-registry', 'IDENTITY'), { kind: 'Flatten', path: [], node: fetch('welfare', 'HEALTH') }] });
    expect(consentPlan(silent, () => [])).toBeNull();
  });
});
