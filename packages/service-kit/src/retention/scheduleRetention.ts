import type { Logger } from '@kim/core';

/** What one run of a service's erasure job did: the clients erased, and those asked for whose period is not over (nothing of them changed). */
export interface RetentionRun {
  readonly erased: readonly string[];
  readonly refused: readonly string[];
}

/**
 * Runs a service's erasure job every `intervalMinutes` (none when 0), never two runs at once; the
 * first run is one interval after the start. Logs counts only, never which clients. Returns the
 * function that stops it.
 */
export function scheduleRetention(job: () => Promise<RetentionRun>, intervalMinutes: number, log: Logger): () => void {
  if (intervalMinutes <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job()
      .then((run) => {
        if (run.erased.length > 0) log.info({ erased: run.erased.length }, 'retention: erased closed cases');
      })
      .catch((err: unknown) => log.error({ err }, 'retention: erasure job failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMinutes * 60_000);
  // The schedule alone does not keep a process alive.
  timer.unref();
  return () => clearInterval(timer);
}
