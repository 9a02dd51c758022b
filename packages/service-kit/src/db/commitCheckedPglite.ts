import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction as AdapterTransaction } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type PgliteClient = Pick<PGlite, 'query' | 'exec' | 'transaction'>;

/**
 * The PGlite Prisma adapter, with a transaction's commit that fails when its COMMIT failed.
 *
 * pglite-prisma-adapter 0.7.2 runs an interactive transaction inside `PGlite.transaction` and
 * answers `commit()` with that promise after a `.catch` that swallows its rejection: a COMMIT that
 * fails (a deferred constraint, a full disk) is reported as success, and Prisma answers the change
 * as done although nothing was stored. Here each PGlite transaction's own promise is kept by the
 * transaction object the adapter hands to its query methods (its `client`), and `commit()` waits
 * for it too. `consent/src/prismaCommit.test.ts` holds this to the same behaviour as PostgreSQL's.
 */
export function commitCheckedPglite(client: PgliteClient): SqlMigrationAwareDriverAdapterFactory {
  const outcomes = new WeakMap<Transaction, Promise<unknown>>();
  const tracking = {
    query: client.query.bind(client),
    exec: client.exec.bind(client),
    transaction: (<T>(run: (tx: Transaction) => Promise<T>) => {
      // Assigned before `run` is called: PGlite awaits its lock and BEGIN first.
      let outcome: Promise<T> | undefined;
      outcome = client.transaction(async (tx) => {
        outcomes.set(tx, outcome!);
        return run(tx);
      });
      return outcome;
    }) as PGlite['transaction'],
  };
  const factory = new PrismaPGlite(tracking as PGlite);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx: AdapterTransaction = await start(isolationLevel);
      const outcome = outcomes.get((tx as unknown as { client: Transaction }).client);
      // Fail closed if the adapter's shape ever changes: no transaction we cannot check.
      if (!outcome) throw new Error('pglite-prisma-adapter: transaction without a known outcome');
      const commit = tx.commit.bind(tx);
      tx.commit = async () => {
        await commit();
        await outcome;
      };
      return tx;
    };
    return adapter;
  };
  return factory;
}
