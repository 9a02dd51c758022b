import { ConfigError, optionalString, positiveInt } from '../config/readEnv.ts';
import type { StopOptions } from './startHttpServer.ts';

/**
 * How a process stops on SIGTERM or SIGINT (`KIM_SHUTDOWN_DELAY_SECONDS`, default 0;
 * `KIM_SHUTDOWN_TIMEOUT_SECONDS`, default 10). Throws naming the variable.
 */
export function shutdownOptions(env: NodeJS.ProcessEnv): Required<StopOptions> {
  const raw = optionalString(env, 'KIM_SHUTDOWN_DELAY_SECONDS');
  const delay = raw === undefined ? 0 : Number(raw);
  if (!Number.isInteger(delay) || delay < 0) throw new ConfigError('KIM_SHUTDOWN_DELAY_SECONDS', `is not a whole number of seconds: ${raw}`);
  return { delayMs: delay * 1000, timeoutMs: positiveInt(env, 'KIM_SHUTDOWN_TIMEOUT_SECONDS', 10) * 1000 };
}

/**
 * Runs a service's `index.ts` body: on failure print the reason and exit 1. On SIGTERM or SIGINT
 * it drains and stops (see `RunningServer.stop`) as `KIM_SHUTDOWN_*` say, read at start.
 */
export function runMain(start: () => Promise<{ stop(options?: StopOptions): Promise<void> }>): void {
  let shutdown: StopOptions;
  try {
    shutdown = shutdownOptions(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  start().then(
    (running) => {
      // Ctrl-C in a terminal signals a launcher and its children alike, and the launcher then
      // sends SIGTERM: a second signal joins the stop under way (stop is idempotent).
      const stop = () => {
        running.stop(shutdown).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/** Runs a one-shot command (a service's `migrate`): exit 0 when done, else print the reason and exit 1. */
export function runCommand(run: () => Promise<unknown>): void {
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
