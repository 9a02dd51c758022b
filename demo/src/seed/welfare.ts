import type { DemoClient } from '../population/population.ts';
import type { WelfarePrisma } from '@kim/welfare';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Numbers a client's records within each group (e.g. one association's health needs): 1, 2, …
 * INTENTIONAL: never one running number across associations or kinds. An id is shown to whoever
 * may see the record, and a gap ("-HEALTH-2" without "-HEALTH-1") would tell a counsellor that
 * another association holds something, or a housing-only reader that a health need exists.
 */
function numbered<T>(items: readonly T[], groupOf: (item: T) => string): { item: T; n: number }[] {
  const counts = new Map<string, number>();
  return items.map((item) => {
    const group = groupOf(item);
    const n = (counts.get(group) ?? 0) + 1;
    counts.set(group, n);
    return { item, n };
  });
}

/**
 * Seeds the demo population's welfare part, unless the database already has records. Ids are
 * each association's own, derived from the KIM client id, e.g. 'CARITAS-K-000001-CONTACT-1',
 * 'CARITAS-K-000001-HEALTH-1'; language courses 'K-000001-L1'.
 */
export async function seedWelfare(prisma: WelfarePrisma, population: readonly DemoClient[]): Promise<boolean> {
  const existing = await Promise.all([prisma.counsellingContact.count(), prisma.supportNeed.count(), prisma.languageCourse.count()]);
  if (existing.some((n) => n > 0)) return false;
  await prisma.$transaction([
    prisma.counsellingContact.createMany({
      data: population.flatMap((c) =>
        numbered(c.welfare.contacts, (x) => x.association).map(({ item, n }) => ({
          id: `${item.association}-${c.id}-CONTACT-${n}`,
          kimClientId: c.id,
          association: item.association,
          service: item.service,
          date: day(item.date),
          topic: item.topic,
        })),
      ),
    }),
    prisma.supportNeed.createMany({
      data: population.flatMap((c) =>
        numbered(c.welfare.needs, (x) => `${x.association}-${x.kind}`).map(({ item, n }) => ({
          id: `${item.association}-${c.id}-${item.kind}-${n}`,
          kimClientId: c.id,
          association: item.association,
          kind: item.kind,
          description: item.description,
          recordedAt: new Date(item.recordedAt),
        })),
      ),
    }),
    prisma.languageCourse.createMany({
      data: population.flatMap((c) =>
        c.welfare.courses.map((x, i) => ({
          id: `${c.id}-L${i + 1}`,
          kimClientId: c.id,
          provider: x.provider,
          courseType: x.courseType,
          targetLevel: x.targetLevel,
          startedAt: day(x.startedAt),
          completedAt: x.completedAt ? day(x.completedAt) : null,
          certificateLevel: x.certificateLevel,
        })),
      ),
    }),
  ]);
  return true;
}
