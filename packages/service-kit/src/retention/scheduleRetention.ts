import type { Logger } from '@kim/core';

/** What one run of a service's erasure job did: the clients erased, and those asked for whose period is not over (nothing of them changed). */
export interface RetentionRun {
  readonly erased: readonly string[];
  readonly refused: readonly string[];
}

/** When the erasure job runs: `firstRunSeconds` after the start, then every `intervalMinutes` (none when 0). */
export interface RetentionSchedule {
  readonly intervalMinutes: number;
  readonly firstRunSeconds: number;
}

/**
 * Runs a service's erasure job `firstRunSeconds` after the start and then every `intervalMinutes`
 * (not at all when that is 0), never two runs at once: the next run is timed from the start of
 * the last, and comes at once after a run that took longer than the interval. The first run
 * comes soon after the start because a service restarted more often than the interval (a daily
 * deployment) would otherwise never erase. Logs counts only, never which clients.
 *
 * Returns the function that stops the schedule; it resolves once a run under way has ended, so
 * the caller may then close the database the job uses.
 */
export function scheduleRetention(job: () => Promise<RetentionRun>, schedule: RetentionSchedule, log: Logger): () => Promise<void> {
  if (schedule.intervalMinutes <= 0) return async () => undefined;
  const intervalMs = schedule.intervalMinutes * 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const next = (delayMs: number) => {
    timer = setTimeout(run, delayMs);
    // The schedule alone does not keep a process alive.
    timer.unref();
  };
  function run() {
    timer = undefined;
    const started = Date.now();
    // A job that throws before its promise is logged like one that rejects.
    running = Promise.resolve()
      .then(job)
      .then((result) => {
        if (result.erased.length > 0) log.info({ erased: result.erased.length }, 'retention: erased closed cases');
      })
      .catch((err: unknown) => log.error({ err }, 'retention: erasure job failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) next(Math.max(0, intervalMs - (Date.now() - started)));
      });
  }

  next(schedule.firstRunSeconds * 1000);
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await running;
  };
}
