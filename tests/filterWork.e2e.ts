import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 14, item 2: a `clients(filter:)` on a field the caller may not see must cost the same
 * work whatever the filter matches — before, each hidden match cost a consent question (a round
 * trip and an audit row), and a filter matching nobody none, so the timing told the jobcenter
 * the status split of its clients. Here the work is counted where it is recorded: the consent
 * decisions of each request, in the audit log.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('filter-work', 40);
});
afterAll(async () => {
  await hub?.stop();
});

/** The (client, category) questions a request had decided, in order, from the audit log. */
async function decisionsOf(persona: 'jobcenter' | 'abh' | 'cm-neuss', status: string): Promise<{ total: number; decided: string[] }> {
  const response = await hub.query(persona, `{ clients(first: 1, filter: { status: ${status} }) { totalCount } }`);
  expect(response.body.errors).toBeUndefined();
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: requestId! }, orderBy: { seq: 'asc' } });
  return {
    total: (response.body.data?.clients as { totalCount: number }).totalCount,
    decided: rows.map((r) => `${r.kimClientId}:${r.category}`).sort(),
  };
}

describe('a filter on a field the caller may not see (issue 14, item 2)', () => {
  it.each(['jobcenter', 'abh'] as const)('costs %s the same decisions whichever status it asks for', async (persona) => {
    const [active, waiting, closed] = [await decisionsOf(persona, 'ACTIVE'), await decisionsOf(persona, 'WAITING'), await decisionsOf(persona, 'CLOSED')];
    // Something is decided at all (the caller's shared clients), and the same for every filter value.
    expect(active.decided.length).toBeGreaterThan(0);
    expect(waiting.decided).toEqual(active.decided);
    expect(closed.decided).toEqual(active.decided);
  });

  it('still counts exactly the matching clients a KIM team may see', async () => {
    const all = await hub.query('cm-neuss', '{ clients(first: 100) { edges { node { id status } } } }');
    const statuses = (all.body.data?.clients as { edges: { node: { status: string } }[] }).edges.map((e) => e.node.status);
    for (const status of ['ACTIVE', 'WAITING', 'CLOSED']) {
      const { total } = await decisionsOf('cm-neuss', status);
      expect(total).toBe(statuses.filter((s) => s === status).length);
    }
  });
});
