import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgedTokens } from './support/forgedTokens.ts';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

/**
 * Issue 14 item 5: budgets per user within the agency's, what a request makes the hub decide and
 * record, refused purposes, and failed authentication per source address. The buckets refill one
 * token a minute: within the file a budget is what its tests spend.
 */
const LIMITS = {
  KIM_RATE_LIMIT_CAPACITY: '3000',
  KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1',
  KIM_RATE_LIMIT_USER_CAPACITY: '600',
  KIM_RATE_LIMIT_USER_REFILL_PER_MINUTE: '1',
  KIM_AUTH_FAILURE_CAPACITY: '10',
  KIM_AUTH_FAILURE_REFILL_PER_MINUTE: '1',
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('ratelimits', 40, { env: LIMITS });
});
afterAll(async () => {
  await hub?.stop();
});

const audited = () => hub.services.consent.prisma.auditEntry.count();
const limited = (r: GraphQLResponse) => r.status === 429 && errorCodes(r).some((e) => e.code === 'RATE_LIMITED');

describe('budgets per user within the agency', () => {
  it("one caseworker's flood leaves the team lead of the same agency served", async () => {
    let sent = 0;
    let last: GraphQLResponse | undefined;
    // The agency's bucket (3000) would outlast this; the caseworker's own (600) must not.
    while (sent < 3100) {
      last = await hub.query('jobcenter-dormagen', '{ __typename }');
      sent++;
      if (last.status !== 200) break;
    }
    expect(last && limited(last)).toBe(true);
    expect(sent).toBeLessThanOrEqual(601);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    const lead = await hub.query('jobcenter', '{ __typename }');
    expect(lead.status).toBe(200);
    expect(lead.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('charges a request with a purpose the role may not declare', async () => {
    let sent = 0;
    let last: GraphQLResponse | undefined;
    while (sent < 700) {
      last = await hub.query('welfare-caritas', '{ __typename }', undefined, { purpose: 'RESIDENCE_PROCEDURE' });
      sent++;
      if (last.status !== 403) break;
    }
    expect(last && limited(last)).toBe(true);
    // Refused purposes spent the counsellor's own budget: a proper request is refused now too.
    expect(limited(await hub.query('welfare-caritas', '{ __typename }'))).toBe(true);
  });
});

describe('audit amplification', () => {
  const COUNT = '{ clients(first: 1, filter: { status: ACTIVE }) { totalCount } }';

  it('a flood of cheap counts is charged for the decisions it makes the hub record, and stops', async () => {
    const before = await audited();
    const first = await hub.query('abh', COUNT);
    expect(first.status).toBe(200);
    const perRequest = (await audited()) - before;
    // The count the gateway charges by is the services' business, not the caller's.
    expect(JSON.stringify(first.body)).not.toMatch(/kimRecordedDecisions/);
    // Without decisions to record there would be nothing to show here.
    expect(perRequest).toBeGreaterThanOrEqual(3);
    // At 2 tokens a request (its own and one object) 300 of these fit the user's 600; charged
    // for its decisions as well, far fewer do.
    let sent = 1;
    let refused: GraphQLResponse | undefined;
    while (sent < 300) {
      const r = await hub.query('abh', COUNT);
      sent++;
      if (r.status !== 200) {
        refused = r;
        break;
      }
    }
    expect(refused && limited(refused)).toBe(true);
    expect(sent).toBeLessThanOrEqual(Math.ceil(600 / (2 + perRequest)) + 2);
    // What was recorded stays within the budget (the last request is charged after the fact).
    expect((await audited()) - before).toBeLessThanOrEqual(600 + perRequest);
  });
});

describe('failed authentication', () => {
  it('is throttled per source address, cheaply, without locking out a token verified before', async () => {
    const known = await hub.token('ki');
    expect((await hub.query(null, '{ __typename }', undefined, { token: known })).status).toBe(200);
    const forged = await forgedTokens();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await hub.query(null, '{ __typename }', undefined, { token: await forged(i) })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    const throttled = await hub.query(null, '{ __typename }', undefined, { token: await forged(99) });
    expect(errorCodes(throttled).map((e) => e.code)).toEqual(['RATE_LIMITED']);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // The coordinator's token was verified before the spray: it is still served.
    const again = await hub.query(null, '{ __typename }', undefined, { token: known });
    expect(again.status).toBe(200);
  });
});
