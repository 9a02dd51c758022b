import type { PersonaName } from '@kim/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

/**
 * The name search of the client list (issue 16): `clients(filter: { name })`. A name is IDENTITY
 * data, and a filter discloses its field for every client it lets through, so the filter may
 * match only clients whose IDENTITY the caller may read for its purpose — decided for every client
 * of the scope before matching, so a hidden client and one that does not match cost the same
 * consent questions. Each persona below is attacked with the names of clients it may not see: it
 * must get exactly what it gets for a name nobody has, with the same decisions recorded.
 */
let hub: TestHub;
let everyone: { id: string; givenName: string; familyName: string }[];
beforeAll(async () => {
  hub = await startTestHub('name-filter', 40);
  everyone = await hub.services['case-registry'].prisma.client.findMany({ select: { id: true, givenName: true, familyName: true }, orderBy: { id: 'asc' } });
});
afterAll(async () => {
  await hub?.stop();
});

const NOBODY = 'Zqxwvyname';

const SEARCH = `query($filter: ClientFilter, $after: String) {
  clients(first: 5, after: $after, filter: $filter) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
const connection = (response: GraphQLResponse) => response.body.data?.clients as Connection;

/** A search's answer and the (client, category) decisions the consent service recorded for it. */
async function search(persona: PersonaName, filter: Record<string, unknown>): Promise<{ body: GraphQLResponse['body']; decided: string[] }> {
  const response = await hub.query(persona, SEARCH, { filter });
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: requestId! }, orderBy: { seq: 'asc' } });
  return { body: response.body, decided: rows.map((r) => `${r.kimClientId}:${r.category}:${r.allowed}`).sort() };
}

/** The names a persona may read: of the clients its list shows with a name. */
async function readableNames(persona: PersonaName): Promise<{ id: string; givenName: string; familyName: string }[]> {
  const response = await hub.query(persona, '{ clients(first: 200) { edges { node { id givenName familyName } } } }');
  const edges = (response.body.data?.clients as { edges: { node: { id: string; givenName: string | null; familyName: string | null } }[] } | undefined)?.edges ?? [];
  return edges.flatMap(({ node }) => (node.givenName !== null && node.familyName !== null ? [{ id: node.id, givenName: node.givenName, familyName: node.familyName }] : []));
}

/** Up to `count` clients whose names `persona` may not read and that no readable name contains. */
async function hiddenFrom(persona: PersonaName, count: number) {
  const readable = await readableNames(persona);
  const readableIds = new Set(readable.map((c) => c.id));
  const readableText = readable.map((c) => `${c.givenName} ${c.familyName}`.toLowerCase());
  const candidates = everyone.filter(
    (c) => !readableIds.has(c.id) && !readableText.some((t) => t.includes(c.familyName.toLowerCase()) || t.includes(c.givenName.toLowerCase())),
  );
  // In-scope clients with their IDENTITY refused are the sharpest case: put them first.
  const listed = new Set(((await hub.query(persona, '{ clients(first: 200) { edges { node { id } } } }')).body.data?.clients as Connection | undefined)?.edges.map((e) => e.node.id) ?? []);
  return [...candidates.filter((c) => listed.has(c.id)), ...candidates.filter((c) => !listed.has(c.id))].slice(0, count);
}

// Every persona that must not learn the names of clients it may not see: partners (IDENTITY only
// by a grant that includes it), team caseworkers (no registry scope), the other town's team, the
// coordinating office and the data-protection officer (no scope), and a KIM team itself (clients
// of another town).
const ATTACKERS: PersonaName[] = ['jobcenter', 'jobcenter-dormagen', 'abh', 'abh-neuss', 'welfare-caritas', 'cm-dormagen', 'cm-neuss', 'ki', 'dpo'];

describe('clients(filter: { name }) for names the caller may not read', () => {
  it.each(ATTACKERS)('answers %s exactly as for a name nobody has, with the same consent decisions', async (persona) => {
    const hidden = await hiddenFrom(persona, 4);
    const readable = await readableNames(persona);
    expect(hidden.length).toBeGreaterThan(0);
    const nobody = await search(persona, { name: NOBODY });
    expect(nobody.body.errors).toBeUndefined();
    expect(connection({ body: nobody.body } as GraphQLResponse)).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    for (const client of hidden) {
      for (const name of [client.familyName, `${client.givenName} ${client.familyName}`, client.givenName.slice(0, 3)]) {
        if (someoneContains(readable, name)) continue;
        const attempt = await search(persona, { name });
        expect({ name, ...attempt }).toEqual({ name, ...nobody });
        const withStatus = await search(persona, { name, status: 'ACTIVE' });
        const nobodyWithStatus = await search(persona, { name: NOBODY, status: 'ACTIVE' });
        expect({ name, ...withStatus }).toEqual({ name, ...nobodyWithStatus });
      }
    }
  });

  it('costs the jobcenter one IDENTITY decision per client of its scope, whatever the name', async () => {
    // The jobcenter's grants carry no IDENTITY: every shared client is decided, and refused.
    const listed = connection(await hub.query('jobcenter', '{ clients(first: 200) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }'));
    expect(listed.totalCount).toBeGreaterThan(0);
    const hidden = await hiddenFrom('jobcenter', 1);
    const attempt = await search('jobcenter', { name: hidden[0]!.familyName });
    // The audit log names clients by pseudonym: count the decisions, one refusal per listed client.
    expect(attempt.decided).toHaveLength(listed.totalCount);
    expect(new Set(attempt.decided.map((d) => d.replace(/^.*?:/, '')))).toEqual(new Set(['IDENTITY:false']));
    expect(new Set(attempt.decided.map((d) => d.split(':')[0])).size).toBe(listed.totalCount);
  });
});

/** Whether one of `clients` has every word of `name` in the given or the family name. */
function someoneContains(readable: { givenName: string; familyName: string }[], name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return readable.some((c) => words.every((w) => c.givenName.toLowerCase().includes(w) || c.familyName.toLowerCase().includes(w)));
}

describe('clients(filter: { name }) for a KIM team', () => {
  it('finds its clients by any part of the given or family name, case-insensitively, in any order of words', async () => {
    const readable = await readableNames('cm-neuss');
    const client = readable[0]!;
    const expected = readable.filter((c) => someoneContains([c], client.familyName)).map((c) => c.id);
    for (const name of [client.familyName, client.familyName.toUpperCase(), `  ${client.familyName.slice(1, -1).toLowerCase()} `]) {
      const found = connection(await hub.query('cm-neuss', SEARCH, { filter: { name } }));
      expect(found.edges.map((e) => e.node.id)).toContain(client.id);
    }
    const both = connection(await hub.query('cm-neuss', SEARCH, { filter: { name: `${client.familyName} ${client.givenName}` } }));
    expect(both.edges.map((e) => e.node.id)).toContain(client.id);
    const exact = connection(await hub.query('cm-neuss', 'query($name: String) { clients(first: 200, filter: { name: $name }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }', { name: client.familyName }));
    expect(exact.edges.map((e) => e.node.id)).toEqual(expected);
    expect(exact.totalCount).toBe(expected.length);
  });

  it('pages through the matches and combines the name with the status', async () => {
    const readable = await readableNames('cm-neuss');
    // A single letter most names hold: more than one page of 5.
    const letter = 'e';
    const expected = readable.filter((c) => `${c.givenName} ${c.familyName}`.toLowerCase().includes(letter)).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection = connection(await hub.query('cm-neuss', SEARCH, { filter: { name: letter }, after }));
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);

    const statuses = await hub.query('cm-neuss', '{ clients(first: 200) { edges { node { id status } } } }');
    const active = new Set((statuses.body.data?.clients as { edges: { node: { id: string; status: string } }[] }).edges.filter((e) => e.node.status === 'ACTIVE').map((e) => e.node.id));
    const combined = connection(await hub.query('cm-neuss', '{ clients(first: 200, filter: { name: "e", status: ACTIVE }) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }'));
    expect(combined.edges.map((e) => e.node.id)).toEqual(expected.filter((id) => active.has(id)));
  });

  it('matches wildcards literally and refuses a malformed name before asking anything', async () => {
    for (const name of ['%', '_', '\\', '%e%']) {
      const response = await hub.query('cm-neuss', SEARCH, { filter: { name } });
      expect({ name, total: connection(response).totalCount }).toEqual({ name, total: 0 });
    }
    for (const name of ['', '   ', 'a b c d e f', 'x'.repeat(101)]) {
      const response = await hub.query('cm-neuss', SEARCH, { filter: { name } });
      expect(errorCodes(response)).toEqual([{ code: 'BAD_USER_INPUT', path: 'clients' }]);
    }
  });

  it('finds clients by the start of the KIM id, within the scope only', async () => {
    const own = connection(await hub.query('cm-neuss', '{ clients(first: 200) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }'));
    const first = own.edges[0]!.node.id;
    const byPrefix = connection(await hub.query('cm-neuss', SEARCH, { filter: { idPrefix: first.slice(0, -1).toLowerCase() } }));
    expect(byPrefix.edges.map((e) => e.node.id)).toContain(first);
    expect(byPrefix.edges.every((e) => e.node.id.startsWith(first.slice(0, -1)))).toBe(true);
    // `_` and `%` are no wildcards in a prefix either.
    expect(connection(await hub.query('cm-neuss', SEARCH, { filter: { idPrefix: 'K_' } })).totalCount).toBe(0);
    expect(connection(await hub.query('cm-neuss', SEARCH, { filter: { idPrefix: '%' } })).totalCount).toBe(0);
    // The other town's team knows no Neuss client, by id or otherwise.
    const other = connection(await hub.query('cm-dormagen', SEARCH, { filter: { idPrefix: first } }));
    expect(other).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
