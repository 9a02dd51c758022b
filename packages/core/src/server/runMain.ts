/** Runs a service's `index.ts` body: on failure print the reason and exit 1; stop on signals. */
export function runMain(start: () => Promise<{ stop(): Promise<void> }>): void {
  start().then(
    (running) => {
      const shutdown = () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
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
