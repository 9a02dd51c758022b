import { describe, expect, it } from 'vitest';
import { MAX_PLANNED_CHARS, operationsByService, otherOperations } from './plannedOperations.ts';

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
