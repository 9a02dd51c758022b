import { AGENCIES, TOWNS } from '@kim/schema';
import type { CaseRegistryPrisma } from '../db.ts';
import { countCell, groupFigure, partCell } from './smallCells.ts';

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const DAY_MS = 86_400_000;

/** Steering figures: per town and per receiving agency, never per person. */
export async function statistics(prisma: CaseRegistryPrisma) {
  const [byTownStatus, referrals] = await Promise.all([
    prisma.client.groupBy({ by: ['town', 'status'], _count: { _all: true } }),
    prisma.referral.findMany({ select: { toAgency: true, sentAt: true, firstContactAt: true } }),
  ]);
  const clientsByTown = TOWNS.map((town) => {
    const rows = byTownStatus.filter((r) => r.town === town);
    const total = rows.reduce((sum, r) => sum + r._count._all, 0);
    const active = rows.filter((r) => r.status === 'ACTIVE').reduce((sum, r) => sum + r._count._all, 0);
    return { town, active: partCell(active, total), total: countCell(total) };
  });
  const referralsByAgency = AGENCIES.flatMap((agency) => {
    const sent = referrals.filter((r) => r.toAgency === agency);
    if (sent.length === 0) return [];
    // The median is over the referrals that got a first contact: that group must be large
    // enough, not only the referrals sent (issue 14: six sent, two answered → two people's waits).
    const days = sent.flatMap((r) => (r.firstContactAt ? [(r.firstContactAt.getTime() - r.sentAt.getTime()) / DAY_MS] : []));
    return [
      {
        toAgency: agency,
        sent: countCell(sent.length),
        medianDaysToFirstContact: groupFigure(days, median),
        stalled: partCell(sent.length - days.length, sent.length),
      },
    ];
  });
  return { clientsByTown, referralsByAgency };
}
