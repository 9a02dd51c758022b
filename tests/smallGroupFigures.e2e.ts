import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 14, item 8: a figure about fewer than five people is one of them. Every figure of
 * `statistics` — counts, medians, and any count one could work out from two published ones — is
 * suppressed (null) when the group it is computed over is below the threshold.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('small-groups', 30);
});
afterAll(async () => {
  await hub?.stop();
});

const DAY = 86_400_000;
const registrySql = () => hub.services['case-registry'].owner.sql;

/** Replaces every referral to `agency` by `sent` new ones, the first `contacted` with a first contact after `days[i]` days. */
async function referralsTo(agency: string, sent: number, days: readonly number[]) {
  await registrySql().query(`DELETE FROM "Referral" WHERE "toAgency" = $1`, [agency]);
  const sentAt = new Date(Date.now() - 60 * DAY);
  for (let i = 0; i < sent; i++) {
    const firstContactAt = i < days.length ? new Date(sentAt.getTime() + days[i]! * DAY) : null;
    await registrySql().query(
      `INSERT INTO "Referral" ("id", "kimClientId", "toAgency", "reason", "sentAt", "firstContactAt") VALUES ($1, $2, $3, 'test', $4, $5)`,
      [`R-SMALL-${agency}-${i}`, `K-${String(i + 1).padStart(6, '0')}`, agency, sentAt, firstContactAt],
    );
  }
}

interface Figures {
  clientsByTown: { town: string; active: number | null; total: number | null }[];
  referralsByAgency: { toAgency: string; sent: number | null; medianDaysToFirstContact: number | null; stalled: number | null }[];
}

async function figures(): Promise<Figures> {
  const response = await hub.query('ki', '{ statistics { clientsByTown { town active total } referralsByAgency { toAgency sent medianDaysToFirstContact stalled } } }');
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.statistics as Figures;
}

describe('small-group figures (issue 14, item 8)', () => {
  it('suppress the median of fewer than five first contacts, however many referrals were sent', async () => {
    // Six referrals to BAMF, two of them answered (after 3 and 9 days): the median would be one person's wait.
    await referralsTo('BAMF', 6, [3, 9]);
    const bamf = (await figures()).referralsByAgency.find((r) => r.toAgency === 'BAMF');
    expect(bamf).toEqual({ toAgency: 'BAMF', sent: 6, medianDaysToFirstContact: null, stalled: null });
  });

  it('publish the median of five or more first contacts', async () => {
    await referralsTo('BAMF', 10, [1, 2, 3, 4, 5]);
    const bamf = (await figures()).referralsByAgency.find((r) => r.toAgency === 'BAMF');
    expect(bamf).toEqual({ toAgency: 'BAMF', sent: 10, medianDaysToFirstContact: 3, stalled: 5 });
  });

  it('suppress a count whose complement in a published total is a small group', async () => {
    // Neuss: every client active but two, so that total − active would name a group of two.
    await registrySql().query(`UPDATE "Client" SET "status" = 'ACTIVE' WHERE "town" = 'NEUSS'`);
    const ids = await registrySql().query<{ id: string }>(`SELECT "id" FROM "Client" WHERE "town" = 'NEUSS' ORDER BY "id" LIMIT 2`);
    await registrySql().query(`UPDATE "Client" SET "status" = 'CLOSED' WHERE "id" = ANY($1)`, [ids.map((r) => r.id)]);
    const neuss = (await figures()).clientsByTown.find((t) => t.town === 'NEUSS');
    expect(neuss?.total).toBeGreaterThanOrEqual(7);
    expect(neuss?.active).toBeNull();
  });
});
