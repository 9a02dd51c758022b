/** A residence title as far as its period of validity goes; dates are 'YYYY-MM-DD'. */
export interface TitlePeriod {
  readonly validFrom: string;
  /** Null: unlimited (e.g. a settlement permit). */
  readonly validUntil: string | null;
}

/** Whether a title is valid on `day` (both ends inclusive). */
export function isValidOn(title: TitlePeriod, day: string): boolean {
  return title.validFrom <= day && (title.validUntil === null || day <= title.validUntil);
}

/**
 * The title that is current on `today`: of those valid today, the one issued last; when none is
 * valid today (expired, or only a future one), the one issued last. Null without titles.
 * ISO dates compare correctly as strings.
 */
export function currentTitle<T extends TitlePeriod>(titles: readonly T[], today: string): T | null {
  const latestFirst = [...titles].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  return latestFirst.find((t) => isValidOn(t, today)) ?? latestFirst[0] ?? null;
}
